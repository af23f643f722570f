import type { PeriodState } from '../../src-main/ipc/contract';
import { useI18n } from '../i18n/i18n';
import { Icon } from './Icon';

const TONE: Record<PeriodState, string> = {
  open: 'neutral',
  calculated: 'info',
  approved: 'success',
  exported: 'success',
  closed: 'neutral',
};

export function isLockedState(state: PeriodState): boolean {
  return state === 'approved' || state === 'exported' || state === 'closed';
}

/** A period's state; a padlock on the states that never change again. */
export function PeriodStateBadge({ state }: { state: PeriodState }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge--${TONE[state]}`} data-testid="period-state" data-state={state}>
      {isLockedState(state) ? <Icon name="lock" size={13} /> : null}
      {t(`periodState.${state}`)}
    </span>
  );
}
