import type { HeldReason } from '../../../src-main/ipc/contract';
import { useI18n } from '../../i18n/i18n';

export function HeldBadge({ reason }: { reason: HeldReason }) {
  const { t } = useI18n();
  return (
    <span className="badge badge--warning badge--small" data-testid="held-badge" title={t(`held.${reason}.long`)}>
      {t(`held.${reason}`)}
    </span>
  );
}
