import type { PeriodSummary } from '../../../src-main/ipc/contract';
import { useI18n } from '../../i18n/i18n';

/** A choice of period, each with its state, newest first as periods.list gives them. */
export function PeriodSelect({
  id,
  label,
  periods,
  value,
  onChange,
  testId,
}: {
  id: string;
  label: string;
  periods: readonly PeriodSummary[];
  value: string;
  onChange: (period: string) => void;
  testId: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <div className="toolbar-field">
      <label htmlFor={id} className="toolbar-label">
        {label}
      </label>
      <select
        id={id}
        className="select"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        data-testid={testId}
      >
        {periods.map((p) => (
          <option key={p.period} value={p.period}>
            {t(p.salesLines > 0 ? 'period.option' : 'period.optionNoSales', {
              period: i18n.formatPeriod(p.period),
              state: t(`periodState.${p.state}`),
              count: p.salesLines,
            })}
          </option>
        ))}
      </select>
    </div>
  );
}
