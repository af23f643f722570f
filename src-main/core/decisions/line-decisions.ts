// What the coordinator decided about a period's lines and targets, as scoring applies it: the
// latest decision on a line wins (a line assigned, then excluded, is excluded).
import type Database from 'better-sqlite3';
import type { RowOf } from '../../db/row-types';
import type { salesLines, verificationDecisions } from '../../db/schema';
import type { ScoringLine } from '../sales/scoring-line';

type Decision = RowOf<typeof verificationDecisions>;
type Line = RowOf<typeof salesLines>;

export interface LineDecisions {
  assigned: Map<number, string>;
  excluded: Set<number>;
  targets: Map<string, number>;
}

const remembers = new WeakMap<Database.Database, boolean>();

/**
 * Whether the file has the withdrawals and standing decisions of migration 0013. A schema from
 * before it (what the tests keep of the previous versions' files, approved by their code) has
 * neither: nothing was withdrawn and nothing stands.
 */
export function hasStandingTables(sqlite: Database.Database): boolean {
  let known = remembers.get(sqlite);
  if (known === undefined) {
    known =
      sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'standing_decision_ends'").get() !==
      undefined;
    remembers.set(sqlite, known);
  }
  return known;
}

export function loadLineDecisions(sqlite: Database.Database, programId: number, period: string): LineDecisions {
  const remembered = hasStandingTables(sqlite);
  const rows = sqlite
    .prepare(
      `SELECT action, participant_code, target_minor, line_ids_json FROM verification_decisions d
       WHERE program_id = ? AND period = ? AND action IN ('assign', 'exclude', 'setTarget')
         ${remembered ? 'AND NOT EXISTS (SELECT 1 FROM decision_withdrawals w WHERE w.decision_id = d.id)' : ''}
       ORDER BY id`,
    )
    .raw()
    .all(programId, period) as [
    Decision['action'],
    Decision['participantCode'],
    Decision['targetMinor'],
    Decision['lineIdsJson'],
  ][];
  const decisions: LineDecisions = { assigned: new Map(), excluded: new Set(), targets: new Map() };
  // Standing rules come first, so that a decision taken in the period itself overrides them.
  for (const rule of standingRulesInForce(sqlite, programId, period)) {
    if (rule.action === 'accept') continue;
    for (const id of linesUnderCode(sqlite, programId, period, rule.code)) {
      if (rule.action === 'exclude') decisions.excluded.add(id);
      else if (rule.participantCode !== null) decisions.assigned.set(id, rule.participantCode);
    }
  }
  for (const [action, code, target, lineIds] of rows) {
    if (action === 'setTarget') {
      if (code !== null && target !== null) decisions.targets.set(code, target);
      continue;
    }
    for (const id of JSON.parse(lineIds) as number[]) {
      if (action === 'exclude') {
        decisions.excluded.add(id);
        decisions.assigned.delete(id);
      } else if (code !== null) {
        decisions.assigned.set(id, code);
        decisions.excluded.delete(id);
      }
    }
  }
  return decisions;
}

export interface StandingRuleInForce {
  id: number;
  anomalyKey: string;
  /** The participant code the finding is about (UNKNOWN_PARTICIPANT:code), when it is one. */
  code: string;
  action: 'assign' | 'exclude' | 'accept';
  participantCode: string | null;
  reason: string;
  at: string;
  actor: string;
}

/**
 * The standing decisions that hold in a period: from their first period on, up to their own last
 * period or the one they were ended after, whichever comes first.
 */
export function standingRulesInForce(
  sqlite: Database.Database,
  programId: number,
  period: string,
): StandingRuleInForce[] {
  if (!hasStandingTables(sqlite)) return [];
  const rows = sqlite
    .prepare(
      `SELECT s.id, s.anomaly_key AS anomalyKey, s.action, s.participant_code AS participantCode, s.reason, s.at, s.actor
       FROM standing_decisions s LEFT JOIN standing_decision_ends e ON e.standing_id = s.id
       WHERE s.program_id = ? AND s.from_period <= ? AND (s.until_period IS NULL OR s.until_period >= ?)
         AND (e.last_period IS NULL OR e.last_period >= ?) ORDER BY s.id`,
    )
    .all(programId, period, period, period) as Omit<StandingRuleInForce, 'code'>[];
  return rows.map((r) => ({ ...r, code: r.anomalyKey.slice(r.anomalyKey.indexOf(':') + 1) }));
}

/** The period's current lines (superseded files left out) filed under a participant code. */
export function linesUnderCode(sqlite: Database.Database, programId: number, period: string, code: string): number[] {
  return sqlite
    .prepare(
      `SELECT s.id FROM sales_lines s JOIN import_batches b ON b.id = s.batch_id
         WHERE s.program_id = ? AND s.period = ? AND s.participant_code = ? AND b.superseded_by IS NULL`,
    )
    .pluck()
    .all(programId, period, code) as number[];
}

function hasLineDecisions(d: LineDecisions): boolean {
  return d.assigned.size > 0 || d.excluded.size > 0;
}

/** The lines as scoring sees them: excluded ones left out, assigned ones under their new participant. */
export function applyLineDecisions(lines: ScoringLine[], d: LineDecisions): ScoringLine[] {
  if (!hasLineDecisions(d)) return lines;
  const out: ScoringLine[] = [];
  for (const line of lines) {
    if (d.excluded.has(line.id)) continue;
    const code = d.assigned.get(line.id);
    out.push(code === undefined ? line : { ...line, participantCode: code });
  }
  return out;
}

/** Moves the net value of decided lines in volumes summed by SQL from the stored participant codes. */
export function adjustVolumes(
  sqlite: Database.Database,
  volumes: Map<string, number>,
  d: LineDecisions,
): Map<string, number> {
  if (!hasLineDecisions(d)) return volumes;
  const ids = [...new Set([...d.assigned.keys(), ...d.excluded])];
  const rows = sqlite
    .prepare('SELECT id, participant_code, net_minor FROM sales_lines WHERE id IN (SELECT value FROM json_each(?))')
    .raw()
    .all(JSON.stringify(ids)) as [Line['id'], Line['participantCode'], Line['netMinor']][];
  for (const [id, code, net] of rows) {
    volumes.set(code, (volumes.get(code) ?? 0) - net);
    const to = d.assigned.get(id);
    if (to !== undefined) volumes.set(to, (volumes.get(to) ?? 0) + net);
  }
  return volumes;
}
