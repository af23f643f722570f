// Scoring the open periods ahead of the screens: the host that answers the Scoring screen does this once it has
// opened the file, so that the screen's first visit finds the draft kept (draft-cache) instead of scoring 100,000
// lines while the coordinator waits.
import type { CoreContext } from '../context';
import { isLocked } from '../periods/period-states';
import { getProgram } from '../program/program-store';
import { listPeriods } from './list-periods';
import { periodResult } from './period-score';

/** The current open period and the one before: what the screens open first. */
const WARMED_PERIODS = 2;

/** Scores the newest open periods with sales; reads only, and nothing is kept once the file is written to. */
export function warmOpenDrafts(ctx: CoreContext): string[] {
  if (!getProgram(ctx)) return [];
  const open = listPeriods(ctx)
    .filter((p) => !isLocked(p.state) && p.salesBatches > 0)
    .map((p) => p.period)
    .sort()
    .slice(-WARMED_PERIODS);
  for (const period of open) periodResult(ctx, period);
  return open;
}
