// The periods of a program as the coordinator sees them: from the first period to the latest
// one with sales or events, each with its state, its sales and when it last changed.
import type { PeriodSummary } from './scoring-views';
import type { CoreContext } from '../context';
import { requireProgram } from '../program/program-store';
import { nextPeriod } from '../periods/period';
import { periodEvents } from '../periods/period-states';

export function listPeriods(ctx: CoreContext): PeriodSummary[] {
  const program = requireProgram(ctx);
  const sales = new Map(
    (
      ctx.store.sqlite
        .prepare(
          "SELECT period, COUNT(*), SUM(accepted) FROM import_batches WHERE program_id = ? AND kind = 'sales' AND superseded_by IS NULL GROUP BY period",
        )
        .raw()
        .all(program.id) as [string, number, number][]
    ).map(([period, batches, lines]) => [period, { batches, lines }]),
  );
  const events = periodEvents(ctx, program.id);
  const last = new Map(events.map((e) => [e.period, e]));
  const known = [...sales.keys(), ...last.keys()].filter((p) => p >= program.firstPeriod).sort();
  const end = known[known.length - 1] ?? program.firstPeriod;
  const out: PeriodSummary[] = [];
  for (let p = program.firstPeriod; p <= end; p = nextPeriod(p)) {
    const event = last.get(p);
    out.push({
      period: p,
      state: event?.state ?? 'open',
      salesBatches: sales.get(p)?.batches ?? 0,
      salesLines: sales.get(p)?.lines ?? 0,
      rulesVersion: event?.ruleVersion ?? null,
      lastChangeAt: event?.at ?? null,
      lastChangeBy: event?.actor ?? null,
    });
  }
  return out.reverse();
}
