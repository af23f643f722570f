import { useState, type RefObject } from 'react';
import type { AppErrorData, ImportPreview, MappingField, ReplacementDiff } from '../../../src-main/ipc/contract';
import { Icon } from '../../components/Icon';
import { Stat } from '../../components/Stat';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { ErrorReportButton } from './ErrorReportButton';
import { fieldLabel } from './import-texts';
import { ImportErrorNotice } from './ImportErrorNotice';
import { UnknownCodesWarning } from './UnknownCodesWarning';
import { PreviewRowsTable } from './PreviewRowsTable';
import { isSecretParticipantField } from '../../../src-main/core/program/participants/mask-reference';

/** The file's columns that feed a card reference or an IBAN (participants files): masked in the preview. */
function secretHeadersOf(fields: readonly { field: string; header: string | null }[]): ReadonlySet<string> {
  return new Set(fields.filter((f) => f.header !== null && isSecretParticipantField(f.field)).map((f) => f.header!));
}
import { ProblemsTable } from './ProblemsTable';

const SOURCE_TAG: Record<NonNullable<MappingField['source']>, MessageKey> = {
  synonym: 'import.mapping.source.synonym',
  remembered: 'import.mapping.source.remembered',
  explicit: 'import.mapping.source.explicit',
};

const CHANGE_TEXT: Record<ReplacementDiff['examples'][number]['change'], MessageKey> = {
  added: 'import.preview.replace.kind.added',
  removed: 'import.preview.replace.kind.removed',
  changed: 'import.preview.replace.kind.changed',
};

const CHANGE_TONE: Record<ReplacementDiff['examples'][number]['change'], string> = {
  added: 'success',
  removed: 'danger',
  changed: 'warning',
};

interface Props {
  jobId: string;
  preview: ImportPreview;
  /** Whether the operator chose the period; otherwise it was taken from the file. */
  periodChosen: boolean;
  committing: boolean;
  commitError: AppErrorData | null;
  onCommit(): void;
  onCancel(): void;
  onAdjust(): void;
  titleRef: RefObject<HTMLHeadingElement | null>;
}

function ReplacementSection({ diff }: { diff: ReplacementDiff }) {
  const i18n = useI18n();
  const { t } = i18n;
  const n = (value: number) => i18n.formatInteger(value);
  const empty = '—';
  return (
    <section
      className="preview-section replacement"
      aria-labelledby="preview-replace-title"
      data-testid="replacement-diff"
    >
      <div className="callout callout--plain">
        <Icon name="replace" size={20} className="callout-icon" />
        <div className="callout-body">
          <h3 className="callout-title" id="preview-replace-title">
            {t('import.preview.replace.title', { file: diff.replacesFileName })}
          </h3>
          <p className="callout-text">{t('import.preview.replace.lead')}</p>
        </div>
      </div>
      <div className="stat-grid stat-grid--report">
        <Stat
          id="diff-added"
          label={t('import.preview.replace.added')}
          value={n(diff.added)}
          tone={diff.added > 0 ? 'success' : undefined}
        />
        <Stat
          id="diff-removed"
          label={t('import.preview.replace.removed')}
          value={n(diff.removed)}
          tone={diff.removed > 0 ? 'danger' : undefined}
        />
        <Stat
          id="diff-changed"
          label={t('import.preview.replace.changed')}
          value={n(diff.changed)}
          tone={diff.changed > 0 ? 'warning' : undefined}
        />
        <Stat
          id="diff-unchanged"
          label={t('import.preview.replace.unchanged')}
          value={n(diff.unchanged)}
          tone="muted"
        />
      </div>
      {diff.examples.length > 0 ? (
        <>
          <h4 className="subsection-title" id="preview-replace-examples">
            {t('import.preview.replace.examples')}
          </h4>
          <div className="table-wrap" role="region" aria-labelledby="preview-replace-examples" tabIndex={0}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('import.preview.replace.change')}</th>
                  <th scope="col">{t('import.preview.replace.line')}</th>
                  <th scope="col">{t('import.preview.replace.before')}</th>
                  <th scope="col">{t('import.preview.replace.after')}</th>
                </tr>
              </thead>
              <tbody>
                {diff.examples.map((example, i) => (
                  <tr key={i}>
                    <td>
                      <span className={`badge badge--${CHANGE_TONE[example.change]}`}>
                        {t(CHANGE_TEXT[example.change])}
                      </span>
                    </td>
                    <td className="cell-value">
                      <code>{example.key}</code>
                    </td>
                    <td className="change-from-cell">{example.before ?? empty}</td>
                    <td className="change-to-cell">{example.after ?? empty}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}

/**
 * Everything about the file before anything is written: counts, changes of layout, a correction's differences, the rows
 * and their problems.
 */
export function PreviewStep({
  jobId,
  preview,
  periodChosen,
  committing,
  commitError,
  onCommit,
  onCancel,
  onAdjust,
  titleRef,
}: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const n = (value: number) => i18n.formatInteger(value);
  const layout = preview.layoutChange;
  // A file that looks like another program's is imported only once the coordinator says it is the right one.
  const [confirmedProgram, setConfirmedProgram] = useState(false);
  const suspicious = preview.unknownCodes ?? null;
  const canCommit = (preview.accepted > 0 || preview.replacement !== null) && (suspicious === null || confirmedProgram);
  const mapped = preview.fields.filter((f) => f.header !== null);

  return (
    <section className="card import-card preview" aria-labelledby="import-step-title" data-testid="import-preview">
      <div className="step-header">
        <span
          className={preview.rejected > 0 || layout ? 'step-icon step-icon--attention' : 'step-icon'}
          aria-hidden="true"
        >
          <Icon name={preview.rejected > 0 || layout ? 'alert' : 'sheet'} size={22} />
        </span>
        <div className="step-heading">
          <h2 className="card-title step-title" id="import-step-title" tabIndex={-1} ref={titleRef}>
            {t('import.preview.title')}
          </h2>
          <p className="step-sub">
            {preview.sheet
              ? t('import.report.file', { file: preview.fileName, sheet: preview.sheet, row: preview.headerRow })
              : t('import.report.fileNoSheet', { file: preview.fileName, row: preview.headerRow })}
            {' · '}
            {t('import.preview.nothingWritten')}
          </p>
          {preview.period ? (
            <p className="preview-period" data-testid="preview-period" data-period={preview.period}>
              <Icon name="clock" size={15} />
              {t(periodChosen ? 'import.preview.period' : 'import.preview.periodFromFile', {
                period: i18n.formatPeriod(preview.period),
              })}
            </p>
          ) : null}
        </div>
      </div>

      {suspicious ? (
        <UnknownCodesWarning summary={suspicious} confirmed={confirmedProgram} onConfirm={setConfirmedProgram} />
      ) : null}

      {layout ? (
        <div className="notice notice--warning" role="note" data-testid="layout-change">
          <Icon name="alert" className="notice-icon" />
          <div className="notice-body">
            <p className="notice-title">{t('import.preview.layout.title', { file: layout.previousFileName })}</p>
            {layout.added.length > 0 ? (
              <p className="layout-line">
                <span className="layout-label">{t('import.preview.layout.added')}:</span>
                {layout.added.map((h) => (
                  <span key={h} className="column-chip column-chip--added">
                    {h}
                  </span>
                ))}
              </p>
            ) : null}
            {layout.removed.length > 0 ? (
              <p className="layout-line">
                <span className="layout-label">{t('import.preview.layout.removed')}:</span>
                {layout.removed.map((h) => (
                  <span key={h} className="column-chip column-chip--removed">
                    {h}
                  </span>
                ))}
              </p>
            ) : null}
            <p className="notice-text small">{t('import.preview.layout.hint')}</p>
          </div>
        </div>
      ) : null}

      <div className="stat-grid stat-grid--report" data-testid="preview-counts">
        <Stat id="rows-read" label={t('import.report.rowsRead')} value={n(preview.rowsRead)} />
        <Stat id="accepted" label={t('import.report.accepted')} value={n(preview.accepted)} tone="success" />
        <Stat
          id="rejected"
          label={t('import.report.rejected')}
          value={n(preview.rejected)}
          tone={preview.rejected > 0 ? 'danger' : undefined}
        />
        <Stat id="skipped" label={t('import.report.skipped')} value={n(preview.skipped)} />
        <Stat
          id="duplicates"
          label={t('import.preview.duplicates')}
          value={n(preview.duplicates)}
          tone={preview.duplicates > 0 ? 'warning' : undefined}
        />
      </div>

      {preview.replacement ? <ReplacementSection diff={preview.replacement} /> : null}

      <section className="preview-section" aria-labelledby="preview-columns-title">
        <div className="section-header">
          <h3 className="section-title" id="preview-columns-title">
            {t('import.preview.columns')}
          </h3>
          <button type="button" className="btn btn-ghost btn-small" onClick={onAdjust} data-testid="adjust-columns">
            <Icon name="columns" size={15} />
            {t('import.preview.adjust')}
          </button>
        </div>
        <dl className="mapping-list" data-testid="import-mapping">
          {mapped.map((f) => (
            <div className="mapping-item" key={f.field}>
              <dt>{fieldLabel(f.field, i18n, preview.kind)}</dt>
              <dd>
                <span className="column-chip">{f.header}</span>
                {f.source && f.source !== 'synonym' ? (
                  <span className={`source-tag source-tag--${f.source}`}>{t(SOURCE_TAG[f.source])}</span>
                ) : null}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="preview-section" aria-labelledby="preview-rows-title">
        <h3 className="section-title" id="preview-rows-title">
          {t('import.preview.rows')}
        </h3>
        <p className="section-lead">
          {preview.rows.length < preview.rowsRead
            ? t('import.preview.rows.sample', { shown: preview.rows.length, total: preview.rowsRead })
            : t('import.preview.rows.lead')}
        </p>
        <PreviewRowsTable
          kind={preview.kind}
          headers={preview.headers}
          rows={preview.rows}
          problems={preview.problems}
          secretHeaders={secretHeadersOf(preview.fields)}
        />
      </section>

      {preview.problems.length > 0 ? (
        <details className="preview-section problems-details" data-testid="preview-problems">
          <summary>
            <span className="section-title" id="preview-problems-title">
              {t('import.preview.problems')}
            </span>
            <span className="count-pill">{t('import.report.problemCount', { count: preview.problems.length })}</span>
          </summary>
          <ProblemsTable problems={preview.problems} kind={preview.kind} labelledBy="preview-problems-title" />
        </details>
      ) : null}

      {!canCommit && suspicious === null ? (
        <div className="notice notice--warning">
          <Icon name="info" className="notice-icon" />
          <p className="notice-text">{t('import.preview.nothingToImport')}</p>
        </div>
      ) : null}
      {commitError ? <ImportErrorNotice error={commitError} /> : null}

      <div className="step-footer">
        <div className="step-footer-start">
          {preview.problems.length > 0 ? <ErrorReportButton source={{ jobId }} /> : null}
        </div>
        <div className="step-actions">
          <button
            type="button"
            className="btn btn-ghost"
            onClick={onCancel}
            disabled={committing}
            data-testid="import-cancel"
          >
            {t('import.cancel')}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            onClick={onCommit}
            disabled={!canCommit || committing}
            aria-busy={committing}
            data-testid="import-commit"
          >
            {committing ? (
              <span className="spinner spinner--light" aria-hidden="true" />
            ) : (
              <Icon name="check" size={16} />
            )}
            {committing
              ? t('import.preview.committing')
              : t(preview.replacement ? 'import.preview.commitCorrection' : 'import.preview.commit', {
                  count: preview.accepted,
                })}
          </button>
        </div>
      </div>
    </section>
  );
}
