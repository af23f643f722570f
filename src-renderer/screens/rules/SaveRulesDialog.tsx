import { useState, type FormEvent } from 'react';
import type { AppErrorData, Rules } from '../../../src-main/ipc/contract';
import { describeError } from '../../api/describe-error';
import { safeCall } from '../../api/use-call';
import { Icon } from '../../components/Icon';
import { ModalDialog } from '../../components/ModalDialog';
import { useI18n } from '../../i18n/i18n';

/** Saving the rules as a new version, with the required note of what the change is for. */
export function SaveRulesDialog({ rules, nextVersion, onClose, onSaved, onProblems }: { rules: Rules; nextVersion: number; onClose: () => void; onSaved: () => void; onProblems: (problems: string[]) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (note.trim() === '') {
      setNoteMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    const answer = await safeCall('rules.update', { rules, note: note.trim() });
    setBusy(false);
    if (answer.ok) {
      onSaved();
      return;
    }
    if (answer.error.code === 'REASON_REQUIRED') setNoteMissing(true);
    else setError(answer.error);
    if (answer.error.code === 'INVALID_RULES' && Array.isArray(answer.error.details?.problems)) onProblems(answer.error.details.problems as string[]);
  };

  return (
    <ModalDialog title={t('rules.saveDialog.title', { version: nextVersion })} onClose={() => (busy ? undefined : onClose())} testId="save-rules-dialog">
      <form className="modal-form" onSubmit={(event) => void submit(event)} noValidate>
        <p className="modal-text">{t('rules.saveDialog.text')}</p>
        <div className={noteMissing ? 'field has-error' : 'field'}>
          <label className="field-label" htmlFor="rules-note">
            {t('rules.note')}
          </label>
          <textarea
            id="rules-note"
            className="input textarea"
            rows={3}
            maxLength={2000}
            value={note}
            onChange={(event) => {
              setNote(event.target.value);
              setNoteMissing(false);
            }}
            aria-invalid={noteMissing}
            aria-describedby={noteMissing ? 'rules-note-error' : 'rules-note-hint'}
            data-testid="rules-note"
          />
          {noteMissing ? (
            <p className="field-error" id="rules-note-error" data-testid="rules-note-error">
              <Icon name="alert" size={14} />
              {t('error.REASON_REQUIRED')}
            </p>
          ) : (
            <p className="field-hint" id="rules-note-hint">
              {t('rules.note.hint')}
            </p>
          )}
        </div>
        {error ? (
          <div className="notice notice--error" role="alert">
            <Icon name="alert" className="notice-icon" />
            <div className="notice-body">
              <p className="notice-text">{describeError(error, i18n)}</p>
            </div>
          </div>
        ) : null}
        <div className="modal-actions">
          <button type="button" className="btn btn-secondary" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="rules-save-confirm">
            {busy ? <span className="spinner spinner--light" aria-hidden="true" /> : <Icon name="check" size={16} />}
            {busy ? t('rules.saving') : t('rules.saveConfirm')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
