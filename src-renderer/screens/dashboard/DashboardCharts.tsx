// The Dashboard's four charts (recharts): budget use over the periods against the budget line, points by tier, the
// attainment distribution and the top movers against the previous period. Each has its figures in a table beside it.
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ReferenceLine,
  ResponsiveContainer,
  XAxis,
  YAxis,
  Label,
} from 'recharts';
import type { DashboardOverview } from '../../../src-main/ipc/contract';
import { minorToDecimalString } from '../../../src-main/core/money/minor-units';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { ChartFigure } from './ChartFigure';

const HEIGHT = 260;
const COLORS = { used: '#2f5bd3', budget: '#8a5300', tier: '#2f5bd3', band: '#0c6e3d', up: '#0c6e3d', down: '#b3261e' };
const AXIS_TICK = { fontSize: 12, fill: '#5a6577' };
const AXIS_LABEL = { fontSize: 12, fill: '#3a4553' };

const BAND_LABEL: Record<DashboardOverview['attainment'][number]['band'], MessageKey> = {
  noTarget: 'dashboard.band.noTarget',
  below80: 'dashboard.band.below80',
  from80: 'dashboard.band.from80',
  from100: 'dashboard.band.from100',
  from120: 'dashboard.band.from120',
};

/** Short money for an axis tick (150 tys. zł), from the exact decimal text: no amount goes through a float. */
function useCompactMoney(currency: DashboardOverview['currency']) {
  const { locale } = useI18n();
  const format = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: currency.code,
    notation: 'compact',
    maximumFractionDigits: 1,
  });
  return (minor: number) => format.format(minorToDecimalString(minor, currency.minorDigits) as unknown as number);
}

export function BudgetUseChart({ overview }: { overview: DashboardOverview }) {
  const i18n = useI18n();
  const { t } = i18n;
  const compact = useCompactMoney(overview.currency);
  const money = (minor: number) => i18n.formatMoney(minor, overview.currency);
  const monthFormat = new Intl.DateTimeFormat(i18n.locale, { month: 'short', year: '2-digit', timeZone: 'UTC' });
  const short = (period: string) => {
    const [y, m] = period.split('-').map(Number);
    return monthFormat.format(Date.UTC(y ?? 2000, (m ?? 1) - 1, 1));
  };
  const data = overview.budgetSeries.map((b) => ({ label: short(b.period), ...b }));
  const budgets = [...new Set(overview.budgetSeries.map((b) => b.budgetMinor).filter((b) => b !== null))];
  const top = Math.max(0, ...overview.budgetSeries.flatMap((b) => [b.usedMinor, b.budgetMinor ?? 0]));
  return (
    <ChartFigure
      id="budget"
      title={t('dashboard.chart.budget')}
      note={budgets.length === 0 ? t('dashboard.chart.budget.noBudget') : undefined}
      table={{
        columns: [t('dashboard.col.period'), t('dashboard.col.used'), t('dashboard.col.budget')],
        rows: overview.budgetSeries.map((b) => ({
          key: b.period,
          cells: [i18n.formatPeriod(b.period), money(b.usedMinor), b.budgetMinor === null ? '—' : money(b.budgetMinor)],
        })),
      }}
    >
      <ResponsiveContainer width="100%" height={HEIGHT}>
        <BarChart data={data} margin={{ top: 32, right: 16, bottom: 24, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={AXIS_TICK}>
            <Label value={t('dashboard.axis.period')} position="insideBottom" offset={-16} style={AXIS_LABEL} />
          </XAxis>
          <YAxis
            tickFormatter={compact}
            tick={AXIS_TICK}
            width={96}
            allowDecimals={false}
            domain={[0, top > 0 ? top : 1]}
          >
            <Label value={t('dashboard.axis.money')} position="top" offset={12} style={AXIS_LABEL} />
          </YAxis>
          <Bar dataKey="usedMinor" fill={COLORS.used} isAnimationActive={false} maxBarSize={48}>
            <LabelList dataKey="usedMinor" position="top" formatter={(v) => compact(Number(v))} style={AXIS_TICK} />
          </Bar>
          {budgets.map((budget) => (
            <ReferenceLine
              key={budget}
              y={budget}
              stroke={COLORS.budget}
              strokeDasharray="6 4"
              strokeWidth={2}
              label={{ value: t('dashboard.chart.budgetLine'), position: 'insideTopRight', fill: COLORS.budget }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

export function TierChart({ overview }: { overview: DashboardOverview }) {
  const i18n = useI18n();
  const { t } = i18n;
  const name = (tier: DashboardOverview['tiers'][number]) => tier.name ?? t('dashboard.noTier');
  const data = overview.tiers.map((tier) => ({ label: name(tier), points: tier.points }));
  return (
    <ChartFigure
      id="tiers"
      title={t('dashboard.chart.tiers', { period: i18n.formatPeriod(overview.basis!.period) })}
      table={{
        columns: [t('dashboard.col.tier'), t('dashboard.col.participants'), t('dashboard.col.points')],
        rows: overview.tiers.map((tier) => ({
          key: tier.tier ?? '',
          cells: [name(tier), i18n.formatInteger(tier.participants), i18n.formatInteger(tier.points)],
        })),
      }}
    >
      <VerticalBars
        data={data}
        valueKey="points"
        xLabel={t('dashboard.axis.tier')}
        yLabel={t('dashboard.axis.points')}
        yWidth={72}
        color={COLORS.tier}
      />
    </ChartFigure>
  );
}

/** Whole-number bars over named categories, each bar's value written above it: points by tier, people by band. */
function VerticalBars<K extends string>({
  data,
  valueKey,
  xLabel,
  yLabel,
  yWidth,
  color,
}: {
  data: ({ label: string } & Record<K, number>)[];
  valueKey: K;
  xLabel: string;
  yLabel: string;
  yWidth: number;
  color: string;
}) {
  const i18n = useI18n();
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <BarChart data={data} margin={{ top: 32, right: 16, bottom: 24, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={AXIS_TICK} interval={0}>
          <Label value={xLabel} position="insideBottom" offset={-16} style={AXIS_LABEL} />
        </XAxis>
        <YAxis
          tickFormatter={(v: number) => i18n.formatInteger(v)}
          tick={AXIS_TICK}
          width={yWidth}
          allowDecimals={false}
        >
          <Label value={yLabel} position="top" offset={12} style={AXIS_LABEL} />
        </YAxis>
        <Bar dataKey={valueKey} fill={color} isAnimationActive={false} maxBarSize={64}>
          <LabelList
            dataKey={valueKey}
            position="top"
            formatter={(v) => i18n.formatInteger(Number(v))}
            style={AXIS_TICK}
          />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

export function AttainmentChart({ overview }: { overview: DashboardOverview }) {
  const i18n = useI18n();
  const { t } = i18n;
  const data = overview.attainment.map((a) => ({ label: t(BAND_LABEL[a.band]), participants: a.participants }));
  return (
    <ChartFigure
      id="attainment"
      title={t('dashboard.chart.attainment', { period: i18n.formatPeriod(overview.basis!.period) })}
      table={{
        columns: [t('dashboard.col.band'), t('dashboard.col.participants')],
        rows: overview.attainment.map((a) => ({
          key: a.band,
          cells: [t(BAND_LABEL[a.band]), i18n.formatInteger(a.participants)],
        })),
      }}
    >
      <VerticalBars
        data={data}
        valueKey="participants"
        xLabel={t('dashboard.axis.attainment')}
        yLabel={t('dashboard.axis.participants')}
        yWidth={56}
        color={COLORS.band}
      />
    </ChartFigure>
  );
}

export function MoversChart({ overview }: { overview: DashboardOverview }) {
  const i18n = useI18n();
  const { t } = i18n;
  const movers = overview.movers!;
  const all = [...movers.up, ...movers.down];
  const data = all.map((m) => ({ label: m.name, key: m.code, change: m.change }));
  const names = new Map(all.map((m) => [m.code, m.name]));
  const signed = (v: number) => (v > 0 ? `+${i18n.formatInteger(v)}` : i18n.formatInteger(v));
  return (
    <ChartFigure
      id="movers"
      title={t('dashboard.chart.movers', { period: i18n.formatPeriod(overview.basis!.period) })}
      note={
        all.length === 0
          ? t('dashboard.chart.movers.none')
          : t('dashboard.chart.movers.against', { period: i18n.formatPeriod(movers.previousPeriod) })
      }
      table={{
        columns: [
          t('dashboard.col.participant'),
          t('dashboard.col.previousPoints'),
          t('dashboard.col.points'),
          t('dashboard.col.change'),
        ],
        rows: all.map((m) => ({
          key: m.code,
          cells: [
            `${m.name} (${m.code})`,
            i18n.formatInteger(m.previousPoints),
            i18n.formatInteger(m.points),
            signed(m.change),
          ],
        })),
      }}
    >
      <ResponsiveContainer width="100%" height={Math.max(HEIGHT, 56 + all.length * 30)}>
        <BarChart
          data={data}
          layout="vertical"
          margin={{ top: 8, right: 56, bottom: 24, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tickFormatter={signed} tick={AXIS_TICK} allowDecimals={false}>
            <Label value={t('dashboard.axis.change')} position="insideBottom" offset={-16} style={AXIS_LABEL} />
          </XAxis>
          <YAxis
            type="category"
            dataKey="key"
            tickFormatter={(code: string) => names.get(code) ?? code}
            tick={AXIS_TICK}
            width={150}
            interval={0}
          />
          <ReferenceLine x={0} stroke="#5a6577" />
          <Bar dataKey="change" isAnimationActive={false} maxBarSize={22}>
            {data.map((d) => (
              <Cell key={d.key} fill={d.change > 0 ? COLORS.up : COLORS.down} />
            ))}
            <LabelList dataKey="change" position="right" formatter={(v) => signed(Number(v))} style={AXIS_TICK} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
