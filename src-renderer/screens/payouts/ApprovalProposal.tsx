// An open period's top-ups before approval: who is paid what and where, a selection, the
// budget and "fit to budget", the payouts held back, and the approval with its reasons.
import { useState } from 'react';
import type { PayoutProposal, PeriodSummary, ProgramView } from '../../../src-main/ipc/contract';
import { useCall } from '../../api/use-call';
import { BusyIndicator } from '../../components/BusyIndicator';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { useI18n } from '../../i18n/i18n';
import { hrefOf } from '../../navigation';
import { ApprovePeriodButton } from '../approval/ApprovePeriodButton';
import { HeldPayoutsCard } from './HeldPayoutsCard';
import { ProposalGrid } from './ProposalGrid';
import { ProposalTotalsCard } from './ProposalTotalsCard';

/** The `only` of the core: left out when everyone is paid, so that the usual call stays small. */
function selectionOf(proposal: PayoutProposal, left: ReadonlySet<string>): string[] | undefined {
  if (left.size === 0) return undefined;
  return proposal.rows.filter((r) => !left.has(r.code)).map((r) => r.code);
}

export function ApprovalProposal({
  summary,
  program,
  onApproved,
  onOpenPeriod,
}: {
  summary: PeriodSummary;
  program: ProgramView;
  onApproved: () => void;
  onOpenPeriod: (period: string) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [fitBudget, setFitBudget] = useState(false);
  // Who is left out: everyone is paid unless unticked, the usual case.
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const [only, setOnly] = useState<string[] | undefined>(undefined);
  const proposal = useCall('payouts.proposal', {
    period: summary.period,
    ...(fitBudget ? { fitBudget } : {}),
    ...(only ? { only } : {}),
  });
  const value = proposal.value && proposal.value.period === summary.period ? proposal.value : null;

  if (proposal.error && !value) return <ErrorNotice error={proposal.error} onRetry={proposal.reload} />;
  if (!value) return <BusyIndicator label={t('payouts.loading')} testId="payouts-busy" />;

  const choose = (next: ReadonlySet<string>) => {
    setLeft(next);
    setOnly(selectionOf(value, next));
  };
  const toggle = (code: string) => {
    const next = new Set(left);
    if (next.has(code)) next.delete(code);
    else next.add(code);
    choose(next);
  };
  const toggleAll = (select: boolean) => choose(select ? new Set() : new Set(value.rows.map((r) => r.code)));
  const selectedCount = value.rows.filter((r) => !left.has(r.code)).length;
  const paidCount = value.rows.filter((r) => r.points > 0).length;

  return (
    <>
      <div className="period-banner period-banner--draft" data-testid="proposal-banner">
        <Icon name="info" className="notice-icon" />
        <div className="notice-body">
          <p className="notice-title">{t('payouts.draft.title')}</p>
          <p className="notice-text">{t('payouts.draft.text')}</p>
        </div>
        <div className="period-banner-actions">
          <ApprovePeriodButton
            summary={{
              period: summary.period,
              participants: paidCount,
              payoutMinor: value.totals.amountMinor,
              budgetMinor: value.totals.budgetMinor,
              currency: value.currency,
            }}
            options={{ ...(fitBudget ? { fitBudget } : {}), ...(only ? { only } : {}) }}
            disabled={selectedCount === 0 || proposal.loading}
            onApproved={onApproved}
            onOpenPeriod={onOpenPeriod}
          />
        </div>
      </div>

      {value.openAnomalies > 0 ? (
        <div className="notice notice--warning" data-testid="open-findings">
          <Icon name="alert" className="notice-icon" />
          <div className="notice-body">
            <p className="notice-title">{t('payouts.findings.title', { count: value.openAnomalies })}</p>
            <p className="notice-text">{t('payouts.findings.text')}</p>
          </div>
          <a
            className="btn btn-secondary btn-small"
            href={hrefOf('verification', { period: summary.period })}
            data-testid="open-verification"
          >
            {t('payouts.findings.link')}
            <Icon name="arrowRight" size={16} />
          </a>
        </div>
      ) : null}

      <ProposalTotalsCard
        proposal={value}
        selectedCount={selectedCount}
        fitBudget={fitBudget}
        onFitBudget={setFitBudget}
        pointValueMinor={program.pointValueMinor}
      />

      <section className="card score-card" aria-labelledby="proposal-title">
        <div className="card-header">
          <h2 className="card-title" id="proposal-title">
            {t('payouts.proposal.title')}
          </h2>
          <p className="card-note">{t('payouts.proposal.hint')}</p>
        </div>
        {value.rows.length === 0 ? (
          <p className="muted">{t('payouts.proposal.none')}</p>
        ) : (
          <div className="grid-frame score-grid-frame">
            <ProposalGrid
              proposal={value}
              isSelected={(code) => !left.has(code)}
              onToggle={toggle}
              onToggleAll={toggleAll}
            />
          </div>
        )}
        {selectedCount === 0 && value.rows.length > 0 ? (
          <p className="field-error" data-testid="nothing-selected">
            <Icon name="alert" size={14} />
            {t('payouts.nothingSelected')}
          </p>
        ) : null}
      </section>

      <HeldPayoutsCard
        held={value.held}
        pointValueMinor={program.pointValueMinor}
        currency={value.currency}
        onChanged={proposal.reload}
      />
    </>
  );
}
