import { operatorLog } from '../../db/schema';
import { nowIso, type CoreContext } from '../context';

/** Records an operator decision: who, what, on what, why, when. Call inside the decision's transaction. */
export function recordDecision(
  ctx: CoreContext,
  action: string,
  subject: string | null,
  reason: string | null,
  details: Record<string, unknown> = {},
): void {
  ctx.store.db
    .insert(operatorLog)
    .values({ at: nowIso(ctx), actor: ctx.actor, action, subject, reason, detailsJson: JSON.stringify(details) })
    .run();
}
