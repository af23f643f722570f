import { useState, type RefObject } from 'react';
import type { ImportKind, MappingField, PreviewRow } from '../../../src-main/ipc/contract';
import { Icon } from '../../components/Icon';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { fieldLabel } from './import-texts';

const SOURCE_TEXT: Record<NonNullable<MappingField['source']>, MessageKey> = {
  synonym: 'import.mapping.source.synonym',
  remembered: 'import.mapping.source.remembered',
  explicit: 'import.mapping.source.explicit',
};

/** How many values of a column are shown beside it, so that the operator recognises the column. */
const SAMPLE_VALUES = 3;

interface Props {
  kind: ImportKind;
  fileName: string;
  headers: string[];
  fields: MappingField[];
  /** Some rows of the file, for examples of each column's values. */
  rows: PreviewRow[];
  /** 'missing': required fields lack a column; 'adjust': the operator asked to change them. */
  mode: 'missing' | 'adjust';
  onApply(mapping: Record<string, string>): void;
  onBack(): void;
  backLabel: MessageKey;
  titleRef: RefObject<HTMLHeadingElement | null>;
}

/**
 * One line per field of the kind, required ones marked, with a choice of the file's headers.
 * Only what the operator chose is sent back as the mapping: columns the core recognised by
 * itself stay recognised, so their provenance stays "synonym" or "remembered".
 */
export function MappingStep({
  kind,
  fileName,
  headers,
  fields,
  rows,
  mode,
  onApply,
  onBack,
  backLabel,
  titleRef,
}: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const [choice, setChoice] = useState<Record<string, string | null>>(() =>
    Object.fromEntries(fields.map((f) => [f.field, f.header])),
  );

  const missing = fields.filter((f) => f.required && !choice[f.field]);
  const chosen = fields.map((f) => choice[f.field]).filter((h): h is string => !!h);
  const twice = chosen.find((header, i) => chosen.indexOf(header) !== i) ?? null;
  const changed = fields.some((f) => (choice[f.field] ?? null) !== f.header);
  const canApply = missing.length === 0 && twice === null && (changed || mode === 'missing');

  const samples = (header: string | null): string[] => {
    if (!header) return [];
    const index = headers.indexOf(header);
    if (index < 0) return [];
    const values: string[] = [];
    for (const row of rows) {
      const value = row.cells[index];
      if (value !== null && value !== undefined && value.trim() !== '' && !values.includes(value)) values.push(value);
      if (values.length >= SAMPLE_VALUES) break;
    }
    return values;
  };

  const apply = () => {
    const mapping: Record<string, string> = {};
    for (const f of fields) {
      const header = choice[f.field];
      if (header && (header !== f.header || f.source === 'explicit' || f.source === null)) mapping[f.field] = header;
    }
    onApply(mapping);
  };

  return (
    <section className="card import-card" aria-labelledby="import-step-title" data-testid="import-step-mapping">
      <div className="step-header">
        <span className="step-icon" aria-hidden="true">
          <Icon name="columns" size={22} />
        </span>
        <div className="step-heading">
          <h2 className="card-title step-title" id="import-step-title" tabIndex={-1} ref={titleRef}>
            {t('import.mapping.title')}
          </h2>
          <p className="step-sub">
            {t(mode === 'missing' ? 'import.mapping.leadMissing' : 'import.mapping.leadAdjust', { file: fileName })}
          </p>
        </div>
      </div>

      <div className="table-wrap mapping-table-wrap">
        <table className="data-table mapping-table" data-testid="mapping-table">
          <thead>
            <tr>
              <th scope="col">{t('import.mapping.field')}</th>
              <th scope="col">{t('import.mapping.column')}</th>
              <th scope="col">{t('import.mapping.source')}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((f) => {
              const id = `mapping-${f.field}`;
              const current = choice[f.field] ?? null;
              const isChanged = current !== f.header;
              const unset = f.required && !current;
              // A column the core recognised by itself cannot be taken away here: the mapping
              // names columns, it has no way to say "none" for a recognised one.
              const canBeEmpty = !f.required && (f.header === null || f.source === 'explicit');
              const examples = samples(current);
              return (
                <tr key={f.field} className={unset ? 'is-unset' : undefined} data-testid={`mapping-row-${f.field}`}>
                  <th scope="row" className="mapping-field">
                    <label htmlFor={id}>{fieldLabel(f.field, i18n, kind)}</label>
                    {f.required ? (
                      <span className="badge badge--neutral badge--small mapping-required">
                        {t('import.mapping.required')}
                      </span>
                    ) : null}
                  </th>
                  <td className="mapping-choice">
                    <select
                      id={id}
                      className="select"
                      value={current ?? ''}
                      onChange={(event) => setChoice({ ...choice, [f.field]: event.target.value || null })}
                      aria-invalid={unset ? true : undefined}
                      aria-required={f.required}
                      data-testid={`mapping-select-${f.field}`}
                    >
                      {current === null || canBeEmpty ? (
                        <option value="">
                          {f.required ? t('import.mapping.chooseColumn') : t('import.mapping.notInFile')}
                        </option>
                      ) : null}
                      {headers.map((header, i) =>
                        header.trim() === '' ? null : (
                          <option key={`${i}-${header}`} value={header}>
                            {header}
                          </option>
                        ),
                      )}
                    </select>
                    {examples.length > 0 ? <span className="mapping-samples">{examples.join(' · ')}</span> : null}
                  </td>
                  <td className="mapping-source">
                    {isChanged ? (
                      <span className="badge badge--info">{t('import.mapping.source.changed')}</span>
                    ) : f.source ? (
                      <span className={f.source === 'explicit' ? 'badge badge--info' : 'badge badge--neutral'}>
                        {t(SOURCE_TEXT[f.source])}
                      </span>
                    ) : (
                      <span className={f.required ? 'badge badge--danger' : 'badge badge--neutral'}>
                        {t('import.mapping.source.none')}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <div className="mapping-footer">
        <div className="mapping-status" role="status" aria-live="polite">
          {missing.length > 0 ? (
            <p className="field-error">
              <Icon name="alert" size={14} />
              {t('import.mapping.missing', { count: missing.length })}
            </p>
          ) : twice !== null ? (
            <p className="field-error">
              <Icon name="alert" size={14} />
              {t('import.mapping.usedTwice', { column: twice })}
            </p>
          ) : (
            <p className="field-hint">{t('import.mapping.remember')}</p>
          )}
        </div>
        <div className="step-actions">
          <button type="button" className="btn btn-ghost" onClick={onBack} data-testid="mapping-back">
            {t(backLabel)}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            onClick={apply}
            disabled={!canApply}
            data-testid="mapping-apply"
          >
            <Icon name="arrowRight" size={16} />
            {t('import.mapping.apply')}
          </button>
        </div>
      </div>
    </section>
  );
}
