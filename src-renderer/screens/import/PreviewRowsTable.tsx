import { Fragment, useMemo, useState } from 'react';
import type { ImportKind, ImportProblem, PreviewRow } from '../../../src-main/ipc/contract';
import { Icon } from '../../components/Icon';
import { useI18n } from '../../i18n/i18n';
import { problemText, ROW_STATUS_TEXT, ROW_STATUS_TONE } from './import-texts';

/** Rows per page: a page of a few dozen rows reads well and renders at once, whatever the file's size. */
const PAGE_SIZE = 50;

interface Props {
  kind: ImportKind;
  headers: string[];
  rows: PreviewRow[];
  problems: ImportProblem[];
}

/**
 * The file's rows under the file's own headers, with each row's outcome and, on a line
 * beneath it, its problems; the cell a problem is about is marked. Paged rather than
 * virtualised: the rows are of varying height (problem lines) and a real table keeps
 * the headers and cells announced by screen readers.
 */
export function PreviewRowsTable({ kind, headers, rows, problems }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const [filter, setFilter] = useState<'all' | 'problems'>('all');
  const [page, setPage] = useState(0);

  const problemsByRow = useMemo(() => {
    const map = new Map<number, ImportProblem[]>();
    for (const p of problems) {
      if (p.row === null) continue;
      const list = map.get(p.row);
      if (list) list.push(p);
      else map.set(p.row, [p]);
    }
    return map;
  }, [problems]);

  const hasProblems = (row: PreviewRow) => row.status !== 'accepted' || problemsByRow.has(row.row);
  const shown = filter === 'all' ? rows : rows.filter(hasProblems);
  const withProblems = rows.filter(hasProblems).length;
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const pageRows = shown.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);
  const columnCount = headers.length + 2;

  return (
    <div className="preview-rows">
      <div className="preview-rows-toolbar">
        <div className="segmented segmented--small" role="radiogroup" aria-label={t('import.preview.rows.filter')}>
          {(['all', 'problems'] as const).map((value) => (
            <label key={value} className={filter === value ? 'segment is-checked' : 'segment'}>
              <input
                type="radio"
                name="preview-rows-filter"
                value={value}
                checked={filter === value}
                onChange={() => {
                  setFilter(value);
                  setPage(0);
                }}
              />
              {value === 'all' ? t('import.preview.rows.all') : t('import.preview.rows.problems')}
              <span className="segment-count">{i18n.formatInteger(value === 'all' ? rows.length : withProblems)}</span>
            </label>
          ))}
        </div>
        {shown.length > PAGE_SIZE ? (
          <div className="pager">
            <span className="pager-text" aria-live="polite">
              {t('import.preview.page', {
                from: i18n.formatInteger(current * PAGE_SIZE + 1),
                to: i18n.formatInteger(Math.min(shown.length, (current + 1) * PAGE_SIZE)),
                total: i18n.formatInteger(shown.length),
              })}
            </span>
            <button
              type="button"
              className="btn-icon"
              onClick={() => setPage(current - 1)}
              disabled={current === 0}
              aria-label={t('import.preview.previous')}
              title={t('import.preview.previous')}
            >
              <Icon name="arrowLeft" size={16} />
            </button>
            <button
              type="button"
              className="btn-icon"
              onClick={() => setPage(current + 1)}
              disabled={current >= pages - 1}
              aria-label={t('import.preview.next')}
              title={t('import.preview.next')}
            >
              <Icon name="arrowRight" size={16} />
            </button>
          </div>
        ) : null}
      </div>

      {pageRows.length === 0 ? (
        <p className="muted">{t('import.preview.rows.empty')}</p>
      ) : (
        <div className="table-wrap table-wrap--tall" role="region" aria-labelledby="preview-rows-title" tabIndex={0}>
          <table className="data-table preview-table" data-testid="preview-rows">
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('import.preview.rows.row')}
                </th>
                <th scope="col">{t('import.preview.rows.outcome')}</th>
                {headers.map((header, i) => (
                  <th scope="col" key={`${i}-${header}`}>
                    {header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {pageRows.map((row) => {
                const rowProblems = problemsByRow.get(row.row) ?? [];
                const columns = new Set(rowProblems.map((p) => p.column));
                const problemsId = `preview-row-problems-${row.row}`;
                return (
                  <Fragment key={row.row}>
                    <tr
                      className={`preview-row is-${row.status}${rowProblems.length > 0 ? ' has-problems' : ''}`}
                      data-row={row.row}
                      data-status={row.status}
                      aria-describedby={rowProblems.length > 0 ? problemsId : undefined}
                    >
                      <td className="num">{i18n.formatInteger(row.row)}</td>
                      <td>
                        <span className={`badge badge--${ROW_STATUS_TONE[row.status]}`}>
                          {t(ROW_STATUS_TEXT[row.status])}
                        </span>
                      </td>
                      {headers.map((header, i) => {
                        const value = row.cells[i] ?? null;
                        const flagged = columns.has(header);
                        return (
                          <td
                            key={`${i}-${header}`}
                            className={flagged ? 'preview-cell is-flagged' : 'preview-cell'}
                            title={value && value.length > 40 ? value : undefined}
                          >
                            {value === null || value === '' ? <span className="muted">—</span> : value}
                          </td>
                        );
                      })}
                    </tr>
                    {rowProblems.length > 0 ? (
                      <tr className={`preview-row-problems is-${row.status}`}>
                        <td />
                        <td colSpan={columnCount - 1} id={problemsId}>
                          <span className="sr-only">
                            {t('import.preview.rows.problemsOf', { row: i18n.formatInteger(row.row) })}:{' '}
                          </span>
                          <ul className="row-problem-list">
                            {rowProblems.map((p, i) => (
                              <li key={i} className={`row-problem is-${p.severity}`}>
                                <Icon name={p.severity === 'skipped' ? 'info' : 'alert'} size={14} />
                                {p.column ? <span className="row-problem-column">{p.column}:</span> : null}
                                <span>{problemText(p, i18n, kind)}</span>
                              </li>
                            ))}
                          </ul>
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
