// A period's points: choose the period, calculate the draft, read the table and its totals
// against the budget, look into any participant, then approve and lock it.
import { useEffect, useState } from 'react';
import type { PeriodSummary, ProgramView } from '../../../src-main/ipc/contract';
import { useCall } from '../../api/use-call';
import { TaskProgress } from '../../components/TaskProgress';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { useI18n } from '../../i18n/i18n';
import { hrefOf } from '../../navigation';
import { ApprovePeriodButton } from '../approval/ApprovePeriodButton';
import { ExplainPanel } from '../explain/ExplainPanel';
import { PeriodScreen } from '../period/PeriodScreen';
import { AnomaliesCard } from './AnomaliesCard';
import { LateCorrectionsCard } from './LateCorrectionsCard';
import { PeriodTotalsCard } from './PeriodTotalsCard';
import { ScoreGrid } from './ScoreGrid';

export function ScoringScreen({ program }: { program: ProgramView }) {
  const { t } = useI18n();
  return (
    <PeriodScreen
      className="scoring-page"
      title={t('scoring.title')}
      lead={t('scoring.lead')}
      periodLabel={t('scoring.period')}
      selectId="scoring-period"
      emptyIcon="scoring"
      followRoute={false}
    >
      {({ summary, reload, choose }) => (
        <PeriodView key={summary.period} summary={summary} program={program} onChanged={reload} onOpenPeriod={choose} />
      )}
    </PeriodScreen>
  );
}

function PeriodView({
  summary,
  program,
  onChanged,
  onOpenPeriod,
}: {
  summary: PeriodSummary;
  program: ProgramView;
  onChanged: () => void;
  onOpenPeriod: (period: string) => void;
}) {
  const { t } = useI18n();
  // An open period is calculated only when asked (a large one takes a while): asking notes it as
  // calculated, so that it shows at once next time; viewing a period writes nothing.
  const [requested, setRequested] = useState(summary.state !== 'open');
  const record = summary.state === 'open';
  if (!requested) {
    return (
      <div className="card" data-testid="not-calculated">
        <EmptyState
          icon="calculator"
          title={t('scoring.notCalculated.title')}
          actions={
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => setRequested(true)}
              data-testid="calculate"
            >
              <Icon name="calculator" size={16} />
              {t('scoring.calculate')}
            </button>
          }
        >
          <p>
            {t('scoring.notCalculated.text', {
              count: summary.salesLines,
              // "from 1 import", "from 2 imports": the number of imports has its own plural.
              imports: t('scoring.importsCount', { count: summary.salesBatches }),
            })}
          </p>
        </EmptyState>
      </div>
    );
  }
  return (
    <ScoredPeriod
      summary={summary}
      program={program}
      record={record}
      onChanged={onChanged}
      onOpenPeriod={onOpenPeriod}
    />
  );
}

function ScoredPeriod({
  summary,
  program,
  record,
  onChanged,
  onOpenPeriod,
}: {
  summary: PeriodSummary;
  program: ProgramView;
  record: boolean;
  onChanged: () => void;
  onOpenPeriod: (period: string) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const score = useCall('score.period', record ? { period: summary.period, record } : { period: summary.period });
  const [selected, setSelected] = useState<string | null>(null);
  const result = score.value && score.value.period === summary.period ? score.value : null;
  const stateChanged = result !== null && result.state !== summary.state;

  // Calculating noted an open period as calculated (or it moved in another window): refresh the list's badge.
  useEffect(() => {
    if (stateChanged) onChanged();
  }, [stateChanged, onChanged]);

  if (score.error && !result) return <ErrorNotice error={score.error} onRetry={score.reload} />;
  if (!result)
    return (
      <div className="card" data-testid="scoring-busy">
        <p className="card-title">{t('scoring.calculating')}</p>
        <TaskProgress channel="score.period" />
      </div>
    );

  const approved = () => {
    score.reload();
    onChanged();
  };

  return (
    <>
      <div
        className={result.locked ? 'notice notice--info period-banner' : 'period-banner period-banner--draft'}
        data-testid={result.locked ? 'locked-banner' : 'draft-banner'}
      >
        <Icon name={result.locked ? 'lock' : 'info'} className="notice-icon" />
        <div className="notice-body">
          <p className="notice-title">{result.locked ? t('scoring.locked.title') : t('scoring.draft.title')}</p>
          <p className="notice-text">
            {result.locked
              ? result.approval
                ? t('scoring.locked.text', {
                    date: i18n.formatDateTime(result.approval.at),
                    actor: result.approval.actor,
                    version: result.rulesVersion,
                  })
                : t('scoring.locked.textNoDate', { version: result.rulesVersion })
              : t('scoring.draft.text', { version: result.rulesVersion })}
          </p>
        </div>
        {result.locked ? null : (
          <div className="period-banner-actions">
            <button
              type="button"
              className="btn btn-secondary"
              onClick={score.reload}
              disabled={score.loading}
              data-testid="recalculate"
            >
              <Icon name="calculator" size={16} />
              {score.loading ? t('scoring.calculating') : t('scoring.recalculate')}
            </button>
            <a
              className="btn btn-secondary"
              href={hrefOf('verification', { period: result.period })}
              data-testid="scoring-next-verification"
            >
              {t('scoring.nextVerification')}
              <Icon name="arrowRight" size={16} />
            </a>
            <ApprovePeriodButton
              summary={{
                period: result.period,
                participants: result.totals.participants,
                payoutMinor: result.totals.payoutMinor,
                budgetMinor: result.totals.budgetMinor,
                currency: program.currency,
              }}
              onApproved={approved}
              onOpenPeriod={onOpenPeriod}
            />
          </div>
        )}
      </div>

      <PeriodTotalsCard totals={result.totals} currency={program.currency} />

      <section className="card score-card" aria-labelledby="score-table-title">
        <div className="card-header">
          <h2 className="card-title" id="score-table-title">
            {t('scoring.table', { period: i18n.formatPeriod(result.period) })}
          </h2>
          <p className="card-note">{t('scoring.tableHint')}</p>
        </div>
        {result.rows.length === 0 ? (
          <p className="muted">{t('scoring.noRows')}</p>
        ) : (
          <ScoreGrid
            rows={result.rows}
            currency={program.currency}
            tiers={program.rules.tiers}
            period={result.period}
            selected={selected}
            onOpen={(row) => setSelected(row.code)}
          />
        )}
      </section>

      <div className="scoring-side-cards">
        <AnomaliesCard anomalies={result.anomalies} currency={program.currency} period={result.period} />
        <LateCorrectionsCard corrections={result.corrections} locked={result.locked} />
      </div>

      {selected ? (
        <ExplainPanel period={result.period} participantCode={selected} onClose={() => setSelected(null)} />
      ) : null}
    </>
  );
}
