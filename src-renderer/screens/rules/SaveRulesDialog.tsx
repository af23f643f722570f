import { useState, type FormEvent } from 'react';
import type { AppErrorData, Rules, ValidationProblem } from '../../../src-main/ipc/contract';
import { safeCall } from '../../api/use-call';
import { ModalDialog } from '../../components/ModalDialog';
import { DialogActions, DialogError, ReasonField } from '../../components/ReasonField';
import { rulesProblemsOf } from '../../forms/validation-problem-text';
import { useI18n } from '../../i18n/i18n';

/** Saving the rules as a new version, with the required note of what the change is for. */
export function SaveRulesDialog({
  rules,
  nextVersion,
  onClose,
  onSaved,
  onProblems,
}: {
  rules: Rules;
  nextVersion: number;
  onClose: () => void;
  onSaved: (version: number, note: string) => void;
  onProblems: (problems: ValidationProblem[]) => void;
}) {
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
      onSaved(answer.value.rulesVersion, note.trim());
      return;
    }
    if (answer.error.code === 'REASON_REQUIRED') setNoteMissing(true);
    else setError(answer.error);
    if (answer.error.code === 'INVALID_RULES') onProblems(rulesProblemsOf(answer.error));
  };

  return (
    <ModalDialog
      title={t('rules.saveDialog.title', { version: nextVersion })}
      onClose={() => (busy ? undefined : onClose())}
      testId="save-rules-dialog"
    >
      <form className="modal-form" onSubmit={(event) => void submit(event)} noValidate>
        <p className="modal-text">{t('rules.saveDialog.text')}</p>
        <ReasonField
          id="rules-note"
          label={t('rules.note')}
          hint={t('rules.note.hint')}
          value={note}
          onChange={(value) => {
            setNote(value);
            setNoteMissing(false);
          }}
          missing={noteMissing}
        />
        <DialogError error={error} />
        <DialogActions
          onCancel={onClose}
          busy={busy}
          tone="primary"
          icon="check"
          label={t('rules.saveConfirm')}
          busyLabel={t('rules.saving')}
          testId="rules-save-confirm"
        />
      </form>
    </ModalDialog>
  );
}
