// A period's state is that of its latest event: open -> calculated -> approved -> exported ->
// closed. Approved and later are locked: nothing about the period changes any more.
import type { PeriodEventRow, StoredRowOf } from '../../db/row-types';
import type { PeriodState, periodEvents as periodEventsTable } from '../../db/schema';
import { nowIso, type CoreContext } from '../context';

const LOCKED_STATES: readonly PeriodState[] = ['approved', 'exported', 'closed'];

export function isLocked(state: PeriodState): boolean {
  return LOCKED_STATES.includes(state);
}

/** A period event (period_events, db/schema.ts) with its details read from their JSON. */
export type PeriodEvent = Pick<
  PeriodEventRow,
  'id' | 'period' | 'state' | 'ruleVersion' | 'reason' | 'at' | 'actor'
> & {
  details: Record<string, unknown>;
};
type EventRow = StoredRowOf<typeof periodEventsTable>;
function eventOf(row: EventRow): PeriodEvent {
  return {
    id: row.id,
    period: row.period,
    state: row.state,
    ruleVersion: row.rule_version,
    reason: row.reason,
    details: JSON.parse(row.details_json) as Record<string, unknown>,
    at: row.at,
    actor: row.actor,
  };
}

export function periodEvents(ctx: CoreContext, programId: number, period?: string): PeriodEvent[] {
  const rows = (
    period === undefined
      ? ctx.store.sqlite.prepare('SELECT * FROM period_events WHERE program_id = ? ORDER BY id').all(programId)
      : ctx.store.sqlite
          .prepare('SELECT * FROM period_events WHERE program_id = ? AND period = ? ORDER BY id')
          .all(programId, period)
  ) as EventRow[];
  return rows.map(eventOf);
}

export function latestEvent(
  ctx: CoreContext,
  programId: number,
  period: string,
  state?: PeriodState,
): PeriodEvent | null {
  const row = (
    state === undefined
      ? ctx.store.sqlite
          .prepare('SELECT * FROM period_events WHERE program_id = ? AND period = ? ORDER BY id DESC LIMIT 1')
          .get(programId, period)
      : ctx.store.sqlite
          .prepare(
            'SELECT * FROM period_events WHERE program_id = ? AND period = ? AND state = ? ORDER BY id DESC LIMIT 1',
          )
          .get(programId, period, state)
  ) as EventRow | undefined;
  return row ? eventOf(row) : null;
}

export function periodState(ctx: CoreContext, programId: number, period: string): PeriodState {
  const row = ctx.store.sqlite
    .prepare('SELECT state FROM period_events WHERE program_id = ? AND period = ? ORDER BY id DESC LIMIT 1')
    .get(programId, period) as { state: PeriodState } | undefined;
  return row?.state ?? 'open';
}

/** Each period's current state, for the periods that have events (an approval's snapshot is not read). */
export function periodStates(ctx: CoreContext, programId: number): Map<string, PeriodState> {
  const rows = ctx.store.sqlite
    .prepare(
      'SELECT period, state FROM period_events WHERE id IN (SELECT MAX(id) FROM period_events WHERE program_id = ? GROUP BY period)',
    )
    .raw()
    .all(programId) as [string, PeriodState][];
  return new Map(rows);
}

export function recordPeriodEvent(
  ctx: CoreContext,
  programId: number,
  period: string,
  state: PeriodState,
  ruleVersion: number,
  details: Record<string, unknown>,
  reason: string | null = null,
): void {
  ctx.store.sqlite
    .prepare(
      'INSERT INTO period_events (program_id, period, state, rule_version, reason, details_json, at, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(programId, period, state, ruleVersion, reason, JSON.stringify(details), nowIso(ctx), ctx.actor);
}
