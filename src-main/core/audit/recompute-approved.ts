// Every approved period scored again with the same engine (scoring/score-period.ts), from the rows of the database in
// hand (a live file, or one rebuilt from an audit package) and the rules version the approval used, and compared with
// what was approved: the participants' rows (approved_scores), each line (approved_lines), the period's totals, the
// ledger entries the approval posted, and the payouts it made. The data is taken as it stood at the approval: the seal
// chain orders every write, so the import batches, changes of participants and products, and decisions that came
// after the approval's own seal are left out, and the ledger is read up to the head the approval noted.
import type Database from 'better-sqlite3';
import { ledgerDraftPoints } from '../approval/approve-period';
import { applyLineDecisions, adjustVolumes, loadLineDecisions } from '../decisions/line-decisions';
import type { Rules } from '../program/program-config';
import { progressEvery } from '../progress';
import type { LateCorrection } from '../scoring/late-corrections';
import { scorePeriod } from '../scoring/score-period';
import type { PeriodScore, ScoreRow, ScoringInput, ScoringParticipant, ScoringProduct } from '../scoring/score-types';
import { previousPeriod } from '../periods/period';
import { approvedLinesMatch } from './approved-lines-match';
import type { RecomputeDifference } from './audit-views';
import { lineVolumes } from './line-volumes';
import { readSalesLines, type SalesLinesRead } from './read-sales-lines';

export interface RecomputeCounts {
  periodsRecomputed: number;
  participantsCompared: number;
  linesCompared: number;
  payoutsCompared: number;
}

export interface RecomputeSink {
  difference(d: RecomputeDifference): void;
  failed(period: string, message: string): void;
}

interface Approval {
  id: number;
  programId: number;
  period: string;
  ruleVersion: number;
  eventId: number;
  details: string;
}

/** The fields of approved_scores the engine gives, by the engine's name and the table's. */
const ROW_FIELDS: [keyof ScoreRow, string][] = [
  ['volumeMinor', 'volume_minor'],
  ['previousVolumeMinor', 'previous_volume_minor'],
  ['tier', 'tier'],
  ['tierBonusPct', 'tier_bonus_pct'],
  ['base', 'base'],
  ['campaign', 'campaign'],
  ['subtotal', 'subtotal'],
  ['tierBonus', 'tier_bonus'],
  ['promotedMinor', 'promoted_minor'],
  ['targetMinor', 'target_minor'],
  ['attainmentBp', 'attainment_bp'],
  ['targetBonusPct', 'target_bonus_pct'],
  ['targetBonus', 'target_bonus'],
  ['beforeCap', 'before_cap'],
  ['capCut', 'cap_cut'],
  ['earned', 'earned'],
  ['prize', 'prize'],
  ['total', 'total'],
  ['carry', 'carry'],
  ['adjustments', 'adjustments'],
  ['corrections', 'corrections'],
  ['payablePoints', 'payable_points'],
  ['payoutMinor', 'payout_minor'],
  ['held', 'held'],
  ['lineCount', 'line_count'],
];

const TOTAL_FIELDS: [keyof PeriodScore['totals'], string][] = [
  ['participants', 'participants'],
  ['lines', 'lines'],
  ['earned', 'earned'],
  ['prizes', 'prizes'],
  ['payablePoints', 'payable_points'],
  ['payoutMinor', 'payout_minor'],
  ['heldParticipants', 'held_participants'],
  ['heldPoints', 'held_points'],
  ['budgetMinor', 'budget_minor'],
];

const POSTED_KINDS = "('earn', 'campaign', 'tier', 'target', 'cap', 'prize', 'redemption')";

/** The highest rowid of `table` sealed before seal `before`; Infinity when the file has no seals to order by. */
function sealedUpTo(sqlite: Database.Database, table: string, before: number | null): number {
  if (before === null) return Number.POSITIVE_INFINITY;
  const found = sqlite
    .prepare('SELECT MAX(last_rowid) FROM record_seals WHERE table_name = ? AND id < ?')
    .pluck()
    .get(table, before) as number | null;
  return found ?? 0;
}

/** The seal that covers the approval's period event: everything sealed before it was there when it was approved. */
function approvalSeal(sqlite: Database.Database, eventId: number): number | null {
  const hasSeals = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'record_seals'").get();
  if (!hasSeals) return null;
  return (
    (sqlite
      .prepare(
        "SELECT id FROM record_seals WHERE table_name = 'period_events' AND first_rowid <= ? AND last_rowid >= ? ORDER BY id LIMIT 1",
      )
      .pluck()
      .get(eventId, eventId) as number | undefined) ?? null
  );
}

interface Cut {
  batches: number;
  participantChanges: number;
  productChanges: number;
  ledger: number;
}

function participantsAsOf(sqlite: Database.Database, programId: number, cut: Cut): Map<string, ScoringParticipant> {
  const rows = sqlite
    .prepare(
      'SELECT id, code, name, join_date, status, card_ref, iban FROM participants WHERE program_id = ? AND (created_batch_id IS NULL OR created_batch_id <= ?)',
    )
    .raw()
    .all(programId, cut.batches) as [number, string, string, string | null, string, string | null, string | null][];
  const byId = new Map(rows.map((r) => [r[0], r]));
  // Changes made after the approval undone, newest first: each field back to what it was.
  const columns: Record<string, number> = { name: 2, joinDate: 3, status: 4, cardRef: 5, iban: 6 };
  for (const [id, field, old] of sqlite
    .prepare('SELECT participant_id, field, old_value FROM participant_changes WHERE id > ? ORDER BY id DESC')
    .raw()
    .iterate(cut.participantChanges) as IterableIterator<[number, string, string | null]>) {
    const row = byId.get(id);
    const at = columns[field];
    if (row && at !== undefined) (row as unknown[])[at] = field === 'name' ? (old ?? '') : old;
  }
  const map = new Map<string, ScoringParticipant>();
  for (const [, code, name, joinDate, status, cardRef, iban] of byId.values()) {
    map.set(code, {
      code,
      name,
      joinDate,
      active: status === 'active',
      destination: cardRef ? 'card' : iban ? 'iban' : null,
    });
  }
  return map;
}

function productsAsOf(sqlite: Database.Database, programId: number, cut: Cut): Map<string, ScoringProduct> {
  const rows = sqlite
    .prepare(
      'SELECT id, sku, product_group, promoted, points_per_unit FROM products WHERE program_id = ? AND (created_batch_id IS NULL OR created_batch_id <= ?)',
    )
    .raw()
    .all(programId, cut.batches) as [number, string, string | null, number, number | null][];
  const byId = new Map(rows.map((r) => [r[0], r]));
  for (const [id, field, old] of sqlite
    .prepare('SELECT product_id, field, old_value FROM product_changes WHERE id > ? ORDER BY id DESC')
    .raw()
    .iterate(cut.productChanges) as IterableIterator<[number, string, string | null]>) {
    const row = byId.get(id);
    if (!row) continue;
    if (field === 'group') row[2] = old;
    else if (field === 'promoted') row[3] = old === 'yes' ? 1 : 0;
    else if (field === 'pointsPerUnit') row[4] = old === null ? null : Number.parseInt(old, 10);
  }
  const map = new Map<string, ScoringProduct>();
  for (const [, sku, group, promoted, pointsPerUnit] of byId.values())
    map.set(sku, { sku, group, promoted: promoted === 1, pointsPerUnit });
  return map;
}

function sums(rows: [string, number][]): Map<string, number> {
  return new Map(rows);
}

/**
 * The volumes of the lines read for each approval so far, by the query that read them, so that the next period's
 * previous volume (the same lines when its batches are the same) is not summed again from the table.
 */
type Volumes = Map<string, ReadonlyMap<string, number>>;

function volumesKey(programId: number, period: string, sourcesJson: string): string {
  return JSON.stringify([programId, period, sourcesJson]);
}

function loadInput(
  sqlite: Database.Database,
  approval: Approval,
  program: { firstPeriod: string; pointValueMinor: number },
  rules: Rules,
  cut: Cut,
  ledgerSumsOf: LedgerSums | undefined,
  volumes: Volumes,
  salesLines: SalesLinesRead | undefined,
): ScoringInput {
  const { programId, period } = approval;
  const details = JSON.parse(approval.details) as { sources?: number[] };
  const batchesAt = (p: string) =>
    (
      sqlite
        .prepare(
          `SELECT id FROM import_batches WHERE program_id = ? AND kind = 'sales' AND period = ? AND id <= ?
             AND (superseded_by IS NULL OR superseded_by > ?) ORDER BY id`,
        )
        .pluck()
        .all(programId, p, cut.batches, cut.batches) as number[]
    ).filter(Number.isSafeInteger);
  const sources = Array.isArray(details.sources) ? details.sources : batchesAt(period);
  const sourcesJson = JSON.stringify(sources);
  const lines = readSalesLines(sqlite, programId, period, sourcesJson, salesLines);
  const volumesOfLines = lineVolumes(lines);
  if (volumesOfLines) volumes.set(volumesKey(programId, period, sourcesJson), volumesOfLines);
  const decisions = loadLineDecisions(sqlite, programId, period);
  const targets = sums(
    sqlite
      .prepare(
        `SELECT participant_code, target_minor FROM targets WHERE id IN (
           SELECT MAX(id) FROM targets WHERE program_id = ? AND period = ? AND batch_id <= ? GROUP BY participant_code)`,
      )
      .raw()
      .all(programId, period, cut.batches) as [string, number][],
  );
  for (const [code, target] of decisions.targets) targets.set(code, target);
  const previous = previousPeriod(period);
  const previousSources = JSON.stringify(batchesAt(previous));
  const readBefore = volumes.get(volumesKey(programId, previous, previousSources));
  // Lines kept as read are summed here: the recomputation's thread may have left them out of its database.
  const summed = readBefore
    ? undefined
    : salesLines && lineVolumes(readSalesLines(sqlite, programId, previous, previousSources, salesLines));
  const previousVolume = adjustVolumes(
    sqlite,
    readBefore
      ? new Map(readBefore)
      : summed
        ? new Map(summed)
        : sums(
            sqlite
              .prepare(
                `SELECT participant_code, SUM(net_minor) FROM sales_lines WHERE program_id = ? AND period = ?
             AND batch_id IN (SELECT value FROM json_each(?)) GROUP BY participant_code`,
              )
              .raw()
              .all(programId, previous, previousSources) as [string, number][],
          ),
    loadLineDecisions(sqlite, programId, previous),
  );
  const ledgerSums = (where: string, ...params: unknown[]) =>
    sums(
      sqlite
        .prepare(
          `SELECT participant_code, SUM(points) FROM ledger_entries WHERE program_id = ? AND id <= ? AND ${where} GROUP BY participant_code`,
        )
        .raw()
        .all(programId, cut.ledger, ...params) as [string, number][],
    );
  const corrections = sums(
    sqlite
      .prepare(
        'SELECT participant_code, SUM(points) FROM approved_corrections WHERE approval_id = ? GROUP BY participant_code',
      )
      .raw()
      .all(approval.id) as [string, number][],
  );
  return {
    period,
    firstPeriod: program.firstPeriod,
    rules,
    rulesVersion: approval.ruleVersion,
    pointValueMinor: program.pointValueMinor,
    participants: participantsAsOf(sqlite, programId, cut),
    products: productsAsOf(sqlite, programId, cut),
    lines: applyLineDecisions(lines, decisions),
    previousVolume,
    targets,
    carry: ledgerSumsOf?.carry ?? ledgerSums('period < ?', period),
    adjustments:
      ledgerSumsOf?.adjustments ?? ledgerSums("period = ? AND kind = 'adjustment' AND corrects_period IS NULL", period),
    corrections,
  };
}

type Value = string | number | null;

function same(a: unknown, b: unknown): boolean {
  // A value read back from a tampered file may be a REAL or a text where the app writes an integer.
  return a === b || (a !== null && b !== null && a !== undefined && b !== undefined && String(a) === String(b));
}

/** Every approval, in the order they were made. */
function approvalsOf(sqlite: Database.Database): Approval[] {
  return (
    sqlite
      .prepare(
        `SELECT a.id, a.program_id, a.period, a.rule_version, a.period_event_id, COALESCE(e.details_json, '{}')
         FROM approved_periods a LEFT JOIN period_events e ON e.id = a.period_event_id ORDER BY a.id`,
      )
      .raw()
      .all() as [number, number, string, number, number, string][]
  ).map(([id, programId, period, ruleVersion, eventId, details]) => ({
    id,
    programId,
    period,
    ruleVersion,
    eventId,
    details,
  }));
}

/**
 * The ledger ids up to which the approvals read it, rising: every read of the ledger the recomputation makes is a sum
 * up to one of them (ledger-by-spans.ts sums it so beforehand). Undefined where one is not a whole number.
 */
export function ledgerCuts(sqlite: Database.Database): number[] | undefined {
  const cuts = new Set<number>();
  for (const approval of approvalsOf(sqlite)) {
    let cut: number;
    try {
      cut = cutOf(sqlite, approval).ledger;
    } catch {
      continue; // recomputeOne reports it, as ledgerSumsInOnePass leaves it out.
    }
    if (!Number.isSafeInteger(cut)) return undefined;
    cuts.add(cut);
  }
  return [...cuts].sort((x, y) => x - y);
}

/**
 * Whether every approval's sales lines can be taken from lines kept as read (read-sales-lines.ts) with no query of
 * sales_lines at all: no decision moves or leaves out lines (those look lines up by id or by code), and every
 * approval names its batches by whole numbers. The recomputation's thread then leaves the table out of its database.
 */
export function linesReadSuffice(sqlite: Database.Database): boolean {
  const moving = sqlite
    .prepare(
      "SELECT (SELECT COUNT(*) FROM verification_decisions WHERE action IN ('assign', 'exclude')) + (SELECT COUNT(*) FROM standing_decisions)",
    )
    .pluck()
    .get() as number;
  if (moving !== 0) return false;
  return approvalsOf(sqlite).every((approval) => {
    try {
      const { sources } = JSON.parse(approval.details) as { sources?: unknown };
      return !Array.isArray(sources) || sources.every(Number.isSafeInteger);
    } catch {
      return false;
    }
  });
}

export function recomputeApprovedPeriods(
  sqlite: Database.Database,
  sink: RecomputeSink,
  salesLines?: SalesLinesRead,
): RecomputeCounts {
  const counts: RecomputeCounts = {
    periodsRecomputed: 0,
    participantsCompared: 0,
    linesCompared: 0,
    payoutsCompared: 0,
  };
  const approvals = approvalsOf(sqlite);
  const progress = progressEvery('recomputing', approvals.length, 1);
  let ledgerSums: Map<Approval, LedgerSums> | undefined;
  try {
    ledgerSums = ledgerSumsInOnePass(sqlite, approvals);
  } catch {
    // A ledger that cannot be summed so (a column gone): each approval queries it and reports what fails, as before.
    ledgerSums = undefined;
  }
  const volumes: Volumes = new Map();
  let done = 0;
  for (const approval of approvals) {
    try {
      recomputeOne(sqlite, approval, sink, counts, ledgerSums?.get(approval), volumes, salesLines);
    } catch (error) {
      sink.failed(approval.period, (error as Error).message);
    }
    progress(++done);
  }
  return counts;
}

/** The data as it stood at the approval: what was sealed before the seal of its period event. */
function cutOf(sqlite: Database.Database, approval: Approval): Cut {
  const seal = approvalSeal(sqlite, approval.eventId);
  const details = JSON.parse(approval.details) as { ledgerHead?: { id?: number } };
  return {
    batches: sealedUpTo(sqlite, 'import_batches', seal),
    participantChanges: sealedUpTo(sqlite, 'participant_changes', seal),
    productChanges: sealedUpTo(sqlite, 'product_changes', seal),
    ledger:
      typeof details.ledgerHead?.id === 'number' ? details.ledgerHead.id : sealedUpTo(sqlite, 'ledger_entries', seal),
  };
}

/** Each participant's carry into the approved period and adjustments in it, up to the approval's ledger head. */
interface LedgerSums {
  carry: Map<string, number>;
  adjustments: Map<string, number>;
}

/**
 * The carries and adjustments of every approval from one pass over the ledger, instead of a query per approval over
 * every earlier period (a year's ledger read about six times over). The ledger is summed by program, participant,
 * period, adjustment or not, and the span between two approvals' cuts it falls in; each approval then adds the sums
 * of the spans up to its cut, of its program, and of the periods SQLite itself orders before (or, for adjustments,
 * as) the approval's, so that the comparisons are the queries' own. Undefined, and each approval queries as before,
 * when a cut is not an entry id (a file without seals or a head noted oddly).
 */
function ledgerSumsInOnePass(
  sqlite: Database.Database,
  approvals: readonly Approval[],
): Map<Approval, LedgerSums> | undefined {
  const cuts = new Map<Approval, number>();
  for (const approval of approvals) {
    let cut: number;
    try {
      cut = cutOf(sqlite, approval).ledger;
    } catch {
      continue; // recomputeOne reports it.
    }
    if (!Number.isSafeInteger(cut)) return undefined;
    cuts.set(approval, cut);
  }
  const bounds = [...new Set(cuts.values())].sort((x, y) => x - y);
  if (bounds.length === 0) return new Map();
  // span i holds the ids above bounds[i - 1] up to bounds[i]; the last one the ids above every cut, which no sum needs.
  const span = `CASE ${bounds.map((b, i) => `WHEN id <= ${b} THEN ${i}`).join(' ')} ELSE ${bounds.length} END`;
  const groups = sqlite
    .prepare(
      `SELECT program_id, participant_code, period, kind = 'adjustment' AND corrects_period IS NULL, ${span} AS span,
              SUM(points)
       FROM ledger_entries WHERE id <= ? GROUP BY 1, 2, 3, 4, 5`,
    )
    .raw()
    .all(bounds[bounds.length - 1]) as [number, string, unknown, number, number, number][];
  const compare = sqlite.prepare('SELECT ? < ?, ? = ?').raw();
  const orders = new Map<unknown, Map<string, [number, number]>>();
  const order = (value: unknown, period: string): [number, number] => {
    let byPeriod = orders.get(value);
    if (!byPeriod) orders.set(value, (byPeriod = new Map()));
    let found = byPeriod.get(period);
    if (!found) byPeriod.set(period, (found = compare.get(value, period, value, period) as [number, number]));
    return found;
  };
  const result = new Map<Approval, LedgerSums>();
  for (const [approval, cut] of cuts) {
    const last = bounds.indexOf(cut);
    const sums: LedgerSums = { carry: new Map(), adjustments: new Map() };
    for (const [programId, code, period, adjustment, spanOf, points] of groups) {
      if (programId !== approval.programId || spanOf > last) continue;
      const [before, same] = order(period, approval.period);
      if (before === 1) sums.carry.set(code, (sums.carry.get(code) ?? 0) + points);
      if (same === 1 && adjustment === 1) sums.adjustments.set(code, (sums.adjustments.get(code) ?? 0) + points);
    }
    result.set(approval, sums);
  }
  return result;
}

function recomputeOne(
  sqlite: Database.Database,
  approval: Approval,
  sink: RecomputeSink,
  counts: RecomputeCounts,
  ledgerSumsOf: LedgerSums | undefined,
  volumes: Volumes,
  salesLines: SalesLinesRead | undefined,
) {
  const { period } = approval;
  const program = sqlite
    .prepare('SELECT first_period, point_value_minor FROM programs WHERE id = ?')
    .raw()
    .get(approval.programId) as [string, number] | undefined;
  if (!program) throw new Error(`the program ${approval.programId} of the approval of ${period} is not there`);
  const rulesJson = sqlite
    .prepare('SELECT rules_json FROM rule_versions WHERE program_id = ? AND version = ?')
    .pluck()
    .get(approval.programId, approval.ruleVersion) as string | undefined;
  if (rulesJson === undefined)
    throw new Error(`version ${approval.ruleVersion} of the rules, which it used, is not there`);
  let rules: Rules;
  try {
    rules = JSON.parse(rulesJson) as Rules;
  } catch (error) {
    throw new Error(`version ${approval.ruleVersion} of the rules is not valid JSON: ${(error as Error).message}`);
  }
  const cut = cutOf(sqlite, approval);
  // The point value the approval used: its rules version's own, or the program's as created where it names none.
  const pointValue = typeof rules.pointValueMinor === 'number' ? rules.pointValueMinor : program[1];
  const input = loadInput(
    sqlite,
    approval,
    { firstPeriod: program[0], pointValueMinor: pointValue },
    rules,
    cut,
    ledgerSumsOf,
    volumes,
    salesLines,
  );
  const score = scorePeriod(input, { keepLines: true });
  counts.periodsRecomputed++;
  const differ: Differ = (participant, field, packaged, recomputed, where) =>
    sink.difference({ period, participant, field, packaged, recomputed, ...(where ?? {}) });

  // The period's totals.
  const totals = sqlite.prepare('SELECT * FROM approved_periods WHERE id = ?').get(approval.id) as Record<
    string,
    Value
  >;
  for (const [key, column] of TOTAL_FIELDS) {
    if (!same(totals[column], score.totals[key]))
      differ(null, column, totals[column] ?? null, score.totals[key], {
        table: 'approved_periods',
        rowId: approval.id,
      });
  }

  // Each participant's row, read as arrays (an object a row costs more) and each column found by its name, the last
  // of a name as in an object.
  const scores = sqlite.prepare('SELECT * FROM approved_scores WHERE approval_id = ?').raw();
  const position = new Map<string, number>();
  scores.columns().forEach((c, i) => position.set(c.name, i));
  const valueOf = (row: Value[], column: string): Value | undefined => {
    const at = position.get(column);
    return at === undefined ? undefined : row[at];
  };
  const approved = new Map(
    (scores.all(approval.id) as Value[][]).map((r) => [String(valueOf(r, 'participant_code')), r]),
  );
  const recomputedRows = new Map(score.rows.map((r) => [r.code, r]));
  for (const [code, row] of recomputedRows) {
    counts.participantsCompared++;
    const was = approved.get(code);
    if (!was) {
      differ(code, 'approved_scores row', null, 'a row');
      continue;
    }
    for (const [key, column] of ROW_FIELDS) {
      const now = row[key] as Value;
      const before = valueOf(was, column);
      if (!same(before, now))
        differ(code, column, before ?? null, now, { table: 'approved_scores', rowId: Number(valueOf(was, 'id')) });
    }
  }
  for (const [code, was] of approved) {
    if (!recomputedRows.has(code))
      differ(code, 'approved_scores row', 'a row', null, {
        table: 'approved_scores',
        rowId: Number(valueOf(was, 'id')),
      });
  }

  // Each line's points: when every one is as approved, nothing is reported, so the count is all there is to do.
  if (approvedLinesMatch(sqlite, approval.id, score.lineScores)) {
    for (const list of score.lineScores.values()) counts.linesCompared += list.length;
  } else compareLines(sqlite, approval.id, score, counts, differ);

  // The ledger entries the approval posted, per participant and kind; what it redeemed is what it paid.
  const paid = (
    sqlite
      .prepare(
        'SELECT participant_code, paid_points FROM approved_scores WHERE approval_id = ? AND paid_points > 0 ORDER BY id',
      )
      .raw()
      .all(approval.id) as [string, number][]
  ).map(([code, points]) => ({ code, points }));
  const corrections: LateCorrection[] = (
    sqlite
      .prepare('SELECT corrects_period, participant_code, points FROM approved_corrections WHERE approval_id = ?')
      .raw()
      .all(approval.id) as [string, string, number][]
  ).map(([correctsPeriod, participantCode, points]) => ({
    correctsPeriod,
    participantCode,
    points,
    settledBatches: [],
    currentBatches: [],
  }));
  const keyOf = (code: string, kind: string) => `${code}\u0000${kind}`;
  // A period posts about a draft a line: each is added to its participant's and kind's sum through Maps of the code and
  // the kind rather than a string key made for it, in the drafts' order, so the sums and their order are as before.
  const sumsOf = new Map<string, Map<string, { points: number }>>();
  const drafted: [string, string, { points: number }][] = [];
  let lastCode: string | undefined;
  let kinds: Map<string, { points: number }> | undefined;
  ledgerDraftPoints(score, corrections, paid, (code, kind, points) => {
    if (kinds === undefined || code !== lastCode) {
      lastCode = code;
      kinds = sumsOf.get(lastCode);
      if (!kinds) sumsOf.set(lastCode, (kinds = new Map()));
    }
    let sum = kinds.get(kind);
    if (!sum) {
      kinds.set(kind, (sum = { points: 0 }));
      drafted.push([code, kind, sum]);
    }
    sum.points += points;
  });
  const expected = new Map<string, number>();
  for (const [code, kind, sum] of drafted)
    expected.set(keyOf(code, kind), (expected.get(keyOf(code, kind)) ?? 0) + sum.points);
  const posted = new Map<string, number>();
  for (const [code, kind, points] of sqlite
    .prepare(
      `SELECT participant_code, kind, SUM(points) FROM ledger_entries WHERE program_id = ? AND period = ? AND id <= ?
         AND (kind IN ${POSTED_KINDS} OR (kind = 'adjustment' AND corrects_period IS NOT NULL))
       GROUP BY participant_code, kind`,
    )
    .raw()
    .iterate(approval.programId, period, cut.ledger) as IterableIterator<[string, string, number]>) {
    posted.set(keyOf(code, kind), points);
  }
  for (const key of new Set([...expected.keys(), ...posted.keys()])) {
    const [code, kind] = key.split('\u0000') as [string, string];
    const was = posted.get(key) ?? 0;
    const now = expected.get(key) ?? 0;
    if (was !== now) differ(code, `ledger ${kind} points`, was, now);
  }

  // The payouts it made: the points the approval paid, at the point value.
  const payouts = sqlite
    .prepare(
      'SELECT id, participant_code, points, amount_minor FROM payouts WHERE program_id = ? AND period = ? ORDER BY id',
    )
    .raw()
    .all(approval.programId, period) as [number, string, number, number][];
  const paidBy = new Map(paid.map((p) => [p.code, p.points]));
  const seen = new Set<string>();
  for (const [id, code, points, amount] of payouts) {
    counts.payoutsCompared++;
    seen.add(code);
    const where = { table: 'payouts', rowId: id };
    const approvedPoints = paidBy.get(code);
    if (approvedPoints === undefined) differ(code, 'payouts row', 'a top-up', null, where);
    else if (!same(points, approvedPoints)) differ(code, 'payouts points', points, approvedPoints, where);
    const due = approvedPoints ?? points;
    if (!same(amount, due * pointValue)) differ(code, 'payouts amount_minor', amount, due * pointValue, where);
  }
  for (const { code, points } of paid) if (!seen.has(code)) differ(code, 'payouts row', null, points);
}

type Differ = (
  participant: string | null,
  field: string,
  packaged: Value,
  recomputed: Value,
  where?: { table: string; rowId: number },
) => void;

/** Each line's points compared one by one, each difference named, in the order of the recomputed lines. */
function compareLines(
  sqlite: Database.Database,
  approvalId: number,
  score: PeriodScore,
  counts: RecomputeCounts,
  differ: Differ,
) {
  const lines = new Map<number, [number, string, string, number, number]>();
  for (const r of sqlite
    .prepare(
      'SELECT sales_line_id, id, participant_code, rule, points, campaign_points FROM approved_lines WHERE approval_id = ?',
    )
    .raw()
    .iterate(approvalId) as IterableIterator<[number, number, string, string, number, number]>) {
    lines.set(r[0], [r[1], r[2], r[3], r[4], r[5]]);
  }
  for (const [code, list] of score.lineScores) {
    for (const ls of list) {
      counts.linesCompared++;
      const was = lines.get(ls.line.id);
      if (!was) {
        differ(code, `approved_lines line ${ls.line.id}`, null, ls.points);
        continue;
      }
      lines.delete(ls.line.id);
      const where = { table: 'approved_lines', rowId: was[0] };
      if (was[1] !== code) differ(code, `line ${ls.line.id} participant_code`, was[1], code, where);
      if (was[2] !== ls.rule) differ(code, `line ${ls.line.id} rule`, was[2], ls.rule, where);
      if (!same(was[3], ls.points)) differ(code, `line ${ls.line.id} points`, was[3], ls.points, where);
      if (!same(was[4], ls.campaignPoints))
        differ(code, `line ${ls.line.id} campaign_points`, was[4], ls.campaignPoints, where);
    }
  }
  for (const [lineId, was] of lines)
    differ(was[1], `line ${lineId}`, was[3], null, { table: 'approved_lines', rowId: was[0] });
}
