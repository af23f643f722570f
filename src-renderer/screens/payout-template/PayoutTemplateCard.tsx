// The card issuer's template for the xlsx and csv payout files: which columns, under which
// headers, in which order, and how amounts, dates and text are written. The coordinator edits
// it here, sees the file's first lines as they would be written, and saves it or goes back
// to the built-in template. Problems are the core's own, shown beside the field they name.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AppErrorData, PayoutTemplateView, ProgramView, ValidationProblem } from '../../../src-main/ipc/contract';
import { inputProblemsOf } from '../../forms/validation-problem-text';
import {
  PAYOUT_FIELDS,
  type PayoutField,
  type PayoutTemplate,
} from '../../../src-main/core/payouts/files/payout-template';
import { safeCall, useCall } from '../../api/use-call';
import { BusyIndicator } from '../../components/BusyIndicator';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { useI18n } from '../../i18n/i18n';
import {
  draftFromTemplate,
  draftProblems,
  moveColumn,
  newColumn,
  previewLines,
  problemsFromCore,
  sameTemplate,
  templateOfDraft,
  type FieldProblem,
  type TemplateDraft,
} from './payout-template-draft';

export const PAYOUT_TEMPLATE_SECTION = 'payout-template';

const DECIMAL_SEPARATORS: PayoutTemplate['decimalSeparator'][] = [',', '.'];
const CSV_SEPARATORS: PayoutTemplate['csvSeparator'][] = [';', ',', '\t'];
const ENCODINGS: PayoutTemplate['encoding'][] = ['utf-8-bom', 'utf-8', 'windows-1250', 'windows-1251'];
const DATE_FORMATS: PayoutTemplate['dateFormat'][] = ['YYYY-MM-DD', 'DD.MM.YYYY', 'DD/MM/YYYY'];

const SEPARATOR_KEY = { ';': 'semicolon', ',': 'comma', '\t': 'tab', '.': 'dot' } as const;

/** The id of an input from the path the core names: columns[1].header -> template-columns-1-header. */
function fieldId(path: string): string {
  return `template-${path.replace(/[[\].]+/g, '-').replace(/-$/, '')}`;
}

function useProblemText() {
  const { t } = useI18n();
  return (problem: FieldProblem | undefined): string | null => (problem ? t(problem.key, problem.params) : null);
}

function ProblemText({ id, text }: { id: string; text: string | null }) {
  if (!text) return null;
  return (
    <p className="field-error" id={`${id}-error`} data-testid={`${id}-error`}>
      <Icon name="alert" size={14} />
      {text}
    </p>
  );
}

function TextField({
  path,
  label,
  hint,
  value,
  onChange,
  problem,
  width,
}: {
  path: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  problem?: FieldProblem;
  width?: 'medium' | 'wide' | 'name';
}) {
  const text = useProblemText()(problem);
  const id = fieldId(path);
  const describedBy = [text ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
  return (
    <div className={`rule-field${width ? ` rule-field--${width}` : ''}${text ? ' has-error' : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={!!text}
        aria-describedby={describedBy || undefined}
        autoComplete="off"
        spellCheck={false}
        data-testid={id}
      />
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <ProblemText id={id} text={text} />
    </div>
  );
}

function Choice<T extends string>({
  name,
  legend,
  options,
  value,
  onChange,
  label,
  problem,
}: {
  name: string;
  legend: string;
  options: readonly T[];
  value: T;
  onChange: (value: T) => void;
  label: (option: T) => string;
  problem?: FieldProblem;
}) {
  const text = useProblemText()(problem);
  const id = fieldId(name);
  return (
    <fieldset className="template-choice" aria-describedby={text ? `${id}-error` : undefined}>
      <legend className="field-label">{legend}</legend>
      <div className="segmented segmented--small" data-testid={id}>
        {options.map((option) => (
          <label
            key={option}
            className={option === value ? 'segment is-checked' : 'segment'}
            data-testid={`${id}-${SEPARATOR_KEY[option as keyof typeof SEPARATOR_KEY] ?? option}`}
          >
            <input type="radio" name={id} value={option} checked={option === value} onChange={() => onChange(option)} />
            {label(option)}
          </label>
        ))}
      </div>
      <ProblemText id={id} text={text} />
    </fieldset>
  );
}

/** The file's first lines as the csv would hold them, each separator marked so that a tab shows. */
function CsvPreview({ draft, program }: { draft: TemplateDraft; program: ProgramView }) {
  const { t } = useI18n();
  const lines = previewLines(draft, {
    period: program.firstPeriod,
    currencyCode: program.currency.code,
    minorDigits: program.currency.minorDigits,
    today: new Date().toISOString().slice(0, 10),
  });
  const sepShown = draft.csvSeparator === '\t' ? '⇥' : draft.csvSeparator;
  const lineLabels = [
    t('payoutTemplate.preview.header'),
    t('payoutTemplate.preview.row'),
    t('payoutTemplate.preview.totals'),
  ];
  return (
    <section className="template-preview" aria-labelledby="template-preview-title">
      <h3 className="section-title" id="template-preview-title">
        {t('payoutTemplate.preview.title')}
      </h3>
      <p className="card-note">
        {t('payoutTemplate.preview.note', { encoding: t(`payoutTemplate.encoding.${draft.encoding}`) })}
      </p>
      <div className="template-preview-box" data-testid="template-preview">
        {lines.map((cells, i) => (
          <div key={i} className="template-preview-line">
            <span className="template-preview-label">{lineLabels[i]}</span>
            {/* The file's own words, as the issuer reads them: not the operator's language. */}
            <code
              translate="no"
              className="template-preview-text"
              data-testid={`template-preview-${i === 0 ? 'header' : i === 1 ? 'row' : 'totals'}`}
              data-line={cells.join(draft.csvSeparator)}
            >
              {cells.map((cell, j) => (
                <span key={j}>
                  {j > 0 ? (
                    <span className="template-preview-sep" aria-hidden="true">
                      {sepShown}
                    </span>
                  ) : null}
                  {cell}
                </span>
              ))}
            </code>
          </div>
        ))}
      </div>
    </section>
  );
}

function TemplateEditor({
  view,
  program,
  onSaved,
  onEdited,
}: {
  view: PayoutTemplateView;
  program: ProgramView;
  onSaved: (view: PayoutTemplateView, message: 'saved' | 'builtIn') => void;
  onEdited: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const problemText = useProblemText();
  const [draft, setDraft] = useState<TemplateDraft>(() => draftFromTemplate(view.template));
  const [coreProblems, setCoreProblems] = useState<ValidationProblem[]>([]);
  const [busy, setBusy] = useState<'save' | 'builtIn' | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const listRef = useRef<HTMLOListElement>(null);
  const focusAfter = useRef<{ key: string; control: string } | null>(null);

  const problems = useMemo(
    () => ({ ...problemsFromCore(coreProblems), ...draftProblems(draft) }),
    [coreProblems, draft],
  );
  const problemCount = Object.keys(problems).length;
  const dirty = !sameTemplate(draft, view.template);
  const fieldLabel = (field: PayoutField) => t(`payoutField.${field}`);

  // After a move or a removal, focus stays with the column that moved (or the one that took
  // the removed one's place), so that a keyboard user can press the same button again.
  useEffect(() => {
    const wanted = focusAfter.current;
    if (!wanted || !listRef.current) return;
    focusAfter.current = null;
    const row = listRef.current.querySelector<HTMLElement>(`[data-column-key="${wanted.key}"]`);
    const target =
      row?.querySelector<HTMLElement>(`[data-control="${wanted.control}"]:not(:disabled)`) ??
      row?.querySelector<HTMLElement>('[data-control="field"]');
    target?.focus();
  });

  const update = (change: (d: TemplateDraft) => TemplateDraft) => {
    setDraft(change);
    setCoreProblems([]);
    setError(null);
    onEdited();
  };

  const move = (index: number, step: -1 | 1) => {
    const column = draft.columns[index];
    if (!column) return;
    focusAfter.current = { key: column.key, control: step < 0 ? 'up' : 'down' };
    update((d) => ({ ...d, columns: moveColumn(d.columns, index, step) }));
    setAnnouncement(
      t('payoutTemplate.moved', { column: column.header || fieldLabel(column.field), position: index + step + 1 }),
    );
  };

  const remove = (index: number) => {
    const column = draft.columns[index];
    if (!column) return;
    const next = draft.columns[index + 1] ?? draft.columns[index - 1];
    focusAfter.current = next ? { key: next.key, control: 'remove' } : null;
    update((d) => ({ ...d, columns: d.columns.filter((_, i) => i !== index) }));
    setAnnouncement(t('payoutTemplate.removed', { column: column.header || fieldLabel(column.field) }));
  };

  const unused = PAYOUT_FIELDS.filter((f) => !draft.columns.some((c) => c.field === f));
  const add = () => {
    const field = unused[0];
    if (!field) return;
    const column = newColumn(field, fieldLabel(field));
    focusAfter.current = { key: column.key, control: 'field' };
    update((d) => ({ ...d, columns: [...d.columns, column] }));
  };

  const changeField = (index: number, field: PayoutField) =>
    update((d) => ({
      ...d,
      // A header still at the old field's own name follows the new field; one the coordinator wrote stays.
      columns: d.columns.map((c, i) =>
        i === index
          ? {
              ...c,
              field,
              header: c.header.trim() === '' || c.header === fieldLabel(c.field) ? fieldLabel(field) : c.header,
            }
          : c,
      ),
    }));

  const send = async (template: unknown, kind: 'save' | 'builtIn') => {
    setBusy(kind);
    setError(null);
    setAnnouncement('');
    const answer = await safeCall('payouts.setTemplate', { template });
    setBusy(null);
    if (answer.ok) {
      onSaved(answer.value, kind === 'save' ? 'saved' : 'builtIn');
      return;
    }
    // The template's problems are placed beside their fields; any other refusal is shown whole.
    const problems = inputProblemsOf(answer.error);
    if (problems.length > 0) setCoreProblems(problems);
    else setError(answer.error);
  };

  const columnsProblem = problemText(problems.columns);
  const orphan = problems['(template)'];

  return (
    <div className="template-editor">
      <div className="rule-line">
        <TextField
          path="name"
          label={t('payoutTemplate.name')}
          value={draft.name}
          onChange={(v) => update((d) => ({ ...d, name: v }))}
          problem={problems.name}
          width="name"
        />
      </div>

      <section aria-labelledby="template-columns-title" className="template-columns-section">
        <h3 className="section-title" id="template-columns-title">
          {t('payoutTemplate.columns.title')}
        </h3>
        <p className="card-note">{t('payoutTemplate.columns.lead')}</p>
        <div className="template-columns-head" aria-hidden="true">
          <span>#</span>
          <span>{t('payoutTemplate.column.field')}</span>
          <span>{t('payoutTemplate.column.header')}</span>
        </div>
        <ol
          className="template-columns"
          ref={listRef}
          aria-labelledby="template-columns-title"
          aria-describedby={columnsProblem ? 'template-columns-error' : undefined}
          data-testid="template-columns"
        >
          {draft.columns.map((column, i) => {
            const n = i + 1;
            const name = column.header.trim() || fieldLabel(column.field);
            const fieldProblem = problemText(problems[`columns[${i}].field`]);
            const headerProblem = problemText(problems[`columns[${i}].header`]);
            const fieldInput = fieldId(`columns[${i}].field`);
            const headerInput = fieldId(`columns[${i}].header`);
            return (
              <li
                key={column.key}
                className={fieldProblem || headerProblem ? 'template-column has-error' : 'template-column'}
                data-column-key={column.key}
                data-field={column.field}
                data-testid="template-column"
              >
                <span className="template-column-number" aria-hidden="true">
                  {n}
                </span>
                <div className="template-column-cell">
                  <label className="sr-only" htmlFor={fieldInput}>
                    {t('payoutTemplate.column.fieldOf', { n })}
                  </label>
                  <select
                    id={fieldInput}
                    className="select"
                    value={column.field}
                    onChange={(event) => changeField(i, event.target.value as PayoutField)}
                    aria-invalid={!!fieldProblem}
                    aria-describedby={fieldProblem ? `${fieldInput}-error` : undefined}
                    data-control="field"
                    data-testid={fieldInput}
                  >
                    {PAYOUT_FIELDS.map((f) => (
                      <option key={f} value={f}>
                        {fieldLabel(f)}
                      </option>
                    ))}
                  </select>
                  <ProblemText id={fieldInput} text={fieldProblem} />
                </div>
                <div className="template-column-cell">
                  <label className="sr-only" htmlFor={headerInput}>
                    {t('payoutTemplate.column.headerOf', { n })}
                  </label>
                  <input
                    id={headerInput}
                    className="input"
                    value={column.header}
                    onChange={(event) =>
                      update((d) => ({
                        ...d,
                        columns: d.columns.map((c, j) => (j === i ? { ...c, header: event.target.value } : c)),
                      }))
                    }
                    aria-invalid={!!headerProblem}
                    aria-describedby={headerProblem ? `${headerInput}-error` : undefined}
                    autoComplete="off"
                    spellCheck={false}
                    data-control="header"
                    data-testid={headerInput}
                  />
                  <ProblemText id={headerInput} text={headerProblem} />
                </div>
                <div className="template-column-actions">
                  <button
                    type="button"
                    className="btn-icon"
                    onClick={() => move(i, -1)}
                    disabled={i === 0}
                    aria-label={t('payoutTemplate.moveUp', { column: name, n })}
                    title={t('payoutTemplate.moveUp', { column: name, n })}
                    data-control="up"
                    data-testid={`template-column-up-${i}`}
                  >
                    <Icon name="arrowUp" size={16} />
                  </button>
                  <button
                    type="button"
                    className="btn-icon"
                    onClick={() => move(i, 1)}
                    disabled={i === draft.columns.length - 1}
                    aria-label={t('payoutTemplate.moveDown', { column: name, n })}
                    title={t('payoutTemplate.moveDown', { column: name, n })}
                    data-control="down"
                    data-testid={`template-column-down-${i}`}
                  >
                    <Icon name="arrowDown" size={16} />
                  </button>
                  <button
                    type="button"
                    className="btn-icon rule-remove"
                    onClick={() => remove(i)}
                    aria-label={t('payoutTemplate.remove', { column: name, n })}
                    title={t('payoutTemplate.remove', { column: name, n })}
                    data-control="remove"
                    data-testid={`template-column-remove-${i}`}
                  >
                    <Icon name="trash" size={16} />
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
        {columnsProblem ? (
          <p className="field-error" id="template-columns-error" data-testid="template-columns-error">
            <Icon name="alert" size={14} />
            {columnsProblem}
          </p>
        ) : null}
        <button
          type="button"
          className="btn btn-secondary btn-small rule-add"
          onClick={add}
          disabled={unused.length === 0}
          data-testid="template-add-column"
        >
          <Icon name="plus" size={15} />
          {t('payoutTemplate.addColumn')}
        </button>
      </section>

      <section aria-labelledby="template-format-title" className="template-format">
        <h3 className="section-title" id="template-format-title">
          {t('payoutTemplate.format.title')}
        </h3>
        <div className="template-format-grid">
          <Choice
            name="decimalSeparator"
            legend={t('payoutTemplate.decimalSeparator')}
            options={DECIMAL_SEPARATORS}
            value={draft.decimalSeparator}
            onChange={(v) => update((d) => ({ ...d, decimalSeparator: v }))}
            label={(o) => t(`payoutTemplate.sep.${SEPARATOR_KEY[o]}`)}
            problem={problems.decimalSeparator}
          />
          <Choice
            name="csvSeparator"
            legend={t('payoutTemplate.csvSeparator')}
            options={CSV_SEPARATORS}
            value={draft.csvSeparator}
            onChange={(v) => update((d) => ({ ...d, csvSeparator: v }))}
            label={(o) => t(`payoutTemplate.sep.${SEPARATOR_KEY[o]}`)}
            problem={problems.csvSeparator}
          />
          <div className="rule-field">
            <label className="field-label" htmlFor="template-encoding">
              {t('payoutTemplate.encoding')}
            </label>
            <select
              id="template-encoding"
              className="select"
              value={draft.encoding}
              onChange={(event) =>
                update((d) => ({ ...d, encoding: event.target.value as PayoutTemplate['encoding'] }))
              }
              aria-describedby="template-encoding-hint"
              data-testid="template-encoding"
            >
              {ENCODINGS.map((e) => (
                <option key={e} value={e}>
                  {t(`payoutTemplate.encoding.${e}`)}
                </option>
              ))}
            </select>
            <p className="field-hint" id="template-encoding-hint">
              {t('payoutTemplate.encoding.hint')}
            </p>
          </div>
          <div className="rule-field">
            <label className="field-label" htmlFor="template-dateFormat">
              {t('payoutTemplate.dateFormat')}
            </label>
            <select
              id="template-dateFormat"
              className="select"
              value={draft.dateFormat}
              onChange={(event) =>
                update((d) => ({ ...d, dateFormat: event.target.value as PayoutTemplate['dateFormat'] }))
              }
              aria-describedby="template-dateFormat-hint"
              data-testid="template-dateFormat"
            >
              {DATE_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
            <p className="field-hint" id="template-dateFormat-hint">
              {t('payoutTemplate.dateFormat.hint')}
            </p>
          </div>
          <TextField
            path="sheetName"
            label={t('payoutTemplate.sheetName')}
            hint={t('payoutTemplate.sheetName.hint')}
            value={draft.sheetName}
            onChange={(v) => update((d) => ({ ...d, sheetName: v }))}
            problem={problems.sheetName}
          />
          <div className="template-totals">
            <label className="check-row">
              <input
                type="checkbox"
                checked={draft.includeTotalsRow}
                onChange={(event) => update((d) => ({ ...d, includeTotalsRow: event.target.checked }))}
                data-testid="template-totals"
              />
              <span>{t('payoutTemplate.totals')}</span>
            </label>
            <p className="field-hint">{t('payoutTemplate.totals.hint')}</p>
            {draft.includeTotalsRow ? (
              <TextField
                path="totalsLabel"
                label={t('payoutTemplate.totalsLabel')}
                value={draft.totalsLabel}
                onChange={(v) => update((d) => ({ ...d, totalsLabel: v }))}
                problem={problems.totalsLabel}
              />
            ) : null}
          </div>
        </div>
      </section>

      <CsvPreview draft={draft} program={program} />

      {orphan ? <p className="notice notice--error">{problemText(orphan)}</p> : null}
      {error ? <ErrorNotice error={error} testId="template-error" /> : null}
      <div className="template-actions">
        <p
          className={problemCount > 0 ? 'rules-status text-danger' : 'rules-status muted'}
          role="status"
          data-testid="template-status"
        >
          {problemCount > 0
            ? t('payoutTemplate.problems', { count: problemCount })
            : dirty
              ? t('payoutTemplate.unsaved')
              : announcement}
        </p>
        <div className="rules-actions">
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => void send(null, 'builtIn')}
            disabled={busy !== null || (view.builtIn && !dirty)}
            data-testid="template-builtin"
          >
            {busy === 'builtIn' ? <span className="spinner" aria-hidden="true" /> : null}
            {t('payoutTemplate.useBuiltIn')}
          </button>
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => update(() => draftFromTemplate(view.template))}
            disabled={busy !== null || !dirty}
            data-testid="template-undo"
          >
            {t('payoutTemplate.undo')}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => void send(templateOfDraft(draft), 'save')}
            disabled={busy !== null || !dirty || problemCount > 0}
            data-testid="template-save"
          >
            {busy === 'save' ? (
              <span className="spinner spinner--light" aria-hidden="true" />
            ) : (
              <Icon name="check" size={16} />
            )}
            {t('payoutTemplate.save')}
          </button>
        </div>
      </div>
    </div>
  );
}

/** The card in Settings; `focused` when another screen sent the coordinator here for it. */
export function PayoutTemplateCard({ program, focused }: { program: ProgramView; focused: boolean }) {
  const { t } = useI18n();
  const loaded = useCall('payouts.template');
  const [saved, setSaved] = useState<{ view: PayoutTemplateView; version: number } | null>(null);
  const [notice, setNotice] = useState<'saved' | 'builtIn' | null>(null);
  const view = saved?.view ?? loaded.value;
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (focused && view && headingRef.current) {
      headingRef.current.scrollIntoView({ block: 'start' });
      headingRef.current.focus();
    }
  }, [focused, view]);

  return (
    <section
      className="card template-card"
      aria-labelledby="settings-payout-template"
      id={PAYOUT_TEMPLATE_SECTION}
      data-testid="template-card"
    >
      <div className="card-header">
        <h2 className="card-title" id="settings-payout-template" ref={headingRef} tabIndex={-1}>
          {t('payoutTemplate.title')}
        </h2>
        {view ? (
          <span className={view.builtIn ? 'badge badge--info' : 'badge badge--success'} data-testid="template-kind">
            {view.builtIn ? t('payoutTemplate.kind.builtIn') : t('payoutTemplate.kind.own')}
          </span>
        ) : null}
      </div>
      <p className="card-lead">{t('payoutTemplate.lead')}</p>
      {loaded.error ? <ErrorNotice error={loaded.error} onRetry={loaded.reload} /> : null}
      {!view && !loaded.error ? <BusyIndicator label={t('common.loading')} /> : null}
      <div role="status" aria-live="polite">
        {notice && view ? (
          <div className="notice notice--success" data-testid="template-saved">
            <Icon name="checkCircle" className="notice-icon" />
            <p className="notice-text">
              {notice === 'saved'
                ? t('payoutTemplate.saved', { name: view.template.name })
                : t('payoutTemplate.builtInRestored')}
            </p>
          </div>
        ) : null}
      </div>
      {view ? (
        <TemplateEditor
          key={saved?.version ?? 0}
          view={view}
          program={program}
          onEdited={() => setNotice(null)}
          onSaved={(next, message) => {
            setSaved((s) => ({ view: next, version: (s?.version ?? 0) + 1 }));
            setNotice(message);
          }}
        />
      ) : null}
    </section>
  );
}
