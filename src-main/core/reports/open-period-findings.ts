// What an open period's draft says at a glance: participants, points, findings open and resolved. The findings of an
// open period exist only as the draft finds them, so this scores it (nothing written); since the Dashboard and the
// navigation's counts ask again after every change, the answer is kept until one of the tables every write of their
// inputs adds to has grown.
import type { CoreContext } from '../context';
import type { ProgramView } from '../program/program-view';
import { draftScore } from '../scoring/period-score';
import { detectFindings } from '../verification/detect-anomalies';
import { encodeFindingKey } from '../decisions/finding-key';
import { linesUnderCode, standingRulesInForce } from '../decisions/line-decisions';

export interface OpenPeriodDraft {
  participants: number;
  points: number;
  openFindings: number;
  resolvedFindings: number;
  rows: { code: string; name: string; tier: string | null; attainmentBp: number | null; total: number }[];
}

/**
 * Imports (sales, participants, products, targets, confirmations), decisions, rules, period steps, adjustments and
 * every logged operator action each add a row to one of these: while none has grown, a draft is what it was.
 */
const STAMP_TABLES = [
  'import_batches',
  'verification_decisions',
  'decision_withdrawals',
  'standing_decisions',
  'standing_decision_ends',
  'rule_versions',
  'period_events',
  'ledger_entries',
  'operator_log',
];
// COALESCE: an empty table's MAX is NULL, which would make the whole stamp NULL and never change.
const STAMP_SQL = `SELECT ${STAMP_TABLES.map((t) => `COALESCE((SELECT MAX(id) FROM ${t}), 0)`).join(" || ':' || ")} AS stamp`;

const KEPT = 16;
const kept = new Map<string, OpenPeriodDraft>();

function dataStamp(ctx: CoreContext): string {
  return String((ctx.store.sqlite.prepare(STAMP_SQL).get() as { stamp: string | null }).stamp);
}

function scoreDraft(ctx: CoreContext, program: ProgramView, period: string): OpenPeriodDraft {
  const sqlite = ctx.store.sqlite;
  const { score, sources } = draftScore(ctx, program, period, { keepLines: true });
  const findings = detectFindings(sqlite, program, program.rules, score, sources);
  const decisions = sqlite
    .prepare(
      `SELECT anomaly_key AS key, action FROM verification_decisions d WHERE program_id = ? AND period = ?
       AND NOT EXISTS (SELECT 1 FROM decision_withdrawals w WHERE w.decision_id = d.id)`,
    )
    .all(program.id, period) as { key: string; action: string }[];
  // A standing rule counts where it settles something this period: an accepted finding, or lines it moved.
  for (const rule of standingRulesInForce(sqlite, program.id, period)) {
    if (rule.action === 'accept' || linesUnderCode(sqlite, program.id, period, rule.code).length > 0)
      decisions.push({ key: rule.anomalyKey, action: rule.action });
  }
  // As the verification queue judges them: a finding is resolved once accepted; one that a decision made go away
  // stays listed as resolved.
  const accepted = new Set(decisions.filter((d) => d.action === 'accept').map((d) => d.key));
  const present = new Set(findings.map((f) => encodeFindingKey(f.key)));
  const open = findings.filter((f) => !accepted.has(encodeFindingKey(f.key))).length;
  const gone = new Set(decisions.map((d) => d.key).filter((key) => !present.has(key))).size;
  return {
    participants: score.totals.participants,
    points: score.totals.earned + score.totals.prizes,
    openFindings: open,
    resolvedFindings: findings.length - open + gone,
    rows: score.rows.map((r) => ({
      code: r.code,
      name: r.name,
      tier: r.tier,
      attainmentBp: r.attainmentBp,
      total: r.total,
    })),
  };
}

export function openPeriodDraft(ctx: CoreContext, program: ProgramView, period: string): OpenPeriodDraft {
  // Two in-memory databases share a name, so they keep nothing.
  if (ctx.store.file === ':memory:') return scoreDraft(ctx, program, period);
  const key = `${ctx.store.file}\n${program.id}\n${program.rulesVersion}\n${period}\n${dataStamp(ctx)}`;
  const known = kept.get(key);
  if (known) return known;
  const draft = scoreDraft(ctx, program, period);
  if (kept.size >= KEPT) kept.delete(kept.keys().next().value!);
  kept.set(key, draft);
  return draft;
}
