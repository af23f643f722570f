// The verification queue of a period: what needs a decision before money moves, each finding
// with the rows that show it, resolved with a reason that is kept. Resolving re-scores the
// draft, so Scoring and Payouts show the change at once.
import { useMemo, useState } from 'react';
import type {
  PeriodSummary,
  ProgramView,
  ResolveOutcome,
  VerificationCode,
  VerificationItem,
  VerificationQueue,
} from '../../../src-main/ipc/contract';
import { encodeFindingKey } from '../../../src-main/core/decisions/finding-key';
import { useCall } from '../../api/use-call';
import { BusyIndicator } from '../../components/BusyIndicator';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { Stat } from '../../components/Stat';
import { useI18n, type Translator } from '../../i18n/i18n';
import { hrefOf } from '../../navigation';
import { PeriodScreen } from '../period/PeriodScreen';
import { readTypedAmount } from '../../forms/typed-amount';
import { BulkResolveBar } from './BulkResolveBar';
import { FindingCard } from './FindingCard';
import { FindingsTable } from './FindingsTable';
import { findingRows, type GroupBy, type StatusFilter } from './finding-rows';
import { findingLabel } from './finding-text';
import { StandingRules } from './StandingRules';

export function VerificationScreen({ program }: { program: ProgramView }) {
  const { t } = useI18n();
  return (
    <PeriodScreen
      className="verification-page"
      title={t('verify.title')}
      lead={t('verify.lead')}
      periodLabel={t('verify.period')}
      selectId="verify-period"
      emptyIcon="verification"
      followRoute
    >
      {({ summary, reload }) => (
        <PeriodQueue key={summary.period} summary={summary} program={program} onChanged={reload} />
      )}
    </PeriodScreen>
  );
}

function PeriodQueue({
  summary,
  program,
  onChanged,
}: {
  summary: PeriodSummary;
  program: ProgramView;
  onChanged: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const loaded = useCall('verify.queue', { period: summary.period });
  // The answer of verify.resolve is the new queue: shown at once, without asking again.
  const [updated, setUpdated] = useState<VerificationQueue | null>(null);
  const [status, setStatus] = useState<StatusFilter>('open');
  const [code, setCode] = useState<VerificationCode | 'all'>('all');
  const [group, setGroup] = useState<GroupBy>('none');
  const [participant, setParticipant] = useState('');
  const [minAmount, setMinAmount] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [openKey, setOpenKey] = useState<string | null>(null);
  // Kept as what to say, not the words, so that it follows a change of language.
  const [confirmation, setConfirmation] = useState<((x: Translator) => string) | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const queue = updated ?? loaded.value;
  const typedMin = readTypedAmount(minAmount, program.currency.minorDigits, i18n.locale);
  const minAmountMinor = minAmount.trim() !== '' && typedMin.ok ? typedMin.value : null;
  const rows = useMemo(
    () => (queue ? findingRows(queue.items, { status, code, participant, minAmountMinor }, group) : []),
    [queue, status, code, participant, minAmountMinor, group],
  );

  if (loaded.error && !queue) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  if (!queue) return <BusyIndicator label={t('verify.loading')} testId="verify-busy" />;

  const codes = [...new Set(queue.items.map((i) => i.code))];
  const byStatus = (i: VerificationItem) => status === 'all' || i.status === status;
  const countOf = (c: VerificationCode) => queue.items.filter((i) => i.code === c && byStatus(i)).length;
  const byKey = new Map(queue.items.map((i) => [encodeFindingKey(i.key), i]));
  const chosen = [...selected].map((k) => byKey.get(k)).filter((i): i is VerificationItem => i?.status === 'open');
  const opened = openKey === null ? undefined : byKey.get(openKey);
  const shownItems = rows.filter((r) => r.kind === 'item').length;

  const resolved = (next: VerificationQueue, item: VerificationItem) => {
    setUpdated(next);
    // The finding leaves the open list; the confirmation says so and leads to where it went.
    setOpenKey(null);
    const words = (x: Translator) =>
      x.t('resolve.done', {
        finding: `${findingLabel(item.code, x)} ${item.participantCode ?? item.sku ?? ''}`.trim(),
        count: next.open,
      });
    setConfirmation(() => words);
    setAnnouncement(words(i18n));
    // The period's state may change with a re-score; the list's badge follows.
    onChanged();
  };
  const resolvedMany = (outcome: ResolveOutcome) => {
    setUpdated(outcome.queue);
    setSelected(new Set());
    const words = (x: Translator) =>
      x.t(outcome.standingRuleIds.length > 0 ? 'bulk.doneStanding' : 'bulk.done', {
        count: outcome.resolved.length,
        open: outcome.queue.open,
      });
    setConfirmation(() => words);
    setAnnouncement(words(i18n));
    onChanged();
  };
  const withdrawn = (next: VerificationQueue, item: VerificationItem) => {
    setUpdated(next);
    const words = (x: Translator) =>
      x.t('withdraw.done', { finding: `${findingLabel(item.code, x)} ${item.participantCode ?? ''}`.trim() });
    setConfirmation(() => words);
    setAnnouncement(words(i18n));
    onChanged();
  };
  const toggle = (keys: string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const k of keys) {
        if (on) next.add(k);
        else next.delete(k);
      }
      return next;
    });
  const toggleAll = (on: boolean) =>
    setSelected(
      on ? new Set(rows.flatMap((r) => (r.kind === 'item' && r.item.status === 'open' ? [r.id] : []))) : new Set(),
    );

  return (
    <>
      {queue.locked ? (
        <div className="notice notice--info" data-testid="verify-locked">
          <Icon name="lock" className="notice-icon" />
          <p className="notice-text">{t('verify.locked')}</p>
        </div>
      ) : null}

      <section className="card verify-summary" aria-label={t('verify.summary')}>
        <div className="verify-counts">
          <Stat
            id="open"
            label={t('verify.count.open')}
            value={i18n.formatInteger(queue.open)}
            tone={queue.open > 0 ? 'warning' : 'success'}
          />
          <Stat id="resolved" label={t('verify.count.resolved')} value={i18n.formatInteger(queue.resolved)} />
        </div>
        <div className="verify-filters">
          <fieldset className="toolbar-field">
            <legend className="toolbar-label">{t('verify.filter.status')}</legend>
            <div className="segmented">
              {(['open', 'resolved', 'all'] as const).map((s) => (
                <label
                  key={s}
                  className={status === s ? 'segment is-checked' : 'segment'}
                  data-testid={`verify-status-${s}`}
                >
                  <input type="radio" name="verify-status" checked={status === s} onChange={() => setStatus(s)} />
                  {t(`verify.filter.${s}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="toolbar-field">
            <label className="toolbar-label" htmlFor="verify-code">
              {t('verify.filter.code')}
            </label>
            <select
              id="verify-code"
              className="select"
              value={code}
              onChange={(event) => setCode(event.target.value as VerificationCode | 'all')}
              data-testid="verify-code"
            >
              <option value="all">{t('verify.filter.allCodes')}</option>
              {codes.map((c) => (
                <option key={c} value={c}>
                  {t('verify.filter.codeOption', { label: findingLabel(c, i18n), count: countOf(c) })}
                </option>
              ))}
            </select>
          </div>
          <div className="toolbar-field">
            <label className="toolbar-label" htmlFor="verify-participant">
              {t('verify.filter.participant')}
            </label>
            <input
              id="verify-participant"
              type="search"
              className="input"
              value={participant}
              placeholder={t('resolve.participant.placeholder')}
              onChange={(event) => setParticipant(event.target.value)}
              data-testid="verify-participant"
            />
          </div>
          <div className="toolbar-field">
            <label className="toolbar-label" htmlFor="verify-amount">
              {t('verify.filter.amount', { currency: program.currency.code })}
            </label>
            <input
              id="verify-amount"
              className="input verify-amount"
              inputMode="decimal"
              value={minAmount}
              onChange={(event) => setMinAmount(event.target.value)}
              aria-invalid={minAmount.trim() !== '' && !typedMin.ok}
              data-testid="verify-amount"
            />
          </div>
          <div className="toolbar-field">
            <label className="toolbar-label" htmlFor="verify-group">
              {t('verify.group')}
            </label>
            <select
              id="verify-group"
              className="select"
              value={group}
              onChange={(event) => setGroup(event.target.value as GroupBy)}
              data-testid="verify-group"
            >
              <option value="none">{t('verify.group.none')}</option>
              <option value="kind">{t('verify.group.kind')}</option>
              <option value="participant">{t('verify.group.participant')}</option>
            </select>
          </div>
        </div>
        {!queue.locked && queue.open === 0 && queue.items.length > 0 ? (
          <p className="verify-done" data-testid="verify-all-resolved">
            <Icon name="checkCircle" size={16} className="text-success" />
            {t('verify.allResolved', { period: i18n.formatPeriod(queue.period) })}
            <a className="link-quiet" href={hrefOf('payouts', { period: queue.period })}>
              {t('verify.goPayouts')}
            </a>
          </p>
        ) : !queue.locked ? (
          <p className="verify-next">
            <a
              className="btn btn-secondary btn-small"
              href={hrefOf('payouts', { period: queue.period })}
              data-testid="verify-next-payouts"
            >
              {t('verify.nextPayouts')}
              <Icon name="arrowRight" size={15} />
            </a>
          </p>
        ) : null}
      </section>

      <p className="sr-only" role="status" aria-live="polite" data-testid="verify-announcement">
        {announcement}
      </p>
      {confirmation ? (
        <div className="notice notice--success" data-testid="verify-confirmation">
          <Icon name="checkCircle" className="notice-icon" />
          <p className="notice-text">{confirmation(i18n)}</p>
          {status === 'open' ? (
            <button
              type="button"
              className="btn btn-secondary btn-small"
              onClick={() => setStatus('resolved')}
              data-testid="verify-show-resolved"
            >
              {t('bulk.showResolved')}
            </button>
          ) : null}
        </div>
      ) : null}

      {chosen.length > 0 && !queue.locked ? (
        <BulkResolveBar
          period={queue.period}
          items={chosen}
          onResolved={resolvedMany}
          onClear={() => setSelected(new Set())}
        />
      ) : null}

      {queue.items.length === 0 ? (
        <div className="card">
          <EmptyState icon="checkCircle" title={t('verify.none.title')}>
            <p>{t('verify.none.text')}</p>
          </EmptyState>
        </div>
      ) : shownItems === 0 ? (
        <div className="card">
          <p className="muted" data-testid="verify-no-match">
            {status === 'open' && code === 'all' && participant === '' && minAmountMinor === null
              ? t('verify.noneOpen')
              : t('verify.noMatch')}
          </p>
        </div>
      ) : (
        <section aria-labelledby="findings-title" className="card findings-section">
          <h2 className="sr-only" id="findings-title">
            {t('verify.list')}
          </h2>
          <p className="muted small findings-hint">{t('verify.openHint')}</p>
          <FindingsTable
            rows={rows}
            currency={program.currency}
            selectable={!queue.locked}
            selected={selected}
            onToggle={toggle}
            onToggleAll={toggleAll}
            openKey={openKey}
            onOpen={(key) => setOpenKey((current) => (current === key ? null : key))}
            showStatus={status !== 'open'}
          />
        </section>
      )}

      {opened ? (
        <ul className="finding-list" data-testid="findings">
          <FindingCard
            key={encodeFindingKey(opened.key)}
            item={opened}
            period={queue.period}
            currency={program.currency}
            locked={queue.locked}
            onResolved={resolved}
            onWithdrawn={withdrawn}
          />
        </ul>
      ) : null}

      <StandingRules
        rules={queue.standingRules ?? []}
        period={queue.period}
        onEnded={() => {
          setUpdated(null);
          loaded.reload();
          onChanged();
        }}
      />
    </>
  );
}
