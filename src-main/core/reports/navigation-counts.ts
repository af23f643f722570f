// The counts the navigation carries: findings still open in the open periods (Verification) and top-ups exported
// and waiting for the issuer's or bank's confirmation (Payouts).
import type { CoreContext } from '../context';
import { readSnapshot } from '../scoring/draft-cache';
import { getProgram } from '../program/program-store';
import { listPeriods } from '../scoring/list-periods';
import { isLocked } from '../periods/period-states';
import { openPeriodDraft } from './open-period-findings';

import type { NavigationCounts } from './dashboard-views';

export type { NavigationCounts } from './dashboard-views';

export function navigationCounts(ctx: CoreContext): NavigationCounts {
  return readSnapshot(ctx.store.sqlite, (): NavigationCounts => {
    const program = getProgram(ctx);
    if (!program) return { openFindings: 0, waitingTopUps: 0 };
    let openFindings = 0;
    for (const p of listPeriods(ctx))
      if (!isLocked(p.state) && p.salesBatches > 0)
        openFindings += openPeriodDraft(ctx, program, p.period).openFindings;
    // A top-up's status is its latest event; exported and nothing since is waiting.
    const waiting = ctx.store.sqlite
      .prepare(
        `SELECT COUNT(*) AS n FROM payouts p WHERE p.program_id = ? AND
           (SELECT e.event FROM payout_events e WHERE e.payout_id = p.id ORDER BY e.id DESC LIMIT 1) = 'exported'`,
      )
      .get(program.id) as { n: number };
    return { openFindings, waitingTopUps: waiting.n };
  });
}
