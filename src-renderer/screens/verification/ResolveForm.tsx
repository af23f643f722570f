// Resolving a finding: one of the actions the core allows for it, always with a reason, which
// is kept with the decision and shown wherever the points are explained.
import { useState, type FormEvent } from 'react';
import type {
  AppErrorData,
  VerificationAction,
  VerificationItem,
  VerificationQueue,
} from '../../../src-main/ipc/contract';
import { encodeFindingKey } from '../../../src-main/core/decisions/finding-key';
import { describeError } from '../../api/describe-error';
import { safeCall } from '../../api/use-call';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { decimalInputText } from '../../forms/format-figures';
import { readTypedAmount } from '../../forms/typed-amount';
import { useI18n, type CurrencyInfo, type MessageKey } from '../../i18n/i18n';
import { ParticipantPicker } from './ParticipantPicker';

type Field = 'participant' | 'lines' | 'target' | 'reason';

export type LineScope = 'all' | 'chosen';

const AMOUNT_PROBLEM: Record<string, MessageKey> = {
  tooManyDecimals: 'validation.tooManyDecimals',
  negative: 'validation.notNegative',
  tooLarge: 'validation.tooLarge',
};

interface Props {
  item: VerificationItem;
  period: string;
  currency: CurrencyInfo;
  action: VerificationAction;
  onAction(action: VerificationAction): void;
  scope: LineScope;
  onScope(scope: LineScope): void;
  chosen: ReadonlySet<number>;
  onResolved(queue: VerificationQueue): void;
  onCancel(): void;
}

export function ResolveForm({
  item,
  period,
  currency,
  action,
  onAction,
  scope,
  onScope,
  chosen,
  onResolved,
  onCancel,
}: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const [participant, setParticipant] = useState('');
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const idp = `resolve-${encodeFindingKey(item.key).replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const withLines = action === 'assign' || action === 'exclude';
  // A field's error goes as soon as the operator changes that field.
  const clear = (field: Field) =>
    setErrors((current) => (current[field] ? { ...current, [field]: undefined } : current));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const found: Partial<Record<Field, string>> = {};
    let targetMinor: number | undefined;
    if (action === 'assign' && participant.trim() === '') found.participant = t('resolve.participant.required');
    if (withLines && scope === 'chosen' && chosen.size === 0) found.lines = t('resolve.lines.none');
    if (action === 'setTarget') {
      const parsed = readTypedAmount(target, currency.minorDigits, i18n.locale);
      if (!parsed.ok || parsed.value === 0) {
        const problem = parsed.ok ? null : AMOUNT_PROBLEM[parsed.problem];
        found.target = problem
          ? t(problem, { digits: currency.minorDigits })
          : t('validation.amount', {
              example: decimalInputText(125_000 * 10 ** currency.minorDigits, currency.minorDigits, i18n.locale),
            });
      } else targetMinor = parsed.value;
    }
    if (reason.trim() === '') found.reason = t('error.REASON_REQUIRED');
    setErrors(found);
    if (Object.keys(found).length > 0) {
      document.getElementById(`${idp}-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    const answer = await safeCall('verify.resolve', {
      period,
      key: item.key,
      action,
      reason: reason.trim(),
      ...(action === 'assign' ? { participantCode: participant.trim() } : {}),
      ...(targetMinor !== undefined ? { targetMinor } : {}),
      ...(withLines && scope === 'chosen' ? { lineIds: [...chosen] } : {}),
    });
    setBusy(false);
    if (answer.ok) {
      onResolved(answer.value);
      return;
    }
    // Errors that belong to one field are shown beside it.
    if (answer.error.code === 'REASON_REQUIRED') setErrors({ reason: describeError(answer.error, i18n) });
    else if (answer.error.code === 'NOT_FOUND' && action === 'assign')
      setErrors({ participant: t('resolve.participant.unknown', { code: participant.trim() }) });
    else setError(answer.error);
  };

  const describedBy = (field: Field, hint: boolean) =>
    [errors[field] ? `${idp}-${field}-error` : '', hint ? `${idp}-${field}-hint` : ''].filter(Boolean).join(' ') ||
    undefined;
  const fieldError = (field: Field) =>
    errors[field] ? (
      <p className="field-error" id={`${idp}-${field}-error`} data-testid={`resolve-${field}-error`}>
        <Icon name="alert" size={14} />
        {errors[field]}
      </p>
    ) : null;

  return (
    <form className="resolve-form" onSubmit={(event) => void submit(event)} noValidate data-testid="resolve-form">
      <fieldset className="option-group">
        <legend className="section-title">{t('resolve.action')}</legend>
        <div className="resolve-actions">
          {item.actions.map((a) => (
            <label
              key={a}
              className={action === a ? 'resolve-action is-checked' : 'resolve-action'}
              data-testid={`resolve-action-${a}`}
            >
              <input
                type="radio"
                name={`${idp}-action`}
                value={a}
                checked={action === a}
                onChange={() => onAction(a)}
              />
              <span className="radio-row-text">
                <span className="radio-row-label">{t(`resolve.action.${a}`)}</span>
                <span className="radio-row-hint">
                  {t(`resolve.action.${a}.hint`, {
                    code: item.participantCode ?? '',
                    period: i18n.formatPeriod(period),
                  })}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      {action === 'assign' ? (
        <div className={errors.participant ? 'field has-error' : 'field'}>
          <label className="field-label" htmlFor={`${idp}-participant`}>
            {t('resolve.participant')}
          </label>
          <ParticipantPicker
            id={`${idp}-participant`}
            value={participant}
            onChange={(code) => {
              setParticipant(code);
              clear('participant');
            }}
            invalid={!!errors.participant}
            describedBy={describedBy('participant', true)}
          />
          {fieldError('participant')}
          <p className="field-hint" id={`${idp}-participant-hint`}>
            {t('resolve.participant.hint')}
          </p>
        </div>
      ) : null}

      {withLines ? (
        <fieldset className="option-group" aria-describedby={errors.lines ? `${idp}-lines-error` : undefined}>
          <legend className="section-title">{t('resolve.lines')}</legend>
          <label className="radio-row">
            <input
              type="radio"
              name={`${idp}-scope`}
              checked={scope === 'all'}
              onChange={() => {
                onScope('all');
                clear('lines');
              }}
              data-testid="resolve-lines-all"
            />
            <span className="radio-row-text">
              <span className="radio-row-label">{t('resolve.lines.all', { count: item.lineCount })}</span>
            </span>
          </label>
          <label className="radio-row">
            <input
              id={`${idp}-lines`}
              type="radio"
              name={`${idp}-scope`}
              checked={scope === 'chosen'}
              onChange={() => onScope('chosen')}
              data-testid="resolve-lines-chosen"
            />
            <span className="radio-row-text">
              <span className="radio-row-label">{t('resolve.lines.chosen', { count: chosen.size })}</span>
              <span className="radio-row-hint">{t('resolve.lines.chosen.hint')}</span>
            </span>
          </label>
          {fieldError('lines')}
        </fieldset>
      ) : null}

      {action === 'setTarget' ? (
        <div className={errors.target ? 'field has-error' : 'field'}>
          <label className="field-label" htmlFor={`${idp}-target`}>
            {t('resolve.target', { period: i18n.formatPeriod(period), currency: currency.code })}
          </label>
          <input
            id={`${idp}-target`}
            className="input input--number"
            inputMode="decimal"
            value={target}
            onChange={(event) => {
              setTarget(event.target.value);
              clear('target');
            }}
            aria-invalid={!!errors.target}
            aria-describedby={describedBy('target', true)}
            autoComplete="off"
            maxLength={20}
            data-testid="resolve-target"
          />
          {fieldError('target')}
          <p className="field-hint" id={`${idp}-target-hint`}>
            {t('resolve.target.hint', {
              example: decimalInputText(125_000 * 10 ** currency.minorDigits, currency.minorDigits, i18n.locale),
            })}
          </p>
        </div>
      ) : null}

      <div className={errors.reason ? 'field has-error' : 'field'}>
        <label className="field-label" htmlFor={`${idp}-reason`}>
          {t('resolve.reason')}
        </label>
        <textarea
          id={`${idp}-reason`}
          className="input textarea"
          rows={2}
          value={reason}
          maxLength={2000}
          onChange={(event) => {
            setReason(event.target.value);
            clear('reason');
          }}
          aria-invalid={!!errors.reason}
          aria-describedby={describedBy('reason', true)}
          data-testid="resolve-reason"
        />
        {fieldError('reason')}
        <p className="field-hint" id={`${idp}-reason-hint`}>
          {t('resolve.reason.hint')}
        </p>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
      <div className="resolve-buttons">
        <button type="button" className="btn btn-secondary" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="resolve-submit">
          {busy ? <span className="spinner spinner--light" aria-hidden="true" /> : <Icon name="check" size={16} />}
          {busy ? t('resolve.busy') : t('resolve.submit')}
        </button>
      </div>
    </form>
  );
}
