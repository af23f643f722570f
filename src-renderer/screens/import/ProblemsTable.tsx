import type { ImportKind, ImportProblem } from '../../../src-main/ipc/contract';
import { useI18n } from '../../i18n/i18n';
import { problemText, SEVERITY_TEXT, SEVERITY_TONE } from './import-texts';

/** More rows than this are summarised: the problems of a broken 100,000-row file stay quick to show. */
const MAX_TABLE_ROWS = 1000;

/** Every problem by row, column, value and reason, as the client will get them back. */
export function ProblemsTable({
  problems,
  kind,
  labelledBy,
  testId = 'import-problems',
}: {
  problems: ImportProblem[];
  kind: ImportKind;
  labelledBy: string;
  testId?: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const shown = problems.slice(0, MAX_TABLE_ROWS);
  const empty = '—';
  return (
    <>
      <div className="table-wrap table-wrap--tall" role="region" aria-labelledby={labelledBy} tabIndex={0}>
        <table className="data-table" data-testid={testId}>
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
            {shown.map((problem, i) => (
              <tr key={i}>
                <td className="num">
                  {problem.row === null ? t('import.report.wholeFile') : i18n.formatInteger(problem.row)}
                </td>
                <td className="nowrap">{problem.column ?? empty}</td>
                <td className="cell-value">
                  {problem.value === null || problem.value === '' ? (
                    empty
                  ) : (
                    <code title={problem.value}>{problem.value}</code>
                  )}
                </td>
                <td className="cell-reason">{problemText(problem, i18n, kind)}</td>
                <td>
                  <span className={`badge badge--${SEVERITY_TONE[problem.severity]}`}>
                    {t(SEVERITY_TEXT[problem.severity])}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {problems.length > shown.length ? (
        <p className="muted small">
          {t('import.report.moreRows', {
            shown: i18n.formatInteger(shown.length),
            total: i18n.formatInteger(problems.length),
          })}
        </p>
      ) : null}
    </>
  );
}
