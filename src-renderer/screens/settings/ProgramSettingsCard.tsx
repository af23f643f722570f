// The program's settings changed after it was created: name, client, currency (only while nothing was imported),
// the locale of the client's files, the point value typed as money, and the SEPA debtor account the payout files
// draw on. Each change is saved with a reason as a new version; a new point value is also a rules version. The budget
// lives in the rules, changed on the Rules screen. Below the form, every version with who, when, why and what changed.
import { useState, type FormEvent } from 'react';
import type {
  AppErrorData,
  ProgramSettingsChangeInput,
  ProgramSettingsField,
  ProgramSettingsVersionView,
  ProgramSettingsView,
  ValidationProblem,
} from '../../../src-main/ipc/contract';
import { safeCall, useCall } from '../../api/use-call';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { FormField as SharedFormField } from '../../forms/FormField';
import { ProgramChoiceSelect } from '../../forms/ProgramChoiceSelect';
import { ReasonField } from '../../components/ReasonField';
import { decimalInputText } from '../../forms/format-figures';
import { currencyLabel, currencyMinorDigits, localeLabel } from '../../forms/program-choices';
import { readTypedAmount } from '../../forms/typed-amount';
import { inputProblemsOf, problemSentence } from '../../forms/validation-problem-text';
import { useI18n, type MessageKey, type Translator } from '../../i18n/i18n';
import { hrefOf } from '../../navigation';

export const PROGRAM_SETTINGS_SECTION = 'program-settings';

type Field = 'name' | 'client' | 'currency' | 'locale' | 'pointValue' | 'sepaName' | 'sepaIban' | 'sepaBic';
type Values = Record<Field, string>;
type Errors = Partial<Record<Field, string>>;

const FIELD_WORDS: Record<ProgramSettingsField, MessageKey> = {
  name: 'programSettings.field.name',
  client: 'programSettings.field.client',
  currency: 'programSettings.field.currency',
  locale: 'programSettings.field.locale',
  pointValueMinor: 'programSettings.field.pointValue',
  'sepaDebtor.name': 'programSettings.field.sepaName',
  'sepaDebtor.iban': 'programSettings.field.sepaIban',
  'sepaDebtor.bic': 'programSettings.field.sepaBic',
};

/** The form's field of a problem the core names by its path. */
const FIELD_OF_PATH: Record<string, Field> = {
  name: 'name',
  client: 'client',
  currency: 'currency',
  locale: 'locale',
  pointValueMinor: 'pointValue',
  'sepaDebtor.name': 'sepaName',
  'sepaDebtor.iban': 'sepaIban',
  'sepaDebtor.bic': 'sepaBic',
};

const AMOUNT_PROBLEM: Record<string, MessageKey> = {
  empty: 'validation.required',
  tooManyDecimals: 'validation.tooManyDecimals',
  negative: 'validation.notNegative',
  tooLarge: 'validation.tooLarge',
};

function valuesOf(view: ProgramSettingsView, uiLocale: string): Values {
  const debtor = view.payment.sepaDebtor;
  return {
    name: view.name,
    client: view.client,
    currency: view.currency.code,
    locale: view.locale,
    pointValue: decimalInputText(view.pointValueMinor, view.currency.minorDigits, uiLocale),
    sepaName: debtor?.name ?? '',
    sepaIban: debtor?.iban ?? '',
    sepaBic: debtor?.bic ?? '',
  };
}

/**
 * The change the form asks for (only the fields that differ from the settings in force), or the problems of the
 * fields, each named.
 */
function changeOf(
  values: Values,
  view: ProgramSettingsView,
  i18n: Translator,
): { change: Omit<ProgramSettingsChangeInput, 'reason'>; errors: Errors } {
  const { t } = i18n;
  const errors: Errors = {};
  const change: Omit<ProgramSettingsChangeInput, 'reason'> = {};
  for (const field of ['name', 'client'] as const) {
    const text = values[field].trim();
    if (text === '') errors[field] = t('validation.required');
    else if (text !== view[field]) change[field] = text;
  }
  const digits = currencyMinorDigits(values.currency);
  if (values.currency !== view.currency.code) {
    if (digits !== view.currency.minorDigits)
      errors.currency = t('programSettings.currency.sameDigits', { digits: view.currency.minorDigits });
    else change.currency = { code: values.currency, minorDigits: digits };
  }
  if (values.locale !== view.locale) change.locale = values.locale;
  const typed = readTypedAmount(values.pointValue, digits, i18n.locale);
  if (!typed.ok)
    errors.pointValue = t(AMOUNT_PROBLEM[typed.problem] ?? 'validation.amount', {
      digits,
      example: decimalInputText(10 ** Math.max(digits - 1, 0), digits, i18n.locale),
    });
  else if (typed.value === 0) errors.pointValue = t('programSettings.pointValue.positive');
  else if (typed.value !== view.pointValueMinor) change.pointValueMinor = typed.value;
  const debtor = { name: values.sepaName.trim(), iban: values.sepaIban.replace(/\s/g, ''), bic: values.sepaBic.trim() };
  const current = view.payment.sepaDebtor;
  const anyDebtor = debtor.name !== '' || debtor.iban !== '' || debtor.bic !== '';
  if (anyDebtor) {
    if (debtor.name === '') errors.sepaName = t('validation.required');
    if (debtor.iban === '') errors.sepaIban = t('validation.required');
    if (debtor.bic === '') errors.sepaBic = t('validation.required');
    if (debtor.name !== current?.name || debtor.iban !== current?.iban || debtor.bic !== current?.bic)
      change.sepaDebtor = debtor;
  } else if (current) change.sepaDebtor = null;
  return { change, errors };
}

/** A field of this card: its control, hint and error are all `program-settings-${id}`-something. */
function FormField({
  id,
  ...rest
}: Omit<Parameters<typeof SharedFormField>[0], 'controlId' | 'describedId' | 'errorTestId'> & { id: Field }) {
  const base = `program-settings-${id}`;
  return <SharedFormField controlId={base} describedId={base} errorTestId={`${base}-error`} {...rest} />;
}

function valueText(
  field: ProgramSettingsField,
  value: string | number | null,
  version: ProgramSettingsVersionView,
  i18n: Translator,
): string {
  if (value === null) return i18n.t('programSettings.history.none');
  if (field === 'pointValueMinor' && typeof value === 'number') return i18n.formatMoney(value, version.currency);
  if (field === 'currency') return currencyLabel(String(value), i18n.locale);
  if (field === 'locale') return localeLabel(String(value), i18n.locale);
  return String(value);
}

function SettingsHistory({ history }: { history: ProgramSettingsVersionView[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section aria-labelledby="program-settings-history">
      <h3 className="section-title" id="program-settings-history">
        {t('programSettings.history.title')}
      </h3>
      <ol className="plain-list settings-history" data-testid="program-settings-history">
        {history.map((v) => (
          <li key={v.version} className="settings-history-item" data-testid={`program-settings-version-${v.version}`}>
            <p>
              <strong>{t('programSettings.history.version', { version: v.version })}</strong> ·{' '}
              {i18n.formatDateTime(v.at)} · {v.actor}
              {v.rulesVersion !== null ? (
                <> · {t('programSettings.history.rulesVersion', { version: v.rulesVersion })}</>
              ) : null}
            </p>
            <p className="muted">{v.reason ?? t('programSettings.history.created')}</p>
            {v.changes.length > 0 ? (
              <ul className="plain-list">
                {v.changes.map((c) => (
                  <li key={c.field}>
                    {t('programSettings.history.change', {
                      field: t(FIELD_WORDS[c.field]),
                      from: valueText(c.field, c.from, v, i18n),
                      to: valueText(c.field, c.to, v, i18n),
                    })}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function SettingsForm({ view, onSaved }: { view: ProgramSettingsView; onSaved: (saved: ProgramSettingsView) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [values, setValues] = useState<Values>(() => valuesOf(view, i18n.locale));
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [unchanged, setUnchanged] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);

  const set = (field: Field) => (event: { target: { value: string } }) => {
    const value = event.target.value;
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
    setUnchanged(false);
  };

  const digits = currencyMinorDigits(values.currency);
  const currency = { code: values.currency, minorDigits: digits };
  const typed = readTypedAmount(values.pointValue, digits, i18n.locale);
  const pointValueHint = typed.ok
    ? t('create.field.pointValue.hint', { money: i18n.formatMoney(typed.value, currency) })
    : t('create.field.pointValue.hintInvalid', { example: i18n.formatMoney(10 ** Math.max(digits - 1, 0), currency) });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { change, errors: found } = changeOf(values, view, i18n);
    setErrors(found);
    const missing = reason.trim() === '';
    setReasonMissing(missing);
    setError(null);
    if (Object.keys(found).length > 0 || missing) return;
    if (Object.keys(change).length === 0) {
      setUnchanged(true);
      return;
    }
    setBusy(true);
    const answer = await safeCall('program.updateSettings', { ...change, reason: reason.trim() });
    setBusy(false);
    if (answer.ok) {
      onSaved(answer.value);
      return;
    }
    if (answer.error.code === 'REASON_REQUIRED') {
      setReasonMissing(true);
      return;
    }
    // The core's problems go beside the field they name; any other refusal is shown whole.
    const problems: ValidationProblem[] = inputProblemsOf(answer.error);
    const placed: Errors = {};
    for (const p of problems) {
      const field = FIELD_OF_PATH[p.path.join('.')];
      if (field) placed[field] = problemSentence(p, i18n);
    }
    if (Object.keys(placed).length > 0) setErrors(placed);
    else setError(answer.error);
  };

  const hasErrors = Object.values(errors).some(Boolean) || reasonMissing;

  return (
    <form
      className="program-settings-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-describedby={hasErrors ? 'program-settings-errors' : undefined}
      data-testid="program-settings-form"
    >
      {error ? <ErrorNotice error={error} testId="program-settings-error" /> : null}
      {hasErrors ? (
        <div className="notice notice--error" role="alert" id="program-settings-errors">
          <Icon name="alert" className="notice-icon" />
          <p className="notice-text">{t('programSettings.errorSummary')}</p>
        </div>
      ) : null}
      {unchanged ? (
        <div className="notice notice--info" role="status" data-testid="program-settings-unchanged">
          <Icon name="info" className="notice-icon" />
          <p className="notice-text">{t('programSettings.unchanged')}</p>
        </div>
      ) : null}

      <div className="form-grid">
        <FormField id="name" label={t('programSettings.field.name')} error={errors.name}>
          {(d) => (
            <input
              id="program-settings-name"
              className="input"
              value={values.name}
              onChange={set('name')}
              aria-invalid={!!errors.name}
              aria-describedby={d}
              maxLength={120}
              autoComplete="off"
              data-testid="program-settings-name"
            />
          )}
        </FormField>
        <FormField id="client" label={t('programSettings.field.client')} error={errors.client}>
          {(d) => (
            <input
              id="program-settings-client"
              className="input"
              value={values.client}
              onChange={set('client')}
              aria-invalid={!!errors.client}
              aria-describedby={d}
              maxLength={120}
              autoComplete="organization"
              data-testid="program-settings-client"
            />
          )}
        </FormField>
        <FormField
          id="locale"
          label={t('programSettings.field.locale')}
          hint={t('create.field.locale.hint')}
          error={errors.locale}
        >
          {(d) => (
            <ProgramChoiceSelect
              kind="locale"
              id="program-settings-locale"
              value={values.locale}
              onChange={set('locale')}
              invalid={!!errors.locale}
              describedBy={d}
              testId="program-settings-locale"
            />
          )}
        </FormField>
        {view.currencyLocked ? (
          <div className="field" data-testid="program-settings-currency-locked">
            <p className="field-label">{t('programSettings.field.currency')}</p>
            <p>{currencyLabel(view.currency.code, i18n.locale)}</p>
            <p className="field-hint">{t('programSettings.currency.locked')}</p>
          </div>
        ) : (
          <FormField
            id="currency"
            label={t('programSettings.field.currency')}
            hint={t('programSettings.currency.hint')}
            error={errors.currency}
          >
            {(d) => (
              <ProgramChoiceSelect
                kind="currency"
                id="program-settings-currency"
                value={values.currency}
                onChange={set('currency')}
                invalid={!!errors.currency}
                describedBy={d}
                testId="program-settings-currency"
              />
            )}
          </FormField>
        )}
        <FormField
          id="pointValue"
          label={t('programSettings.field.pointValue')}
          hint={
            <>
              {pointValueHint} {t('programSettings.pointValue.rules')}
            </>
          }
          error={errors.pointValue}
        >
          {(d) => (
            <input
              id="program-settings-pointValue"
              className="input input--number"
              inputMode="decimal"
              value={values.pointValue}
              onChange={set('pointValue')}
              aria-invalid={!!errors.pointValue}
              aria-describedby={d}
              maxLength={24}
              autoComplete="off"
              data-testid="program-settings-point-value"
            />
          )}
        </FormField>
        <div className="field" data-testid="program-settings-budget">
          <p className="field-label">{t('programSettings.budget')}</p>
          <p>
            {view.budgetPerPeriodMinor === null
              ? t('fact.noBudget')
              : i18n.formatMoney(view.budgetPerPeriodMinor, view.currency)}
          </p>
          <p className="field-hint">
            {t('programSettings.budget.hint')} <a href={hrefOf('rules')}>{t('programSettings.budget.link')}</a>
          </p>
        </div>
      </div>

      <fieldset className="form-section">
        <legend className="form-section-title">{t('programSettings.sepa.title')}</legend>
        <p className="field-hint">{t('programSettings.sepa.hint')}</p>
        <div className="form-grid">
          <FormField id="sepaName" label={t('programSettings.field.sepaName')} error={errors.sepaName}>
            {(d) => (
              <input
                id="program-settings-sepaName"
                className="input"
                value={values.sepaName}
                onChange={set('sepaName')}
                aria-invalid={!!errors.sepaName}
                aria-describedby={d}
                maxLength={70}
                autoComplete="off"
                data-testid="program-settings-sepa-name"
              />
            )}
          </FormField>
          <FormField id="sepaIban" label={t('programSettings.field.sepaIban')} error={errors.sepaIban}>
            {(d) => (
              <input
                id="program-settings-sepaIban"
                className="input"
                value={values.sepaIban}
                onChange={set('sepaIban')}
                aria-invalid={!!errors.sepaIban}
                aria-describedby={d}
                maxLength={42}
                autoComplete="off"
                spellCheck={false}
                data-testid="program-settings-sepa-iban"
              />
            )}
          </FormField>
          <FormField id="sepaBic" label={t('programSettings.field.sepaBic')} error={errors.sepaBic}>
            {(d) => (
              <input
                id="program-settings-sepaBic"
                className="input"
                value={values.sepaBic}
                onChange={set('sepaBic')}
                aria-invalid={!!errors.sepaBic}
                aria-describedby={d}
                maxLength={11}
                autoComplete="off"
                spellCheck={false}
                data-testid="program-settings-sepa-bic"
              />
            )}
          </FormField>
        </div>
      </fieldset>

      <ReasonField
        id="program-settings-reason"
        label={t('programSettings.reason')}
        hint={t('programSettings.reason.hint')}
        value={reason}
        onChange={(v) => {
          setReason(v);
          setReasonMissing(false);
        }}
        missing={reasonMissing}
      />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="program-settings-save">
          <Icon name="check" size={16} />
          {busy ? t('programSettings.saving') : t('programSettings.save')}
        </button>
      </div>
    </form>
  );
}

/** The Program card of the Settings screen; `onSaved` reloads the program every screen reads. */
export function ProgramSettingsCard({ onSaved }: { onSaved: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const settings = useCall('program.settings');
  const [saved, setSaved] = useState<ProgramSettingsVersionView | null>(null);
  const view = settings.value;
  const newest = view?.history[0];

  return (
    <section className="card" aria-labelledby="program-settings-title" id={PROGRAM_SETTINGS_SECTION}>
      <div className="card-header">
        <h2 className="card-title" id="program-settings-title">
          {t('programSettings.title')}
        </h2>
      </div>
      <p className="card-lead">{t('programSettings.lead')}</p>
      {settings.error ? <ErrorNotice error={settings.error} onRetry={settings.reload} /> : null}
      {saved ? (
        <div className="notice notice--success" role="status" data-testid="program-settings-saved">
          <Icon name="check" className="notice-icon" />
          <p className="notice-text">
            {t('programSettings.saved', { version: saved.version })}
            {saved.rulesVersion !== null
              ? ` ${t('programSettings.saved.pointValue', { version: saved.rulesVersion })}`
              : ''}
          </p>
        </div>
      ) : null}
      {view && newest ? (
        <>
          <SettingsForm
            // A saved change starts the form again from the settings now in force.
            key={`${newest.version}-${i18n.locale}`}
            view={view}
            onSaved={(next) => {
              setSaved(next.history[0] ?? null);
              settings.reload();
              onSaved();
            }}
          />
          <SettingsHistory history={view.history} />
        </>
      ) : null}
    </section>
  );
}
