import type { PayoutProposal } from '../../../src-main/ipc/contract';
import { Stat } from '../../components/Stat';
import { useI18n } from '../../i18n/i18n';

/**
 * What this approval pays against the period's budget, and the "fit to budget" switch. The
 * fitted amounts are the core's own proposal, shown before anything is approved.
 */
export function ProposalTotalsCard({
  proposal,
  selectedCount,
  fitBudget,
  onFitBudget,
  pointValueMinor,
}: {
  proposal: PayoutProposal;
  selectedCount: number;
  fitBudget: boolean;
  onFitBudget: (fit: boolean) => void;
  pointValueMinor: number;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { totals, currency } = proposal;
  const budget = totals.budgetMinor;
  const over = totals.overBudget;
  const staysPoints = totals.payablePoints - totals.points;
  // Fitting lands on the budget to the point value: what is left is less than one point.
  const unpaidBudget = totals.fitted && budget !== null ? budget - totals.amountMinor : 0;
  // A share for the bar only, never shown as money: an integer per-mille is enough.
  const usedPerMille =
    budget === null || budget === 0 ? null : Math.min(1000, Math.floor((totals.amountMinor * 1000) / budget));
  return (
    <section className="card" aria-labelledby="proposal-totals-title" data-testid="proposal-totals">
      <div className="card-header">
        <h2 className="card-title" id="proposal-totals-title">
          {t('payouts.totals.title')}
        </h2>
      </div>
      <div className="stat-grid stat-grid--proposal">
        <Stat
          id="top-ups"
          label={t('payouts.totals.topUps')}
          value={t('payouts.totals.topUpsValue', { count: selectedCount, total: proposal.rows.length })}
        />
        <Stat id="points" label={t('payouts.totals.points')} value={i18n.formatInteger(totals.points)} />
        <Stat
          id="stays"
          label={t('payouts.totals.stays', { points: i18n.formatInteger(staysPoints) })}
          value={i18n.formatMoney(staysPoints * pointValueMinor, currency)}
          tone={staysPoints > 0 ? 'warning' : undefined}
        />
        <Stat
          id="held"
          label={t('payouts.totals.held')}
          value={i18n.formatInteger(proposal.held.length)}
          tone={proposal.held.length > 0 ? 'warning' : undefined}
        />
      </div>
      <div className={over ? 'budget-line is-over' : 'budget-line'} data-testid="proposal-budget">
        <div className="budget-figures">
          <span className="budget-label">{t('payouts.totals.amount')}</span>
          <span className="budget-payout" data-testid="proposal-amount">
            {i18n.formatMoney(totals.amountMinor, currency)}
          </span>
          <span className="budget-of">
            {budget === null
              ? t('scoring.totals.noBudget')
              : t('scoring.totals.ofBudget', { budget: i18n.formatMoney(budget, currency) })}
          </span>
          {budget !== null ? (
            <span
              className={over ? 'badge badge--danger' : 'badge badge--success'}
              data-testid={over ? 'proposal-over-budget' : 'proposal-within-budget'}
            >
              {over
                ? t('scoring.totals.overBudget', { amount: i18n.formatMoney(totals.amountMinor - budget, currency) })
                : t('scoring.totals.withinBudget', { amount: i18n.formatMoney(budget - totals.amountMinor, currency) })}
            </span>
          ) : null}
        </div>
        {usedPerMille !== null ? (
          <div className="meter budget-meter" aria-hidden="true">
            <div className="meter-bar" style={{ width: `${usedPerMille / 10}%` }} />
          </div>
        ) : null}
      </div>
      {budget !== null ? (
        <label className="check-row fit-toggle">
          <input
            type="checkbox"
            checked={fitBudget}
            onChange={(event) => onFitBudget(event.target.checked)}
            aria-describedby="fit-hint"
            data-testid="fit-budget"
          />
          <span className="radio-row-text">
            <span className="radio-row-label">{t('payouts.fit.label')}</span>
            <span className="radio-row-hint" id="fit-hint">
              {fitBudget && totals.fitted
                ? t('payouts.fit.active', { points: i18n.formatInteger(staysPoints) })
                : fitBudget
                  ? t('payouts.fit.notNeeded')
                  : t('payouts.fit.hint')}
              {fitBudget && totals.fitted && unpaidBudget > 0 ? (
                <> {t('payouts.fit.remainder', { remainder: i18n.formatMoney(unpaidBudget, currency) })}</>
              ) : null}
            </span>
          </span>
        </label>
      ) : null}
    </section>
  );
}
