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

export function loadLineDecisions(sqlite: Database.Database, programId: number, period: string): LineDecisions {
  const rows = sqlite
    .prepare(
      `SELECT action, participant_code, target_minor, line_ids_json FROM verification_decisions
       WHERE program_id = ? AND period = ? AND action IN ('assign', 'exclude', 'setTarget') ORDER BY id`,
    )
    .raw()
    .all(programId, period) as [
    Decision['action'],
    Decision['participantCode'],
    Decision['targetMinor'],
    Decision['lineIdsJson'],
  ][];
  const decisions: LineDecisions = { assigned: new Map(), excluded: new Set(), targets: new Map() };
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
