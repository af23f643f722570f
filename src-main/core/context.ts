import type { Store } from '../db/open-database';

/**
 * What every core function needs: the open store, who is acting (recorded with every
 * decision) and a clock (fixed in tests, so that records are predictable).
 */
export interface CoreContext {
  store: Store;
  actor: string;
  now: () => Date;
}

export function nowIso(ctx: CoreContext): string {
  return ctx.now().toISOString();
}
