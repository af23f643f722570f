// The chosen period under the saved rules and under the rules being edited, side by side.
// Calls wait until the coordinator pauses typing, and only the newest answer is shown.
import { useEffect, useRef, useState } from 'react';
import type { AppErrorData, Rules, ValidationProblem, WhatIfResult, WhatIfRow } from '../../../src-main/ipc/contract';
import { safeCall, useCall } from '../../api/use-call';
import { ErrorNotice } from '../../components/ErrorNotice';
import { VirtualGrid, type GridColumn } from '../../components/VirtualGrid';
import { rulesProblemsOf } from '../../forms/validation-problem-text';
import { useI18n, type CurrencyInfo } from '../../i18n/i18n';
import { defaultPeriod } from '../scoring/choose-period';
import { PeriodSelect } from '../scoring/PeriodSelect';

const DEBOUNCE_MS = 400;

export function WhatIfPanel({
  rules,
  currency,
  onProblems,
}: {
  rules: Rules | null;
  currency: CurrencyInfo;
  onProblems: (problems: ValidationProblem[]) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const periods = useCall('periods.list');
  const [chosen, setChosen] = useState<string | null>(null);
  const list = periods.value ?? [];
  const period = chosen ?? defaultPeriod(list.filter((p) => p.salesLines > 0));
  const rulesJson = rules ? JSON.stringify(rules) : null;
  const request = rulesJson && period ? `${period}\n${rulesJson}` : null;
  const [answer, setAnswer] = useState<{
    request: string;
    result: WhatIfResult | null;
    error: AppErrorData | null;
  } | null>(null);
  const problemsRef = useRef(onProblems);
  useEffect(() => {
    problemsRef.current = onProblems;
  });

  useEffect(() => {
    if (!request) return;
    let live = true;
    const [p, json] = [request.slice(0, request.indexOf('\n')), request.slice(request.indexOf('\n') + 1)];
    const timer = setTimeout(() => {
      void safeCall('rules.whatIf', { period: p, rules: JSON.parse(json) as unknown }).then((result) => {
        if (!live) return;
        setAnswer({ request, result: result.ok ? result.value : null, error: result.ok ? null : result.error });
        problemsRef.current(result.ok ? [] : rulesProblemsOf(result.error));
      });
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [request]);

  const fresh = answer !== null && answer.request === request;
  const result = answer?.result ?? null;
  const money = (minor: number) => i18n.formatMoney(minor, currency);

  const columns: GridColumn<WhatIfRow>[] = [
    {
      id: 'participant',
      label: t('field.code'),
      width: 70,
      grow: true,
      // The panel is narrow: the code shows, the name is there for a pointer and a screen reader.
      render: (r) => (
        <span className="truncate" title={`${r.code} ${r.name}`}>
          <span className="mono">{r.code}</span>
          <span className="sr-only"> {r.name}</span>
        </span>
      ),
    },
    {
      id: 'points',
      label: t('whatIf.col.points'),
      width: 110,
      numeric: true,
      render: (r) => <BeforeAfter before={r.before.total} after={r.after.total} format={i18n.formatInteger} />,
    },
    {
      id: 'payout',
      label: t('whatIf.col.payout'),
      width: 176,
      numeric: true,
      render: (r) => <BeforeAfter before={r.before.payoutMinor} after={r.after.payoutMinor} format={money} />,
    },
  ];

  return (
    <section className="card what-if" aria-labelledby="what-if-title" data-testid="what-if">
      <div>
        <h2 className="card-title" id="what-if-title">
          {t('whatIf.title')}
        </h2>
        <p className="card-note">{t('whatIf.lead')}</p>
      </div>
      {period ? (
        <PeriodSelect
          id="what-if-period"
          label={t('whatIf.period')}
          periods={list}
          value={period}
          onChange={setChosen}
          testId="what-if-period"
        />
      ) : (
        <p className="muted">{t('whatIf.noPeriod')}</p>
      )}
      {!rules ? (
        <p className="notice notice--warning what-if-note" data-testid="what-if-invalid">
          {t('whatIf.invalid')}
        </p>
      ) : null}
      {answer?.error && answer.error.code !== 'INVALID_RULES' ? <ErrorNotice error={answer.error} /> : null}
      {answer?.error?.code === 'INVALID_RULES' && fresh ? (
        <p className="notice notice--warning what-if-note" data-testid="what-if-invalid">
          {t('whatIf.invalid')}
        </p>
      ) : null}
      {result ? (
        <div className={fresh ? 'what-if-result' : 'what-if-result is-stale'} aria-busy={!fresh || undefined}>
          <div className="what-if-totals" data-testid="what-if-totals">
            <div className="what-if-totals-head" aria-hidden="true">
              <span />
              <span>{t('whatIf.before')}</span>
              <span>{t('whatIf.after')}</span>
            </div>
            <TotalsLine
              id="points"
              label={t('whatIf.points')}
              before={i18n.formatInteger(result.totals.before.total)}
              after={i18n.formatInteger(result.totals.after.total)}
              changed={result.totals.before.total !== result.totals.after.total}
              beforeLabel={t('whatIf.before')}
              afterLabel={t('whatIf.after')}
            />
            <TotalsLine
              id="payout"
              label={t('whatIf.payout')}
              before={money(result.totals.before.payoutMinor)}
              after={money(result.totals.after.payoutMinor)}
              changed={result.totals.before.payoutMinor !== result.totals.after.payoutMinor}
              beforeLabel={t('whatIf.before')}
              afterLabel={t('whatIf.after')}
            />
            <TotalsLine
              id="budget"
              label={t('whatIf.budget')}
              before={
                result.budgetMinor.before === null ? t('scoring.totals.noBudget') : money(result.budgetMinor.before)
              }
              after={result.budgetMinor.after === null ? t('scoring.totals.noBudget') : money(result.budgetMinor.after)}
              changed={result.budgetMinor.before !== result.budgetMinor.after}
              overBefore={
                result.budgetMinor.before !== null && result.totals.before.payoutMinor > result.budgetMinor.before
              }
              overAfter={
                result.budgetMinor.after !== null && result.totals.after.payoutMinor > result.budgetMinor.after
              }
              beforeLabel={t('whatIf.before')}
              afterLabel={t('whatIf.after')}
            />
          </div>
          <p className="small muted" role="status" data-testid="what-if-changed">
            {fresh ? t('whatIf.changed', { count: result.changedParticipants }) : t('whatIf.updating')}
          </p>
          {result.rows.length > 0 ? (
            <div className="grid-frame what-if-grid">
              <VirtualGrid
                rows={result.rows}
                columns={columns}
                rowKey={(r) => r.code}
                label={t('whatIf.table')}
                testId="what-if-grid"
              />
            </div>
          ) : null}
        </div>
      ) : rules && period && !answer?.error ? (
        <p className="muted small">{t('whatIf.updating')}</p>
      ) : null}
    </section>
  );
}

/** "209 → 418": the figure under the rules in force, then under the edited ones when it differs. */
function BeforeAfter({ before, after, format }: { before: number; after: number; format: (n: number) => string }) {
  if (before === after) return <>{format(after)}</>;
  return (
    <span className="before-after">
      <span className="muted">{format(before)}</span>
      <span aria-hidden="true"> → </span>
      <span className="sr-only"> / </span>
      <strong className={after > before ? 'delta-up' : 'delta-down'}>{format(after)}</strong>
    </span>
  );
}

function TotalsLine({
  id,
  label,
  before,
  after,
  changed,
  overBefore,
  overAfter,
  beforeLabel,
  afterLabel,
}: {
  id: string;
  label: string;
  before: string;
  after: string;
  changed: boolean;
  overBefore?: boolean;
  overAfter?: boolean;
  beforeLabel: string;
  afterLabel: string;
}) {
  const { t } = useI18n();
  return (
    <div className="what-if-line" data-testid={`what-if-${id}`}>
      <span className="what-if-label">{label}</span>
      <span className="what-if-before">
        <span className="sr-only">{beforeLabel}: </span>
        <span data-testid={`what-if-${id}-before`}>{before}</span>
        {overBefore ? <span className="badge badge--danger badge--small">{t('whatIf.over')}</span> : null}
      </span>
      <span className={changed ? 'what-if-after is-changed' : 'what-if-after'}>
        <span className="sr-only">{afterLabel}: </span>
        <span data-testid={`what-if-${id}-after`}>{after}</span>
        {overAfter ? <span className="badge badge--danger badge--small">{t('whatIf.over')}</span> : null}
      </span>
    </div>
  );
}
