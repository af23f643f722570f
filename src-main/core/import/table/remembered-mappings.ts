// What earlier imports of a kind teach the next one: the mapping that worked for a header
// row (reused when the same header row comes again), and the header row itself (so that a
// renamed, added or dropped column is shown before anything is committed).
import { and, desc, eq, ne } from 'drizzle-orm';
import { importBatches } from '../../../db/schema';
import type { CoreContext } from '../../context';
import { headerSignature } from './header-signature';
import type { RememberedMapping } from '../jobs/import-pipeline';
import type { ImportKind, LayoutChange } from '../report/import-report';
import { normalizeHeader } from './normalize-header';

// Enough to cover every layout a client has sent recently; older layouts are not reused.
const REMEMBERED_BATCHES = 200;

function parseStringArray(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

function parseMapping(json: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}

/** The mappings of committed batches of this kind, one per header row, the latest first. */
export function rememberedMappings(ctx: CoreContext, programId: number, kind: ImportKind): RememberedMapping[] {
  const rows = ctx.store.db
    .select({ id: importBatches.id, mappingJson: importBatches.mappingJson, headersJson: importBatches.headersJson })
    .from(importBatches)
    .where(
      and(eq(importBatches.programId, programId), eq(importBatches.kind, kind), ne(importBatches.headersJson, '[]')),
    )
    .orderBy(desc(importBatches.id))
    .limit(REMEMBERED_BATCHES)
    .all();
  const seen = new Set<string>();
  const remembered: RememberedMapping[] = [];
  for (const row of rows) {
    const headers = parseStringArray(row.headersJson);
    const signature = headerSignature(headers);
    if (headers.length === 0 || seen.has(signature)) continue;
    seen.add(signature);
    remembered.push({ batchId: row.id, headers, mapping: parseMapping(row.mappingJson) });
  }
  return remembered;
}

/** How this header row differs from the last committed file of the kind; null when it does not, or there is none. */
export function layoutChangeSince(
  ctx: CoreContext,
  programId: number,
  kind: ImportKind,
  headers: readonly string[],
): LayoutChange | null {
  const last = ctx.store.db
    .select({ id: importBatches.id, fileName: importBatches.fileName, headersJson: importBatches.headersJson })
    .from(importBatches)
    .where(
      and(eq(importBatches.programId, programId), eq(importBatches.kind, kind), ne(importBatches.headersJson, '[]')),
    )
    .orderBy(desc(importBatches.id))
    .limit(1)
    .get();
  if (!last) return null;
  const previous = parseStringArray(last.headersJson).filter((h) => h !== '');
  const current = headers.filter((h) => h !== '');
  const previousSet = new Set(previous.map(normalizeHeader));
  const currentSet = new Set(current.map(normalizeHeader));
  const added = current.filter((h) => !previousSet.has(normalizeHeader(h)));
  const removed = previous.filter((h) => !currentSet.has(normalizeHeader(h)));
  if (added.length === 0 && removed.length === 0) return null;
  return { previousBatchId: last.id, previousFileName: last.fileName, added, removed };
}
