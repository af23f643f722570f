import type { Language } from '../../src-main/ipc/contract';
import { LANGUAGE_CODES, LANGUAGE_NAMES, useI18n } from '../i18n/i18n';
import { Icon } from './Icon';

export function LanguageSelect() {
  const { language, setLanguage, t } = useI18n();
  return (
    <div className="language-select">
      <label htmlFor="language-select" className="language-select-label">
        <Icon name="globe" size={17} />
        <span className="sr-only">{t('header.language')}</span>
      </label>
      <select
        id="language-select"
        data-testid="language-select"
        className="select select--compact"
        value={language}
        onChange={(event) => setLanguage(event.target.value as Language)}
      >
        {LANGUAGE_CODES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </div>
  );
}
