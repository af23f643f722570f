// Plain-text output of the scoring commands. --json bypasses all of this.
import type { Explanation, LedgerVerification, PeriodResult, PeriodSummary, WhatIfResult } from '../ipc/contract';
import { minorToDecimalString } from '../core/money/minor-units';
import { formatTable } from './format-output';
import { encodeFindingKey } from '../core/decisions/finding-key';

const money = (minor: number, digits: number) => minorToDecimalString(minor, digits);

export function formatPeriodResult(r: PeriodResult, digits: number, currency: string): string {
  const rows = r.rows.map((x) => [
    x.code,
    x.tier ?? '',
    money(x.volumeMinor, digits),
    x.base,
    x.campaign,
    x.tierBonus,
    x.attainmentBp === null ? '' : `${minorToDecimalString(x.attainmentBp, 2)}%`,
    x.targetBonus,
    x.capCut ? -x.capCut : '',
    x.earned,
    x.prize || '',
    x.carry,
    x.adjustments + x.corrections || '',
    x.payablePoints,
    money(x.payoutMinor, digits),
    x.held ?? '',
  ]);
  const t = r.totals;
  const budget =
    t.budgetMinor === null
      ? 'no budget'
      : `budget ${money(t.budgetMinor, digits)} ${currency}${t.payoutMinor > t.budgetMinor ? ' (OVER BUDGET)' : ''}`;
  const lines = [
    `Period ${r.period}: ${r.state}${r.locked ? ' (locked)' : ''}, rules version ${r.rulesVersion}, sales batches ${r.sources.join(', ') || 'none'}`,
    '',
    formatTable(
      [
        'Code',
        'Tier',
        'Volume',
        'Base',
        'Campaign',
        'Tier+',
        'Attainment',
        'Target+',
        'Cap',
        'Earned',
        'Prize',
        'Carry',
        'Adj.',
        'Payable',
        'Payout',
        'Held',
      ],
      rows,
    ),
    '',
    `${t.participants} participants, ${t.lines} lines; earned ${t.earned} points, prizes ${t.prizes}; payable ${t.payablePoints} points = ${money(t.payoutMinor, digits)} ${currency}; ${budget}; held: ${t.heldParticipants} participants, ${t.heldPoints} points.`,
  ];
  if (r.corrections.length > 0) {
    lines.push(
      '',
      `Late changes to locked periods settled here: ${r.corrections.map((c) => `${c.participantCode} ${c.points > 0 ? '+' : ''}${c.points} for ${c.correctsPeriod}`).join('; ')}.`,
    );
  }
  if (r.anomalies.length > 0) {
    lines.push('', 'Anomalies for verification:');
    for (const a of r.anomalies) {
      const who = a.participantCode ? ` ${a.participantCode}` : '';
      const sku = a.sku ? ` SKU ${a.sku}` : '';
      const rows =
        a.lines.length > 0
          ? `, ${a.lines.length} lines (rows ${a.lines
              .slice(0, 5)
              .map((l) => l.row)
              .join(', ')}${a.lines.length > 5 ? ', ...' : ''})`
          : '';
      lines.push(`  ${a.code}${who}${sku}${rows}`);
    }
  }
  return lines.join('\n');
}

export function formatExplanation(e: Explanation): string {
  const d = e.currency.minorDigits;
  const r = e.row;
  const lineRows = e.lines.map((l) => [
    l.date,
    l.sku,
    l.quantity,
    money(l.netMinor, d),
    l.rule === 'productRate'
      ? `${l.quantity} x ${l.pointsPerUnit}`
      : l.rule === 'baseRate'
        ? 'base rate'
        : l.rule === 'notPromoted'
          ? 'not promoted'
          : 'unknown SKU',
    l.points,
    l.campaigns.map((c) => `${c.campaignId} +${c.bonusPct}% = ${c.points}`).join(', '),
    `${l.fileName} row ${l.row}`,
  ]);
  const tier = e.tier.id
    ? `${e.tier.name ?? e.tier.id} (+${e.tier.bonusPct}%): volume in ${e.tier.previousPeriod} was ${money(e.tier.previousVolumeMinor ?? 0, d)} ${e.currency.code}, at least ${money(e.tier.minVolumeMinor ?? 0, d)}`
    : e.tier.previousVolumeMinor === null
      ? `none: no sales in ${e.tier.previousPeriod}`
      : `none: volume in ${e.tier.previousPeriod} was ${money(e.tier.previousVolumeMinor, d)} ${e.currency.code}`;
  const target =
    e.target.targetMinor === null
      ? 'no target for this period (anomaly MISSING_TARGET)'
      : e.target.attainmentBp === null
        ? `target ${money(e.target.targetMinor, d)}: zero, no attainment`
        : `promoted sales ${money(e.target.promotedMinor, d)} of target ${money(e.target.targetMinor, d)} ${e.currency.code} = ${minorToDecimalString(e.target.attainmentBp, 2)}%${e.target.minAttainmentBp === null ? ', below every band' : `, band from ${minorToDecimalString(e.target.minAttainmentBp, 2)}%: +${e.target.bonusPct}%`}`;
  const out = [
    `${e.participant.code} ${e.participant.name}, ${e.period} (${e.state}${e.locked ? ', locked' : ''}, rules version ${e.rulesVersion})`,
    '',
    formatTable(['Date', 'SKU', 'Qty', 'Net', 'Rule', 'Points', 'Campaign bonus', 'Source'], lineRows),
    '',
    `base        = ${r.base}  (sum of line points)`,
    `campaign    = ${r.campaign}  (sum of campaign bonuses)`,
    `subtotal    = ${r.subtotal}`,
    `tier        = ${tier}`,
    `tierBonus   = ${r.tierBonus}`,
    `target      = ${target}`,
    `targetBonus = ${r.targetBonus}`,
    `beforeCap   = ${r.beforeCap}`,
    `capCut      = ${r.capCut}${e.capPointsPerPeriod === null ? '  (no cap)' : `  (cap ${e.capPointsPerPeriod} points per period)`}`,
    `earned      = ${r.earned}`,
    `prize       = ${r.prize}${r.prizes.map((p) => `  (${p.contestId}, place ${p.place})`).join('')}`,
    `total       = ${r.total}`,
    `carry       = ${r.carry}  (ledger balance of earlier periods)`,
  ];
  for (const a of e.adjustments)
    out.push(
      `adjustment  = ${a.points > 0 ? '+' : ''}${a.points}  (${a.correctsPeriod ? `correction of ${a.correctsPeriod}: ` : ''}${a.note ?? ''}; ${a.actor}, ${a.at})`,
    );
  for (const d of e.decisions) {
    const what =
      d.action === 'assign'
        ? `${d.lineCount} lines assigned to ${d.participantCode}`
        : d.action === 'exclude'
          ? `${d.lineCount} lines excluded`
          : d.action === 'setTarget'
            ? `target set`
            : 'accepted';
    out.push(`verified    : ${encodeFindingKey(d.key)} ${what} (${d.reason}; ${d.actor}, ${d.at})`);
  }
  for (const c of e.pendingCorrections)
    out.push(
      `correction  = ${c.points > 0 ? '+' : ''}${c.points}  (late change to ${c.correctsPeriod}, settled on approval)`,
    );
  out.push(
    `payable     = ${r.payablePoints} points = ${money(r.payoutMinor, d)} ${e.currency.code}${r.held ? `  (held: ${r.held === 'inactive' ? 'participant inactive' : 'no card or IBAN'}; the points stay in the balance)` : ''}`,
  );
  return out.join('\n');
}

export function formatPeriods(periods: PeriodSummary[]): string {
  return formatTable(
    ['Period', 'State', 'Sales batches', 'Lines', 'Rules', 'Last change'],
    periods.map((p) => [
      p.period,
      p.state,
      p.salesBatches,
      p.salesLines,
      p.rulesVersion,
      p.lastChangeAt ? `${p.lastChangeAt} by ${p.lastChangeBy}` : '',
    ]),
  );
}

export function formatWhatIf(w: WhatIfResult, digits: number): string {
  const changed = w.rows.filter(
    (r) => r.before.total !== r.after.total || r.before.payoutMinor !== r.after.payoutMinor,
  );
  return [
    `What-if for ${w.period}: rules version ${w.rulesVersion} against the edited rules; ${w.changedParticipants} of ${w.rows.length} participants change.`,
    '',
    formatTable(
      ['Code', 'Total now', 'Total then', 'Payout now', 'Payout then'],
      changed.map((r) => [
        r.code,
        r.before.total,
        r.after.total,
        money(r.before.payoutMinor, digits),
        money(r.after.payoutMinor, digits),
      ]),
    ),
    '',
    `Period payout: ${money(w.totals.before.payoutMinor, digits)} now, ${money(w.totals.after.payoutMinor, digits)} with the edited rules.`,
  ].join('\n');
}

export function formatVerification(v: LedgerVerification): string {
  const seals = v.seals
    ? `${v.seals.sealsChecked} seals over ${v.seals.rowsChecked} rows of the money inputs checked${v.seals.baselineRows > 0 ? ` (${v.seals.baselineRows} of them sealed as found when sealing began)` : ''}`
    : 'no seals in this file';
  const head = v.seals
    ? `Seal chain head (note it outside the file; check it later with --anchor): ${v.seals.head.id} ${v.seals.head.hash}`
    : '';
  const anchor = v.anchor?.ok
    ? `The anchor ${v.anchor.hash} is seal ${v.anchor.sealId} of the chain${v.ok ? ', and the chain up to it is intact' : ''}.`
    : '';
  if (v.ok) {
    return [
      `The ledger is intact: ${v.entriesChecked} entries checked, chain head ${v.head.id} ${v.head.hash.slice(0, 16)}..., ${v.anchorsChecked} approval anchors match; ${seals}, all intact.`,
      ...(anchor ? [anchor] : []),
      ...(head ? [head] : []),
    ].join('\n');
  }
  return [
    `The records have been changed behind the app's back (${v.entriesChecked} ledger entries checked; ${seals}):`,
    ...v.problems.map((p) => `  ${p.message}`),
    ...(anchor ? [anchor] : []),
    ...(head ? [head] : []),
  ].join('\n');
}
