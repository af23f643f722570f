import type { ParticipantRow } from '../../src-main/ipc/contract';
import { useI18n } from '../i18n/i18n';

export function StatusBadge({ status }: { status: ParticipantRow['status'] }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge--${status === 'active' ? 'success' : 'neutral'}`}>
      {t(status === 'active' ? 'status.active' : 'status.inactive')}
    </span>
  );
}
