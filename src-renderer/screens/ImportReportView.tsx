import type { ImportProblem, ImportReport } from '../../src-main/ipc/contract';
import { Icon } from '../components/Icon';
import { useI18n, type Translator } from '../i18n/i18n';
import { hrefOf } from '../navigation';

/** More rows than this are summarised: a report of a broken 100,000-row file stays quick to show. */
const MAX_TABLE_ROWS = 1000;

export function fieldLabel(field: string, i18n: Pick<Translator, 't' | 'hasKey'>): string {
  const key = `field.${field}`;
  return i18n.hasKey(key) ? i18n.t(key) : field;
}

/** The problem in the operator's language by its code and params; the core's sentence where we have no full translation. */
/** A stored value as the operator reads it: statuses in their language, the rest as stored. */
export function fieldValueText(field: string, value: string | null, i18n: Pick<Translator, 't' | 'formatDate'>): string {
  if (value === null || value === '') return '—';
  if (field === 'status' && (value === 'active' || value === 'inactive')) return i18n.t(value === 'active' ? 'status.active' : 'status.inactive');
  if (field === 'joinDate') return i18n.formatDate(value);
  return value;
}

export function problemText(problem: ImportProblem, i18n: Pick<Translator, 'tIfComplete'>): string {
  return i18n.tIfComplete(`problem.${problem.code}`, problem.params) ?? problem.reason;
}

function Stat({ id, label, value, tone }: { id: string; label: string; value: string; tone?: 'success' | 'danger' | 'muted' }) {
  return (
    <div className={tone ? `stat stat--${tone}` : 'stat'} data-testid={`stat-${id}`}>
      <span className="stat-label">{label}</span>
      <span className="stat-value">{value}</span>
    </div>
  );
}

export function ImportReportView({ report, onAnother }: { report: ImportReport; onAnother: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const n = (value: number) => i18n.formatInteger(value);
  const clean = report.rejected === 0 && report.problems.length === 0;
  const problems = report.problems.slice(0, MAX_TABLE_ROWS);
  const changes = report.changes.flatMap((change) => change.changes.map((field, i) => ({ key: `${change.code}-${change.row}-${i}`, code: change.code, row: change.row, ...field })));
  const shownChanges = changes.slice(0, MAX_TABLE_ROWS);
  const mapping = Object.entries(report.mapping);
  const empty = '—';

  return (
    <section className="card report" aria-labelledby="report-title" data-testid="import-report">
      <div className="report-header">
        <span className={clean ? 'report-icon report-icon--ok' : 'report-icon report-icon--attention'} aria-hidden="true">
          <Icon name={clean ? 'checkCircle' : 'alert'} size={22} />
        </span>
        <div className="report-heading">
          <h2 className="card-title" id="report-title">
            {t('import.report.title')}
          </h2>
          <p className="report-file">
            {report.sheet
              ? t('import.report.file', { file: report.fileName, sheet: report.sheet, row: report.headerRow })
              : t('import.report.fileNoSheet', { file: report.fileName, row: report.headerRow })}
          </p>
        </div>
        <div className="report-actions">
          <button type="button" className="btn btn-secondary" onClick={onAnother}>
            <Icon name="upload" size={16} />
            {t('import.report.another')}
          </button>
          <a className="btn btn-primary" href={hrefOf('participants')}>
            {t('import.report.viewParticipants')}
          </a>
        </div>
      </div>

      <div className="stat-grid stat-grid--report">
        <Stat id="rows-read" label={t('import.report.rowsRead')} value={n(report.rowsRead)} />
        <Stat id="accepted" label={t('import.report.accepted')} value={n(report.accepted)} tone="success" />
        <Stat id="rejected" label={t('import.report.rejected')} value={n(report.rejected)} tone={report.rejected > 0 ? 'danger' : undefined} />
        <Stat id="skipped" label={t('import.report.skipped')} value={n(report.skipped)} />
        <Stat id="created" label={t('import.report.created')} value={n(report.created)} tone="muted" />
        <Stat id="updated" label={t('import.report.updated')} value={n(report.updated)} tone="muted" />
        <Stat id="unchanged" label={t('import.report.unchanged')} value={n(report.unchanged)} tone="muted" />
      </div>

      <div className="report-sections">
        <section className="report-section report-section--mapping" aria-labelledby="report-mapping">
          <h3 className="section-title" id="report-mapping">
            {t('import.report.mapping')}
          </h3>
          <dl className="mapping-list" data-testid="import-mapping">
            {mapping.map(([field, column]) => (
              <div className="mapping-item" key={field}>
                <dt>{fieldLabel(field, i18n)}</dt>
                <dd>
                  <span className="column-chip" title={t('import.report.column')}>
                    {column}
                  </span>
                </dd>
              </div>
            ))}
          </dl>
        </section>

        <section className="report-section report-section--problems" aria-labelledby="report-problems">
          <h3 className="section-title" id="report-problems">
            {t('import.report.problems')}
            {report.problems.length > 0 ? <span className="count-pill">{t('import.report.problemCount', { count: report.problems.length })}</span> : null}
          </h3>
          {report.problems.length === 0 ? (
            <p className="muted with-icon">
              <Icon name="checkCircle" size={16} className="text-success" />
              {t('import.report.noProblems')}
            </p>
          ) : (
            <>
              <div className="table-wrap table-wrap--tall" role="region" aria-labelledby="report-problems" tabIndex={0}>
                <table className="data-table" data-testid="import-problems">
                  <thead>
                    <tr>
                      <th scope="col" className="num">
                        {t('import.report.row')}
                      </th>
                      <th scope="col">{t('import.report.problemColumn')}</th>
                      <th scope="col">{t('import.report.value')}</th>
                      <th scope="col">{t('import.report.reason')}</th>
                      <th scope="col">{t('import.report.outcome')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {problems.map((problem, i) => (
                      <tr key={i}>
                        <td className="num">{problem.row === null ? t('import.report.wholeFile') : n(problem.row)}</td>
                        <td className="nowrap">{problem.column ?? empty}</td>
                        <td className="cell-value">{problem.value === null || problem.value === '' ? empty : <code title={problem.value}>{problem.value}</code>}</td>
                        <td className="cell-reason">{problemText(problem, i18n)}</td>
                        <td>
                          <span className={`badge badge--${problem.severity === 'error' ? 'danger' : problem.severity === 'warning' ? 'warning' : 'neutral'}`}>
                            {t(problem.severity === 'error' ? 'import.severity.error' : problem.severity === 'warning' ? 'import.severity.warning' : 'import.severity.skipped')}
                          </span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {report.problems.length > problems.length ? (
                <p className="muted small">{t('import.report.moreRows', { shown: problems.length, total: report.problems.length })}</p>
              ) : null}
            </>
          )}
        </section>

        <section className="report-section report-section--changes" aria-labelledby="report-changes">
          <h3 className="section-title" id="report-changes">
            {t('import.report.changes')}
          </h3>
          {changes.length === 0 ? (
            <p className="muted">{t('import.report.noChanges')}</p>
          ) : (
            <>
              <div className="table-wrap table-wrap--tall" role="region" aria-labelledby="report-changes" tabIndex={0}>
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
                        <td>{fieldLabel(change.field, i18n)}</td>
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
                <p className="muted small">{t('import.report.moreRows', { shown: shownChanges.length, total: changes.length })}</p>
              ) : null}
            </>
          )}
        </section>
      </div>
    </section>
  );
}
