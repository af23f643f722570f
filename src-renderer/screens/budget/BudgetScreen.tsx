// The money side of the program across periods: what each period was allowed, what was
// approved, paid and failed, and what stays held in balances, with the program to date.
import type { BudgetPeriodView, PeriodState } from '../../../src-main/ipc/contract';
import { useCall } from '../../api/use-call';
import { BusyIndicator } from '../../components/BusyIndicator';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeader } from '../../components/PageHeader';
import { PeriodStateBadge } from '../../components/PeriodStateBadge';
import { Stat } from '../../components/Stat';
import { useI18n } from '../../i18n/i18n';
import { hrefOf } from '../../navigation';
import { BudgetChart } from './BudgetChart';

export function BudgetScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const view = useCall('budget.view');
  const v = view.value;
  const money = (minor: number | null) =>
    minor === null ? (
      <span className="muted">—</span>
    ) : (
      i18n.formatMoney(minor, v?.currency ?? { code: 'PLN', minorDigits: 2 })
    );
  const over = (p: BudgetPeriodView) => p.budgetedMinor !== null && p.approvedMinor > p.budgetedMinor;

  return (
    <div className="page budget-page">
      <PageHeader title={t('budget.title')} lead={t('budget.lead')} />
      {view.error ? <ErrorNotice error={view.error} onRetry={view.reload} /> : null}
      {!view.answered ? <BusyIndicator label={t('common.loading')} /> : null}
      {v && v.periods.length === 0 ? (
        <div className="card">
          <EmptyState icon="budget" title={t('budget.none.title')}>
            <p>{t('budget.none.text')}</p>
          </EmptyState>
        </div>
      ) : null}
      {v && v.periods.length > 0 ? (
        <>
          <section className="card" aria-labelledby="budget-to-date" data-testid="budget-to-date">
            <h2 className="card-title" id="budget-to-date">
              {t('budget.toDate')}
            </h2>
            <div className="stat-grid stat-grid--proposal">
              <Stat
                id="budgeted"
                label={t('budget.col.budgeted')}
                value={i18n.formatMoney(v.toDate.budgetedMinor, v.currency)}
              />
              <Stat
                id="approved"
                label={t('budget.col.approved')}
                value={i18n.formatMoney(v.toDate.approvedMinor, v.currency)}
              />
              <Stat
                id="paid"
                label={t('budget.col.paid')}
                value={i18n.formatMoney(v.toDate.paidMinor, v.currency)}
                tone="success"
              />
              <Stat
                id="held"
                label={t('budget.col.held')}
                value={i18n.formatMoney(v.toDate.heldMinor, v.currency)}
                tone={v.toDate.heldMinor > 0 ? 'warning' : undefined}
              />
            </div>
          </section>

          <section className="card" aria-labelledby="budget-periods">
            <h2 className="card-title" id="budget-periods">
              {t('budget.periods')}
            </h2>
            <BudgetChart view={v} />
            <div className="table-wrap" role="region" aria-labelledby="budget-periods" tabIndex={0}>
              <table className="data-table" data-testid="budget-table">
                <thead>
                  <tr>
                    <th scope="col">{t('budget.col.period')}</th>
                    <th scope="col">{t('budget.col.state')}</th>
                    <th scope="col" className="num">
                      {t('budget.col.budgeted')}
                    </th>
                    <th scope="col" className="num">
                      {t('budget.col.approved')}
                    </th>
                    <th scope="col" className="num">
                      {t('budget.col.paid')}
                    </th>
                    <th scope="col" className="num">
                      {t('budget.col.failed')}
                    </th>
                    <th scope="col" className="num">
                      {t('budget.col.held')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {v.periods.map((p) => (
                    <tr key={p.period} data-testid="budget-row" data-period={p.period}>
                      <th scope="row" className="nowrap">
                        <a href={hrefOf('payouts', { period: p.period })}>{i18n.formatPeriod(p.period)}</a>
                      </th>
                      <td>
                        <PeriodStateBadge state={p.state as PeriodState} />
                      </td>
                      <td className="num">{money(p.budgetedMinor)}</td>
                      <td className={over(p) ? 'num text-danger' : 'num'}>
                        {money(p.approvedMinor)}
                        {over(p) ? <span className="cell-sub">{t('budget.over')}</span> : null}
                      </td>
                      <td className="num">{money(p.paidMinor)}</td>
                      <td className={p.failedMinor > 0 ? 'num text-danger' : 'num'}>{money(p.failedMinor)}</td>
                      <td className="num">
                        {money(p.heldMinor)}
                        {p.heldPoints > 0 ? (
                          <span className="cell-sub">
                            {t('budget.heldPoints', { points: i18n.formatInteger(p.heldPoints) })}
                          </span>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row" colSpan={2}>
                      {t('budget.toDate')}
                    </th>
                    <td className="num">{money(v.toDate.budgetedMinor)}</td>
                    <td className="num">{money(v.toDate.approvedMinor)}</td>
                    <td className="num">{money(v.toDate.paidMinor)}</td>
                    <td className="num">{money(v.periods.reduce((s, p) => s + p.failedMinor, 0))}</td>
                    <td className="num">{money(v.toDate.heldMinor)}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
          </section>
        </>
      ) : null}
    </div>
  );
}
