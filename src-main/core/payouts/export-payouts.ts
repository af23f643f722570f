// Exporting an approved period's top-ups as a file for the card issuer (xlsx, csv) or the bank
// (SEPA pain.001). Each top-up goes into one file, ever: the unique index on
// payout_batch_items refuses a second, and asking again returns the file already made.
import { createHash } from 'node:crypto';
import { AppError } from '../app-error';
import { nowIso, type CoreContext } from '../context';
import { recordDecision } from '../operator/operator-log';
import { isLocked, periodState, recordPeriodEvent } from '../periods/period-states';
import { requireProgram } from '../program/program-store';
import { requirePeriod } from '../scoring/period-score';
import type { ExportResult, PayoutBatchView } from '../verification/verification-views';
import type { PayoutFileFormat } from './files/payout-file-types';
import { payoutTemplate } from './payout-template-setting';
import { writePayoutFile } from './files/write-payout-file';
import { loadPayoutStates, markExported, voidPayouts } from './payout-states';
import { sealHead } from '../ledger/record-seals';

interface BatchRow {
  id: number;
  batch_ref: string;
  period: string;
  format: PayoutFileFormat;
  file_name: string;
  sha256: string;
  row_count: number;
  control_sum_minor: number;
  created_at: string;
  created_by: string;
  voided: number;
}

const BATCH_COLUMNS = `b.id, b.batch_ref, b.period, b.format, b.file_name, b.sha256, b.row_count, b.control_sum_minor, b.created_at, b.created_by,
  EXISTS (SELECT 1 FROM payout_events e WHERE e.batch_id = b.id AND e.event = 'voided') AS voided`;

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
  };
}

export function listPayoutBatches(ctx: CoreContext, period?: string): PayoutBatchView[] {
  const program = requireProgram(ctx);
  const rows = ctx.store.sqlite
    .prepare(`SELECT ${BATCH_COLUMNS} FROM payout_batches b WHERE b.program_id = ? ${period ? 'AND b.period = ?' : ''} ORDER BY b.id`)
    .all(...(period ? [program.id, period] : [program.id])) as BatchRow[];
  return rows.map(batchView);
}

/** The next working day after `now`, as the requested execution date of a transfer. */
export function nextWorkingDay(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function debtorOf(ctx: CoreContext, programId: number) {
  const row = ctx.store.sqlite.prepare('SELECT payment_json FROM programs WHERE id = ?').get(programId) as { payment_json: string };
  return (JSON.parse(row.payment_json) as { sepaDebtor?: { name: string; iban: string; bic: string } }).sepaDebtor;
}

export async function exportPayouts(ctx: CoreContext, period: string, format: PayoutFileFormat): Promise<ExportResult> {
  requirePeriod(period);
  const program = requireProgram(ctx);
  const state = periodState(ctx, program.id, period);
  if (!isLocked(state)) throw new AppError('PERIOD_NOT_APPROVED', `${period} is ${state}: approve it before exporting its payouts.`);
  const method = format === 'sepa' ? 'transfer' : 'card';
  const pending = loadPayoutStates(ctx.store.sqlite, program.id, period).filter((p) => p.method === method && p.status === 'approved');
  if (pending.length === 0) {
    // Nothing left: the same file again, never a second payment.
    const earlier = listPayoutBatches(ctx, period).filter((b) => b.format === format && !b.voided).pop();
    if (!earlier) {
      throw new AppError(
        'NOTHING_TO_EXPORT',
        `${period} has no approved top-ups ${method === 'card' ? 'to prepaid cards' : 'by bank transfer'} left to export${format === 'sepa' ? '' : '; transfers go in a SEPA file'}.`,
      );
    }
    const stored = ctx.store.sqlite.prepare('SELECT bytes FROM payout_batches WHERE id = ?').get(earlier.id) as { bytes: Buffer };
    return { batch: earlier, fileName: earlier.fileName, bytes: new Uint8Array(stored.bytes), reused: true };
  }
  const debtor = debtorOf(ctx, program.id);
  if (format === 'sepa' && !debtor) throw new AppError('INVALID_PROGRAM', "A SEPA file needs the program's debtor account (payment.sepaDebtor: name, IBAN, BIC).");
  const count = (ctx.store.sqlite.prepare('SELECT COUNT(*) AS n FROM payout_batches WHERE program_id = ? AND period = ?').get(program.id, period) as { n: number }).n;
  const batchRef = `PB-${period}-${count + 1}`;
  const createdAt = nowIso(ctx);
  const auditAnchor = sealHead(ctx.store.sqlite).hash;
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
      items: pending.map((p) => ({
        reference: p.reference,
        participantCode: p.participantCode,
        participantName: p.participantName,
        cardRef: p.cardRef,
        iban: p.iban,
        period: p.period,
        points: p.points,
        amountMinor: p.amountMinor,
      })),
    },
    payoutTemplate(ctx).template,
  );
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const batchId = ctx.store.transaction(() => {
    // Another export may have taken some of these top-ups while the file was written.
    const still = new Set(loadPayoutStates(ctx.store.sqlite, program.id, period).filter((p) => p.status === 'approved').map((p) => p.id));
    if (pending.some((p) => !still.has(p.id))) throw new AppError('PREVIEW_OUT_OF_DATE', 'Some of these top-ups were exported meanwhile; export again.');
    const id = Number(
      ctx.store.sqlite
        .prepare(
          `INSERT INTO payout_batches (program_id, period, batch_ref, format, file_name, sha256, bytes, row_count, control_sum_minor, created_at, created_by, audit_anchor)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(program.id, period, batchRef, format, file.fileName, sha256, Buffer.from(file.bytes), file.rowCount, file.controlSumMinor, createdAt, ctx.actor, auditAnchor).lastInsertRowid,
    );
    const item = ctx.store.sqlite.prepare('INSERT INTO payout_batch_items (batch_id, payout_id) VALUES (?, ?)');
    for (const p of pending) item.run(id, p.id);
    markExported(ctx, pending.map((p) => p.id), id);
    const left = loadPayoutStates(ctx.store.sqlite, program.id, period).filter((p) => p.status === 'approved').length;
    if (left === 0 && state === 'approved') recordPeriodEvent(ctx, program.id, period, 'exported', (ctx.store.sqlite.prepare("SELECT rule_version FROM period_events WHERE program_id = ? AND period = ? AND state = 'approved' ORDER BY id DESC LIMIT 1").get(program.id, period) as { rule_version: number }).rule_version, { batchRef });
    recordDecision(ctx, 'payouts.export', batchRef, null, { period, format, rows: file.rowCount, controlSumMinor: file.controlSumMinor, sha256 });
    return id;
  });
  const batch = listPayoutBatches(ctx, period).find((b) => b.id === batchId)!;
  return { batch, fileName: file.fileName, bytes: file.bytes, reused: false };
}

/** Voids a batch with a reason: its top-ups not confirmed paid get their redemptions reversed, so they can be paid again. */
export function voidPayoutBatch(ctx: CoreContext, batchRef: string, reason: string): PayoutBatchView {
  const why = reason.trim();
  if (why === '') throw new AppError('REASON_REQUIRED', 'Voiding a payout batch needs a reason; it is kept with the batch and its top-ups.');
  return ctx.store.transaction(() => {
    const program = requireProgram(ctx);
    const batch = listPayoutBatches(ctx).find((b) => b.batchRef === batchRef);
    if (!batch) throw new AppError('NOT_FOUND', `There is no payout batch ${batchRef}.`);
    if (batch.voided) throw new AppError('INVALID_INPUT', `The payout batch ${batchRef} is already voided.`);
    const inBatch = loadPayoutStates(ctx.store.sqlite, program.id, batch.period).filter((p) => p.batchId === batch.id);
    const paid = inBatch.filter((p) => p.status === 'paid');
    const voidable = inBatch.filter((p) => p.status === 'exported');
    if (voidable.length === 0) throw new AppError('INVALID_INPUT', `Every top-up of ${batchRef} is already confirmed (paid or failed); there is nothing to void.`);
    voidPayouts(ctx, program.id, voidable, batch.id, why);
    recordDecision(ctx, 'payouts.void', batchRef, why, { voided: voidable.map((p) => p.reference), keptPaid: paid.map((p) => p.reference) });
    return listPayoutBatches(ctx).find((b) => b.id === batch.id)!;
  });
}

export { type PayoutFileFormat };
