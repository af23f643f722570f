// Exporting an approved period's top-ups as a file for the card issuer (xlsx, csv) or the bank
// (SEPA pain.001). Each top-up goes into one file, ever: the unique index on
// payout_batch_items refuses a second, and asking again returns the file already made.
import { createHash } from 'node:crypto';
import type { PayoutBatchRow, StoredRowOf } from '../../db/row-types';
import type { payoutBatches, periodEvents } from '../../db/schema';
import { AppError } from '../app-error';
import { nowIso, type CoreContext } from '../context';
import { recordDecision } from '../operator/operator-log';
import { isLocked, periodState, recordPeriodEvent } from '../periods/period-states';
import { getProgram, requireProgram } from '../program/program-store';
import { requirePeriod } from '../periods/require-period';
import type { ExportResult, PayoutBatchView } from './payout-types';
import type { PayoutFileFormat, PayoutFileItem } from './files/payout-file-types';
import { payoutTemplate } from './payout-template-setting';
import { writePayoutFile } from './files/write-payout-file';
import { loadPayoutStates, markExported, voidPayouts, type PayoutState } from './payout-states';
import { reportProgress } from '../progress';
import { sealHead } from '../../db/record-seals';

/** A payout batch's row as raw SQL reads it, whether it was voided and the formats it was copied to. */
type BatchRow = Pick<
  StoredRowOf<typeof payoutBatches>,
  | 'id'
  | 'batch_ref'
  | 'period'
  | 'format'
  | 'file_name'
  | 'sha256'
  | 'row_count'
  | 'control_sum_minor'
  | 'created_at'
  | 'created_by'
> & { voided: number; copies: string | null };
const BATCH_COLUMNS = `b.id, b.batch_ref, b.period, b.format, b.file_name, b.sha256, b.row_count, b.control_sum_minor, b.created_at, b.created_by,
  EXISTS (SELECT 1 FROM payout_events e WHERE e.batch_id = b.id AND e.event = 'voided') AS voided,
  (SELECT group_concat(f.format) FROM (SELECT format FROM payout_batch_files WHERE batch_id = b.id ORDER BY format) f) AS copies`;

function batchView(r: BatchRow): PayoutBatchView {
  return {
    id: r.id,
    batchRef: r.batch_ref,
    period: r.period,
    format: r.format,
    fileName: r.file_name,
    sha256: r.sha256,
    rowCount: r.row_count,
    controlSumMinor: r.control_sum_minor,
    createdAt: r.created_at,
    createdBy: r.created_by,
    voided: r.voided === 1,
    copies: r.copies ? (r.copies.split(',') as ('xlsx' | 'csv')[]) : [],
  };
}

export function listPayoutBatches(ctx: CoreContext, period?: string): PayoutBatchView[] {
  const program = requireProgram(ctx);
  const rows = ctx.store.sqlite
    .prepare(
      `SELECT ${BATCH_COLUMNS} FROM payout_batches b WHERE b.program_id = ? ${period ? 'AND b.period = ?' : ''} ORDER BY b.id`,
    )
    .all(...(period ? [program.id, period] : [program.id])) as BatchRow[];
  return rows.map(batchView);
}

/** The next working day after `now`, as the requested execution date of a transfer. */
function nextWorkingDay(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The debtor account of the newest settings: a file already exported keeps the one it was written with (stored). */
function debtorOf(ctx: CoreContext, programId: number) {
  const program = getProgram(ctx);
  return program?.id === programId ? program.payment.sepaDebtor : undefined;
}

/**
 * A payout file ready to be saved, and the record of what it stands for. Nothing is written
 * until `commit`, which judges again, inside its own transaction, every fact the file was
 * made from; so a caller can put the bytes on disk first and commit only once they are there.
 */
export interface PreparedExport {
  fileName: string;
  bytes: Uint8Array;
  commit(): ExportResult;
}

type CardFormat = Exclude<PayoutFileFormat, 'sepa'>;
const isCardFormat = (format: PayoutFileFormat): format is CardFormat => format !== 'sepa';

function batchByRef(ctx: CoreContext, batchRef: string): PayoutBatchView | undefined {
  return listPayoutBatches(ctx).find((b) => b.batchRef === batchRef);
}

type StoredFile = Pick<PayoutBatchRow, 'fileName' | 'bytes'>;

/** A file already recorded: the same bytes again, nothing to record. */
function storedFile(ctx: CoreContext, batch: PayoutBatchView, format: PayoutFileFormat): PreparedExport | null {
  const row =
    format === batch.format
      ? (ctx.store.sqlite
          .prepare('SELECT file_name AS fileName, bytes FROM payout_batches WHERE id = ?')
          .get(batch.id) as StoredFile)
      : (ctx.store.sqlite
          .prepare('SELECT file_name AS fileName, bytes FROM payout_batch_files WHERE batch_id = ? AND format = ?')
          .get(batch.id, format) as StoredFile | undefined);
  if (!row) return null;
  const bytes = new Uint8Array(row.bytes);
  return {
    fileName: row.fileName,
    bytes,
    commit: () => ({ batch, fileName: row.fileName, bytes, reused: true, copy: format !== batch.format }),
  };
}

/** What a payout file says of a top-up: the same for a first file and for its copy in the other format. */
function fileItemOf(p: PayoutState): PayoutFileItem {
  return {
    reference: p.reference,
    participantCode: p.participantCode,
    participantName: p.participantName,
    cardRef: p.cardRef,
    iban: p.iban,
    period: p.period,
    points: p.points,
    amountMinor: p.amountMinor,
  };
}

/**
 * The batch written again in the other card format, for an issuer that asks for csv after
 * an xlsx (or the other way): the batch's own top-ups, reference and creation time, so the
 * same references and control sum. Recording it adds no batch item and no event: it pays nobody.
 */
async function prepareCopy(ctx: CoreContext, batch: PayoutBatchView, format: CardFormat): Promise<PreparedExport> {
  const stored = storedFile(ctx, batch, format);
  if (stored) return stored;
  const program = requireProgram(ctx);
  const items = loadPayoutStates(ctx.store.sqlite, program.id, batch.period).filter((p) => p.batchId === batch.id);
  // The copy carries the anchor of the batch it copies: the chain head when the payment was made.
  const auditAnchor = ctx.store.sqlite
    .prepare('SELECT audit_anchor FROM payout_batches WHERE id = ?')
    .pluck()
    .get(batch.id) as PayoutBatchRow['auditAnchor'];
  const file = await writePayoutFile(
    format,
    {
      batchId: batch.batchRef,
      createdAt: batch.createdAt,
      executionDate: nextWorkingDay(new Date(batch.createdAt)),
      programName: program.name,
      currency: program.currency,
      ...(auditAnchor ? { auditAnchor } : {}),
      items: items.map(fileItemOf),
    },
    payoutTemplate(ctx).template,
  );
  if (file.rowCount !== batch.rowCount || file.controlSumMinor !== batch.controlSumMinor) {
    throw new AppError(
      'INTERNAL',
      `The ${format} file of ${batch.batchRef} would hold ${file.rowCount} top-ups for ${file.controlSumMinor} minor units, but the batch holds ${batch.rowCount} for ${batch.controlSumMinor}; nothing was written.`,
    );
  }
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  return {
    fileName: file.fileName,
    bytes: file.bytes,
    commit: () =>
      ctx.store.transaction(() => {
        const now = batchByRef(ctx, batch.batchRef)!;
        if (now.voided)
          throw new AppError(
            'PAYOUTS_MOVED',
            `The payout batch ${batch.batchRef} was voided while its ${format} file was written; a voided batch is not written again.`,
          );
        // Another call may have recorded this copy meanwhile: that one is the file, byte for byte.
        const earlier = storedFile(ctx, now, format);
        if (earlier) return earlier.commit();
        ctx.store.sqlite
          .prepare(
            'INSERT INTO payout_batch_files (batch_id, format, file_name, sha256, bytes, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
          )
          .run(batch.id, format, file.fileName, sha256, Buffer.from(file.bytes), nowIso(ctx), ctx.actor);
        recordDecision(ctx, 'payouts.exportCopy', batch.batchRef, null, {
          period: batch.period,
          format,
          of: batch.format,
          rows: file.rowCount,
          controlSumMinor: file.controlSumMinor,
          sha256,
        });
        return {
          batch: batchByRef(ctx, batch.batchRef)!,
          fileName: file.fileName,
          bytes: file.bytes,
          reused: false,
          copy: true,
        };
      }),
  };
}

/** A batch's file in the format asked: its own file, or the same batch in the other card format. */
export async function prepareBatchExport(
  ctx: CoreContext,
  batchRef: string,
  format: PayoutFileFormat,
): Promise<PreparedExport> {
  const batch = batchByRef(ctx, batchRef);
  if (!batch) throw new AppError('NOT_FOUND', `There is no payout batch ${batchRef}.`);
  if (format === batch.format) return storedFile(ctx, batch, format)!;
  if (batch.format === 'sepa' || !isCardFormat(format)) {
    throw new AppError(
      'INVALID_INPUT',
      `The payout batch ${batchRef} is a ${batch.format} file; only a card batch is written again as xlsx or csv, and a SEPA file is not a card file.`,
    );
  }
  if (batch.voided)
    throw new AppError(
      'INVALID_INPUT',
      `The payout batch ${batchRef} is voided; a voided batch is not written again in another format.`,
    );
  return prepareCopy(ctx, batch, format);
}

export async function prepareExport(
  ctx: CoreContext,
  period: string,
  format: PayoutFileFormat,
): Promise<PreparedExport> {
  requirePeriod(period);
  const program = requireProgram(ctx);
  const state = periodState(ctx, program.id, period);
  if (!isLocked(state))
    throw new AppError('PERIOD_NOT_APPROVED', `${period} is ${state}: approve it before exporting its payouts.`);
  const method = format === 'sepa' ? 'transfer' : 'card';
  const pending = loadPayoutStates(ctx.store.sqlite, program.id, period).filter(
    (p) => p.method === method && p.status === 'approved',
  );
  if (pending.length === 0) {
    // Nothing left: the same file again, never a second payment; or, for a card batch made
    // in the other format, that batch written in this one.
    const live = listPayoutBatches(ctx, period).filter((b) => !b.voided);
    const same = live.filter((b) => b.format === format).pop();
    if (same) return storedFile(ctx, same, format)!;
    const other = isCardFormat(format) ? live.filter((b) => b.format !== 'sepa').pop() : undefined;
    if (other && isCardFormat(format)) return prepareCopy(ctx, other, format);
    throw new AppError(
      'NOTHING_TO_EXPORT',
      `${period} has no approved top-ups ${method === 'card' ? 'to prepaid cards' : 'by bank transfer'} left to export${format === 'sepa' ? '' : '; transfers go in a SEPA file'}.`,
    );
  }
  const debtor = debtorOf(ctx, program.id);
  if (format === 'sepa' && !debtor)
    throw new AppError(
      'INVALID_PROGRAM',
      "A SEPA file needs the program's debtor account (payment.sepaDebtor: name, IBAN, BIC).",
    );
  const batchCount = () =>
    (
      ctx.store.sqlite
        .prepare('SELECT COUNT(*) AS n FROM payout_batches WHERE program_id = ? AND period = ?')
        .get(program.id, period) as { n: number }
    ).n;
  const count = batchCount();
  const batchRef = `PB-${period}-${count + 1}`;
  const createdAt = nowIso(ctx);
  const auditAnchor = sealHead(ctx.store.sqlite).hash;
  reportProgress('writingFile', 0, pending.length);
  const file = await writePayoutFile(
    format,
    {
      batchId: batchRef,
      createdAt,
      executionDate: nextWorkingDay(ctx.now()),
      programName: program.name,
      currency: program.currency,
      ...(debtor ? { debtor } : {}),
      auditAnchor,
      items: pending.map(fileItemOf),
    },
    payoutTemplate(ctx).template,
  );
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const commit = (): ExportResult =>
    ctx.store.transaction(() => {
      // The file was written outside this transaction, from top-ups read before it: another
      // export may have taken some of them, or recorded a batch under the same reference.
      const still = new Set(
        loadPayoutStates(ctx.store.sqlite, program.id, period)
          .filter((p) => p.status === 'approved')
          .map((p) => p.id),
      );
      const taken = pending.filter((p) => !still.has(p.id));
      if (taken.length > 0) {
        throw new AppError(
          'PAYOUTS_MOVED',
          `${taken.length} of these top-ups (${taken
            .slice(0, 5)
            .map((p) => p.reference)
            .join(
              ', ',
            )}${taken.length > 5 ? ', ...' : ''}) were exported meanwhile; nothing was recorded. Export again.`,
        );
      }
      if (batchCount() !== count)
        throw new AppError(
          'PAYOUTS_MOVED',
          `Another payout file of ${period} was recorded while this one was written; nothing was recorded. Export again.`,
        );
      const id = Number(
        ctx.store.sqlite
          .prepare(
            `INSERT INTO payout_batches (program_id, period, batch_ref, format, file_name, sha256, bytes, row_count, control_sum_minor, created_at, created_by, audit_anchor)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            program.id,
            period,
            batchRef,
            format,
            file.fileName,
            sha256,
            Buffer.from(file.bytes),
            file.rowCount,
            file.controlSumMinor,
            createdAt,
            ctx.actor,
            auditAnchor,
          ).lastInsertRowid,
      );
      const item = ctx.store.sqlite.prepare('INSERT INTO payout_batch_items (batch_id, payout_id) VALUES (?, ?)');
      for (const p of pending) item.run(id, p.id);
      markExported(
        ctx,
        pending.map((p) => p.id),
        id,
      );
      const left = loadPayoutStates(ctx.store.sqlite, program.id, period).filter((p) => p.status === 'approved').length;
      if (left === 0 && state === 'approved')
        recordPeriodEvent(
          ctx,
          program.id,
          period,
          'exported',
          (
            ctx.store.sqlite
              .prepare(
                "SELECT rule_version FROM period_events WHERE program_id = ? AND period = ? AND state = 'approved' ORDER BY id DESC LIMIT 1",
              )
              .get(program.id, period) as Pick<StoredRowOf<typeof periodEvents>, 'rule_version'>
          ).rule_version,
          { batchRef },
        );
      recordDecision(ctx, 'payouts.export', batchRef, null, {
        period,
        format,
        rows: file.rowCount,
        controlSumMinor: file.controlSumMinor,
        sha256,
      });
      const batch = listPayoutBatches(ctx, period).find((b) => b.id === id)!;
      return { batch, fileName: file.fileName, bytes: file.bytes, reused: false, copy: false };
    });
  return { fileName: file.fileName, bytes: file.bytes, commit };
}

export async function exportPayouts(ctx: CoreContext, period: string, format: PayoutFileFormat): Promise<ExportResult> {
  return (await prepareExport(ctx, period, format)).commit();
}

/** A recorded batch in the format asked (its own, or the other card format); never a new payment. */
export async function exportPayoutBatch(
  ctx: CoreContext,
  batchRef: string,
  format: PayoutFileFormat,
): Promise<ExportResult> {
  return (await prepareBatchExport(ctx, batchRef, format)).commit();
}

/**
 * Voids a batch with a reason: its top-ups not confirmed paid get their redemptions reversed, so they can be paid
 * again.
 */
export function voidPayoutBatch(ctx: CoreContext, batchRef: string, reason: string): PayoutBatchView {
  const why = reason.trim();
  if (why === '')
    throw new AppError(
      'REASON_REQUIRED',
      'Voiding a payout batch needs a reason; it is kept with the batch and its top-ups.',
    );
  return ctx.store.transaction(() => {
    const program = requireProgram(ctx);
    const batch = listPayoutBatches(ctx).find((b) => b.batchRef === batchRef);
    if (!batch) throw new AppError('NOT_FOUND', `There is no payout batch ${batchRef}.`);
    if (batch.voided) throw new AppError('INVALID_INPUT', `The payout batch ${batchRef} is already voided.`);
    const inBatch = loadPayoutStates(ctx.store.sqlite, program.id, batch.period).filter((p) => p.batchId === batch.id);
    const paid = inBatch.filter((p) => p.status === 'paid');
    const voidable = inBatch.filter((p) => p.status === 'exported');
    if (voidable.length === 0)
      throw new AppError(
        'INVALID_INPUT',
        `Every top-up of ${batchRef} is already confirmed (paid or failed); there is nothing to void.`,
      );
    voidPayouts(ctx, program.id, voidable, batch.id, why);
    recordDecision(ctx, 'payouts.void', batchRef, why, {
      voided: voidable.map((p) => p.reference),
      keptPaid: paid.map((p) => p.reference),
    });
    return listPayoutBatches(ctx).find((b) => b.id === batch.id)!;
  });
}

export { type PayoutFileFormat };
