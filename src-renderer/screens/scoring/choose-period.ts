import type { PeriodSummary } from '../../../src-main/ipc/contract';
import { isLockedState } from '../../components/PeriodStateBadge';

/** The period the coordinator most likely works on: the newest with sales that is not locked. */
export function defaultPeriod(periods: readonly PeriodSummary[]): string | null {
  const working = periods.find((p) => p.salesLines > 0 && !isLockedState(p.state));
  return (working ?? periods.find((p) => p.salesLines > 0) ?? periods[0])?.period ?? null;
}
