import { and, asc, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import { importBatches, participantChanges, participants } from '../../../db/schema';
import {
  participantsQuerySchema,
  type ParticipantDetail,
  type ParticipantRow,
  type ParticipantsPage,
  type ParticipantsQuery,
} from './participant-types';
import { AppError } from '../../app-error';
import type { CoreContext } from '../../context';
import { requireProgram } from '../program-store';

const rowColumns = {
  code: participants.code,
  name: participants.name,
  email: participants.email,
  phone: participants.phone,
  region: participants.region,
  joinDate: participants.joinDate,
  cardRef: participants.cardRef,
  iban: participants.iban,
  status: participants.status,
};

/** Escapes LIKE's wildcards so that a search for "R_01" finds that text, not a pattern. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** One page of participants, sorted and filtered in SQL, so that 100,000 rows never cross IPC at once. */
export function listParticipants(ctx: CoreContext, query: ParticipantsQuery): ParticipantsPage {
  const q = participantsQuerySchema.parse(query);
  const program = requireProgram(ctx);
  const conditions: SQL[] = [eq(participants.programId, program.id)];
  if (q.status !== 'all') conditions.push(eq(participants.status, q.status));
  const search = q.search.trim();
  if (search) {
    const pattern = likePattern(search);
    const matches = [
      participants.code,
      participants.name,
      participants.email,
      participants.region,
      participants.cardRef,
    ].map((column) => sql`${column} LIKE ${pattern} ESCAPE '\\'`);
    conditions.push(or(...matches) as SQL);
  }
  const where = and(...conditions);
  const column = rowColumns[q.sort];
  const order = q.direction === 'asc' ? asc(column) : desc(column);
  const total =
    ctx.store.db
      .select({ n: sql<number>`count(*)` })
      .from(participants)
      .where(where)
      .get()?.n ?? 0;
  const rows: ParticipantRow[] = ctx.store.db
    .select(rowColumns)
    .from(participants)
    .where(where)
    .orderBy(order, asc(participants.code))
    .limit(q.limit)
    .offset(q.offset)
    .all();
  return { total, offset: q.offset, rows };
}

export function getParticipant(ctx: CoreContext, code: string): ParticipantDetail {
  const program = requireProgram(ctx);
  const row = ctx.store.db
    .select()
    .from(participants)
    .where(and(eq(participants.programId, program.id), eq(participants.code, code)))
    .get();
  if (!row) throw new AppError('NOT_FOUND', `There is no participant with the code "${code}".`, { code });
  const source =
    row.createdBatchId === null
      ? null
      : ctx.store.db
          .select({ batchId: importBatches.id, fileName: importBatches.fileName })
          .from(importBatches)
          .where(eq(importBatches.id, row.createdBatchId))
          .get();
  const history = ctx.store.db
    .select({
      at: participantChanges.createdAt,
      batchId: participantChanges.batchId,
      fileName: importBatches.fileName,
      row: participantChanges.sourceRow,
      field: participantChanges.field,
      from: participantChanges.oldValue,
      to: participantChanges.newValue,
    })
    .from(participantChanges)
    .innerJoin(importBatches, eq(importBatches.id, participantChanges.batchId))
    .where(eq(participantChanges.participantId, row.id))
    .orderBy(desc(participantChanges.id))
    .all();
  const edits = editsOf(ctx, [...new Set(history.map((h) => h.batchId))]);
  return {
    code: row.code,
    name: row.name,
    email: row.email,
    phone: row.phone,
    region: row.region,
    joinDate: row.joinDate,
    cardRef: row.cardRef,
    iban: row.iban,
    status: row.status,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    source: source ? { ...source, row: row.sourceRow } : null,
    history: history.map((h) => {
      const edit = edits.get(h.batchId);
      return edit ? { ...h, edit } : h;
    }),
  };
}

/** The corrections made in the app among these batches, with who made them and why (edit-participant.ts). */
function editsOf(ctx: CoreContext, batchIds: number[]): Map<number, { by: string; reason: string }> {
  const edits = new Map<number, { by: string; reason: string }>();
  if (batchIds.length === 0) return edits;
  const rows = ctx.store.sqlite
    .prepare(
      `SELECT json_extract(details_json, '$.batchId') AS batchId, actor, reason FROM operator_log
       WHERE action = 'participant.edit' AND json_extract(details_json, '$.batchId') IN (${batchIds.map(() => '?').join(',')})`,
    )
    .all(...batchIds) as { batchId: number; actor: string; reason: string | null }[];
  for (const r of rows) edits.set(r.batchId, { by: r.actor, reason: r.reason ?? '' });
  return edits;
}

export function countParticipants(ctx: CoreContext, programId: number) {
  const row = ctx.store.db
    .select({
      total: sql<number>`count(*)`,
      active: sql<number>`coalesce(sum(case when ${participants.status} = 'active' then 1 else 0 end), 0)`,
      withoutPayoutDestination: sql<number>`coalesce(sum(case when ${participants.cardRef} is null and ${participants.iban} is null then 1 else 0 end), 0)`,
    })
    .from(participants)
    .where(eq(participants.programId, programId))
    .get();
  return {
    total: row?.total ?? 0,
    active: row?.active ?? 0,
    withoutPayoutDestination: row?.withoutPayoutDestination ?? 0,
  };
}
