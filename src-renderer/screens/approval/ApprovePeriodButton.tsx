// Approval: a confirmation, then a written reason for each gate the core refuses to pass
// silently: open verification findings (ANOMALIES_OPEN) and a payout over the budget
// (OVER_BUDGET). Each reason is kept with the approval. Shared by Scoring (the whole period)
// and Payouts (a selection, or fitted to the budget), so that both ask the same questions.
import { useState, type FormEvent } from 'react';
import type { AppErrorData } from '../../../src-main/ipc/contract';
import { describeError } from '../../api/describe-error';
import { safeCall } from '../../api/use-call';
import { Icon } from '../../components/Icon';
import { ModalDialog } from '../../components/ModalDialog';
import { TaskProgress } from '../../components/TaskProgress';
import { DialogActions, DialogError, ReasonField } from '../../components/ReasonField';
import { useI18n, type CurrencyInfo } from '../../i18n/i18n';
import { hrefOf } from '../../navigation';

type Step = 'closed' | 'confirm' | 'reason' | 'findings';

interface Reasons {
  overrideBudget?: string;
  acceptOpenAnomalies?: string;
}

/** What the confirmation states: how many are paid and how much, against which budget. */
interface ApprovalSummary {
  period: string;
  participants: number;
  payoutMinor: number;
  budgetMinor: number | null;
  currency: CurrencyInfo;
}

interface Props {
  summary: ApprovalSummary;
  /** Payouts: pay only a selection, or fit the payouts to the budget. */
  options?: { fitBudget?: boolean; only?: string[] };
  disabled?: boolean;
  onApproved(): void;
  onOpenPeriod(period: string): void;
}

export function ApprovePeriodButton({ summary, options, disabled, onApproved, onOpenPeriod }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const [step, setStep] = useState<Step>('closed');
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [given, setGiven] = useState<Reasons>({});
  const [openFindings, setOpenFindings] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const period = i18n.formatPeriod(summary.period);
  const payout = i18n.formatMoney(summary.payoutMinor, summary.currency);
  const budget = summary.budgetMinor === null ? '' : i18n.formatMoney(summary.budgetMinor, summary.currency);

  const close = () => {
    if (busy) return;
    setStep('closed');
    setError(null);
    setCancelled(false);
    setReason('');
    setReasonMissing(false);
    setGiven({});
  };

  const approve = async (reasons: Reasons) => {
    setBusy(true);
    setError(null);
    setCancelled(false);
    setGiven(reasons);
    // The total in the confirmation is what the operator agrees to; the core refuses if it moved.
    const answer = await safeCall('period.approve', {
      period: summary.period,
      ...options,
      ...reasons,
      expectedPayoutMinor: summary.payoutMinor,
    });
    if (!answer.ok && answer.error.code === 'CANCELLED') {
      // Stopped: said only after the period is looked at again, since an approval that had
      // just committed when the stop came stays approved.
      const periods = await safeCall('periods.list');
      const now = periods.ok ? periods.value.find((p) => p.period === summary.period) : undefined;
      setBusy(false);
      if (now && now.state !== 'open' && now.state !== 'calculated') {
        setStep('closed');
        setGiven({});
        onApproved();
        return;
      }
      setStep('confirm');
      setCancelled(true);
      return;
    }
    setBusy(false);
    if (answer.ok) {
      setStep('closed');
      setGiven({});
      onApproved();
      return;
    }
    setReason('');
    setReasonMissing(false);
    if (answer.error.code === 'ANOMALIES_OPEN' && reasons.acceptOpenAnomalies === undefined) {
      setOpenFindings(typeof answer.error.details?.open === 'number' ? answer.error.details.open : 0);
      setStep('findings');
      return;
    }
    if (answer.error.code === 'OVER_BUDGET' && reasons.overrideBudget === undefined) {
      setStep('reason');
      return;
    }
    setError(answer.error);
  };

  const submitReason = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setReasonMissing(true);
      return;
    }
    void approve(
      step === 'findings'
        ? { ...given, acceptOpenAnomalies: reason.trim() }
        : { ...given, overrideBudget: reason.trim() },
    );
  };

  const earlier =
    error?.code === 'EARLIER_PERIOD_OPEN' && Array.isArray(error.details?.periods)
      ? (error.details.periods as string[])
      : [];

  return (
    <>
      <button
        type="button"
        className="btn btn-primary"
        onClick={() => setStep('confirm')}
        disabled={disabled}
        data-testid="approve"
      >
        <Icon name="lock" size={16} />
        {t('approve.action')}
      </button>
      {step === 'confirm' ? (
        <ModalDialog title={t('approve.title', { period })} onClose={close} testId="approve-dialog">
          <p className="modal-text">{t('approve.text', { count: summary.participants, payout })}</p>
          <p className="modal-text muted">{t('approve.lockText')}</p>
          {cancelled ? (
            <div className="notice notice--info" role="status" data-testid="approve-cancelled">
              <Icon name="info" className="notice-icon" />
              <div className="notice-body">
                <p className="notice-text">{t('approve.cancelled', { period })}</p>
              </div>
            </div>
          ) : null}
          {busy ? <TaskProgress channel="period.approve" /> : null}
          {error ? (
            <div className="notice notice--error" role="alert" data-testid="approve-error">
              <Icon name="alert" className="notice-icon" />
              <div className="notice-body">
                <p className="notice-text">
                  {earlier.length > 0
                    ? t('approve.earlierOpen', { periods: earlier.map((p) => i18n.formatPeriod(p)).join(', ') })
                    : describeError(error, i18n)}
                </p>
              </div>
            </div>
          ) : null}
          <div className="modal-actions">
            <button type="button" className="btn btn-secondary" onClick={close} disabled={busy}>
              {t('common.cancel')}
            </button>
            {earlier[0] ? (
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => {
                  close();
                  onOpenPeriod(earlier[0] ?? summary.period);
                }}
                data-testid="open-earlier-period"
              >
                {t('approve.openPeriod', { period: i18n.formatPeriod(earlier[0]) })}
              </button>
            ) : (
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => void approve({})}
                disabled={busy}
                data-testid="approve-confirm"
              >
                {busy ? <span className="spinner spinner--light" aria-hidden="true" /> : <Icon name="lock" size={16} />}
                {busy ? t('approve.busy') : t('approve.confirm')}
              </button>
            )}
          </div>
        </ModalDialog>
      ) : null}
      {step === 'reason' || step === 'findings' ? (
        <ModalDialog
          key={step}
          title={step === 'findings' ? t('approve.findings.title') : t('approve.overBudget.title')}
          onClose={close}
          testId={step === 'findings' ? 'open-findings-dialog' : 'over-budget-dialog'}
          tone="danger"
        >
          <form className="modal-form" onSubmit={submitReason} noValidate>
            <p className="modal-text">
              {step === 'findings'
                ? t('approve.findings.text', { count: openFindings, period })
                : t('approve.overBudget.text', { payout, budget, period })}
            </p>
            {step === 'findings' ? (
              <a className="link-quiet" href={hrefOf('verification', { period: summary.period })}>
                {t('approve.findings.review')}
              </a>
            ) : null}
            <ReasonField
              id="override-reason"
              label={step === 'findings' ? t('approve.findings.reason') : t('approve.reason')}
              hint={t('approve.reason.hint')}
              value={reason}
              onChange={(value) => {
                setReason(value);
                setReasonMissing(false);
              }}
              missing={reasonMissing}
            />
            {busy ? <TaskProgress channel="period.approve" /> : null}
            <DialogError error={error} testId="approve-error" />
            <DialogActions
              onCancel={close}
              busy={busy}
              tone="danger"
              icon="lock"
              label={step === 'findings' ? t('approve.findings.confirm') : t('approve.overrideConfirm')}
              busyLabel={t('approve.busy')}
              testId="override-confirm"
            />
          </form>
        </ModalDialog>
      ) : null}
    </>
  );
}
