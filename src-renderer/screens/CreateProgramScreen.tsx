import { useState, type FormEvent, type ReactNode } from 'react';
import type { AppErrorData, ProgramConfigInput, ValidationProblem } from '../../src-main/ipc/contract';
import { describePath } from '../../src-main/core/program/config-problems';
import { problemLine, problemSentence, programProblemsOf } from '../forms/validation-problem-text';
import { safeCall, useCall } from '../api/use-call';
import { BusyIndicator } from '../components/BusyIndicator';
import { ErrorNotice } from '../components/ErrorNotice';
import { Icon } from '../components/Icon';
import { minorToDecimalString } from '../../src-main/core/money/minor-units';
import { useI18n, type MessageKey, type Translator } from '../i18n/i18n';
import { hrefOf } from '../navigation';

const FIELDS = ['name', 'client', 'currencyCode', 'minorDigits', 'locale', 'pointValueMinor', 'firstPeriod'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;
type FieldErrors = Partial<Record<Field, string>>;

/** Where each form field sits in the program document, as the core's problems name it. */
const PATHS: Record<string, Field> = {
  name: 'name',
  client: 'client',
  'currency.code': 'currencyCode',
  'currency.minorDigits': 'minorDigits',
  locale: 'locale',
  pointValueMinor: 'pointValueMinor',
  firstPeriod: 'firstPeriod',
};

const LOCALES = ['pl-PL', 'en-GB', 'en-US', 'ru-RU', 'de-DE', 'cs-CZ', 'nb-NO', 'sv-SE'];

const WHOLE = /^\d{1,15}$/;

function valuesFromTemplate(template: ProgramConfigInput): Values {
  return {
    name: template.name,
    client: template.client,
    currencyCode: template.currency.code,
    minorDigits: String(template.currency.minorDigits),
    locale: template.locale,
    pointValueMinor: String(template.pointValueMinor),
    firstPeriod: template.firstPeriod,
  };
}

/**
 * A problem the core found with a field, worded by its code; the decimal places field says what it takes whatever the
 * problem.
 */
function fieldProblemText(field: Field, problem: ValidationProblem, i18n: Pick<Translator, 't'>): string {
  return field === 'minorDigits' ? i18n.t('validation.minorDigits') : problemSentence(problem, i18n);
}

function checkLocally(values: Values): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of ['name', 'client', 'currencyCode', 'locale'] as const) {
    if (!values[field].trim()) errors[field] = 'validation.required';
  }
  if (!WHOLE.test(values.minorDigits.trim())) errors.minorDigits = 'validation.minorDigits';
  if (!WHOLE.test(values.pointValueMinor.trim())) errors.pointValueMinor = 'validation.wholeNumber';
  if (!values.firstPeriod) errors.firstPeriod = 'validation.period';
  return errors;
}

function FormField({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: Field;
  label: string;
  hint?: ReactNode;
  error?: string;
  children: (describedBy: string | undefined) => ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : '';
  const errorId = error ? `${id}-error` : '';
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label className="field-label" htmlFor={`field-${id}`}>
        {label}
      </label>
      {children(describedBy)}
      {error ? (
        <p className="field-error" id={errorId} data-testid={`error-${id}`}>
          <Icon name="alert" size={14} />
          {error}
        </p>
      ) : null}
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

function CreateProgramForm({ template, onCreated }: { template: ProgramConfigInput; onCreated: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [values, setValues] = useState<Values>(() => valuesFromTemplate(template));
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
    const local = checkLocally(values);
    setError(null);
    setOtherProblems([]);
    if (Object.keys(local).length > 0) {
      const translated: FieldErrors = {};
      for (const [field, key] of Object.entries(local) as [Field, MessageKey][]) translated[field] = t(key);
      setFieldErrors(translated);
      focusFirstInvalid(translated);
      return;
    }
    setFieldErrors({});
    const config: Record<string, unknown> = {
      ...template,
      name: values.name.trim(),
      client: values.client.trim(),
      currency: { code: values.currencyCode.trim().toUpperCase(), minorDigits: Number(values.minorDigits.trim()) },
      locale: values.locale.trim(),
      pointValueMinor: Number(values.pointValueMinor.trim()),
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

  let pointValueHint = t('create.field.pointValue.hintInvalid');
  if (
    WHOLE.test(values.pointValueMinor.trim()) &&
    /^[A-Za-z]{3}$/.test(values.currencyCode.trim()) &&
    /^[0-3]$/.test(values.minorDigits.trim())
  ) {
    try {
      const money = i18n.formatMoney(Number(values.pointValueMinor.trim()), {
        code: values.currencyCode.trim().toUpperCase(),
        minorDigits: Number(values.minorDigits.trim()),
      });
      pointValueHint = t('create.field.pointValue.hint', { money });
    } catch {
      // An unknown currency: keep the general hint.
    }
  }

  const rules = template.rules;
  const budgetMinor = rules.budget?.perPeriodMinor;
  let budgetText = t('create.rules.noBudget');
  if (budgetMinor !== undefined) {
    try {
      budgetText = i18n.formatMoney(budgetMinor, {
        code: values.currencyCode.trim().toUpperCase(),
        minorDigits: Number(values.minorDigits) || 0,
      });
    } catch {
      // Not a currency Intl knows (yet): the amount as a plain decimal.
      budgetText = minorToDecimalString(
        budgetMinor,
        /^[0-3]$/.test(values.minorDigits.trim()) ? Number(values.minorDigits.trim()) : 2,
      );
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
              <>
                <input
                  id="field-locale"
                  className="input"
                  value={values.locale}
                  onChange={set('locale')}
                  aria-invalid={!!fieldErrors.locale}
                  aria-describedby={d}
                  list="locale-options"
                  autoComplete="off"
                  spellCheck={false}
                />
                <datalist id="locale-options">
                  {LOCALES.map((l) => (
                    <option key={l} value={l} />
                  ))}
                </datalist>
              </>
            )}
          </FormField>
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend className="form-section-title">{t('create.section.money')}</legend>
        <div className="form-grid form-grid--three">
          <FormField
            id="currencyCode"
            label={t('create.field.currencyCode')}
            hint={t('create.field.currencyCode.hint')}
            error={fieldErrors.currencyCode}
          >
            {(d) => (
              <input
                id="field-currencyCode"
                className="input input--code"
                value={values.currencyCode}
                onChange={set('currencyCode')}
                aria-invalid={!!fieldErrors.currencyCode}
                aria-describedby={d}
                maxLength={3}
                autoComplete="off"
                spellCheck={false}
              />
            )}
          </FormField>
          <FormField
            id="minorDigits"
            label={t('create.field.minorDigits')}
            hint={t('create.field.minorDigits.hint')}
            error={fieldErrors.minorDigits}
          >
            {(d) => (
              <input
                id="field-minorDigits"
                className="input input--number"
                inputMode="numeric"
                value={values.minorDigits}
                onChange={set('minorDigits')}
                aria-invalid={!!fieldErrors.minorDigits}
                aria-describedby={d}
                maxLength={1}
                autoComplete="off"
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
                inputMode="numeric"
                value={values.pointValueMinor}
                onChange={set('pointValueMinor')}
                aria-invalid={!!fieldErrors.pointValueMinor}
                aria-describedby={d}
                maxLength={15}
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
