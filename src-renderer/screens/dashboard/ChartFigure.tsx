import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';

export interface FigureTable {
  columns: string[];
  rows: { key: string; cells: string[] }[];
}

/**
 * A chart with its heading, and its figures as a table under "Figures": the table is what a screen reader reads
 * (the drawing is hidden from it), and anyone can open it to read the exact values.
 */
export function ChartFigure({
  id,
  title,
  note,
  table,
  children,
}: {
  id: string;
  title: string;
  note?: string;
  table: FigureTable;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <section className="card chart-card" aria-labelledby={`${id}-title`} data-testid={`chart-${id}`}>
      <h3 className="card-title" id={`${id}-title`}>
        {title}
      </h3>
      {note ? <p className="card-lead">{note}</p> : null}
      <div className="chart-box" aria-hidden="true" data-testid={`chart-${id}-drawing`}>
        {children}
      </div>
      <details className="chart-figures">
        <summary>{t('dashboard.chart.figures')}</summary>
        <div className="table-wrap">
          <table className="data-table" data-testid={`chart-${id}-table`}>
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                {table.columns.map((c, i) => (
                  <th key={c} scope="col" className={i > 0 ? 'num' : undefined}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r) => (
                <tr key={r.key}>
                  {r.cells.map((c, i) =>
                    i === 0 ? (
                      <th key={i} scope="row">
                        {c}
                      </th>
                    ) : (
                      <td key={i} className="num">
                        {c}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
