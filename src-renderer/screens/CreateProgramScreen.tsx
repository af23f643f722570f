import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AppErrorData, ProgramConfigInput, ValidationProblem } from '../../src-main/ipc/contract';
import { describePath } from '../../src-main/core/program/config-problems';
import { problemLine, problemSentence, programProblemsOf } from '../forms/validation-problem-text';
import { safeCall, useCall } from '../api/use-call';
import { BusyIndicator } from '../components/BusyIndicator';
import { ErrorNotice } from '../components/ErrorNotice';
import { Icon } from '../components/Icon';
import { FormField as SharedFormField } from '../forms/FormField';
import { ProgramChoiceSelect } from '../forms/ProgramChoiceSelect';
import { minorToDecimalString } from '../../src-main/core/money/minor-units';
import { decimalInputText } from '../forms/format-figures';
import { currencyMinorDigits } from '../forms/program-choices';
import { readTypedAmount } from '../forms/typed-amount';
import { useI18n, type MessageKey, type Translator } from '../i18n/i18n';
import { hrefOf } from '../navigation';

const FIELDS = ['name', 'client', 'currencyCode', 'locale', 'pointValueMinor', 'firstPeriod'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;
type FieldErrors = Partial<Record<Field, string>>;

/** Where each form field sits in the program document, as the core's problems name it. */
const PATHS: Record<string, Field> = {
  name: 'name',
  client: 'client',
  'currency.code': 'currencyCode',
  // The decimal places follow from the currency chosen.
  'currency.minorDigits': 'currencyCode',
  locale: 'locale',
  pointValueMinor: 'pointValueMinor',
  firstPeriod: 'firstPeriod',
};

const AMOUNT_PROBLEM: Record<string, MessageKey> = {
  empty: 'validation.required',
  tooManyDecimals: 'validation.tooManyDecimals',
  negative: 'validation.notNegative',
  tooLarge: 'validation.tooLarge',
};

/** The point value is typed as money in the operator's locale ("0,10" in Polish), never in minor units. */
function valuesFromTemplate(template: ProgramConfigInput, uiLocale: string): Values {
  return {
    name: template.name,
    client: template.client,
    currencyCode: template.currency.code,
    locale: template.locale,
    pointValueMinor: decimalInputText(template.pointValueMinor, template.currency.minorDigits, uiLocale),
    firstPeriod: template.firstPeriod,
  };
}

/**
 * A problem the core found with a field, worded by its code; the decimal places field says what it takes whatever the
 * problem.
 */
function fieldProblemText(_field: Field, problem: ValidationProblem, i18n: Pick<Translator, 't'>): string {
  return problemSentence(problem, i18n);
}

function checkLocally(values: Values, uiLocale: string, t: Translator['t']): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of ['name', 'client', 'currencyCode', 'locale'] as const) {
    if (!values[field].trim()) errors[field] = t('validation.required');
  }
  const digits = currencyMinorDigits(values.currencyCode);
  const amount = readTypedAmount(values.pointValueMinor, digits, uiLocale);
  if (!amount.ok)
    errors.pointValueMinor = t(AMOUNT_PROBLEM[amount.problem] ?? 'validation.amount', {
      digits,
      example: decimalInputText(10 ** Math.max(digits - 1, 0), digits, uiLocale),
    });
  if (!values.firstPeriod) errors.firstPeriod = t('validation.period');
  return errors;
}

/** A field of this form: its control is `field-${id}`, its error `error-${id}` for the tests. */
function FormField({
  id,
  ...rest
}: Omit<Parameters<typeof SharedFormField>[0], 'controlId' | 'describedId' | 'errorTestId'> & { id: Field }) {
  return <SharedFormField controlId={`field-${id}`} describedId={id} errorTestId={`error-${id}`} {...rest} />;
}

function CreateProgramForm({ template, onCreated }: { template: ProgramConfigInput; onCreated: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [values, setValues] = useState<Values>(() => valuesFromTemplate(template, i18n.locale));
  // The point value is text in the operator's locale: a change of language rewrites it ("0.10" -> "0,10").
  const shownLocale = useRef(i18n.locale);
  useEffect(() => {
    const before = shownLocale.current;
    shownLocale.current = i18n.locale;
    if (before === i18n.locale) return;
    setValues((v) => {
      const digits = currencyMinorDigits(v.currencyCode);
      const typed = readTypedAmount(v.pointValueMinor, digits, before);
      return typed.ok ? { ...v, pointValueMinor: decimalInputText(typed.value, digits, i18n.locale) } : v;
    });
  }, [i18n.locale]);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [otherProblems, setOtherProblems] = useState<string[]>([]);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (field: Field) => (event: { target: { value: string } }) => {
    const value = event.target.value;
    setValues((v) => ({ ...v, [field]: value }));
  };

  const focusFirstInvalid = (errors: FieldErrors) => {
    const first = FIELDS.find((f) => errors[f]);
    if (first) requestAnimationFrame(() => document.getElementById(`field-${first}`)?.focus());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = checkLocally(values, i18n.locale, t);
    setError(null);
    setOtherProblems([]);
    const digits = currencyMinorDigits(values.currencyCode);
    const pointValue = readTypedAmount(values.pointValueMinor, digits, i18n.locale);
    if (Object.keys(local).length > 0 || !pointValue.ok) {
      setFieldErrors(local);
      focusFirstInvalid(local);
      return;
    }
    setFieldErrors({});
    const config: Record<string, unknown> = {
      ...template,
      name: values.name.trim(),
      client: values.client.trim(),
      currency: { code: values.currencyCode, minorDigits: digits },
      locale: values.locale,
      pointValueMinor: pointValue.value,
      firstPeriod: values.firstPeriod,
    };
    // The template's note describes the reference program, not this one.
    delete config.$comment;
    setBusy(true);
    const result = await safeCall('program.create', { config });
    setBusy(false);
    if (result.ok) {
      onCreated();
      return;
    }
    if (result.error.code === 'INVALID_PROGRAM') {
      const errors: FieldErrors = {};
      const others: string[] = [];
      for (const problem of programProblemsOf(result.error)) {
        const field = PATHS[describePath(problem.path)];
        if (field && !errors[field]) errors[field] = fieldProblemText(field, problem, i18n);
        else if (!field) others.push(problemLine(problem, i18n));
      }
      setFieldErrors(errors);
      setOtherProblems(others);
      focusFirstInvalid(errors);
    }
    setError(result.error);
  };

  const digits = currencyMinorDigits(values.currencyCode);
  const currency = { code: values.currencyCode, minorDigits: digits };
  const typed = readTypedAmount(values.pointValueMinor, digits, i18n.locale);
  const pointValueHint = typed.ok
    ? t('create.field.pointValue.hint', { money: i18n.formatMoney(typed.value, currency) })
    : t('create.field.pointValue.hintInvalid', { example: i18n.formatMoney(10 ** Math.max(digits - 1, 0), currency) });

  const rules = template.rules;
  const budgetMinor = rules.budget?.perPeriodMinor;
  let budgetText = t('create.rules.noBudget');
  if (budgetMinor !== undefined) {
    try {
      // The template's budget is in its own currency's minor units.
      budgetText = i18n.formatMoney(budgetMinor, template.currency);
    } catch {
      budgetText = minorToDecimalString(budgetMinor, template.currency.minorDigits);
    }
  }
  const cap = rules.capPointsPerPeriod;
  const hasErrors = Object.keys(fieldErrors).length > 0 || otherProblems.length > 0;

  return (
    <form
      className="create-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-describedby={hasErrors ? 'create-errors' : undefined}
    >
      {error ? (
        <div id="create-errors">
          <ErrorNotice error={error} testId="create-error" />
          {otherProblems.length > 0 ? (
            <ul className="problem-list">
              {otherProblems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : hasErrors ? (
        <div className="notice notice--error" role="alert" id="create-errors">
          <Icon name="alert" className="notice-icon" />
          <p className="notice-text">{t('create.errorSummary')}</p>
        </div>
      ) : null}

      <fieldset className="form-section">
        <legend className="form-section-title">{t('create.section.program')}</legend>
        <div className="form-grid">
          <FormField id="name" label={t('create.field.name')} error={fieldErrors.name}>
            {(d) => (
              <input
                id="field-name"
                className="input"
                value={values.name}
                onChange={set('name')}
                aria-invalid={!!fieldErrors.name}
                aria-describedby={d}
                maxLength={120}
                autoComplete="off"
              />
            )}
          </FormField>
          <FormField
            id="client"
            label={t('create.field.client')}
            hint={t('create.field.client.hint')}
            error={fieldErrors.client}
          >
            {(d) => (
              <input
                id="field-client"
                className="input"
                value={values.client}
                onChange={set('client')}
                aria-invalid={!!fieldErrors.client}
                aria-describedby={d}
                maxLength={120}
                autoComplete="organization"
              />
            )}
          </FormField>
          <FormField
            id="firstPeriod"
            label={t('create.field.firstPeriod')}
            hint={t('create.field.firstPeriod.hint')}
            error={fieldErrors.firstPeriod}
          >
            {(d) => (
              <input
                id="field-firstPeriod"
                className="input"
                type="month"
                value={values.firstPeriod}
                onChange={set('firstPeriod')}
                aria-invalid={!!fieldErrors.firstPeriod}
                aria-describedby={d}
              />
            )}
          </FormField>
          <FormField
            id="locale"
            label={t('create.field.locale')}
            hint={t('create.field.locale.hint')}
            error={fieldErrors.locale}
          >
            {(d) => (
              <ProgramChoiceSelect
                kind="locale"
                id="field-locale"
                value={values.locale}
                onChange={set('locale')}
                invalid={!!fieldErrors.locale}
                describedBy={d}
                testId="create-locale"
              />
            )}
          </FormField>
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend className="form-section-title">{t('create.section.money')}</legend>
        <div className="form-grid">
          <FormField
            id="currencyCode"
            label={t('create.field.currencyCode')}
            hint={t('create.field.currencyCode.hint')}
            error={fieldErrors.currencyCode}
          >
            {(d) => (
              <ProgramChoiceSelect
                kind="currency"
                id="field-currencyCode"
                value={values.currencyCode}
                onChange={set('currencyCode')}
                invalid={!!fieldErrors.currencyCode}
                describedBy={d}
                testId="create-currency"
              />
            )}
          </FormField>
          <FormField
            id="pointValueMinor"
            label={t('create.field.pointValue')}
            hint={pointValueHint}
            error={fieldErrors.pointValueMinor}
          >
            {(d) => (
              <input
                id="field-pointValueMinor"
                className="input input--number"
                inputMode="decimal"
                data-testid="create-point-value"
                value={values.pointValueMinor}
                onChange={set('pointValueMinor')}
                aria-invalid={!!fieldErrors.pointValueMinor}
                aria-describedby={d}
                maxLength={24}
                autoComplete="off"
              />
            )}
          </FormField>
        </div>
      </fieldset>

      <section className="form-section form-section--readonly" aria-labelledby="rules-title">
        <h2 className="form-section-title" id="rules-title">
          {t('create.section.rules')}
        </h2>
        <dl className="facts facts--compact">
          <div className="fact">
            <dt>{t('create.rules.tiers')}</dt>
            <dd>
              {rules.tiers?.length
                ? rules.tiers.map((tier) => (
                    <span className="rule-chip" key={tier.id}>
                      {tier.name} +{tier.bonusPct}%
                    </span>
                  ))
                : '—'}
            </dd>
          </div>
          <div className="fact">
            <dt>{t('create.rules.campaigns')}</dt>
            <dd>
              {rules.campaigns?.length
                ? rules.campaigns.map((c) => (
                    <span className="rule-chip" key={c.id}>
                      {c.id}
                    </span>
                  ))
                : '—'}
            </dd>
          </div>
          <div className="fact">
            <dt>{t('create.rules.contests')}</dt>
            <dd>{rules.contests?.length ? rules.contests.map((c) => c.name).join(' · ') : '—'}</dd>
          </div>
          <div className="fact">
            <dt>{t('create.rules.cap')}</dt>
            <dd>{typeof cap === 'number' ? t('create.rules.capValue', { count: cap }) : t('create.rules.noCap')}</dd>
          </div>
          <div className="fact">
            <dt>{t('create.rules.budget')}</dt>
            <dd>{budgetText}</dd>
          </div>
        </dl>
      </section>

      <div className="form-actions">
        {busy ? (
          <BusyIndicator label={t('create.busy')} />
        ) : (
          <>
            <a className="btn btn-ghost" href={hrefOf('')}>
              <Icon name="arrowLeft" size={16} />
              {t('common.back')}
            </a>
            <button type="submit" className="btn btn-primary" data-testid="create-submit">
              {t('create.submit')}
            </button>
          </>
        )}
      </div>
    </form>
  );
}

export function CreateProgramScreen({ onCreated }: { onCreated: () => void }) {
  const { t } = useI18n();
  const template = useCall('program.referenceTemplate');
  return (
    <div className="page page--narrow">
      <div className="page-header">
        <div className="page-header-text">
          <h1 className="page-title" tabIndex={-1} id="page-title">
            {t('create.title')}
          </h1>
          <p className="page-lead">{t('create.lead')}</p>
        </div>
      </div>
      {template.value ? (
        <CreateProgramForm template={template.value} onCreated={onCreated} />
      ) : template.error ? (
        <ErrorNotice error={template.error} onRetry={template.reload} />
      ) : (
        <BusyIndicator label={t('create.templateLoading')} />
      )}
    </div>
  );
}
