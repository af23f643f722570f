// The reference program's arithmetic for one participant and period, in the order it is
// computed, each figure with where it came from: what the coordinator shows a disputing rep.
import type { ReactNode } from 'react';
import type { Explanation, FindingKey } from '../../../src-main/ipc/contract';
import { encodeFindingKey } from '../../../src-main/core/decisions/finding-key';
import { findingKeySubject } from '../verification/finding-text';
import { formatBasisPoints, formatSignedPoints } from '../../forms/format-figures';
import { useI18n } from '../../i18n/i18n';
import { HeldBadge } from '../scoring/HeldBadge';
import { DecisionList } from '../verification/DecisionList';
import { ExplainLines } from './ExplainLines';
import { ledgerKindLabel } from './ledger-kind-label';

function Step({
  id,
  label,
  detail,
  value,
  strong = false,
}: {
  id: string;
  label: string;
  detail?: ReactNode;
  value: string;
  strong?: boolean;
}) {
  return (
    <div className={strong ? 'calc-step is-strong' : 'calc-step'} data-testid={`step-${id}`}>
      <dt>
        <span className="calc-label">{label}</span>
        {detail ? <span className="calc-detail">{detail}</span> : null}
      </dt>
      <dd className="calc-value">{value}</dd>
    </div>
  );
}

export function ExplanationView({ explanation: e }: { explanation: Explanation }) {
  const i18n = useI18n();
  const { t } = i18n;
  const r = e.row;
  const money = (minor: number) => i18n.formatMoney(minor, e.currency);
  const pts = (points: number) => i18n.formatInteger(points);
  const signed = (points: number) => formatSignedPoints(points, i18n.formatInteger);
  const previous = i18n.formatPeriod(e.tier.previousPeriod);

  const tierDetail =
    e.tier.previousVolumeMinor === null
      ? t('explain.tier.noVolume', { period: previous })
      : e.tier.id
        ? t('explain.tier.text', {
            period: previous,
            volume: money(e.tier.previousVolumeMinor),
            tier: e.tier.name ?? e.tier.id,
            min: money(e.tier.minVolumeMinor ?? 0),
          })
        : t('explain.tier.none', { period: previous, volume: money(e.tier.previousVolumeMinor) });

  const targetDetail =
    e.target.targetMinor === null || e.target.attainmentBp === null
      ? t('explain.target.missing')
      : `${t('explain.target.text', { promoted: money(e.target.promotedMinor), target: money(e.target.targetMinor), attainment: formatBasisPoints(e.target.attainmentBp, i18n.locale) })} ${
          e.target.minAttainmentBp === null
            ? t('explain.target.noBand')
            : t('explain.target.band', { min: formatBasisPoints(e.target.minAttainmentBp, i18n.locale) })
        }`;

  // The finding a decision was about, worded from its key's code and subject.
  const findingOf = (key: FindingKey) => `${t(`finding.${key.code}.label`)} (${findingKeySubject(key, i18n)})`;

  return (
    <div className="explanation" data-testid="explanation">
      <p className="explain-meta">
        {t('explain.meta', { version: e.rulesVersion, state: t(`periodState.${e.state}`) })}
      </p>

      <section aria-labelledby="explain-lines">
        <h3 className="section-title" id="explain-lines">
          {t('explain.lines.title', { count: e.lines.length })}
        </h3>
        <ExplainLines explanation={e} />
      </section>

      <section aria-labelledby="explain-calc">
        <h3 className="section-title" id="explain-calc">
          {t('explain.calc.title')}
        </h3>
        <dl className="calc-list">
          <Step
            id="base"
            label={t('explain.step.base')}
            detail={t('explain.step.baseDetail', { count: e.lines.length })}
            value={pts(r.base)}
          />
          <Step id="campaign" label={t('explain.step.campaign')} value={signed(r.campaign)} />
          <Step id="subtotal" label={t('explain.step.subtotal')} value={pts(r.subtotal)} strong />
          <Step
            id="tier"
            label={t('explain.step.tierBonus', { pct: r.tierBonusPct })}
            detail={tierDetail}
            value={signed(r.tierBonus)}
          />
          <Step
            id="target"
            label={t('explain.step.targetBonus', { pct: r.targetBonusPct })}
            detail={targetDetail}
            value={signed(r.targetBonus)}
          />
          <Step id="beforeCap" label={t('explain.step.beforeCap')} value={pts(r.beforeCap)} strong />
          <Step
            id="cap"
            label={t('explain.step.cap')}
            detail={
              e.capPointsPerPeriod === null
                ? t('explain.cap.none')
                : t('explain.cap.text', { cap: pts(e.capPointsPerPeriod) })
            }
            value={r.capCut > 0 ? `−${pts(r.capCut)}` : pts(0)}
          />
          <Step id="earned" label={t('explain.step.earned')} value={pts(r.earned)} strong />
          <Step
            id="prize"
            label={t('explain.step.prize')}
            detail={
              r.prizes.length > 0
                ? r.prizes.map((p) => t('explain.prize.place', { contest: p.contestId, place: p.place })).join('; ')
                : undefined
            }
            value={signed(r.prize)}
          />
          <Step id="total" label={t('explain.step.total')} value={pts(r.total)} strong />
          <Step id="carry" label={t('explain.step.carry')} value={signed(r.carry)} />
          <Step id="adjustments" label={t('explain.step.adjustments')} value={signed(r.adjustments)} />
          <Step id="corrections" label={t('explain.step.corrections')} value={signed(r.corrections)} />
          <Step
            id="payable"
            label={t('explain.step.payable')}
            detail={t('explain.payout', { money: money(r.payoutMinor), value: money(e.pointValueMinor) })}
            value={pts(r.payablePoints)}
            strong
          />
        </dl>
        {r.held ? (
          <div className="notice notice--warning explain-held" data-testid="explain-held">
            <HeldBadge reason={r.held} />
            <p className="notice-text">{t(`held.${r.held}.long`)}</p>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="explain-decisions">
        <h3 className="section-title" id="explain-decisions">
          {t('explain.decisions.title')}
        </h3>
        {e.decisions.length === 0 ? (
          <p className="muted" data-testid="explain-no-decisions">
            {t('explain.decisions.none')}
          </p>
        ) : (
          <DecisionList
            decisions={e.decisions.map((d) => ({
              ...d,
              id: `${encodeFindingKey(d.key)} ${d.at}`,
              about: findingOf(d.key),
            }))}
            currency={e.currency}
            label={t('explain.decisions.title')}
            testId="explain-decisions"
          />
        )}
      </section>

      <section aria-labelledby="explain-adjustments">
        <h3 className="section-title" id="explain-adjustments">
          {t('explain.adjustments.title')}
        </h3>
        {e.adjustments.length === 0 && e.pendingCorrections.length === 0 ? (
          <p className="muted">{t('explain.adjustments.none')}</p>
        ) : (
          <ul className="adjustment-list" data-testid="explain-adjustments">
            {e.adjustments.map((a) => (
              <li key={a.entryId} className="adjustment-item">
                <div className="adjustment-head">
                  <span className="adjustment-kind">{ledgerKindLabel(a.kind, i18n)}</span>
                  <strong className="adjustment-points">{signed(a.points)}</strong>
                </div>
                {a.note ? <p className="adjustment-note">{a.note}</p> : null}
                <p className="adjustment-meta">
                  {t('explain.adjustment.meta', { actor: a.actor, date: i18n.formatDateTime(a.at) })}
                  {a.correctsPeriod
                    ? ` · ${t('explain.correctsPeriod', { period: i18n.formatPeriod(a.correctsPeriod) })}`
                    : ''}
                </p>
              </li>
            ))}
            {e.pendingCorrections.map((c) => (
              <li key={`pending-${c.correctsPeriod}`} className="adjustment-item is-pending">
                <div className="adjustment-head">
                  <span className="adjustment-kind">
                    {t('explain.pending', { period: i18n.formatPeriod(c.correctsPeriod) })}
                  </span>
                  <strong className="adjustment-points">{signed(c.points)}</strong>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
