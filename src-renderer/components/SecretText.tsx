// A card reference or an IBAN as a screen shows it: its last four characters, unless the coordinator asked to see the
// full value (a toggle on the screen, off whenever the screen opens), so that a shared screen or a screenshot does
// not give away what moves a participant's money.
import { maskReference } from '../../src-main/core/program/participants/mask-reference';
import { useI18n } from '../i18n/i18n';
import { Icon } from './Icon';

export function SecretText({ value, revealed }: { value: string; revealed: boolean }) {
  return (
    <span className="mono" data-secret={revealed ? 'shown' : 'masked'}>
      {revealed ? value : maskReference(value)}
    </span>
  );
}

/** The text of a secret value as shown: masked unless revealed. */
export function secretText(value: string | null, revealed: boolean): string {
  if (value === null || value === '') return '';
  return revealed ? value : maskReference(value);
}

/** "Show card numbers and IBANs" / "Hide them": the screen's one switch for every masked value on it. */
export function RevealSecretsButton({
  revealed,
  onChange,
  testId,
}: {
  revealed: boolean;
  onChange: (revealed: boolean) => void;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="btn btn-ghost btn-small"
      aria-pressed={revealed}
      onClick={() => onChange(!revealed)}
      data-testid={testId}
    >
      <Icon name="eye" size={16} />
      {revealed ? t('secrets.hide') : t('secrets.show')}
    </button>
  );
}
