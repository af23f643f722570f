// The operator log as the Audit screen reads it: newest first, a page at a time, filtered by what was done, by whom,
// by words in its subject or reason, and by date; with the heads of the ledger and seal chains at that moment, so that
// what the screen shows and the anchor it offers are of one read.
import type { CoreContext } from '../context';
import { ledgerHead } from '../ledger/append-ledger';
import { sealHead } from '../../db/record-seals';
import type { LogDetailValue, OperatorLogEntry, OperatorLogFilter, OperatorLogPage } from './operator-log-types';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 500;

function flatDetails(json: string): Record<string, LogDetailValue> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    // A log written by another tool with text that is not JSON is shown as it is, not hidden.
    return { details: json };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return { details: json };
  const out: Record<string, LogDetailValue> = {};
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>))
    out[key] =
      value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? value
        : JSON.stringify(value);
  return out;
}

/** `%`, `_` and `\` taken literally in a LIKE pattern. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export function operatorLogPage(ctx: CoreContext, filter: OperatorLogFilter = {}): OperatorLogPage {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.action) {
    where.push("(action = ? OR action LIKE ? ESCAPE '\\')");
    params.push(filter.action, `${likeLiteral(filter.action)}.%`);
  }
  if (filter.actor) {
    where.push('actor = ?');
    params.push(filter.actor);
  }
  const text = filter.text?.trim();
  if (text) {
    where.push("(subject LIKE ? ESCAPE '\\' OR reason LIKE ? ESCAPE '\\')");
    params.push(`%${likeLiteral(text)}%`, `%${likeLiteral(text)}%`);
  }
  if (filter.from) {
    where.push('at >= ?');
    params.push(filter.from);
  }
  if (filter.to) {
    // `at` is an ISO instant: every instant of the last day sorts before the next day's date.
    where.push('at < ?');
    params.push(`${filter.to}\uffff`);
  }
  const matchingWhere = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const pageWhere = [...where, ...(filter.beforeId !== undefined ? ['id < ?'] : [])];
  const pageParams = [...params, ...(filter.beforeId !== undefined ? [filter.beforeId] : [])];
  const limit = Math.min(Math.max(filter.limit ?? DEFAULT_LIMIT, 1), MAX_LIMIT);
  const sqlite = ctx.store.sqlite;
  const read = sqlite.transaction((): OperatorLogPage => {
    const rows = sqlite
      .prepare(
        `SELECT id, at, actor, action, subject, reason, details_json AS details FROM operator_log
          ${pageWhere.length ? `WHERE ${pageWhere.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
      )
      .all(...pageParams, limit + 1) as (Omit<OperatorLogEntry, 'details'> & { details: string })[];
    const matching = sqlite
      .prepare(`SELECT COUNT(*) FROM operator_log ${matchingWhere}`)
      .pluck()
      .get(...params);
    const distinct = (column: 'action' | 'actor') =>
      sqlite.prepare(`SELECT DISTINCT ${column} FROM operator_log ORDER BY 1`).pluck().all() as string[];
    return {
      entries: rows.slice(0, limit).map((r) => ({ ...r, details: flatDetails(r.details) })),
      matching: matching as number,
      hasMore: rows.length > limit,
      actions: distinct('action'),
      actors: distinct('actor'),
      heads: { ledger: ledgerHead(sqlite), seal: sealHead(sqlite) },
    };
  });
  return read.deferred();
}
