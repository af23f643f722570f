// A period's points: choose the period, calculate the draft, read the table and its totals
// against the budget, look into any participant, then approve and lock it.
import { useEffect, useState } from 'react';
import type { PeriodSummary, ProgramView } from '../../../src-main/ipc/contract';
import { useCall } from '../../api/use-call';
import { BusyIndicator } from '../../components/BusyIndicator';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { PageHeader } from '../../components/PageHeader';
import { PeriodStateBadge } from '../../components/PeriodStateBadge';
import { useI18n } from '../../i18n/i18n';
import { hrefOf } from '../../navigation';
import { ApprovePeriodButton } from '../approval/ApprovePeriodButton';
import { ExplainPanel } from '../explain/ExplainPanel';
import { AnomaliesCard } from './AnomaliesCard';
import { defaultPeriod } from './choose-period';
import { LateCorrectionsCard } from './LateCorrectionsCard';
import { PeriodSelect } from './PeriodSelect';
import { PeriodTotalsCard } from './PeriodTotalsCard';
import { ScoreGrid } from './ScoreGrid';

export function ScoringScreen({ program }: { program: ProgramView }) {
  const { t } = useI18n();
  const periods = useCall('periods.list');
  const [chosen, setChosen] = useState<string | null>(null);
  const list = periods.value ?? [];
  const period = chosen && list.some((p) => p.period === chosen) ? chosen : defaultPeriod(list);
  const summary = list.find((p) => p.period === period) ?? null;
  const anySales = list.some((p) => p.salesLines > 0);

  return (
    <div className="page scoring-page">
      <PageHeader
        title={t('scoring.title')}
        lead={t('scoring.lead')}
        actions={
          summary ? (
            <>
              <PeriodSelect id="scoring-period" label={t('scoring.period')} periods={list} value={summary.period} onChange={setChosen} testId="scoring-period" />
              <PeriodStateBadge state={summary.state} />
            </>
          ) : null
        }
      />
      {periods.error ? <ErrorNotice error={periods.error} onRetry={periods.reload} /> : null}
      {!periods.answered ? <BusyIndicator label={t('common.loading')} /> : null}
      {periods.answered && !anySales && !periods.error ? (
        <div className="card">
          <EmptyState
            icon="scoring"
            title={t('scoring.noSales.title')}
            actions={
              <a className="btn btn-primary" href={hrefOf('import')}>
                <Icon name="import" size={16} />
                {t('placeholder.goImport')}
              </a>
            }
          >
            <p>{t('scoring.noSales.text')}</p>
          </EmptyState>
        </div>
      ) : null}
      {summary && anySales ? <PeriodView key={summary.period} summary={summary} program={program} onChanged={periods.reload} onOpenPeriod={setChosen} /> : null}
    </div>
  );
}

function PeriodView({ summary, program, onChanged, onOpenPeriod }: { summary: PeriodSummary; program: ProgramView; onChanged: () => void; onOpenPeriod: (period: string) => void }) {
  const { t } = useI18n();
  // An open period is calculated only when asked: calculating notes it as calculated.
  const [requested, setRequested] = useState(summary.state !== 'open');
  if (!requested) {
    return (
      <div className="card" data-testid="not-calculated">
        <EmptyState
          icon="calculator"
          title={t('scoring.notCalculated.title')}
          actions={
            <button type="button" className="btn btn-primary" onClick={() => setRequested(true)} data-testid="calculate">
              <Icon name="calculator" size={16} />
              {t('scoring.calculate')}
            </button>
          }
        >
          <p>{t('scoring.notCalculated.text', { count: summary.salesLines, batches: summary.salesBatches })}</p>
        </EmptyState>
      </div>
    );
  }
  return <ScoredPeriod summary={summary} program={program} onChanged={onChanged} onOpenPeriod={onOpenPeriod} />;
}

function ScoredPeriod({ summary, program, onChanged, onOpenPeriod }: { summary: PeriodSummary; program: ProgramView; onChanged: () => void; onOpenPeriod: (period: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const score = useCall('score.period', { period: summary.period });
  const [selected, setSelected] = useState<string | null>(null);
  const result = score.value && score.value.period === summary.period ? score.value : null;
  const stateChanged = result !== null && result.state !== summary.state;

  // The core notes an open period as calculated when it scores it: refresh the list's badge.
  useEffect(() => {
    if (stateChanged) onChanged();
  }, [stateChanged, onChanged]);

  if (score.error && !result) return <ErrorNotice error={score.error} onRetry={score.reload} />;
  if (!result) return <BusyIndicator label={t('scoring.calculating')} testId="scoring-busy" />;

  const approved = () => {
    score.reload();
    onChanged();
  };

  return (
    <>
      <div className={result.locked ? 'notice notice--info period-banner' : 'period-banner period-banner--draft'} data-testid={result.locked ? 'locked-banner' : 'draft-banner'}>
        <Icon name={result.locked ? 'lock' : 'info'} className="notice-icon" />
        <div className="notice-body">
          <p className="notice-title">{result.locked ? t('scoring.locked.title') : t('scoring.draft.title')}</p>
          <p className="notice-text">
            {result.locked
              ? result.approval
                ? t('scoring.locked.text', { date: i18n.formatDateTime(result.approval.at), actor: result.approval.actor, version: result.rulesVersion })
                : t('scoring.locked.textNoDate', { version: result.rulesVersion })
              : t('scoring.draft.text', { version: result.rulesVersion })}
          </p>
        </div>
        {result.locked ? null : (
          <div className="period-banner-actions">
            <button type="button" className="btn btn-secondary" onClick={score.reload} disabled={score.loading} data-testid="recalculate">
              <Icon name="calculator" size={16} />
              {score.loading ? t('scoring.calculating') : t('scoring.recalculate')}
            </button>
            <ApprovePeriodButton
              summary={{ period: result.period, participants: result.totals.participants, payoutMinor: result.totals.payoutMinor, budgetMinor: result.totals.budgetMinor, currency: program.currency }}
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
          <div className="grid-frame score-grid-frame">
            <ScoreGrid rows={result.rows} currency={program.currency} period={result.period} selected={selected} onOpen={(row) => setSelected(row.code)} />
          </div>
        )}
      </section>

      <div className="scoring-side-cards">
        <AnomaliesCard anomalies={result.anomalies} currency={program.currency} period={result.period} />
        <LateCorrectionsCard corrections={result.corrections} locked={result.locked} />
      </div>

      {selected ? <ExplainPanel period={result.period} participantCode={selected} onClose={() => setSelected(null)} /> : null}
    </>
  );
}
