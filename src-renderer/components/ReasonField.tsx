// The written reason a change is kept with (voiding a file, saving rules, approving over the
// budget or with open findings), and the error and buttons of the dialogs that ask for it:
// one block, so that each asks the same way and reads the same to a screen reader.
import type { AppErrorData } from '../../src-main/ipc/contract';
import { describeError } from '../api/describe-error';
import { useI18n } from '../i18n/i18n';
import { Icon, type IconName } from './Icon';

/** A reason textarea with its hint, or, when the reason is missing, the error in its place. */
export function ReasonField({
  id,
  label,
  hint,
  value,
  onChange,
  missing,
}: {
  id: string;
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  missing: boolean;
}) {
  const { t } = useI18n();
  return (
    <div className={missing ? 'field has-error' : 'field'}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        className="input textarea"
        rows={3}
        maxLength={2000}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={missing}
        aria-describedby={missing ? `${id}-error` : `${id}-hint`}
        data-testid={id}
      />
      {missing ? (
        <p className="field-error" id={`${id}-error`} data-testid={`${id}-error`}>
          <Icon name="alert" size={14} />
          {t('error.REASON_REQUIRED')}
        </p>
      ) : (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

/** The refusal of a dialog's call, in the operator's language. */
export function DialogError({ error, testId }: { error: AppErrorData | null; testId?: string }) {
  const i18n = useI18n();
  if (!error) return null;
  return (
    <div className="notice notice--error" role="alert" data-testid={testId}>
      <Icon name="alert" className="notice-icon" />
      <div className="notice-body">
        <p className="notice-text">{describeError(error, i18n)}</p>
      </div>
    </div>
  );
}

/** Cancel, and the dialog's submit button with a spinner while it waits. */
export function DialogActions({
  onCancel,
  busy,
  tone,
  icon,
  label,
  busyLabel,
  testId,
}: {
  onCancel: () => void;
  busy: boolean;
  tone: 'primary' | 'danger';
  icon: IconName;
  label: string;
  busyLabel: string;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <div className="modal-actions">
      <button type="button" className="btn btn-secondary" onClick={onCancel} disabled={busy}>
        {t('common.cancel')}
      </button>
      <button type="submit" className={`btn btn-${tone}`} disabled={busy} data-testid={testId}>
        {busy ? <span className="spinner spinner--light" aria-hidden="true" /> : <Icon name={icon} size={16} />}
        {busy ? busyLabel : label}
      </button>
    </div>
  );
}
