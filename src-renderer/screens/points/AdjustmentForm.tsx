import { useState, type FormEvent } from 'react';
import type { AppErrorData, PeriodSummary } from '../../../src-main/ipc/contract';
import { describeError } from '../../api/describe-error';
import { safeCall } from '../../api/use-call';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { isLockedState } from '../../components/PeriodStateBadge';
import { formatSignedPoints } from '../../forms/format-figures';
import { readTypedWhole } from '../../forms/typed-amount';
import { useI18n } from '../../i18n/i18n';

type Field = 'period' | 'points' | 'reason';

/**
 * A manual adjustment: whole points, plus or minus, with a reason that is kept and shown wherever they are explained.
 */
export function AdjustmentForm({
  code,
  periods,
  defaultPeriod,
  onAdded,
}: {
  code: string;
  periods: readonly PeriodSummary[];
  defaultPeriod: string;
  onAdded: (period: string) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [period, setPeriod] = useState(defaultPeriod);
  const [points, setPoints] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    setError(null);
    const parsed = readTypedWhole(points, i18n.locale, { allowNegative: true });
    const found: Partial<Record<Field, string>> = {};
    if (!parsed.ok || parsed.value === 0) found.points = t('adjust.pointsInvalid');
    if (reason.trim() === '') found.reason = t('error.REASON_REQUIRED');
    setErrors(found);
    if (!parsed.ok || Object.keys(found).length > 0) return;
    setBusy(true);
    const answer = await safeCall('ledger.adjust', {
      period,
      participantCode: code,
      points: parsed.value,
      reason: reason.trim(),
    });
    setBusy(false);
    if (!answer.ok) {
      // Errors that belong to one field are shown beside it.
      if (answer.error.code === 'REASON_REQUIRED') setErrors({ reason: describeError(answer.error, i18n) });
      else if (answer.error.code === 'PERIOD_LOCKED') setErrors({ period: describeError(answer.error, i18n) });
      else setError(answer.error);
      return;
    }
    setPoints('');
    setReason('');
    setDone(
      t('adjust.done', {
        points: formatSignedPoints(answer.value.points, i18n.formatInteger),
        period: i18n.formatPeriod(answer.value.period),
      }),
    );
    onAdded(answer.value.period);
  };

  const describedBy = (field: Field, hint: boolean) =>
    [errors[field] ? `adjust-${field}-error` : '', hint ? `adjust-${field}-hint` : ''].filter(Boolean).join(' ') ||
    undefined;
  const fieldError = (field: Field) =>
    errors[field] ? (
      <p className="field-error" id={`adjust-${field}-error`} data-testid={`adjust-${field}-error`}>
        <Icon name="alert" size={14} />
        {errors[field]}
      </p>
    ) : null;

  return (
    <form
      className="adjust-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      data-testid="adjustment-form"
      aria-labelledby="adjust-title"
    >
      <h4 className="subsection-title" id="adjust-title">
        {t('adjust.title')}
      </h4>
      <div className="adjust-grid">
        <div className={errors.period ? 'field has-error' : 'field'}>
          <label className="field-label" htmlFor="adjust-period">
            {t('adjust.period')}
          </label>
          <select
            id="adjust-period"
            className="select"
            value={period}
            onChange={(event) => setPeriod(event.target.value)}
            aria-invalid={!!errors.period}
            aria-describedby={describedBy('period', false)}
            data-testid="adjust-period"
          >
            {periods.map((p) => (
              <option key={p.period} value={p.period}>
                {isLockedState(p.state)
                  ? t('adjust.lockedOption', { period: i18n.formatPeriod(p.period) })
                  : i18n.formatPeriod(p.period)}
              </option>
            ))}
          </select>
        </div>
        <div className={errors.points ? 'field has-error' : 'field'}>
          <label className="field-label" htmlFor="adjust-points">
            {t('adjust.points')}
          </label>
          <input
            id="adjust-points"
            className="input input--number"
            inputMode="numeric"
            value={points}
            onChange={(event) => setPoints(event.target.value)}
            aria-invalid={!!errors.points}
            aria-describedby={describedBy('points', true)}
            autoComplete="off"
            maxLength={12}
            data-testid="adjust-points"
          />
        </div>
      </div>
      {fieldError('period')}
      {fieldError('points')}
      <p className="field-hint" id="adjust-points-hint">
        {t('adjust.points.hint')}
      </p>
      <div className={errors.reason ? 'field has-error' : 'field'}>
        <label className="field-label" htmlFor="adjust-reason">
          {t('adjust.reason')}
        </label>
        <textarea
          id="adjust-reason"
          className="input textarea"
          rows={2}
          value={reason}
          maxLength={2000}
          onChange={(event) => setReason(event.target.value)}
          aria-invalid={!!errors.reason}
          aria-describedby={describedBy('reason', true)}
          data-testid="adjust-reason"
        />
        {fieldError('reason')}
        <p className="field-hint" id="adjust-reason-hint">
          {t('adjust.reason.hint')}
        </p>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
      <div className="adjust-actions">
        <button type="submit" className="btn btn-secondary" disabled={busy} data-testid="adjust-submit">
          {busy ? <span className="spinner" aria-hidden="true" /> : <Icon name="plus" size={16} />}
          {busy ? t('adjust.busy') : t('adjust.submit')}
        </button>
        {done ? (
          <p className="text-success small" role="status" data-testid="adjust-done">
            {done}
          </p>
        ) : null}
      </div>
    </form>
  );
}
