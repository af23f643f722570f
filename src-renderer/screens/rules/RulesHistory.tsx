// The saved versions of the rules with their notes, dates and authors, and what changed between any two of them,
// side by side: the rule, its value in the one version and in the other.
import { useState } from 'react';
import type { RulesVersionView } from '../../../src-main/ipc/contract';
import { useCall } from '../../api/use-call';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PROGRAM_CREATED_NOTE } from '../../../src-main/core/program/program-config';
import { useI18n, type CurrencyInfo } from '../../i18n/i18n';
import { changeKindText, changeSubject, fieldLabel, valueText } from './rules-diff-words';

export function RulesHistory({ currency, rulesVersion }: { currency: CurrencyInfo; rulesVersion: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  const versions = useCall('rules.versions');
  const list = versions.value ?? [];
  const [from, setFrom] = useState(Math.max(1, rulesVersion - 1));
  const [to, setTo] = useState(rulesVersion);
  return (
    <section className="card rules-history" aria-labelledby="rules-history-title" data-testid="rules-history">
      <div className="card-header">
        <h2 className="card-title" id="rules-history-title">
          {t('rules.history.title')}
        </h2>
      </div>
      {versions.error ? <ErrorNotice error={versions.error} /> : null}
      <div className="table-wrap">
        <table className="data-table" data-testid="rules-versions">
          <thead>
            <tr>
              <th scope="col">{t('rules.history.version')}</th>
              <th scope="col">{t('rules.history.saved')}</th>
              <th scope="col">{t('rules.history.by')}</th>
              <th scope="col">{t('rules.history.note')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((v) => (
              <tr key={v.version} data-version={v.version}>
                <td className="nowrap">
                  {i18n.formatInteger(v.version)}
                  {v.inForce ? (
                    <span className="badge badge--info rules-in-force">{t('rules.history.inForce')}</span>
                  ) : null}
                </td>
                <td className="nowrap">{i18n.formatDateTime(v.createdAt)}</td>
                <td className="nowrap">{v.createdBy}</td>
                <td className="cell-reason">
                  {v.version === 1 && v.note === PROGRAM_CREATED_NOTE ? t('audit.action.program.create') : v.note}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.length > 1 ? (
        <RulesDifference versions={list} from={from} to={to} setFrom={setFrom} setTo={setTo} currency={currency} />
      ) : null}
    </section>
  );
}

function RulesDifference({
  versions,
  from,
  to,
  setFrom,
  setTo,
  currency,
}: {
  versions: RulesVersionView[];
  from: number;
  to: number;
  setFrom: (v: number) => void;
  setTo: (v: number) => void;
  currency: CurrencyInfo;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const diff = useCall('rules.diff', { from, to });
  const choose = (id: string, label: string, value: number, set: (v: number) => void) => (
    <div className="toolbar-field">
      <label htmlFor={id} className="toolbar-label">
        {label}
      </label>
      <select id={id} className="select" value={value} onChange={(e) => set(Number(e.target.value))} data-testid={id}>
        {versions.map((v) => (
          <option key={v.version} value={v.version}>
            {t('rules.history.option', { version: v.version, date: i18n.formatDateTime(v.createdAt) })}
          </option>
        ))}
      </select>
    </div>
  );
  const changes = diff.value?.changes ?? [];
  return (
    <div className="rules-difference">
      <h3 className="section-title">{t('rules.diff.title')}</h3>
      <div className="rules-difference-choice">
        {choose('rules-diff-from', t('rules.diff.from'), from, setFrom)}
        {choose('rules-diff-to', t('rules.diff.to'), to, setTo)}
      </div>
      {diff.error ? <ErrorNotice error={diff.error} /> : null}
      {diff.value && changes.length === 0 ? (
        <p className="muted" data-testid="rules-diff-none">
          {t('rules.diff.none', { from, to })}
        </p>
      ) : null}
      {changes.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table rules-diff-table" data-testid="rules-diff">
            <thead>
              <tr>
                <th scope="col">{t('rules.diff.rule')}</th>
                <th scope="col">{t('rules.diff.field')}</th>
                <th scope="col">{t('rules.history.versionN', { version: diff.value!.from.version })}</th>
                <th scope="col">{t('rules.history.versionN', { version: diff.value!.to.version })}</th>
              </tr>
            </thead>
            <tbody>
              {changes.flatMap((change, i) =>
                change.fields.map((field, j) => {
                  const label = fieldLabel(field, i18n);
                  return (
                    <tr key={`${i}-${j}`} data-section={change.section} data-change={change.change}>
                      {j === 0 ? (
                        <td className="rules-diff-subject" rowSpan={change.fields.length}>
                          <span>{changeSubject(change, i18n)}</span>
                          {change.change !== 'changed' ? (
                            <span
                              className={`badge badge--${change.change === 'added' ? 'success' : 'danger'} rules-diff-kind`}
                            >
                              {changeKindText(change, i18n)}
                            </span>
                          ) : null}
                        </td>
                      ) : null}
                      <td className="rules-diff-field">{label ?? ''}</td>
                      <td className="rules-diff-before">{valueText(field, field.from, currency, i18n)}</td>
                      <td className="rules-diff-after">{valueText(field, field.to, currency, i18n)}</td>
                    </tr>
                  );
                }),
              )}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
