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

/** The rules a line can be scored by, as the query numbers them; any other text is -1 there and no match here. */
const RULES = new Map<string, number>([
  ['baseRate', 0],
  ['productRate', 1],
  ['notPromoted', 2],
  ['unknownSku', 3],
]);

type Group = [
  code: unknown,
  count: number,
  odd: number | null,
  ids: string,
  rules: string,
  points: string,
  campaign: string,
];

export function approvedLinesMatch(
  sqlite: Database.Database,
  approvalId: number,
  lineScores: ReadonlyMap<string, readonly LineScore[]>,
): boolean {
  let groups: Group[];
  try {
    // One pass over the table, a row per participant (so each code is read once, as stored) with the other columns as
    // JSON arrays: exact for integers, which only is let through (JSON would write a REAL with 15 digits).
    groups = sqlite
      .prepare(
        `SELECT participant_code, COUNT(*),
                SUM(typeof(sales_line_id) <> 'integer' OR typeof(participant_code) <> 'text' OR typeof(rule) <> 'text'
                    OR typeof(points) <> 'integer' OR typeof(campaign_points) <> 'integer'),
                json_group_array(sales_line_id),
                json_group_array(CASE rule WHEN 'baseRate' THEN 0 WHEN 'productRate' THEN 1 WHEN 'notPromoted' THEN 2
                                           WHEN 'unknownSku' THEN 3 ELSE -1 END),
                json_group_array(points), json_group_array(campaign_points)
         FROM approved_lines WHERE approval_id = ? GROUP BY participant_code`,
      )
      .raw()
      .all(approvalId) as Group[];
  } catch {
    return false;
  }

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
  let count = 0;
  for (const group of groups) {
    if (group[2] !== null && group[2] !== 0) return false;
    count += group[1];
  }
  if (lines !== count) return false;
  if (lines === 0) return true;

  // Every approved line in one numbering: its participant (its group), rule, points and campaign points by that number.
  // The points are whole numbers (integers only are let through), which a Float64Array holds as they are.
  const groupOf = new Int32Array(count);
  const rules = new Int8Array(count);
  const points = new Float64Array(count);
  const campaignPoints = new Float64Array(count);
  // Where each approved line is in that numbering, by sales line id, plus one (zero: none, or already matched).
  const spread = max - min + 1;
  const dense = spread <= DENSE_SPREAD * lines + DENSE_MARGIN ? new Int32Array(spread) : null;
  const sparse = dense ? null : new Map<number, number>();
  let at = 0;
  for (let g = 0; g < groups.length; g++) {
    const [, n, , idsJson, rulesJson, pointsJson, campaignJson] = groups[g]!;
    const ids = JSON.parse(idsJson) as unknown[];
    const groupRules = JSON.parse(rulesJson) as unknown[];
    const groupPoints = JSON.parse(pointsJson) as unknown[];
    const groupCampaign = JSON.parse(campaignJson) as unknown[];
    if (ids.length !== n || groupRules.length !== n || groupPoints.length !== n || groupCampaign.length !== n)
      return false;
    for (let j = 0; j < n; j++, at++) {
      const id = ids[j];
      const linePoints = groupPoints[j];
      const lineCampaign = groupCampaign[j];
      if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < min || id > max) return false;
      if (typeof linePoints !== 'number' || typeof lineCampaign !== 'number') return false;
      if (dense) {
        if (dense[id - min] !== 0) return false;
        dense[id - min] = at + 1;
      } else {
        if (sparse!.has(id)) return false;
        sparse!.set(id, at + 1);
      }
      groupOf[at] = g;
      rules[at] = groupRules[j] as number;
      points[at] = linePoints;
      campaignPoints[at] = lineCampaign;
    }
  }
  for (const [code, list] of lineScores) {
    for (const ls of list) {
      const id = ls.line.id;
      let found: number;
      if (dense) {
        found = dense[id - min]! - 1;
        dense[id - min] = 0;
      } else {
        found = (sparse!.get(id) ?? 0) - 1;
        sparse!.delete(id);
      }
      if (found < 0) return false;
      const rule = RULES.get(ls.rule);
      if (
        rule === undefined ||
        groups[groupOf[found]!]![0] !== code ||
        rules[found] !== rule ||
        points[found] !== ls.points ||
        campaignPoints[found] !== ls.campaignPoints
      )
        return false;
    }
  }
  return true;
}
