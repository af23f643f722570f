import type { Language, ProgramView } from '../../src-main/ipc/contract';
import { useCall } from '../api/use-call';
import { PageHeader } from '../components/PageHeader';
import { ProgramFacts } from '../components/ProgramFacts';
import { LANGUAGE_CODES, LANGUAGE_NAMES, useI18n } from '../i18n/i18n';
import { useRouteParam } from '../navigation';
import { PAYOUT_TEMPLATE_SECTION, PayoutTemplateCard } from './payout-template/PayoutTemplateCard';
import { ProgramSettingsCard } from './settings/ProgramSettingsCard';
import { DataCard } from './settings/DataCard';

export function SettingsScreen({ program, onProgramChanged }: { program: ProgramView; onProgramChanged: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const info = useCall('app.info');
  const section = useRouteParam('section');

  return (
    <div className="page page--medium">
      <PageHeader title={t('settings.title')} />

      <section className="card" aria-labelledby="settings-language">
        <fieldset className="settings-fieldset">
          <legend className="card-title" id="settings-language">
            {t('settings.language')}
          </legend>
          <p className="card-lead">{t('settings.language.hint')}</p>
          <div className="segmented" data-testid="settings-language">
            {LANGUAGE_CODES.map((code: Language) => (
              <label key={code} className={code === i18n.language ? 'segment is-checked' : 'segment'} lang={code}>
                <input
                  type="radio"
                  name="language"
                  value={code}
                  checked={code === i18n.language}
                  onChange={() => i18n.setLanguage(code)}
                />
                {LANGUAGE_NAMES[code]}
              </label>
            ))}
          </div>
          <p className="field-hint">
            {t('settings.language.example', {
              example: `${i18n.formatMoney(12345678, program.currency)} · ${i18n.formatDate('2026-09-30')} · ${i18n.formatPeriod(program.firstPeriod)}`,
            })}
          </p>
        </fieldset>
      </section>

      <section className="card" aria-labelledby="settings-program">
        <div className="card-header">
          <h2 className="card-title" id="settings-program">
            {t('settings.program')}: {program.name}
          </h2>
        </div>
        <ProgramFacts program={program} />
      </section>

      <ProgramSettingsCard onSaved={onProgramChanged} />

      <PayoutTemplateCard program={program} focused={section === PAYOUT_TEMPLATE_SECTION} />

      <DataCard />

      {info.value ? (
        <section className="card card--quiet" aria-labelledby="settings-about">
          <h2 className="card-title" id="settings-about">
            {t('settings.about')}
          </h2>
          <p className="muted">
            {t('settings.version', { version: info.value.version })} ·{' '}
            {t(info.value.runtime === 'web' ? 'settings.runtime.web' : 'settings.runtime.electron')}
          </p>
        </section>
      ) : null}
    </div>
  );
}
