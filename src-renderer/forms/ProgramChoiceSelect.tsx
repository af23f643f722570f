// The currency and the locale of a program chosen from lists in the operator's words ("Złoty polski (PLN)"), with
// the value already set first when it is not among them (a template's or an older program's own).
import { useI18n } from '../i18n/i18n';
import { currencyLabel, localeLabel, PROGRAM_CURRENCIES, PROGRAM_LOCALES } from './program-choices';

export function ProgramChoiceSelect({
  kind,
  id,
  value,
  onChange,
  invalid,
  describedBy,
  testId,
}: {
  kind: 'currency' | 'locale';
  id: string;
  value: string;
  onChange: (event: { target: { value: string } }) => void;
  invalid: boolean;
  describedBy: string | undefined;
  testId: string;
}) {
  const i18n = useI18n();
  const choices: readonly string[] = kind === 'currency' ? PROGRAM_CURRENCIES : PROGRAM_LOCALES;
  const label = kind === 'currency' ? currencyLabel : localeLabel;
  return (
    <select
      id={id}
      className="select"
      value={value}
      onChange={onChange}
      aria-invalid={invalid}
      aria-describedby={describedBy}
      data-testid={testId}
    >
      {(choices.includes(value) ? choices : [value, ...choices]).map((choice) => (
        <option key={choice} value={choice}>
          {label(choice, i18n.locale)}
        </option>
      ))}
    </select>
  );
}
