import { desc, eq } from 'drizzle-orm';
import { importBatches } from '../../../db/schema';
import type { CoreContext } from '../../context';
import type { ImportBatchView } from '../report/import-report';

export function listImportBatches(ctx: CoreContext, programId: number, limit = 200): ImportBatchView[] {
  return ctx.store.db
    .select({
      id: importBatches.id,
      kind: importBatches.kind,
      fileName: importBatches.fileName,
      fileSize: importBatches.fileSize,
      sha256: importBatches.sha256,
      sheet: importBatches.sheet,
      rowsRead: importBatches.rowsRead,
      accepted: importBatches.accepted,
      rejected: importBatches.rejected,
      skipped: importBatches.skipped,
      createdAt: importBatches.createdAt,
      createdBy: importBatches.createdBy,
      period: importBatches.period,
      supersededBy: importBatches.supersededBy,
    })
    .from(importBatches)
    .where(eq(importBatches.programId, programId))
    .orderBy(desc(importBatches.id))
    .limit(limit)
    .all();
}
