// One period on its way from the client's files to confirmed payments: each step with its counts and whether it is
// done, the budget used and left, and one button to the step it waits for.
import type { NextStep, PipelinePeriod } from '../../../src-main/ipc/contract';
import { Icon } from '../../components/Icon';
import { PeriodStateBadge } from '../../components/PeriodStateBadge';
import { useI18n, type CurrencyInfo, type MessageKey } from '../../i18n/i18n';
import { hrefOf } from '../../navigation';

type StepId = 'imported' | 'scored' | 'findings' | 'approved' | 'exported' | 'confirmed' | 'closed';
type StepState = 'done' | 'next' | 'attention' | 'todo';

const STEPS: { id: StepId; label: MessageKey; waitsFor: NextStep }[] = [
  { id: 'imported', label: 'dashboard.step.imported', waitsFor: 'import' },
  { id: 'scored', label: 'dashboard.step.scored', waitsFor: 'score' },
  { id: 'findings', label: 'dashboard.step.findings', waitsFor: 'resolveFindings' },
  { id: 'approved', label: 'dashboard.step.approved', waitsFor: 'approve' },
  { id: 'exported', label: 'dashboard.step.exported', waitsFor: 'export' },
  { id: 'confirmed', label: 'dashboard.step.confirmed', waitsFor: 'confirm' },
  { id: 'closed', label: 'dashboard.step.closed', waitsFor: 'close' },
];

const WAITING: Record<NextStep, MessageKey> = {
  import: 'dashboard.waiting.import',
  score: 'dashboard.waiting.score',
  resolveFindings: 'dashboard.waiting.resolveFindings',
  approve: 'dashboard.waiting.approve',
  export: 'dashboard.waiting.export',
  confirm: 'dashboard.waiting.confirm',
  close: 'dashboard.waiting.close',
  nothing: 'dashboard.waiting.nothing',
};

const ACTION: Record<Exclude<NextStep, 'nothing'>, MessageKey> = {
  import: 'dashboard.action.import',
  score: 'dashboard.action.score',
  resolveFindings: 'dashboard.action.resolveFindings',
  approve: 'dashboard.action.approve',
  export: 'dashboard.action.export',
  confirm: 'dashboard.action.confirm',
  close: 'dashboard.action.close',
};

const STATE_WORD: Record<StepState, MessageKey> = {
  done: 'dashboard.stepState.done',
  next: 'dashboard.stepState.next',
  attention: 'dashboard.stepState.attention',
  todo: 'dashboard.stepState.todo',
};

const ORDER = STEPS.map((s) => s.id);

function stepStates(p: PipelinePeriod): Record<StepId, StepState> {
  const waiting = STEPS.find((s) => s.waitsFor === p.next.step)?.id ?? null;
  const at = waiting === null ? ORDER.length : ORDER.indexOf(waiting);
  const states = Object.fromEntries(ORDER.map((id, i) => [id, i < at ? 'done' : i === at ? 'next' : 'todo'])) as Record<
    StepId,
    StepState
  >;
  // Findings still open before the period is scored are already worth a look.
  if ((p.findings?.open ?? 0) > 0) states.findings = 'attention';
  return states;
}

function linkOf(p: PipelinePeriod): string | null {
  const { step, screen } = p.next;
  if (screen === null) return null;
  if (step === 'import') return hrefOf('import', { kind: 'sales' });
  if (step === 'confirm') return hrefOf('import', { kind: 'confirmations' });
  return hrefOf(screen, { period: p.period });
}

export function PipelineCard({ period: p, currency }: { period: PipelinePeriod; currency: CurrencyInfo }) {
  const i18n = useI18n();
  const { t } = i18n;
  const n = (value: number) => i18n.formatInteger(value);
  const money = (minor: number) => i18n.formatMoney(minor, currency);
  const states = stepStates(p);
  const topUps = p.payouts.notExported + p.payouts.waiting + p.payouts.paid + p.payouts.failed + p.payouts.voided;

  const details: Record<StepId, string> = {
    imported:
      p.imported.batches === 0
        ? t('dashboard.detail.noSales')
        : [
            t('dashboard.detail.imported', { count: p.imported.lines }),
            t('dashboard.detail.files', { count: p.imported.batches }),
          ].join(' · '),
    scored: p.scored
      ? `${t('dashboard.detail.scored', { count: p.scored.participants })}, ${t('dashboard.detail.points', { count: p.scored.points })}` +
        (p.scored.calculated ? '' : ` · ${t('dashboard.detail.draft')}`)
      : t('dashboard.detail.notScored'),
    findings: p.findings
      ? t('dashboard.detail.findings', { count: p.findings.open, resolved: n(p.findings.resolved) }) +
        (p.findings.acceptedAtApproval > 0
          ? ` · ${t('dashboard.detail.acceptedAtApproval', { count: p.findings.acceptedAtApproval })}`
          : '')
      : '—',
    approved: p.approved
      ? t('dashboard.detail.approved', {
          date: i18n.formatDateTime(p.approved.at),
          paid: money(p.approved.paidMinor),
          payable: money(p.approved.payableMinor),
        })
      : '—',
    exported: p.approved
      ? [
          t('dashboard.detail.exported', { count: topUps - p.payouts.notExported, topUps: n(topUps) }),
          ...(p.payouts.batches > 0 ? [t('dashboard.detail.files', { count: p.payouts.batches })] : []),
        ].join(' · ')
      : '—',
    confirmed:
      p.approved && topUps > p.payouts.notExported
        ? t('dashboard.detail.confirmed', {
            count: p.payouts.waiting,
            paid: n(p.payouts.paid),
            failed: n(p.payouts.failed),
          })
        : '—',
    closed: p.state === 'closed' ? t('dashboard.detail.closed') : '—',
  };

  const { budgetMinor, usedMinor, leftMinor } = p.budget;
  const over = leftMinor !== null && leftMinor < 0;
  // A width in per cent for the bar, not money: the figures beside it are exact.
  const usedShare = budgetMinor ? Math.min(100, (usedMinor / budgetMinor) * 100) : 0;
  const link = linkOf(p);
  const titleId = `pipeline-${p.period}`;

  return (
    <section className="card pipeline-card" aria-labelledby={titleId} data-testid={`pipeline-${p.period}`}>
      <div className="card-header">
        <h3 className="card-title" id={titleId}>
          {i18n.formatPeriod(p.period)}
        </h3>
        <PeriodStateBadge state={p.state} />
      </div>
      <ol className="pipeline-steps">
        {STEPS.map((step) => (
          <li
            key={step.id}
            className={`pipeline-step pipeline-step--${states[step.id]}`}
            data-testid={`step-${step.id}`}
            data-state={states[step.id]}
          >
            <span className="pipeline-marker" aria-hidden="true">
              {states[step.id] === 'done' ? (
                <Icon name="check" size={13} />
              ) : states[step.id] === 'attention' ? (
                '!'
              ) : (
                ORDER.indexOf(step.id) + 1
              )}
            </span>
            <span className="pipeline-step-text">
              <span className="pipeline-step-label">
                {t(step.label)}
                <span className="sr-only"> ({t(STATE_WORD[states[step.id]])})</span>
              </span>
              <span className="pipeline-step-detail" data-testid={`step-${step.id}-detail`}>
                {details[step.id]}
                {step.id === 'imported' && p.imported.rejectedRows > 0 ? (
                  <>
                    {' · '}
                    <a
                      className="text-danger"
                      href={hrefOf('import', { rejectedOf: p.period })}
                      data-testid="pipeline-rejected"
                    >
                      {t('dashboard.detail.rejected', { count: p.imported.rejectedRows })}
                    </a>
                  </>
                ) : null}
              </span>
            </span>
          </li>
        ))}
      </ol>
      <div className="pipeline-budget" data-testid="pipeline-budget">
        {budgetMinor === null ? (
          <p className="pipeline-budget-text">{t('dashboard.budget.none', { used: money(usedMinor) })}</p>
        ) : (
          <>
            <div className={over ? 'budget-bar budget-bar--over' : 'budget-bar'} aria-hidden="true">
              <span className="budget-bar-used" style={{ width: `${usedShare}%` }} />
            </div>
            <p className="pipeline-budget-text">
              {t('dashboard.budget.used', { used: money(usedMinor), budget: money(budgetMinor) })}
              {' · '}
              <span className={over ? 'text-danger' : undefined}>
                {over
                  ? t('dashboard.budget.over', { over: money(-leftMinor!) })
                  : t('dashboard.budget.left', { left: money(leftMinor!) })}
              </span>
            </p>
          </>
        )}
      </div>
      <div className="pipeline-next">
        <p className="pipeline-waiting" data-testid="pipeline-waiting" data-step={p.next.step}>
          {t(WAITING[p.next.step])}
        </p>
        {link && p.next.step !== 'nothing' ? (
          <a className="btn btn-primary btn-small" href={link} data-testid="pipeline-action">
            {t(ACTION[p.next.step])}
            <Icon name="arrowRight" size={15} />
          </a>
        ) : null}
      </div>
    </section>
  );
}
