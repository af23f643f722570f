import { useState, type ChangeEvent, type DragEvent, type RefObject } from 'react';
import type { AppErrorData, ImportKind } from '../../../src-main/ipc/contract';
import { Icon } from '../../components/Icon';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import type { BatchView } from './import-batch-view';
import { ImportErrorNotice } from './ImportErrorNotice';

export const IMPORT_KIND_OPTIONS: { kind: ImportKind; label: MessageKey; hint: MessageKey }[] = [
  { kind: 'participants', label: 'import.kind.participants', hint: 'import.kind.participants.text' },
  { kind: 'products', label: 'import.kind.products', hint: 'import.kind.products.text' },
  { kind: 'targets', label: 'import.kind.targets', hint: 'import.kind.targets.text' },
  { kind: 'sales', label: 'import.kind.sales', hint: 'import.kind.sales.text' },
  { kind: 'confirmations', label: 'import.kind.confirmations', hint: 'import.kind.confirmations.text' },
];

/** What the operator says about a sales file before it is read. */
export interface SalesChoice {
  periodMode: 'file' | 'month';
  /** `YYYY-MM`, from the month picker; '' until chosen. */
  month: string;
  correction: boolean;
  replaceBatchId: number | null;
}

export const INITIAL_SALES_CHOICE: SalesChoice = {
  periodMode: 'file',
  month: '',
  correction: false,
  replaceBatchId: null,
};

/** Why the sales choices do not allow reading yet, by field; empty when they do. */
function salesChoiceProblems(choice: SalesChoice): { month?: MessageKey; replace?: MessageKey } {
  const problems: { month?: MessageKey; replace?: MessageKey } = {};
  if (choice.periodMode === 'month' && !/^\d{4}-(0[1-9]|1[0-2])$/.test(choice.month))
    problems.month = 'import.period.required';
  if (choice.correction && choice.replaceBatchId === null) problems.replace = 'import.replace.required';
  return problems;
}

const ACCEPTED = /\.(xlsx|csv)$/i;

interface Props {
  kind: ImportKind;
  onKind(kind: ImportKind): void;
  sales: SalesChoice;
  onSales(choice: SalesChoice): void;
  replaceable: BatchView[];
  onFile(file: File): void;
  notice: { tone: 'info' | 'error'; text: MessageKey } | null;
  error: AppErrorData | null;
  inputRef: RefObject<HTMLInputElement | null>;
  titleRef: RefObject<HTMLHeadingElement | null>;
}

export function ChooseFileStep({
  kind,
  onKind,
  sales,
  onSales,
  replaceable,
  onFile,
  notice,
  error,
  inputRef,
  titleRef,
}: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const [dragging, setDragging] = useState(false);
  // Field errors show once the operator has tried to go on, not while they are still choosing.
  const [tried, setTried] = useState(false);
  const [wrongType, setWrongType] = useState(false);
  const problems = kind === 'sales' ? salesChoiceProblems(sales) : {};
  const blocked = problems.month !== undefined || problems.replace !== undefined;

  const take = (file: File) => {
    setTried(true);
    if (!ACCEPTED.test(file.name)) {
      setWrongType(true);
      return;
    }
    setWrongType(false);
    if (blocked) {
      document.getElementById(problems.month ? 'import-period-month' : 'import-replace-batch')?.focus();
      return;
    }
    onFile(file);
  };

  const onFileChosen = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so that choosing the same file again (after fixing it) fires a change.
    event.target.value = '';
    if (file) take(file);
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) take(file);
  };

  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    if (!dragging) setDragging(true);
  };

  const batchOption = (batch: BatchView) => {
    const date = i18n.formatDateTime(batch.createdAt);
    return batch.period
      ? t('import.replace.option', { file: batch.fileName, period: i18n.formatPeriod(batch.period), date })
      : t('import.replace.optionNoPeriod', { file: batch.fileName, date });
  };

  return (
    <section className="card import-card" aria-labelledby="import-step-title" data-testid="import-step-choose">
      <h2 className="card-title step-title" id="import-step-title" tabIndex={-1} ref={titleRef}>
        {t('import.choose.title')}
      </h2>

      <fieldset className="kind-picker" aria-describedby="import-kind-order">
        <legend className="section-title">{t('import.kind.legend')}</legend>
        <div className="kind-options">
          {IMPORT_KIND_OPTIONS.map((option) => (
            <label key={option.kind} className="kind-option" data-testid={`kind-${option.kind}`}>
              <input
                type="radio"
                name="import-kind"
                value={option.kind}
                checked={kind === option.kind}
                onChange={() => onKind(option.kind)}
              />
              <span className="kind-option-text">
                <span className="kind-option-label">{t(option.label)}</span>
                <span className="kind-option-hint">{t(option.hint)}</span>
              </span>
            </label>
          ))}
        </div>
        <p className="field-hint with-icon" id="import-kind-order">
          <Icon name="info" size={15} />
          {t('import.kind.order')}
        </p>
      </fieldset>

      {kind === 'sales' ? (
        <div className="sales-options" data-testid="sales-options">
          <fieldset className="option-group">
            <legend className="section-title">{t('import.period.legend')}</legend>
            <label className="radio-row">
              <input
                type="radio"
                name="import-period"
                checked={sales.periodMode === 'file'}
                onChange={() => onSales({ ...sales, periodMode: 'file' })}
              />
              <span className="radio-row-text">
                <span className="radio-row-label">{t('import.period.fromFile')}</span>
                <span className="radio-row-hint">{t('import.period.fromFile.hint')}</span>
              </span>
            </label>
            <label className="radio-row">
              <input
                type="radio"
                name="import-period"
                checked={sales.periodMode === 'month'}
                onChange={() => onSales({ ...sales, periodMode: 'month' })}
                data-testid="period-mode-month"
              />
              <span className="radio-row-text">
                <span className="radio-row-label">{t('import.period.chosen')}</span>
                <span className="radio-row-hint">{t('import.period.chosen.hint')}</span>
              </span>
            </label>
            {sales.periodMode === 'month' ? (
              <div className="field option-detail">
                <label className="field-label" htmlFor="import-period-month">
                  {t('import.period.month')}
                </label>
                <input
                  id="import-period-month"
                  type="month"
                  className="input input--month"
                  value={sales.month}
                  onChange={(event) => onSales({ ...sales, month: event.target.value })}
                  aria-invalid={tried && problems.month ? true : undefined}
                  aria-describedby={tried && problems.month ? 'import-period-error' : undefined}
                  data-testid="period-month"
                />
                {tried && problems.month ? (
                  <p className="field-error" id="import-period-error">
                    <Icon name="alert" size={14} />
                    {t(problems.month)}
                  </p>
                ) : null}
              </div>
            ) : null}
          </fieldset>

          <fieldset className="option-group">
            <legend className="section-title">{t('import.replace.legend')}</legend>
            <label className="radio-row">
              <input
                type="radio"
                name="import-correction"
                checked={!sales.correction}
                onChange={() => onSales({ ...sales, correction: false })}
              />
              <span className="radio-row-text">
                <span className="radio-row-label">{t('import.replace.no')}</span>
                <span className="radio-row-hint">{t('import.replace.no.hint')}</span>
              </span>
            </label>
            <label className={replaceable.length === 0 ? 'radio-row is-disabled' : 'radio-row'}>
              <input
                type="radio"
                name="import-correction"
                checked={sales.correction}
                disabled={replaceable.length === 0}
                onChange={() =>
                  onSales({
                    ...sales,
                    correction: true,
                    replaceBatchId:
                      sales.replaceBatchId ?? (replaceable.length === 1 ? (replaceable[0]?.id ?? null) : null),
                  })
                }
                data-testid="correction-yes"
              />
              <span className="radio-row-text">
                <span className="radio-row-label">{t('import.replace.yes')}</span>
                <span className="radio-row-hint">
                  {replaceable.length === 0 ? t('import.replace.none') : t('import.replace.yes.hint')}
                </span>
              </span>
            </label>
            {sales.correction ? (
              <div className="field option-detail">
                <label className="field-label" htmlFor="import-replace-batch">
                  {t('import.replace.batch')}
                </label>
                <select
                  id="import-replace-batch"
                  className="select"
                  value={sales.replaceBatchId ?? ''}
                  onChange={(event) =>
                    onSales({ ...sales, replaceBatchId: event.target.value ? Number(event.target.value) : null })
                  }
                  aria-invalid={tried && problems.replace ? true : undefined}
                  aria-describedby={tried && problems.replace ? 'import-replace-error' : undefined}
                  data-testid="replace-batch"
                >
                  <option value="">{t('import.replace.choose')}</option>
                  {replaceable.map((batch) => (
                    <option key={batch.id} value={batch.id}>
                      {batchOption(batch)}
                    </option>
                  ))}
                </select>
                {tried && problems.replace ? (
                  <p className="field-error" id="import-replace-error">
                    <Icon name="alert" size={14} />
                    {t(problems.replace)}
                  </p>
                ) : null}
              </div>
            ) : null}
          </fieldset>
        </div>
      ) : null}

      <div
        className={dragging ? 'drop-zone is-dragging' : 'drop-zone'}
        onDragOver={onDragOver}
        onDragEnter={onDragOver}
        onDragLeave={(event) => {
          // Leaving for a child of the zone is not leaving the zone.
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={onDrop}
        data-testid="drop-zone"
      >
        <span className="drop-zone-icon" aria-hidden="true">
          <Icon name="sheet" size={26} />
        </span>
        <div className="drop-zone-row">
          <label className="btn btn-primary file-button">
            <input
              ref={inputRef}
              type="file"
              accept=".xlsx,.csv"
              className="file-input"
              onChange={onFileChosen}
              data-testid="import-file-input"
              aria-describedby="drop-zone-formats"
            />
            <Icon name="upload" size={16} />
            {t('import.file.choose')}
          </label>
          <span className="drop-zone-or">{dragging ? t('import.file.dropActive') : t('import.file.drop')}</span>
        </div>
        <p className="drop-zone-formats" id="drop-zone-formats">
          {t('import.file.formats')}
        </p>
      </div>

      {wrongType ? (
        <div className="notice notice--error" role="alert">
          <Icon name="alert" className="notice-icon" />
          <p className="notice-text">{t('import.file.notSupported')}</p>
        </div>
      ) : notice ? (
        <div
          className={notice.tone === 'error' ? 'notice notice--error' : 'notice notice--info'}
          role={notice.tone === 'error' ? 'alert' : 'status'}
          data-testid="import-notice"
        >
          <Icon name={notice.tone === 'error' ? 'alert' : 'info'} className="notice-icon" />
          <p className="notice-text">{t(notice.text)}</p>
        </div>
      ) : null}
      {error ? <ImportErrorNotice error={error} /> : null}
    </section>
  );
}
