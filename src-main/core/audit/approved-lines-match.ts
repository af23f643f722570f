// Whether an approval's approved_lines hold exactly the lines a recomputation scored, each with the same participant,
// rule, points and campaign points: the common case of an audit, decided without a row object or a Map entry for each
// of a period's hundred thousand lines (reading them one row at a time costs several times what scoring them does).
// Only a certain yes counts: anything odd (a value of another type than the app writes, a line twice, a line missing or
// extra, a column that cannot be read) is a no, and the caller then compares line by line and names each difference.
import type Database from 'better-sqlite3';
import type { LineScore } from '../scoring/score-types';

/** Ids spread wider than this many times the lines (and a margin) are indexed by a Map rather than an array. */
const DENSE_SPREAD = 8;
const DENSE_MARGIN = 65_536;

export function approvedLinesMatch(
  sqlite: Database.Database,
  approvalId: number,
  lineScores: ReadonlyMap<string, readonly LineScore[]>,
): boolean {
  let columns: [number, number | null, string, string, string, string, string];
  try {
    // One pass over the table, every column as one JSON array: exact for integers and text (the only types let
    // through), which a REAL would not be (JSON writes it with 15 digits).
    columns = sqlite
      .prepare(
        `SELECT COUNT(*),
                SUM(typeof(sales_line_id) <> 'integer' OR typeof(participant_code) <> 'text' OR typeof(rule) <> 'text'
                    OR typeof(points) <> 'integer' OR typeof(campaign_points) <> 'integer'),
                json_group_array(sales_line_id), json_group_array(participant_code), json_group_array(rule),
                json_group_array(points), json_group_array(campaign_points)
         FROM approved_lines WHERE approval_id = ?`,
      )
      .raw()
      .get(approvalId) as typeof columns;
  } catch {
    return false;
  }
  const [count, odd] = columns;
  if (odd !== null && odd !== 0) return false;

  let lines = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const list of lineScores.values()) {
    for (const ls of list) {
      const id = ls.line.id;
      if (!Number.isSafeInteger(id)) return false;
      if (id < min) min = id;
      if (id > max) max = id;
      lines++;
    }
  }
  if (lines !== count) return false;
  if (lines === 0) return true;

  const ids = JSON.parse(columns[2]) as unknown[];
  const codes = JSON.parse(columns[3]) as unknown[];
  const rules = JSON.parse(columns[4]) as unknown[];
  const points = JSON.parse(columns[5]) as unknown[];
  const campaignPoints = JSON.parse(columns[6]) as unknown[];
  if ([ids, codes, rules, points, campaignPoints].some((c) => c.length !== count)) return false;

  // Where each approved line's row is, by sales line id, plus one (zero: none, or already matched).
  const spread = max - min + 1;
  const dense = spread <= DENSE_SPREAD * lines + DENSE_MARGIN ? new Int32Array(spread) : null;
  const sparse = dense ? null : new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const id = ids[i];
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < min || id > max) return false;
    if (dense) {
      if (dense[id - min] !== 0) return false;
      dense[id - min] = i + 1;
    } else {
      if (sparse!.has(id)) return false;
      sparse!.set(id, i + 1);
    }
  }
  for (const [code, list] of lineScores) {
    for (const ls of list) {
      const id = ls.line.id;
      let at: number;
      if (dense) {
        at = dense[id - min]! - 1;
        dense[id - min] = 0;
      } else {
        at = (sparse!.get(id) ?? 0) - 1;
        sparse!.delete(id);
      }
      if (at < 0) return false;
      if (
        codes[at] !== code ||
        rules[at] !== ls.rule ||
        points[at] !== ls.points ||
        campaignPoints[at] !== ls.campaignPoints
      )
        return false;
    }
  }
  return true;
}
