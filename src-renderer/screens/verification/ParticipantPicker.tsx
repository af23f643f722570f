import { useEffect, useState } from 'react';
import { useCall } from '../../api/use-call';
import { useI18n } from '../../i18n/i18n';

/** How long typing may pause before the list is searched: one query per word, not per key. */
const SEARCH_DELAY_MS = 200;
const SUGGESTIONS = 12;

/**
 * A participant by code, with suggestions from the participants list as the operator types a
 * code or a name. A native datalist: the browser gives it the keyboard and screen-reader
 * behaviour of a combobox, and it stays quick with 100,000 participants since only a page of
 * matches is asked for.
 */
export function ParticipantPicker({
  id,
  value,
  onChange,
  invalid,
  describedBy,
}: {
  id: string;
  value: string;
  onChange: (code: string) => void;
  invalid: boolean;
  describedBy?: string;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSearch(value.trim()), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [value]);
  const matches = useCall('participants.list', { search, limit: SUGGESTIONS, status: 'all' });
  const rows = matches.value?.rows ?? [];
  const exact = rows.find((r) => r.code.toLowerCase() === value.trim().toLowerCase());
  return (
    <>
      <input
        id={id}
        className="input participant-picker"
        list={`${id}-options`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete="off"
        spellCheck={false}
        maxLength={100}
        placeholder={t('resolve.participant.placeholder')}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        data-testid="resolve-participant"
      />
      <datalist id={`${id}-options`}>
        {rows.map((r) => (
          <option key={r.code} value={r.code}>
            {r.name}
          </option>
        ))}
      </datalist>
      {exact ? (
        <p className="field-hint participant-picked" data-testid="resolve-participant-name">
          {t('resolve.participant.found', { name: exact.name, code: exact.code })}
        </p>
      ) : null}
    </>
  );
}
