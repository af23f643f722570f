import { eq } from 'drizzle-orm';
import { settings } from '../../db/schema';
import type { CoreContext } from '../context';

export function readSetting(ctx: CoreContext, key: string): string | null {
  const row = ctx.store.db.select().from(settings).where(eq(settings.key, key)).get();
  return row?.value ?? null;
}

export function writeSetting(ctx: CoreContext, key: string, value: string): void {
  ctx.store.db
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value } })
    .run();
}
