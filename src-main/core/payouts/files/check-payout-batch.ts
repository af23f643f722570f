// The checks every payout writer makes before it writes a byte: a file that pays a top-up
// twice, pays nothing, or whose control sum is not the sum of its rows must never reach an
// issuer or a bank. Failures are AppError('INVALID_INPUT') with a sentence naming the row.
import { AppError, type ErrorFacts } from '../../app-error';
import { isSafeAmount, MAX_SAFE_AMOUNT, minorToDecimalString } from '../../money/minor-units';
import { MAX_SAFE_AMOUNT_TEXT } from '../../money/amount-limit';
import type { PayoutFileBatch, PayoutFileItem } from './payout-file-types';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
// An instant as Date#toISOString writes it, optionally without milliseconds or with an offset.
const INSTANT =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

export interface CheckedBatch {
  rowCount: number;
  controlSumMinor: number;
}

function refuse(message: string, details?: ErrorFacts): never {
  throw new AppError('INVALID_INPUT', message, details);
}

/** "top-up LD-2026-10-000042 (P-007 Anna Nowak)": how a sentence names a row. */
export function describeItem(item: PayoutFileItem): string {
  return `top-up ${item.reference || '(no reference)'} (${item.participantCode} ${item.participantName})`;
}

/** Checks the batch and returns its row count and control sum; throws AppError('INVALID_INPUT') otherwise. */
export function checkPayoutBatch(batch: PayoutFileBatch): CheckedBatch {
  if (!batch.batchId.trim()) refuse('The payout batch has no id.');
  if (!INSTANT.test(batch.createdAt))
    refuse(
      `The payout batch ${batch.batchId} has a creation time "${batch.createdAt}" that is not an ISO instant such as 2026-11-01T10:00:00.000Z.`,
    );
  if (!DATE.test(batch.executionDate))
    refuse(
      `The payout batch ${batch.batchId} has an execution date "${batch.executionDate}" that is not a date YYYY-MM-DD.`,
    );
  if (!/^[A-Z]{3}$/.test(batch.currency.code))
    refuse(
      `The payout batch ${batch.batchId} has a currency "${batch.currency.code}" that is not a three-letter ISO 4217 code.`,
    );
  if (
    !Number.isInteger(batch.currency.minorDigits) ||
    batch.currency.minorDigits < 0 ||
    batch.currency.minorDigits > 3
  ) {
    refuse(
      `The currency ${batch.currency.code} has ${batch.currency.minorDigits} minor digits; a payout file takes 0 to 3.`,
    );
  }
  if (batch.items.length === 0) refuse(`The payout batch ${batch.batchId} has no top-ups to pay.`);

  const seen = new Set<string>();
  let controlSumMinor = 0;
  let pointsTotal = 0;
  for (const item of batch.items) {
    const who = describeItem(item);
    if (!item.reference.trim())
      refuse(
        `The top-up of ${item.participantCode} ${item.participantName} has no reference; every top-up needs its own.`,
      );
    if (seen.has(item.reference)) {
      refuse(
        `The reference ${item.reference} appears twice in batch ${batch.batchId} (again for ${item.participantCode} ${item.participantName}); a top-up must never be paid twice.`,
        { reference: item.reference },
      );
    }
    seen.add(item.reference);
    if (!PERIOD.test(item.period)) refuse(`The ${who} has a period "${item.period}" that is not a month YYYY-MM.`);
    if (!Number.isInteger(item.points))
      refuse(`The ${who} has ${String(item.points)} points, which is not a whole number.`);
    if (!isSafeAmount(item.points))
      refuse(
        `The ${who} has ${String(item.points)} points, more than ${MAX_SAFE_AMOUNT_TEXT}, the largest number Loyalty Desk counts exactly.`,
        { reference: item.reference },
      );
    if (!Number.isInteger(item.amountMinor))
      refuse(`The ${who} has an amount ${String(item.amountMinor)} that is not a whole number of minor units.`, {
        reference: item.reference,
      });
    if (!isSafeAmount(item.amountMinor)) {
      refuse(
        `The ${who} has an amount of ${String(item.amountMinor)} minor units, more than ${MAX_SAFE_AMOUNT_TEXT}, the largest Loyalty Desk counts exactly.`,
        { reference: item.reference },
      );
    }
    if (item.amountMinor <= 0) {
      refuse(
        `The ${who} has an amount of ${minorToDecimalString(item.amountMinor, batch.currency.minorDigits)} ${batch.currency.code}; a payout must be more than zero.`,
        { reference: item.reference },
      );
    }
    // Each value is within the limit, so a running sum that was within it stays exact for one more row; stop there.
    controlSumMinor += item.amountMinor;
    if (controlSumMinor > MAX_SAFE_AMOUNT)
      refuse(
        `The amounts of batch ${batch.batchId} add up to more than can be counted exactly (more than ${MAX_SAFE_AMOUNT_TEXT} minor units).`,
      );
    pointsTotal += item.points;
    if (!isSafeAmount(pointsTotal))
      refuse(
        `The points of batch ${batch.batchId} add up to more than can be counted exactly (more than ${MAX_SAFE_AMOUNT_TEXT}).`,
      );
  }
  return { rowCount: batch.items.length, controlSumMinor };
}

/** The one period of a batch's items, or null when they span several. */
function periodOfBatch(batch: PayoutFileBatch): string | null {
  const periods = new Set(batch.items.map((i) => i.period));
  return periods.size === 1 ? [...periods][0]! : null;
}

/** "payouts-2026-10-PB-2026-10-1.csv"; characters a file system may refuse become "-". */
export function payoutFileName(batch: PayoutFileBatch, extension: string): string {
  const period = periodOfBatch(batch);
  const id = batch.batchId.replace(/[^A-Za-z0-9._-]+/g, '-');
  return `payouts-${period ? `${period}-` : ''}${id}.${extension}`;
}

/** The calendar date of `createdAt` as written (its own offset, UTC for "Z"): the caller chooses the zone. */
export function createdDateOf(batch: PayoutFileBatch): string {
  return batch.createdAt.slice(0, 10);
}
