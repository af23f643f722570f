import { useState } from 'react';
import { useCall } from '../../api/use-call';
import { BusyIndicator } from '../../components/BusyIndicator';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { VerificationAction, VerificationItem, VerificationQueue } from '../../../src-main/ipc/contract';
import { encodeFindingKey } from '../../../src-main/core/decisions/finding-key';
import { Icon } from '../../components/Icon';
import { useI18n, type CurrencyInfo } from '../../i18n/i18n';
import { DecisionList } from './DecisionList';
import { EvidenceGrid } from './EvidenceGrid';
import { findingLabel, findingSubject, findingText } from './finding-text';
import { ResolveForm, type LineScope } from './ResolveForm';
import { WithdrawDecision } from './WithdrawDecision';

/** Findings that only inform carry a quieter badge than those that change who is paid what. */
const TONE: Record<VerificationItem['code'], 'danger' | 'warning' | 'info'> = {
  UNKNOWN_PARTICIPANT: 'danger',
  UNKNOWN_SKU: 'warning',
  MISSING_TARGET: 'warning',
  DUPLICATE_LINE: 'warning',
  RETURN_WITHOUT_SALE: 'warning',
  NO_DESTINATION: 'warning',
  INACTIVE: 'warning',
  CAP_REACHED: 'info',
  VOLUME_OUTLIER: 'info',
  NEAR_THRESHOLD: 'info',
};

export function FindingCard({
  item,
  period,
  currency,
  locked,
  onResolved,
  onWithdrawn,
}: {
  item: VerificationItem;
  period: string;
  currency: CurrencyInfo;
  locked: boolean;
  onResolved: (queue: VerificationQueue, item: VerificationItem) => void;
  onWithdrawn?: (queue: VerificationQueue, item: VerificationItem) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [resolving, setResolving] = useState(false);
  const [action, setAction] = useState<VerificationAction>(item.actions[0] ?? 'accept');
  const [scope, setScope] = useState<LineScope>('all');
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const open = item.status === 'open';
  const label = findingLabel(item.code, i18n);
  const subject = findingSubject(item, i18n);
  const choosing = resolving && (action === 'assign' || action === 'exclude') && scope === 'chosen';
  const toggle = (lineId: number) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(lineId)) next.delete(lineId);
      else next.add(lineId);
      return next;
    });
  const keyText = encodeFindingKey(item.key);
  const headingId = `finding-${keyText.replace(/[^A-Za-z0-9_-]/g, '-')}`;

  return (
    <li
      className={open ? 'finding' : 'finding is-resolved'}
      data-testid="finding"
      data-code={item.code}
      data-key={keyText}
      data-status={item.status}
    >
      <div className="finding-head">
        <span className={`badge badge--${TONE[item.code]} badge--small`}>{label}</span>
        <h3 className="finding-subject mono" id={headingId}>
          {subject}
        </h3>
        {item.participantName ? (
          <span className="finding-name" data-testid="finding-name">
            {item.participantName}
          </span>
        ) : null}
        <span
          className={
            open
              ? 'badge badge--neutral badge--small finding-status'
              : 'badge badge--success badge--small finding-status'
          }
          data-testid="finding-status"
        >
          {open ? null : <Icon name="check" size={13} />}
          {t(`finding.status.${item.status}`)}
        </span>
      </div>
      <p className="finding-text">{findingText(item, period, currency, i18n)}</p>

      {item.lineCount > 0 ? (
        <FindingEvidenceRows
          // Asked again when a decision changes the finding's lines.
          key={`${item.lineCount}:${item.decisions.length}`}
          item={item}
          period={period}
          currency={currency}
          label={t('evidence.table', { finding: `${label} ${subject}` })}
          chosen={choosing ? chosen : undefined}
          onToggle={choosing ? toggle : undefined}
        />
      ) : null}

      {item.decisions.length > 0 ? (
        <DecisionList
          decisions={item.decisions.map((d) => ({ ...d, lineCount: d.lineIds.length }))}
          currency={currency}
          label={t('finding.decisions')}
          extra={(d) => {
            const decision = item.decisions.find((x) => x.id === d.id && x.id > 0);
            return decision && !decision.withdrawal && !locked && onWithdrawn ? (
              <WithdrawDecision decision={decision} period={period} onWithdrawn={(q) => onWithdrawn(q, item)} />
            ) : null;
          }}
        />
      ) : null}

      {open && !locked && item.actions.length > 0 ? (
        resolving ? (
          <ResolveForm
            item={item}
            period={period}
            currency={currency}
            action={action}
            onAction={setAction}
            scope={scope}
            onScope={setScope}
            chosen={chosen}
            onResolved={(queue) => {
              setResolving(false);
              onResolved(queue, item);
            }}
            onCancel={() => setResolving(false)}
          />
        ) : (
          <div className="finding-actions">
            <button
              type="button"
              className="btn btn-secondary btn-small"
              onClick={() => setResolving(true)}
              aria-describedby={headingId}
              data-testid="resolve-open"
            >
              {t('resolve.open')}
            </button>
          </div>
        )
      ) : null}
    </li>
  );
}

/**
 * The rows that show a finding, asked for when it is opened: the queue carries only their count, since a busy
 * month's thousands of findings would carry a hundred thousand rows.
 */
function FindingEvidenceRows({
  item,
  period,
  currency,
  label,
  chosen,
  onToggle,
}: {
  item: VerificationItem;
  period: string;
  currency: CurrencyInfo;
  label: string;
  chosen: ReadonlySet<number> | undefined;
  onToggle: ((lineId: number) => void) | undefined;
}) {
  const { t } = useI18n();
  const evidence = useCall('verify.evidence', { period, key: encodeFindingKey(item.key) });
  const lines = evidence.value?.lines ?? [];
  return (
    <details className="finding-evidence" open={chosen ? true : undefined}>
      <summary data-testid="evidence-toggle">
        {t('finding.evidence', { count: item.lineCount })}
        {item.lineCount > lines.length && evidence.value ? (
          <span className="muted small">
            {' '}
            · {t('finding.evidenceShown', { shown: lines.length, total: item.lineCount })}
          </span>
        ) : null}
      </summary>
      {evidence.error ? (
        <ErrorNotice error={evidence.error} onRetry={evidence.reload} />
      ) : !evidence.value ? (
        <BusyIndicator label={t('finding.evidenceLoading')} testId="evidence-busy" />
      ) : (
        <EvidenceGrid lines={lines} currency={currency} label={label} chosen={chosen} onToggle={onToggle} />
      )}
    </details>
  );
}
