import type { PeriodTotals } from '../../../src-main/ipc/contract';
import { Stat } from '../../components/Stat';
import { useI18n, type CurrencyInfo } from '../../i18n/i18n';

/** The period's sums, and the payout against the budget: over budget is said in words, not only in red. */
export function PeriodTotalsCard({ totals, currency }: { totals: PeriodTotals; currency: CurrencyInfo }) {
  const i18n = useI18n();
  const { t } = i18n;
  const budget = totals.budgetMinor;
  const over = budget !== null && totals.payoutMinor > budget;
  // A share for the bar only, never shown as money: an integer per-mille is enough.
  const usedPerMille =
    budget === null || budget === 0 ? null : Math.min(1000, Math.floor((totals.payoutMinor * 1000) / budget));
  return (
    <section className="card" aria-labelledby="totals-title" data-testid="period-totals">
      <h2 className="card-title" id="totals-title">
        {t('scoring.totals.title')}
      </h2>
      <div className="stat-grid stat-grid--totals">
        <Stat
          id="participants"
          label={t('scoring.totals.participants')}
          value={i18n.formatInteger(totals.participants)}
        />
        <Stat id="lines" label={t('scoring.totals.lines')} value={i18n.formatInteger(totals.lines)} />
        <Stat id="earned" label={t('scoring.totals.earned')} value={i18n.formatInteger(totals.earned)} />
        <Stat id="prizes" label={t('scoring.totals.prizes')} value={i18n.formatInteger(totals.prizes)} />
        <Stat id="payable" label={t('scoring.totals.payablePoints')} value={i18n.formatInteger(totals.payablePoints)} />
        <Stat
          id="held"
          label={t('scoring.totals.held', { points: i18n.formatInteger(totals.heldPoints) })}
          value={i18n.formatInteger(totals.heldParticipants)}
          tone={totals.heldParticipants > 0 ? 'warning' : undefined}
        />
      </div>
      <div className={over ? 'budget-line is-over' : 'budget-line'} data-testid="budget-line">
        <div className="budget-figures">
          <span className="budget-label">{t('scoring.totals.payout')}</span>
          <span className="budget-payout" data-testid="total-payout">
            {i18n.formatMoney(totals.payoutMinor, currency)}
          </span>
          <span className="budget-of">
            {budget === null
              ? t('scoring.totals.noBudget')
              : t('scoring.totals.ofBudget', { budget: i18n.formatMoney(budget, currency) })}
          </span>
          {budget !== null ? (
            <span
              className={over ? 'badge badge--danger' : 'badge badge--success'}
              data-testid={over ? 'over-budget' : 'within-budget'}
            >
              {over
                ? t('scoring.totals.overBudget', { amount: i18n.formatMoney(totals.payoutMinor - budget, currency) })
                : t('scoring.totals.withinBudget', { amount: i18n.formatMoney(budget - totals.payoutMinor, currency) })}
            </span>
          ) : null}
        </div>
        {usedPerMille !== null ? (
          <div className="meter budget-meter" aria-hidden="true">
            <div className="meter-bar" style={{ width: `${usedPerMille / 10}%` }} />
          </div>
        ) : null}
      </div>
    </section>
  );
}
