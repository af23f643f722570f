import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Language } from '../src-main/ipc/contract';
import { safeCall } from './api/use-call';
import { createTranslator, I18nProvider, languageFromPreferences } from './i18n/i18n';
import { App } from './App';

function preferredLanguages(): readonly string[] {
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

/**
 * Finds the language before anything is shown: the one stored in the data file, else the
 * system's. A choice is stored at once, so that it is kept across restarts.
 */
export function Root() {
  const [language, setLanguageState] = useState<Language | null>(null);

  useEffect(() => {
    let live = true;
    void safeCall('settings.getLanguage').then((result) => {
      if (!live) return;
      setLanguageState(result.ok && result.value ? result.value : languageFromPreferences(preferredLanguages()));
    });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (language) document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    void safeCall('settings.setLanguage', { language: next });
  }, []);

  const i18n = useMemo(
    () => (language ? { ...createTranslator(language, preferredLanguages()), setLanguage } : null),
    [language, setLanguage],
  );

  if (!i18n) {
    return (
      <div className="boot" role="status" aria-label="Loading">
        <span className="spinner spinner--large" aria-hidden="true" />
      </div>
    );
  }
  return (
    <I18nProvider value={i18n}>
      <App />
    </I18nProvider>
  );
}
