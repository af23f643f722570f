import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AppErrorData, ParticipantDetail } from '../../../src-main/ipc/contract';
import type { EditableParticipantField } from '../../../src-main/core/import/edits/participant-edit-schema';
import { safeCall } from '../../api/use-call';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { ReasonField } from '../../components/ReasonField';
import { useI18n, type MessageKey } from '../../i18n/i18n';

type Values = Record<EditableParticipantField, string>;

const TEXT_FIELDS: Array<{ field: Exclude<EditableParticipantField, 'status'>; label: MessageKey; mono?: boolean }> = [
  { field: 'name', label: 'field.name' },
  { field: 'cardRef', label: 'field.cardRef', mono: true },
  { field: 'iban', label: 'field.iban', mono: true },
  { field: 'region', label: 'field.region' },
  { field: 'joinDate', label: 'field.joinDate' },
];

const INVALID_FIELD: Record<'iban' | 'name' | 'joinDate', MessageKey> = {
  iban: 'participant.edit.invalid.iban',
  name: 'participant.edit.invalid.name',
  joinDate: 'participant.edit.invalid.joinDate',
};

function valuesOf(p: ParticipantDetail): Values {
  return {
    name: p.name,
    cardRef: p.cardRef ?? '',
    iban: p.iban ?? '',
    status: p.status,
    region: p.region ?? '',
    joinDate: p.joinDate ?? '',
  };
}

/**
 * Corrects a participant in the app, with a reason: saved as a new version that the history shows. The form sends
 * the participant as it opened it, so that a change made meanwhile (an import, another window) is refused, not lost.
 */
export function ParticipantEditForm({
  participant,
  focusField,
  onSaved,
  onCancel,
  onReload,
}: {
  participant: ParticipantDetail;
  focusField?: EditableParticipantField;
  onSaved: () => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [values, setValues] = useState<Values>(() => valuesOf(participant));
  const [expected] = useState(() => ({
    name: participant.name,
    cardRef: participant.cardRef,
    iban: participant.iban,
    status: participant.status,
    region: participant.region,
    joinDate: participant.joinDate,
  }));
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [fieldError, setFieldError] = useState<{ field: string; text: string } | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const focusRef = useRef<HTMLInputElement | HTMLSelectElement | null>(null);

  useEffect(() => {
    focusRef.current?.focus();
  }, []);

  const set = (field: EditableParticipantField, value: string) => setValues((v) => ({ ...v, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setFieldError(null);
    const missing = reason.trim() === '';
    setReasonMissing(missing);
    if (missing) return;
    setBusy(true);
    const blank = (s: string) => (s.trim() === '' ? null : s);
    const answer = await safeCall('participants.edit', {
      code: participant.code,
      expected,
      values: {
        name: values.name,
        cardRef: blank(values.cardRef),
        iban: blank(values.iban),
        status: values.status === 'inactive' ? 'inactive' : 'active',
        region: blank(values.region),
        joinDate: blank(values.joinDate),
      },
      reason: reason.trim(),
    });
    setBusy(false);
    if (answer.ok) {
      onSaved();
      return;
    }
    const details = answer.error.code === 'INVALID_INPUT' ? answer.error.details : undefined;
    const field = details && 'field' in details ? details.field : undefined;
    // A refusal about one field is shown beside it, in the operator's language.
    if (field === 'iban' || field === 'name' || field === 'joinDate')
      setFieldError({ field, text: t(INVALID_FIELD[field]) });
    else setError(answer.error);
  };

  const errorOf = (field: string) =>
    fieldError?.field === field ? (
      <p className="field-error" id={`edit-${field}-error`} data-testid={`edit-${field}-error`}>
        <Icon name="alert" size={14} />
        {fieldError.text}
      </p>
    ) : null;

  return (
    <form
      className="participant-edit-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby="participant-edit-title"
      data-testid="participant-edit-form"
    >
      <h3 className="section-title" id="participant-edit-title">
        {t('participant.edit.title')}
      </h3>
      <div className="participant-edit-grid">
        {TEXT_FIELDS.map(({ field, label, mono }) => (
          <div key={field} className={fieldError?.field === field ? 'field has-error' : 'field'}>
            <label className="field-label" htmlFor={`edit-${field}`}>
              {t(label)}
            </label>
            <input
              id={`edit-${field}`}
              ref={field === focusField ? (el) => void (focusRef.current = el) : undefined}
              className={mono ? 'input mono' : 'input'}
              type={field === 'joinDate' ? 'date' : 'text'}
              value={values[field]}
              onChange={(event) => set(field, event.target.value)}
              aria-invalid={fieldError?.field === field}
              aria-describedby={
                fieldError?.field === field ? `edit-${field}-error` : field === 'iban' ? 'edit-iban-hint' : undefined
              }
              autoComplete="off"
              maxLength={500}
              data-testid={`edit-${field}`}
            />
            {errorOf(field)}
            {field === 'iban' && fieldError?.field !== 'iban' ? (
              <p className="field-hint" id="edit-iban-hint">
                {t('participant.edit.iban.hint')}
              </p>
            ) : null}
          </div>
        ))}
        <div className="field">
          <label className="field-label" htmlFor="edit-status">
            {t('field.status')}
          </label>
          <select
            id="edit-status"
            ref={focusField === 'status' ? (el) => void (focusRef.current = el) : undefined}
            className="select"
            value={values.status}
            onChange={(event) => set('status', event.target.value)}
            data-testid="edit-status"
          >
            <option value="active">{t('status.active')}</option>
            <option value="inactive">{t('status.inactive')}</option>
          </select>
        </div>
      </div>
      <ReasonField
        id="edit-reason"
        label={t('participant.edit.reason')}
        hint={t('participant.edit.reason.hint')}
        value={reason}
        onChange={setReason}
        missing={reasonMissing}
      />
      {error ? (
        <ErrorNotice
          error={error}
          testId="participant-edit-error"
          onRetry={error.code === 'PARTICIPANT_CHANGED' ? onReload : undefined}
        />
      ) : null}
      <div className="adjust-actions">
        <button type="button" className="btn btn-secondary" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="participant-edit-save">
          {busy ? <span className="spinner spinner--light" aria-hidden="true" /> : <Icon name="check" size={16} />}
          {busy ? t('participant.edit.saving') : t('participant.edit.save')}
        </button>
      </div>
    </form>
  );
}
