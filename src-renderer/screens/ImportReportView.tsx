import type { ReactNode, RefObject } from 'react';
import type { ImportReport } from '../../src-main/ipc/contract';
import { Icon } from '../components/Icon';
import { Stat } from '../components/Stat';
import { useI18n } from '../i18n/i18n';
import { hrefOf } from '../navigation';
import { fieldLabel, fieldValueText } from './import/import-texts';
import { MappingSection, ProblemsSection } from './import/ReportSections';

/** More rows than this are summarised: a report of a broken 100,000-row file stays quick to show. */
const MAX_TABLE_ROWS = 1000;

interface Props {
  report: ImportReport;
  onAnother: () => void;
  /** More actions beside "Import another file", such as exporting the error report. */
  actions?: ReactNode;
  titleRef?: RefObject<HTMLHeadingElement | null>;
}

/**
 * What an import did, once it is written: counts, the columns used, every problem and, for participants, every change.
 */
export function ImportReportView({ report, onAnother, actions, titleRef }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const n = (value: number) => i18n.formatInteger(value);
  const clean = report.rejected === 0 && report.problems.length === 0;
  const participants = report.kind === 'participants';
  // A confirmation's accepted rows made top-ups paid (created) or failed (updated), or were known already.
  const confirmations = report.kind === 'confirmations';
  const changes = report.changes.flatMap((change) =>
    change.changes.map((field, i) => ({
      key: `${change.code}-${change.row}-${i}`,
      code: change.code,
      row: change.row,
      ...field,
    })),
  );
  const shownChanges = changes.slice(0, MAX_TABLE_ROWS);
  // Duplicate lines are a sales notion; other kinds report a repeated code as a rejected row.
  const duplicates = report.kind === 'sales' ? (report.duplicates ?? 0) : null;

  return (
    <section className="card report" aria-labelledby="report-title" data-testid="import-report">
      <div className="report-header">
        <span
          className={clean ? 'report-icon report-icon--ok' : 'report-icon report-icon--attention'}
          aria-hidden="true"
        >
          <Icon name={clean ? 'checkCircle' : 'alert'} size={22} />
        </span>
        <div className="report-heading">
          <h2 className="card-title step-title" id="report-title" tabIndex={-1} ref={titleRef}>
            {t('import.report.title')}
          </h2>
          <p className="report-file">
            {report.sheet
              ? t('import.report.file', { file: report.fileName, sheet: report.sheet, row: report.headerRow })
              : t('import.report.fileNoSheet', { file: report.fileName, row: report.headerRow })}
          </p>
          {report.period ? (
            <p className="report-period" data-testid="report-period">
              <Icon name="clock" size={14} />
              {t('import.preview.period', { period: i18n.formatPeriod(report.period) })}
            </p>
          ) : null}
        </div>
        <div className="report-actions">
          {actions}
          <button type="button" className="btn btn-secondary" onClick={onAnother}>
            <Icon name="upload" size={16} />
            {t('import.report.another')}
          </button>
          {participants ? (
            <a className="btn btn-primary" href={hrefOf('participants')}>
              {t('import.report.viewParticipants')}
            </a>
          ) : null}
          {confirmations ? (
            <a className="btn btn-primary" href={hrefOf('payouts')} data-testid="view-payouts">
              {t('import.report.viewPayouts')}
            </a>
          ) : null}
        </div>
      </div>

      <div className="stat-grid stat-grid--report">
        <Stat id="rows-read" label={t('import.report.rowsRead')} value={n(report.rowsRead)} />
        <Stat id="accepted" label={t('import.report.accepted')} value={n(report.accepted)} tone="success" />
        <Stat
          id="rejected"
          label={t('import.report.rejected')}
          value={n(report.rejected)}
          tone={report.rejected > 0 ? 'danger' : undefined}
        />
        <Stat id="skipped" label={t('import.report.skipped')} value={n(report.skipped)} />
        {duplicates !== null ? (
          <Stat
            id="duplicates"
            label={t('import.preview.duplicates')}
            value={n(duplicates)}
            tone={duplicates > 0 ? 'warning' : undefined}
          />
        ) : null}
        {report.kind !== 'sales' ? (
          <>
            <Stat
              id="created"
              label={t(confirmations ? 'import.report.confirmations.paid' : 'import.report.created')}
              value={n(report.created)}
              tone={confirmations && report.created > 0 ? 'success' : 'muted'}
            />
            <Stat
              id="updated"
              label={t(confirmations ? 'import.report.confirmations.failed' : 'import.report.updated')}
              value={n(report.updated)}
              tone={confirmations && report.updated > 0 ? 'danger' : 'muted'}
            />
            <Stat
              id="unchanged"
              label={t(confirmations ? 'import.report.confirmations.known' : 'import.report.unchanged')}
              value={n(report.unchanged)}
              tone="muted"
            />
          </>
        ) : null}
      </div>

      <div className="report-sections">
        <MappingSection idPrefix="report" kind={report.kind} mapping={report.mapping} />
        <ProblemsSection idPrefix="report" kind={report.kind} problems={report.problems} />

        {participants ? (
          <section className="report-section report-section--changes" aria-labelledby="report-changes">
            <h3 className="section-title" id="report-changes">
              {t('import.report.changes')}
            </h3>
            {changes.length === 0 ? (
              <p className="muted">{t('import.report.noChanges')}</p>
            ) : (
              <>
                <div
                  className="table-wrap table-wrap--tall"
                  role="region"
                  aria-labelledby="report-changes"
                  tabIndex={0}
                >
                  <table className="data-table" data-testid="import-changes">
                    <thead>
                      <tr>
                        <th scope="col">{t('import.report.participant')}</th>
                        <th scope="col" className="num">
                          {t('import.report.row')}
                        </th>
                        <th scope="col">{t('import.report.field')}</th>
                        <th scope="col">{t('import.report.change')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {shownChanges.map((change) => (
                        <tr key={change.key}>
                          <td>
                            <code>{change.code}</code>
                          </td>
                          <td className="num">{n(change.row)}</td>
                          <td>{fieldLabel(change.field, i18n, report.kind)}</td>
                          <td>
                            <span className="change">
                              <span className="change-from">{fieldValueText(change.field, change.from, i18n)}</span>
                              <Icon name="arrowRight" size={14} className="change-arrow" />
                              <span className="change-to">{fieldValueText(change.field, change.to, i18n)}</span>
                            </span>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                {changes.length > shownChanges.length ? (
                  <p className="muted small">
                    {t('import.report.moreRows', { shown: shownChanges.length, total: changes.length })}
                  </p>
                ) : null}
              </>
            )}
          </section>
        ) : null}
      </div>
    </section>
  );
}
