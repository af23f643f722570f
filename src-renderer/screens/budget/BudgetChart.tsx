import type { BudgetView } from '../../../src-main/ipc/contract';
import { useI18n } from '../../i18n/i18n';

const BAR = 18;
const GAP = 4;
const GROUP_GAP = 28;
const HEIGHT = 200;
const AXIS = 28;
const LEFT = 8;

type Series = 'budgetedMinor' | 'approvedMinor' | 'paidMinor';
const SERIES: {
  key: Series;
  className: string;
  label: 'budget.legend.budgeted' | 'budget.legend.approved' | 'budget.legend.paid';
}[] = [
  { key: 'budgetedMinor', className: 'bar-budget', label: 'budget.legend.budgeted' },
  { key: 'approvedMinor', className: 'bar-approved', label: 'budget.legend.approved' },
  { key: 'paidMinor', className: 'bar-paid', label: 'budget.legend.paid' },
];

/**
 * Budget, approved and paid side by side for each period. Drawn as plain SVG (no chart
 * library is among the dependencies); the table beside it carries the same figures for a
 * screen reader, so the picture is described in one sentence rather than bar by bar.
 */
export function BudgetChart({ view }: { view: BudgetView }) {
  const i18n = useI18n();
  const { t } = i18n;
  const periods = view.periods;
  const max = Math.max(1, ...periods.flatMap((p) => [p.budgetedMinor ?? 0, p.approvedMinor, p.paidMinor]));
  const groupWidth = SERIES.length * BAR + (SERIES.length - 1) * GAP;
  const width = LEFT * 2 + periods.length * groupWidth + Math.max(0, periods.length - 1) * GROUP_GAP;
  const height = HEIGHT + AXIS;
  // Pixels, not money: a float is fine here.
  const barHeight = (minor: number) => Math.round((minor / max) * (HEIGHT - 8));
  const monthFormat = new Intl.DateTimeFormat(i18n.locale, { month: 'short', year: '2-digit', timeZone: 'UTC' });
  const shortPeriod = (period: string) => {
    const [y, m] = period.split('-').map(Number);
    return monthFormat.format(Date.UTC(y ?? 2000, (m ?? 1) - 1, 1));
  };

  return (
    <figure className="budget-chart" data-testid="budget-chart">
      <div className="chart-legend" aria-hidden="true">
        {SERIES.map((s) => (
          <span key={s.key} className="legend-item">
            <span className={`legend-swatch ${s.className}`} />
            {t(s.label)}
          </span>
        ))}
      </div>
      <div className="chart-scroll">
        <svg
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-labelledby="budget-chart-title"
        >
          <title id="budget-chart-title">{t('budget.chart.label')}</title>
          <line x1={0} x2={width} y1={HEIGHT} y2={HEIGHT} className="chart-axis" />
          {periods.map((p, i) => {
            const x0 = LEFT + i * (groupWidth + GROUP_GAP);
            return (
              <g key={p.period}>
                {SERIES.map((s, j) => {
                  const value = p[s.key] ?? 0;
                  const h = barHeight(value);
                  return (
                    <rect
                      key={s.key}
                      x={x0 + j * (BAR + GAP)}
                      y={HEIGHT - h}
                      width={BAR}
                      height={Math.max(h, value > 0 ? 1 : 0)}
                      rx={2}
                      className={s.className}
                    >
                      <title>{`${i18n.formatPeriod(p.period)} · ${t(s.label)}: ${i18n.formatMoney(value, view.currency)}`}</title>
                    </rect>
                  );
                })}
                <text x={x0 + groupWidth / 2} y={HEIGHT + 18} textAnchor="middle" className="chart-label">
                  {shortPeriod(p.period)}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
    </figure>
  );
}
