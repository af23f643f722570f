// The verification queue of a period: what needs a decision before money moves, each finding
// with the rows that show it, resolved with a reason that is kept. Resolving re-scores the
// draft, so Scoring and Payouts show the change at once.
import { useState } from 'react';
import type {
  PeriodSummary,
  ProgramView,
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
import { useI18n } from '../../i18n/i18n';
import { hrefOf } from '../../navigation';
import { PeriodScreen } from '../period/PeriodScreen';
import { FindingCard } from './FindingCard';
import { findingLabel } from './finding-text';

type StatusFilter = 'open' | 'resolved' | 'all';

/** Findings shown at first; a period of a big program may have thousands, each a card. */
const PAGE = 50;

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
  const [shown, setShown] = useState(PAGE);
  const [announcement, setAnnouncement] = useState('');
  const queue = updated ?? loaded.value;

  if (loaded.error && !queue) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  if (!queue) return <BusyIndicator label={t('verify.loading')} testId="verify-busy" />;

  const codes = [...new Set(queue.items.map((i) => i.code))];
  const byStatus = (i: VerificationItem) => status === 'all' || i.status === status;
  const items = queue.items.filter((i) => byStatus(i) && (code === 'all' || i.code === code));
  const countOf = (c: VerificationCode) => queue.items.filter((i) => i.code === c && byStatus(i)).length;

  const resolved = (next: VerificationQueue, item: VerificationItem) => {
    setUpdated(next);
    setAnnouncement(
      t('resolve.done', {
        finding: `${findingLabel(item.code, i18n)} ${item.participantCode ?? item.sku ?? ''}`.trim(),
        count: next.open,
      }),
    );
    // The period's state may change with a re-score; the list's badge follows.
    onChanged();
  };

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

      {queue.items.length === 0 ? (
        <div className="card">
          <EmptyState icon="checkCircle" title={t('verify.none.title')}>
            <p>{t('verify.none.text')}</p>
          </EmptyState>
        </div>
      ) : items.length === 0 ? (
        <div className="card">
          <p className="muted" data-testid="verify-no-match">
            {status === 'open' && code === 'all' ? t('verify.noneOpen') : t('verify.noMatch')}
          </p>
        </div>
      ) : (
        <section aria-labelledby="findings-title" className="findings-section">
          <h2 className="sr-only" id="findings-title">
            {t('verify.list')}
          </h2>
          <ul className="finding-list" data-testid="findings">
            {items.slice(0, shown).map((item) => (
              <FindingCard
                key={encodeFindingKey(item.key)}
                item={item}
                period={queue.period}
                currency={program.currency}
                locked={queue.locked}
                onResolved={resolved}
              />
            ))}
          </ul>
          {items.length > shown ? (
            <button type="button" className="btn btn-secondary show-more" onClick={() => setShown((n) => n + PAGE)}>
              {t('verify.showMore', { count: Math.min(PAGE, items.length - shown) })}
            </button>
          ) : null}
        </section>
      )}
    </>
  );
}
