// The verification queue of a period: each finding with its evidence, its status and the
// decisions taken on it. Deciding re-scores the draft, since scoring applies the decisions.
import type Database from 'better-sqlite3';
import type { RowOf, StoredRowOf } from '../../db/row-types';
import type { importBatches, verificationDecisions } from '../../db/schema';
import { AppError } from '../app-error';
import { requireWithinLimit } from '../money/amount-limit';
import type { CoreContext } from '../context';
import { nowIso } from '../context';
import { recordDecision } from '../operator/operator-log';
import { isLocked, periodState } from '../periods/period-states';
import { requireProgram } from '../program/program-store';
import { draftScore, type Draft } from '../scoring/period-score';
import { cachedSinceLastWrite } from '../scoring/draft-cache';
import type { ProgramView } from '../program/program-view';
import { requirePeriod } from '../periods/require-period';
import type { ScoringLineColumns } from '../sales/scoring-line-columns';
import { detectFindings, type Finding } from './detect-anomalies';
import { decodeFindingKey, encodeFindingKey, type FindingKey } from '../decisions/finding-key';
import { hasStandingTables, linesUnderCode, standingRulesInForce } from '../decisions/line-decisions';
import { nextPeriod } from '../periods/period';
import {
  VERIFICATION_CODES,
  type EndStandingInput,
  type ResolveManyInput,
  type WithdrawInput,
  type ResolveOutcome,
  type StandingRuleView,
  type DecisionView,
  type EvidenceLine,
  type FindingEvidence,
  type VerificationItemWithEvidence,
  type ResolveInput,
  type VerificationItem,
  type VerificationQueue,
} from './verification-views';

const MAX_EVIDENCE = 200;

type Decision = RowOf<typeof verificationDecisions>;
/** A decision's row, its key and line ids still as stored (JSON). */
type DecisionRow = Pick<Decision, 'id' | 'action' | 'participantCode' | 'targetMinor' | 'reason' | 'at' | 'actor'> & {
  key: Decision['anomalyKey'];
  lineIds: Decision['lineIdsJson'];
};

function loadDecisions(sqlite: Database.Database, programId: number, period: string): DecisionView[] {
  if (!hasStandingTables(sqlite)) {
    const rows = sqlite
      .prepare(
        `SELECT id, anomaly_key AS key, action, participant_code AS participantCode, target_minor AS targetMinor,
                line_ids_json AS lineIds, reason, at, actor FROM verification_decisions WHERE program_id = ? AND period = ? ORDER BY id`,
      )
      .all(programId, period) as DecisionRow[];
    return rows.map((r) => ({ ...r, lineIds: JSON.parse(r.lineIds) as number[] }));
  }
  const rows = sqlite
    .prepare(
      `SELECT d.id, d.anomaly_key AS key, d.action, d.participant_code AS participantCode, d.target_minor AS targetMinor,
              d.line_ids_json AS lineIds, d.reason, d.at, d.actor, w.id AS wId, w.reason AS wReason, w.at AS wAt,
              w.actor AS wActor, (SELECT MIN(s.id) FROM standing_decisions s WHERE s.decision_id = d.id) AS standingRuleId
       FROM verification_decisions d LEFT JOIN decision_withdrawals w ON w.decision_id = d.id
       WHERE d.program_id = ? AND d.period = ? ORDER BY d.id`,
    )
    .all(programId, period) as (DecisionRow & {
    wId: number | null;
    wReason: string;
    wAt: string;
    wActor: string;
    standingRuleId: number | null;
  })[];
  return rows.map(({ wId, wReason, wAt, wActor, ...r }) => ({
    ...r,
    lineIds: JSON.parse(r.lineIds) as number[],
    withdrawal: wId === null ? null : { id: wId, reason: wReason, at: wAt, actor: wActor },
  }));
}

/** Every standing rule of the program with its end, oldest first. */
export function standingRules(sqlite: Database.Database, programId: number): StandingRuleView[] {
  if (!hasStandingTables(sqlite)) return [];
  const rows = sqlite
    .prepare(
      `SELECT s.id, s.anomaly_key AS anomalyKey, s.action, s.participant_code AS participantCode, s.from_period AS fromPeriod,
              s.until_period AS untilPeriod, s.decision_id AS decisionId, s.reason, s.at, s.actor,
              e.last_period AS lastPeriod, e.reason AS endReason, e.at AS endAt, e.actor AS endActor
       FROM standing_decisions s LEFT JOIN standing_decision_ends e ON e.standing_id = s.id
       WHERE s.program_id = ? ORDER BY s.id`,
    )
    .all(programId) as (Omit<StandingRuleView, 'ended'> & {
    lastPeriod: string | null;
    endReason: string;
    endAt: string;
    endActor: string;
  })[];
  return rows.map(({ lastPeriod, endReason, endAt, endActor, ...r }) => ({
    ...r,
    ended: lastPeriod === null ? null : { lastPeriod, reason: endReason, at: endAt, actor: endActor },
  }));
}

function participantNames(sqlite: Database.Database, programId: number): Map<string, string> {
  const rows = sqlite.prepare('SELECT code, name FROM participants WHERE program_id = ?').raw().all(programId);
  return new Map(rows as [string, string][]);
}

function evidenceOf(sqlite: Database.Database, finding: Pick<Finding, 'lineIds' | 'batchRows'>): EvidenceLine[] {
  const files = new Map<number, string>();
  const fileName = (batchId: number) => {
    if (!files.has(batchId))
      files.set(
        batchId,
        (
          sqlite.prepare('SELECT file_name FROM import_batches WHERE id = ?').get(batchId) as
            Pick<StoredRowOf<typeof importBatches>, 'file_name'> | undefined
        )?.file_name ?? '',
      );
    return files.get(batchId)!;
  };
  if (finding.batchRows) {
    return finding.batchRows.slice(0, MAX_EVIDENCE).map((r) => ({
      lineId: null,
      batchId: r.batchId,
      fileName: fileName(r.batchId),
      row: r.row,
      date: null,
      participantCode: null,
      sku: r.value,
      quantity: null,
      netMinor: null,
    }));
  }
  if (finding.lineIds.length === 0) return [];
  const rows = sqlite
    .prepare(
      `SELECT id, batch_id, source_row, sale_date, participant_code, sku, quantity, net_minor FROM sales_lines
       WHERE id IN (SELECT value FROM json_each(?)) ORDER BY batch_id, source_row`,
    )
    .raw()
    .all(JSON.stringify(finding.lineIds.slice(0, MAX_EVIDENCE))) as ScoringLineColumns[];
  return rows.map(([lineId, batchId, row, date, participantCode, sku, quantity, netMinor]) => ({
    lineId,
    batchId,
    fileName: fileName(batchId),
    row,
    date,
    participantCode,
    sku,
    quantity,
    netMinor,
  }));
}

function storedKey(text: string): FindingKey {
  const key = decodeFindingKey(text);
  if (!key || !VERIFICATION_CODES.includes(key.code))
    throw new AppError('NOT_FOUND', `There is no finding "${text}" in the verification queue.`);
  return key;
}

/** A finding as the queue judges it, with every line it is about: the wire carries only their count. */
interface QueueEntry {
  item: VerificationItem;
  lineIds: number[];
  batchRows?: Finding['batchRows'];
}

/** The money a finding is about: what its facts name, or else its lines' net value (from the draft when there). */
function amountOf(
  sqlite: Database.Database,
  facts: Finding['facts'],
  lineIds: readonly number[],
  nets: ReadonlyMap<number, number>,
): number | null {
  for (const fact of ['netMinor', 'volumeMinor', 'promotedMinor'] as const) {
    const value = facts[fact];
    if (typeof value === 'number') return value;
  }
  if (lineIds.length === 0) return null;
  const missing = lineIds.filter((id) => !nets.has(id));
  let sum = 0;
  for (const id of lineIds) sum += nets.get(id) ?? 0;
  // Lines the draft does not score (excluded or moved by a decision): read from the file's lines.
  if (missing.length > 0)
    sum += (
      sqlite
        .prepare(
          'SELECT COALESCE(SUM(net_minor), 0) AS n FROM sales_lines WHERE id IN (SELECT value FROM json_each(?))',
        )
        .get(JSON.stringify(missing)) as { n: number }
    ).n;
  return sum;
}

type Entries = Omit<VerificationQueue, 'items' | 'open' | 'resolved'> & { entries: QueueEntry[] };

/**
 * The period's findings and decisions, each with all its lines; kept until the next write to the file when found
 * from the current draft (the Verification and Payouts screens and the evidence of each finding opened ask alike).
 */
function queueEntries(ctx: CoreContext, period: string, draft?: Draft): Entries {
  requirePeriod(period);
  const program = requireProgram(ctx);
  if (draft) return findEntries(ctx, program, period, draft);
  return cachedSinceLastWrite(ctx.store.sqlite, `findings ${program.id} ${program.rulesVersion} ${period}`, () =>
    findEntries(ctx, program, period),
  );
}

function findEntries(ctx: CoreContext, program: ProgramView, period: string, draft?: Draft): Entries {
  const sqlite = ctx.store.sqlite;
  const locked = isLocked(periodState(ctx, program.id, period));
  const { score, sources } = draft ?? draftScore(ctx, program, period, { keepLines: true });
  const findings = detectFindings(sqlite, program, program.rules, score, sources);
  const decisions = loadDecisions(sqlite, program.id, period);
  const names = participantNames(sqlite, program.id);
  const nets = new Map<number, number>();
  for (const lines of score.lineScores.values()) for (const l of lines) nets.set(l.line.id, l.line.netMinor);
  const byKey = new Map<string, DecisionView[]>();
  // By the stored text form, which is what encodeFindingKey gives for a finding found now.
  for (const d of decisions as (DecisionView & { key: string })[]) byKey.set(d.key, [...(byKey.get(d.key) ?? []), d]);
  // A standing rule in force resolves the finding of this period without a decision of its own: shown as one.
  const standing = new Map<string, DecisionView>();
  for (const rule of standingRulesInForce(sqlite, program.id, period)) {
    standing.set(rule.anomalyKey, {
      id: 0,
      action: rule.action,
      participantCode: rule.participantCode,
      targetMinor: null,
      lineIds: rule.action === 'accept' ? [] : linesUnderCode(sqlite, program.id, period, rule.code),
      reason: rule.reason,
      at: rule.at,
      actor: rule.actor,
      withdrawal: null,
      standingRuleId: rule.id,
    });
  }
  const inForce = (d: DecisionView) => !d.withdrawal;
  const nameOf = (code: string | null) => (code === null ? null : (names.get(code) ?? null));

  const entries: QueueEntry[] = findings.map((f) => {
    const text = encodeFindingKey(f.key);
    const rule = standing.get(text);
    const taken = [...(byKey.get(text) ?? []), ...(rule && rule.action === 'accept' ? [rule] : [])];
    return {
      item: {
        key: f.key,
        code: f.code,
        participantCode: f.participantCode,
        participantName: nameOf(f.participantCode),
        sku: f.sku,
        message: f.message,
        facts: f.facts,
        lineCount: f.batchRows?.length ?? f.lineIds.length,
        amountMinor: amountOf(sqlite, f.facts, f.lineIds, nets),
        status: taken.some((d) => d.action === 'accept' && inForce(d)) ? 'resolved' : 'open',
        decisions: taken,
        actions: f.actions,
      },
      lineIds: f.lineIds,
      ...(f.batchRows ? { batchRows: f.batchRows } : {}),
    };
  });
  // Findings that assigning, excluding or setting a target made go away stay listed, resolved, with what was done.
  const present = new Set(findings.map((f) => encodeFindingKey(f.key)));
  for (const [text, rule] of standing) {
    if (rule.action !== 'accept' && rule.lineIds.length > 0 && !present.has(text))
      byKey.set(text, [...(byKey.get(text) ?? []), rule]);
  }
  for (const [text, all] of byKey) {
    const taken = all.filter(inForce);
    // A finding whose every decision was withdrawn and that is not found now has nothing left to show.
    if (present.has(text) || taken.length === 0) continue;
    const lineIds = [...new Set(taken.flatMap((d) => d.lineIds))];
    const key = storedKey(text);
    const participantCode = 'participantCode' in key ? key.participantCode : null;
    entries.push({
      item: {
        key,
        code: key.code,
        participantCode,
        participantName: nameOf(participantCode),
        sku: 'sku' in key ? key.sku : null,
        message: `Resolved: ${taken.map((d) => d.reason).join('; ')}`,
        facts: {},
        lineCount: lineIds.length,
        amountMinor: amountOf(sqlite, {}, lineIds, nets),
        status: 'resolved',
        decisions: all,
        actions: [],
      },
      lineIds,
    });
  }
  return { period, locked, entries, standingRules: standingRules(sqlite, program.id) };
}

function queueOf<T extends VerificationItem>(
  base: Omit<VerificationQueue, 'items' | 'open' | 'resolved'>,
  items: T[],
): VerificationQueue<T> {
  const open = items.filter((i) => i.status === 'open').length;
  return {
    period: base.period,
    locked: base.locked,
    open,
    resolved: items.length - open,
    items,
    standingRules: base.standingRules ?? [],
  };
}

/**
 * The period's findings and their decisions, without the rows that show them (`findingEvidence` gives those, one
 * finding at a time: 4,000 findings of a busy month would carry a hundred thousand rows); `draft` is the period's
 * draft with its lines, when the caller has it already.
 */
export function verificationQueue(ctx: CoreContext, period: string, draft?: Draft): VerificationQueue {
  const { entries, ...base } = queueEntries(ctx, period, draft);
  return queueOf(
    base,
    entries.map((e) => e.item),
  );
}

/** The queue with each finding's rows (the first 200 of each), for the CLI and the audit. */
export function verificationQueueWithEvidence(
  ctx: CoreContext,
  period: string,
): VerificationQueue<VerificationItemWithEvidence> {
  const { entries, ...base } = queueEntries(ctx, period);
  return queueOf(
    base,
    entries.map((e) => ({ ...e.item, evidence: evidenceOf(ctx.store.sqlite, e) })),
  );
}

/** The rows that show one finding of the period (the first 200 of them), as it is found now. */
export function findingEvidence(ctx: CoreContext, period: string, keyText: string): FindingEvidence {
  const key = encodeFindingKey(storedKey(keyText));
  const entry = queueEntries(ctx, period).entries.find((e) => encodeFindingKey(e.item.key) === key);
  if (!entry)
    throw new AppError('NOT_FOUND', `There is no finding "${keyText}" in the verification queue of ${period}.`);
  return { lines: evidenceOf(ctx.store.sqlite, entry), total: entry.item.lineCount };
}

function requireReason(text: string): string {
  const reason = text.trim();
  if (reason === '')
    throw new AppError(
      'REASON_REQUIRED',
      'Say why: the reason is kept with the decision and shown in explain and the audit trail.',
    );
  return reason;
}

function requireOpenPeriod(ctx: CoreContext, programId: number, period: string, what: string): void {
  const state = periodState(ctx, programId, period);
  if (isLocked(state))
    throw new AppError(
      'PERIOD_LOCKED',
      `${period} is ${state}; ${what}. Late changes are settled in the next open period.`,
      { period, state },
    );
}

/** Records the coordinator's decision on one finding, with its reason. */
export function resolveFinding(ctx: CoreContext, input: ResolveInput): VerificationQueue {
  const { lineIds, key, ...rest } = input;
  return resolveFindings(ctx, { ...rest, keys: [key] }, lineIds).queue;
}

/**
 * Records one decision on each of several findings, with the same reason, in one transaction.
 * Each finding is judged against the queue as it is inside that transaction: a key that is not
 * an open finding any more (resolved meanwhile, or gone after a new file) refuses the whole call,
 * naming the keys, and nothing is written.
 */
export function resolveFindings(ctx: CoreContext, input: ResolveManyInput, chosenLines?: number[]): ResolveOutcome {
  requirePeriod(input.period);
  const reason = requireReason(input.reason);
  if (input.keys.length === 0) throw new AppError('INVALID_INPUT', 'Choose at least one finding to resolve.');
  if (chosenLines !== undefined && input.keys.length > 1)
    throw new AppError('INVALID_INPUT', 'Lines can be chosen for one finding at a time.');
  const keyTexts = [...new Set(input.keys.map(encodeFindingKey))];
  const standing = input.standing ?? null;
  const standingRuleIds: number[] = [];
  ctx.store.transaction(() => {
    const program = requireProgram(ctx);
    requireOpenPeriod(ctx, program.id, input.period, 'its verification is closed');
    const { entries } = queueEntries(ctx, input.period);
    const open = new Map(entries.filter((e) => e.item.status === 'open').map((e) => [encodeFindingKey(e.item.key), e]));
    const missing = keyTexts.filter((k) => !open.has(k));
    if (missing.length > 0)
      throw new AppError(
        'FINDING_NOT_OPEN',
        `${missing.length === 1 ? 'This finding is' : 'These findings are'} not open in ${input.period} ` +
          `(resolved meanwhile, or gone after a new file): ${missing.join(', ')}. Nothing was written.`,
        { period: input.period, keys: missing },
      );
    if (standing) requireStandingAllowed(ctx, program.id, input, keyTexts, standing.untilPeriod);
    const insert = ctx.store.sqlite.prepare(
      `INSERT INTO verification_decisions (program_id, period, anomaly_key, action, participant_code, target_minor, line_ids_json, reason, at, actor)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertStanding = ctx.store.sqlite.prepare(
      `INSERT INTO standing_decisions (program_id, from_period, until_period, anomaly_key, action, participant_code, decision_id, reason, at, actor)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const keyText of keyTexts) {
      const entry = open.get(keyText)!;
      const { lineIds, participantCode, targetMinor } = decisionOf(ctx, program.id, input, entry, chosenLines);
      const at = nowIso(ctx);
      const decisionId = Number(
        insert.run(
          program.id,
          input.period,
          keyText,
          input.action,
          participantCode,
          targetMinor,
          JSON.stringify(lineIds),
          reason,
          at,
          ctx.actor,
        ).lastInsertRowid,
      );
      recordDecision(ctx, `verify.${input.action}`, keyText, reason, {
        period: input.period,
        participantCode,
        targetMinor,
        lineIds,
      });
      if (standing) {
        const from = nextPeriod(input.period);
        standingRuleIds.push(
          Number(
            insertStanding.run(
              program.id,
              from,
              standing.untilPeriod,
              keyText,
              input.action,
              participantCode,
              decisionId,
              reason,
              at,
              ctx.actor,
            ).lastInsertRowid,
          ),
        );
        recordDecision(ctx, 'verify.standing', keyText, reason, {
          fromPeriod: from,
          untilPeriod: standing.untilPeriod,
          action: input.action,
          participantCode,
        });
      }
    }
  });
  return { queue: verificationQueue(ctx, input.period), resolved: keyTexts, standingRuleIds };
}

/** What one finding's decision writes, judged against the finding as it is now. */
function decisionOf(
  ctx: CoreContext,
  programId: number,
  input: ResolveManyInput,
  entry: QueueEntry,
  chosenLines: number[] | undefined,
): { lineIds: number[]; participantCode: string | null; targetMinor: number | null } {
  const { item } = entry;
  const keyText = encodeFindingKey(item.key);
  if (!item.actions.includes(input.action)) {
    throw new AppError(
      'INVALID_INPUT',
      `The finding ${keyText} cannot be resolved by "${input.action}"; it takes ${item.actions.join(', ')}.`,
    );
  }
  // Every line of the finding, not only the 200 its evidence lists: "all of them" means all.
  const itemLines = entry.lineIds;
  let lineIds: number[] = [];
  let participantCode: string | null = null;
  let targetMinor: number | null = null;
  if (input.action === 'assign' || input.action === 'exclude') {
    lineIds = chosenLines ?? itemLines;
    const ofItem = new Set(itemLines);
    const unknown = lineIds.filter((id) => !ofItem.has(id));
    if (lineIds.length === 0 || unknown.length > 0)
      throw new AppError(
        'INVALID_INPUT',
        `Choose lines of the finding ${keyText}; ${unknown.join(', ') || 'none'} ${unknown.length === 1 ? 'is' : 'are'} not among them.`,
      );
  }
  if (input.action === 'assign') {
    participantCode = (input.participantCode ?? '').trim();
    const known = ctx.store.sqlite
      .prepare('SELECT 1 FROM participants WHERE program_id = ? AND code = ?')
      .get(programId, participantCode);
    if (!known)
      throw new AppError(
        'NOT_FOUND',
        `There is no participant with the code ${participantCode || '(none given)'} to assign the lines to.`,
        { code: participantCode },
      );
  }
  if (input.action === 'setTarget') {
    participantCode = item.participantCode;
    targetMinor = input.targetMinor ?? 0;
    if (!Number.isSafeInteger(targetMinor) || targetMinor <= 0)
      throw new AppError('INVALID_INPUT', 'A target is an amount above zero.');
    requireWithinLimit(targetMinor, `The target of ${participantCode ?? ''} in ${input.period}`, {
      participantCode,
      period: input.period,
    });
  }
  return { lineIds, participantCode, targetMinor };
}

/**
 * A standing decision acts on later files by the finding's key alone: accepting any finding, or
 * moving or excluding the lines filed under an unknown participant code. It starts with the next
 * period, which must still be open, as must every later one (an approved period never changes).
 */
function requireStandingAllowed(
  ctx: CoreContext,
  programId: number,
  input: ResolveManyInput,
  keyTexts: string[],
  untilPeriod: string | null,
): void {
  const from = nextPeriod(input.period);
  if (untilPeriod !== null) {
    requirePeriod(untilPeriod);
    if (untilPeriod < from)
      throw new AppError(
        'INVALID_INPUT',
        `A standing decision taken in ${input.period} holds from ${from}; its last period cannot be ${untilPeriod}.`,
        { period: untilPeriod },
      );
  }
  if (input.action === 'setTarget')
    throw new AppError('INVALID_INPUT', 'A target is set for one period; it cannot be a standing decision.', {
      field: 'standing',
    });
  if (input.action !== 'accept') {
    const other = keyTexts.filter((k) => !k.startsWith('UNKNOWN_PARTICIPANT:'));
    if (other.length > 0)
      throw new AppError(
        'INVALID_INPUT',
        `Only an unknown participant's lines can be assigned or excluded from now on; ${other.join(', ')} cannot.`,
        { keys: other },
      );
  }
  const later = ctx.store.sqlite
    .prepare(
      `SELECT period FROM period_events WHERE id IN (SELECT MAX(id) FROM period_events WHERE program_id = ? GROUP BY period)
       AND period >= ? AND state NOT IN ('open', 'calculated') ORDER BY period LIMIT 1`,
    )
    .pluck()
    .get(programId, from) as string | undefined;
  if (later !== undefined)
    throw new AppError(
      'PERIOD_LOCKED',
      `${later} is approved already; a standing decision from ${from} on would change it. Decide in each open period.`,
      { period: later },
    );
}

/**
 * Withdraws a decision of an open period, with its reason: the decision stays recorded, the
 * finding opens again and the draft is scored without it. A standing rule the decision made is
 * ended with it (it holds for no later period).
 */
export function withdrawDecision(ctx: CoreContext, input: WithdrawInput): VerificationQueue {
  requirePeriod(input.period);
  const reason = requireReason(input.reason);
  ctx.store.transaction(() => {
    const program = requireProgram(ctx);
    requireOpenPeriod(ctx, program.id, input.period, 'its decisions can no longer be withdrawn');
    const sqlite = ctx.store.sqlite;
    const decision = sqlite
      .prepare(
        `SELECT d.anomaly_key AS key, d.action, (SELECT id FROM decision_withdrawals w WHERE w.decision_id = d.id) AS withdrawn
         FROM verification_decisions d WHERE d.id = ? AND d.program_id = ? AND d.period = ?`,
      )
      .get(input.decisionId, program.id, input.period) as
      { key: string; action: string; withdrawn: number | null } | undefined;
    if (!decision)
      throw new AppError('NOT_FOUND', `There is no decision ${input.decisionId} in ${input.period}.`, {
        code: String(input.decisionId),
      });
    if (decision.withdrawn !== null)
      throw new AppError(
        'DECISION_NOT_IN_FORCE',
        `Decision ${input.decisionId} (${decision.key}) was withdrawn already; nothing was written.`,
        { decisionId: input.decisionId, key: decision.key },
      );
    const at = nowIso(ctx);
    sqlite
      .prepare(
        'INSERT INTO decision_withdrawals (program_id, period, decision_id, reason, at, actor) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(program.id, input.period, input.decisionId, reason, at, ctx.actor);
    const rules = sqlite
      .prepare(
        `SELECT s.id FROM standing_decisions s WHERE s.decision_id = ?
         AND NOT EXISTS (SELECT 1 FROM standing_decision_ends e WHERE e.standing_id = s.id)`,
      )
      .pluck()
      .all(input.decisionId) as number[];
    for (const id of rules) insertEnd(ctx, id, input.period, reason, at);
    recordDecision(ctx, 'verify.withdraw', decision.key, reason, {
      period: input.period,
      decisionId: input.decisionId,
      action: decision.action,
      standingRulesEnded: rules,
    });
  });
  return verificationQueue(ctx, input.period);
}

function insertEnd(ctx: CoreContext, standingId: number, lastPeriod: string, reason: string, at: string): void {
  ctx.store.sqlite
    .prepare('INSERT INTO standing_decision_ends (standing_id, last_period, reason, at, actor) VALUES (?, ?, ?, ?, ?)')
    .run(standingId, lastPeriod, reason, at, ctx.actor);
}

/**
 * Ends a standing rule after `lastPeriod`, with its reason. Every later period must still be open:
 * what an approved period applied never changes.
 */
export function endStandingRule(ctx: CoreContext, input: EndStandingInput): StandingRuleView[] {
  requirePeriod(input.lastPeriod);
  const reason = requireReason(input.reason);
  ctx.store.transaction(() => {
    const program = requireProgram(ctx);
    const rule = standingRules(ctx.store.sqlite, program.id).find((r) => r.id === input.standingRuleId);
    if (!rule)
      throw new AppError('NOT_FOUND', `There is no standing decision ${input.standingRuleId}.`, {
        code: String(input.standingRuleId),
      });
    if (rule.ended)
      throw new AppError(
        'DECISION_NOT_IN_FORCE',
        `The standing decision ${rule.id} (${rule.anomalyKey}) was ended already, after ${rule.ended.lastPeriod}.`,
        { standingRuleId: rule.id, lastPeriod: rule.ended.lastPeriod },
      );
    const locked = ctx.store.sqlite
      .prepare(
        `SELECT period FROM period_events WHERE id IN (SELECT MAX(id) FROM period_events WHERE program_id = ? GROUP BY period)
         AND period > ? AND period >= ? AND state NOT IN ('open', 'calculated') ORDER BY period LIMIT 1`,
      )
      .pluck()
      .get(program.id, input.lastPeriod, rule.fromPeriod) as string | undefined;
    if (locked !== undefined)
      throw new AppError(
        'PERIOD_LOCKED',
        `${locked} is approved with the standing decision applied; end it after ${locked} at the earliest.`,
        { period: locked },
      );
    insertEnd(ctx, rule.id, input.lastPeriod, reason, nowIso(ctx));
    recordDecision(ctx, 'verify.standingEnd', rule.anomalyKey, reason, {
      standingRuleId: rule.id,
      lastPeriod: input.lastPeriod,
    });
  });
  return standingRules(ctx.store.sqlite, requireProgram(ctx).id);
}

/**
 * Accepts every open finding of a queue just read with one reason (approving with
 * --accept-open-anomalies). Call inside the transaction that read the queue.
 */
export function acceptOpenFindings(ctx: CoreContext, queue: VerificationQueue, reason: string): number {
  const why = reason.trim();
  if (why === '')
    throw new AppError('REASON_REQUIRED', 'Accepting the open findings needs a reason; it is kept with each of them.');
  const program = requireProgram(ctx);
  const period = queue.period;
  const open = queue.items.filter((i) => i.status === 'open');
  const insert = ctx.store.sqlite.prepare(
    `INSERT INTO verification_decisions (program_id, period, anomaly_key, action, line_ids_json, reason, at, actor) VALUES (?, ?, ?, 'accept', '[]', ?, ?, ?)`,
  );
  for (const item of open) insert.run(program.id, period, encodeFindingKey(item.key), why, nowIso(ctx), ctx.actor);
  if (open.length > 0)
    recordDecision(ctx, 'verify.acceptAll', period, why, { keys: open.map((i) => encodeFindingKey(i.key)) });
  return open.length;
}
