// One decision for the findings ticked in the table: one action they all allow, one reason,
// each finding still recorded on its own. Optionally a standing decision, which settles the
// same findings in later periods without asking again.
import { useState, type FormEvent } from 'react';
import type {
  AppErrorData,
  ResolveOutcome,
  VerificationAction,
  VerificationItem,
} from '../../../src-main/ipc/contract';
import { safeCall } from '../../api/use-call';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { useI18n } from '../../i18n/i18n';
import { ParticipantPicker } from './ParticipantPicker';

/** The actions every chosen finding allows; setting a target is per participant, so one at a time. */
function commonActions(items: readonly VerificationItem[]): VerificationAction[] {
  const [first, ...rest] = items;
  if (!first) return [];
  return first.actions.filter((a) => a !== 'setTarget' && rest.every((i) => i.actions.includes(a)));
}

/** Lines filed under an unknown code are what a standing assign or exclude can follow into later files. */
function canStand(items: readonly VerificationItem[], action: VerificationAction): boolean {
  return action === 'accept' || items.every((i) => i.code === 'UNKNOWN_PARTICIPANT');
}

export function BulkResolveBar({
  period,
  items,
  onResolved,
  onClear,
}: {
  period: string;
  items: readonly VerificationItem[];
  onResolved: (outcome: ResolveOutcome) => void;
  onClear: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const actions = commonActions(items);
  const [chosenAction, setAction] = useState<VerificationAction | null>(null);
  const action = chosenAction && actions.includes(chosenAction) ? chosenAction : (actions[0] ?? null);
  const [participant, setParticipant] = useState('');
  const [reason, setReason] = useState('');
  const [standing, setStanding] = useState(false);
  const [until, setUntil] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const standable = action !== null && canStand(items, action);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (action === null) return;
    if (action === 'assign' && participant.trim() === '') return setProblem(t('resolve.participant.required'));
    if (reason.trim() === '') return setProblem(t('error.REASON_REQUIRED'));
    setProblem(null);
    setBusy(true);
    const answer = await safeCall('verify.resolveMany', {
      period,
      keys: items.map((i) => i.key),
      action,
      reason: reason.trim(),
      ...(action === 'assign' ? { participantCode: participant.trim() } : {}),
      standing: standing && standable ? { untilPeriod: until === '' ? null : until } : null,
    });
    setBusy(false);
    if (answer.ok) {
      setReason('');
      setStanding(false);
      onResolved(answer.value);
    } else setError(answer.error);
  };

  return (
    <form className="card bulk-resolve" onSubmit={(event) => void submit(event)} noValidate data-testid="bulk-resolve">
      <div className="bulk-resolve-head">
        <h2 className="section-title">{t('bulk.title', { count: items.length })}</h2>
        <button type="button" className="btn btn-secondary btn-small" onClick={onClear} data-testid="bulk-clear">
          {t('bulk.clear')}
        </button>
      </div>
      {actions.length === 0 ? (
        <p className="muted">{t('bulk.noCommonAction')}</p>
      ) : (
        <div className="bulk-resolve-fields">
          <div className="field">
            <label className="field-label" htmlFor="bulk-action">
              {t('resolve.action')}
            </label>
            <select
              id="bulk-action"
              className="select"
              value={action ?? ''}
              onChange={(event) => setAction(event.target.value as VerificationAction)}
              data-testid="bulk-action"
            >
              {actions.map((a) => (
                <option key={a} value={a}>
                  {t(`resolve.action.${a}`)}
                </option>
              ))}
            </select>
          </div>
          {action === 'assign' ? (
            <div className="field">
              <label className="field-label" htmlFor="bulk-participant">
                {t('resolve.participant')}
              </label>
              <ParticipantPicker id="bulk-participant" value={participant} onChange={setParticipant} invalid={false} />
            </div>
          ) : null}
          <div className="field bulk-resolve-reason">
            <label className="field-label" htmlFor="bulk-reason">
              {t('resolve.reason')}
            </label>
            <input
              id="bulk-reason"
              className="input"
              value={reason}
              maxLength={2000}
              onChange={(event) => setReason(event.target.value)}
              data-testid="bulk-reason"
            />
          </div>
          {standable ? (
            <div className="field bulk-resolve-standing">
              <label className="checkbox-row">
                <input
                  type="checkbox"
                  checked={standing}
                  onChange={(event) => setStanding(event.target.checked)}
                  data-testid="bulk-standing"
                />
                {t('bulk.standing')}
              </label>
              {standing ? (
                <label className="field-label" htmlFor="bulk-until">
                  {t('bulk.until')}
                  <input
                    id="bulk-until"
                    type="month"
                    className="input"
                    value={until}
                    min={period}
                    onChange={(event) => setUntil(event.target.value)}
                    data-testid="bulk-until"
                  />
                </label>
              ) : null}
            </div>
          ) : null}
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="bulk-submit">
            {busy ? <span className="spinner spinner--light" aria-hidden="true" /> : <Icon name="check" size={16} />}
            {t('bulk.submit', { count: items.length })}
          </button>
        </div>
      )}
      {problem ? (
        <p className="field-error" data-testid="bulk-problem">
          <Icon name="alert" size={14} />
          {problem}
        </p>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
    </form>
  );
}
