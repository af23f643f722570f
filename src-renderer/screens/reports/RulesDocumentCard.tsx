// The program's rules as a document for participants: one PDF per rules version, in the program's language or
// another one; the same version gives the same file.
import { useState } from 'react';
import type { AppErrorData, Language } from '../../../src-main/ipc/contract';
import { PDF_TYPE, saveDownload } from '../../api/save-download';
import { safeCall, useCall } from '../../api/use-call';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { LANGUAGE_CODES, LANGUAGE_NAMES, useI18n } from '../../i18n/i18n';

function programLanguage(locale: string): Language {
  const language = locale.slice(0, 2).toLowerCase();
  return language === 'pl' || language === 'ru' ? language : 'en';
}

export function RulesDocumentCard() {
  const i18n = useI18n();
  const { t } = i18n;
  const program = useCall('program.get');
  const current = program.value?.rulesVersion ?? null;
  // Chosen by the operator, else the version in force and the program's language.
  const [chosenVersion, setVersion] = useState<number | null>(null);
  const [chosenLang, setLang] = useState<Language | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<{ fileName: string; version: number } | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);

  if (!program.value || current === null) return null;
  const version = chosenVersion ?? current;
  const lang = chosenLang ?? programLanguage(program.value.locale);

  const download = async () => {
    setBusy(true);
    setError(null);
    setSaved(null);
    const answer = await safeCall('rules.pdf', { version, lang });
    setBusy(false);
    if (!answer.ok) return setError(answer.error);
    saveDownload(answer.value.fileName, answer.value.bytes, PDF_TYPE);
    setSaved({ fileName: answer.value.fileName, version: answer.value.version });
  };

  const versions = Array.from({ length: current }, (_, i) => current - i);
  return (
    <section className="card" aria-labelledby="rules-document-title" data-testid="rules-document-card">
      <h2 className="card-title" id="rules-document-title">
        {t('rulesDocument.title')}
      </h2>
      <p className="card-lead">{t('rulesDocument.text')}</p>
      <div className="toolbar">
        <div className="toolbar-field">
          <label className="toolbar-label" htmlFor="rules-document-version">
            {t('rulesDocument.version')}
          </label>
          <select
            id="rules-document-version"
            className="select"
            value={version}
            onChange={(event) => setVersion(Number(event.target.value))}
            data-testid="rules-document-version"
          >
            {versions.map((v) => (
              <option key={v} value={v}>
                {v === current
                  ? t('rulesDocument.versionCurrent', { version: v })
                  : t('rulesDocument.versionOption', { version: v })}
              </option>
            ))}
          </select>
        </div>
        <div className="toolbar-field">
          <label className="toolbar-label" htmlFor="rules-document-lang">
            {t('rulesDocument.language')}
          </label>
          <select
            id="rules-document-lang"
            className="select"
            value={lang}
            onChange={(event) => setLang(event.target.value as Language)}
            data-testid="rules-document-lang"
          >
            {LANGUAGE_CODES.map((code) => (
              <option key={code} value={code}>
                {LANGUAGE_NAMES[code]}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => void download()}
          disabled={busy}
          data-testid="rules-document-download"
        >
          {busy ? <span className="spinner" aria-hidden="true" /> : <Icon name="download" size={16} />}
          {busy ? t('rulesDocument.busy') : t('rulesDocument.download')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {saved ? (
          <div className="notice notice--success" data-testid="rules-document-saved">
            <Icon name="check" className="notice-icon" />
            <div className="notice-body">
              <p className="notice-text">
                {t('rulesDocument.saved', { file: saved.fileName, version: saved.version })}
              </p>
            </div>
          </div>
        ) : null}
      </div>
      {error ? <ErrorNotice error={error} testId="rules-document-error" /> : null}
    </section>
  );
}
