// Taking a decision back while the period is open: with a reason, kept beside the decision,
// which stays on record; the finding opens again and the draft is scored without it.
import { useState, type FormEvent } from 'react';
import type { AppErrorData, DecisionView, VerificationQueue } from '../../../src-main/ipc/contract';
import { safeCall } from '../../api/use-call';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useI18n } from '../../i18n/i18n';

export function WithdrawDecision({
  decision,
  period,
  onWithdrawn,
}: {
  decision: DecisionView;
  period: string;
  onWithdrawn: (queue: VerificationQueue) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<AppErrorData | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await safeCall('verify.withdraw', { period, decisionId: decision.id, reason });
    if (answer.ok) onWithdrawn(answer.value);
    else setError(answer.error);
  };
  if (!open)
    return (
      <button
        type="button"
        className="btn btn-secondary btn-small"
        onClick={() => setOpen(true)}
        data-testid="decision-withdraw"
      >
        {t('withdraw.open')}
      </button>
    );
  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)} noValidate data-testid="withdraw-form">
      <label className="field-label">
        {t('withdraw.reason')}
        <input
          className="input"
          value={reason}
          maxLength={2000}
          onChange={(event) => setReason(event.target.value)}
          data-testid="withdraw-reason"
        />
      </label>
      <button type="submit" className="btn btn-primary btn-small" data-testid="withdraw-submit">
        {t('withdraw.submit')}
      </button>
      <button type="button" className="btn btn-secondary btn-small" onClick={() => setOpen(false)}>
        {t('common.cancel')}
      </button>
      {error ? <ErrorNotice error={error} /> : null}
    </form>
  );
}
