// The card issuer's or the bank's response to a payout file: each row confirms a top-up as
// paid or failed, matched by its reference (or, without one, by card or IBAN and amount among
// exported top-ups). Failed top-ups go back to the balance by a ledger reversal. A row that
// matches nothing, or names a different amount, is listed as a mismatch and never guessed.
import { AppError } from '../app-error';
import type { CoreContext } from '../context';
import type { CellParseResult, FilledCell, FieldTable, FieldValues } from '../import/table/field-definitions';
import { defineImport } from '../import/table/field-definitions';
import { CARD, IBAN } from '../import/table/header-synonyms';
import type { ImportKindRunner } from '../import/jobs/import-job-types';
import type { ImportFile } from '../import/jobs/import-pipeline';
import type { ImportProblem, ImportReport } from '../import/report/import-report';
import { parseMoneyCell } from '../import/cells/parse-number-cell';
import { textParser } from '../import/cells/parse-text-cell';
import {
  beginImport,
  commitImportBatch,
  layoutChangeOf,
  NO_PROGRESS,
  readClientTable,
} from '../import/jobs/prepare-import';
import { previewFromTable } from '../import/table/preview-from-table';
import { minorToDecimalString } from '../money/minor-units';
import type { ConfirmationMismatchFacts } from './confirmation-mismatch';
import { confirmPayouts, loadPayoutStates, type ConfirmationMatch, type PayoutState } from './payout-states';

const REFERENCE = [
  'Reference',
  'Payment reference',
  'Ref',
  'Reference ID',
  'EndToEndId',
  'Referencja',
  'Nr referencyjny',
  'Identyfikator',
  'Референс',
  'Номер операции',
  'Referanse',
] as const;
const AMOUNT = ['Amount', 'Value', 'Kwota', 'Wartość', 'Сумма', 'Beløp'] as const;
const STATUS = ['Status', 'Result', 'Wynik', 'Статус', 'Результат'] as const;
const REASON = [
  'Reason',
  'Message',
  'Comment',
  'Powód',
  'Komunikat',
  'Uwagi',
  'Причина',
  'Комментарий',
  'Årsak',
] as const;

const PAID = [
  'ok',
  'paid',
  'success',
  'successful',
  'done',
  'completed',
  'executed',
  'loaded',
  'zrealizowano',
  'zrealizowana',
  'wykonano',
  'opłacono',
  'zasilono',
  'выполнено',
  'оплачено',
  'успешно',
  'utført',
  'betalt',
];
const FAILED = [
  'failed',
  'fail',
  'error',
  'rejected',
  'declined',
  'returned',
  'odrzucono',
  'odrzucona',
  'błąd',
  'niezrealizowano',
  'zwrot',
  'отклонено',
  'ошибка',
  'возврат',
  'feilet',
  'avvist',
];

function parseConfirmationStatus(cell: FilledCell): CellParseResult<'paid' | 'failed'> {
  const text = String(cell instanceof Date ? '' : cell)
    .trim()
    .toLowerCase();
  if (PAID.includes(text)) return { ok: true, value: 'paid' };
  if (FAILED.includes(text)) return { ok: true, value: 'failed' };
  return {
    ok: false,
    code: 'BAD_CONFIRMATION_STATUS',
    message: 'is neither a paid nor a failed status (such as OK, paid, zrealizowano, failed, odrzucono)',
    params: { status: String(cell instanceof Date ? cell.toISOString().slice(0, 10) : cell).trim() },
  };
}

const confirmationFields = {
  reference: { required: false, synonyms: REFERENCE, parse: textParser(100) },
  cardRef: { required: false, synonyms: CARD, parse: textParser(100) },
  iban: { required: false, synonyms: IBAN, parse: textParser(50) },
  amount: { required: true, synonyms: AMOUNT, parse: parseMoneyCell },
  status: { required: true, synonyms: STATUS, parse: parseConfirmationStatus },
  reason: { required: false, synonyms: REASON, parse: textParser(500) },
} satisfies FieldTable;

type ConfirmationValues = FieldValues<typeof confirmationFields>;

const confirmationsImport = defineImport({
  kind: 'confirmations',
  fields: confirmationFields,
  duplicateKey: ['reference'],
  checkRow: (values) =>
    values.reference === null && values.cardRef === null && values.iban === null
      ? [
          {
            field: 'reference',
            code: 'MISSING_VALUE',
            message: 'is blank, and so are the card and the IBAN: the row names no top-up',
          },
        ]
      : [],
});

const compact = (text: string) => text.replace(/[\s-]/g, '').toUpperCase();

/** Finds the top-up each row confirms, or says why it cannot, naming the file's own column and the facts. */
function matchConfirmations(
  rows: readonly { row: number; values: ConfirmationValues }[],
  payouts: readonly PayoutState[],
  digits: number,
  currency: string,
  mapping: Readonly<Record<string, string>>,
): { matches: ConfirmationMatch[]; mismatches: ImportProblem[]; alreadyKnown: number } {
  const byReference = new Map(payouts.map((p) => [p.reference.toUpperCase(), p]));
  const matches: ConfirmationMatch[] = [];
  const mismatches: ImportProblem[] = [];
  const firstRowOf = new Map<number, number>();
  let alreadyKnown = 0;
  const money = (minor: number) => `${minorToDecimalString(minor, digits)} ${currency}`;
  type Facts = Omit<ConfirmationMismatchFacts, 'row' | 'currency' | 'minorDigits'>;
  const mismatch = (
    row: number,
    field: keyof ConfirmationValues,
    value: string | null,
    reason: string,
    facts: Facts,
  ) => {
    // The column as the client's file heads it, so the coordinator can find the cell and quote it back.
    const column = mapping[field] ?? field;
    const params: ConfirmationMismatchFacts = { row, ...facts, currency, minorDigits: digits };
    mismatches.push({
      row,
      column,
      value,
      code: 'CONFIRMATION_MISMATCH',
      reason: `Row ${row}, column "${column}": ${reason}`,
      params: Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) as Record<
        string,
        string | number
      >,
      severity: 'error',
    });
  };

  for (const { row, values } of rows) {
    const amount = values.amount ?? 0;
    let payout: PayoutState | undefined;
    if (values.reference !== null) {
      payout = byReference.get(values.reference.trim().toUpperCase());
      if (!payout) {
        mismatch(
          row,
          'reference',
          values.reference,
          `no top-up has the reference "${values.reference}"; nothing was changed for it.`,
          { kind: 'unknownReference', reference: values.reference },
        );
        continue;
      }
    } else {
      const destination = values.cardRef ?? values.iban ?? '';
      const key = compact(destination);
      const candidates = payouts.filter(
        (p) =>
          p.status === 'exported' &&
          !firstRowOf.has(p.id) &&
          compact(p.cardRef ?? p.iban ?? '') === key &&
          p.amountMinor === amount,
      );
      if (candidates.length !== 1) {
        mismatch(
          row,
          values.cardRef !== null ? 'cardRef' : 'iban',
          destination,
          candidates.length === 0
            ? `no exported top-up of ${money(amount)} goes to ${destination}; nothing was changed.`
            : `${candidates.length} exported top-ups of ${money(amount)} go to ${destination}; give the reference to say which.`,
          candidates.length === 0
            ? { kind: 'noMatch', destination, givenMinor: amount }
            : { kind: 'ambiguous', destination, givenMinor: amount, candidates: candidates.length },
        );
        continue;
      }
      payout = candidates[0]!;
    }
    if (payout.amountMinor !== amount) {
      mismatch(
        row,
        'amount',
        minorToDecimalString(amount, digits),
        `the top-up ${payout.reference} was ${money(payout.amountMinor)}; the file says ${money(amount)}. ` +
          'Nothing was changed for it.',
        { kind: 'amount', reference: payout.reference, expectedMinor: payout.amountMinor, givenMinor: amount },
      );
      continue;
    }
    if (payout.status === 'paid' || payout.status === 'failed') {
      if (payout.status === values.status) {
        alreadyKnown++;
        continue;
      }
      mismatch(
        row,
        'status',
        values.status,
        `the top-up ${payout.reference} was already confirmed as ${payout.status}; the file says ${values.status}. ` +
          'Nothing was changed.',
        {
          kind: 'alreadyConfirmed',
          reference: payout.reference,
          knownStatus: payout.status,
          fileStatus: values.status!,
        },
      );
      continue;
    }
    if (payout.status !== 'exported') {
      mismatch(
        row,
        'reference',
        payout.reference,
        `the top-up ${payout.reference} is ${payout.status === 'voided' ? 'in a voided batch' : 'not exported yet'}; nothing was changed.`,
        { kind: payout.status === 'voided' ? 'voided' : 'notExported', reference: payout.reference },
      );
      continue;
    }
    const firstRow = firstRowOf.get(payout.id);
    if (firstRow !== undefined) {
      mismatch(
        row,
        'reference',
        payout.reference,
        `the top-up ${payout.reference} is confirmed already in row ${firstRow} of this file; only that row counts.`,
        { kind: 'twice', reference: payout.reference, firstRow },
      );
      continue;
    }
    firstRowOf.set(payout.id, row);
    matches.push({
      payoutId: payout.id,
      reference: payout.reference,
      row,
      status: values.status!,
      reason: values.reason,
    });
  }
  return { matches, mismatches, alreadyKnown };
}

interface RowOutcome {
  key: string;
  reference: string | null;
}

function outcomesByRow(result: {
  matches: readonly ConfirmationMatch[];
  mismatches: readonly ImportProblem[];
}): Map<number, RowOutcome> {
  const outcomes = new Map<number, RowOutcome>();
  for (const m of result.matches) outcomes.set(m.row, { key: `${m.status}:${m.payoutId}`, reference: m.reference });
  for (const m of result.mismatches) {
    const reference = typeof m.params?.reference === 'string' ? m.params.reference : null;
    outcomes.set(m.row!, { key: `${String(m.params?.kind)}:${reference ?? m.value ?? ''}`, reference });
  }
  return outcomes;
}

/**
 * Refuses the commit, naming each row whose top-up moved since the preview; nothing is written from a stale preview.
 */
function refuseWhatMoved(
  rows: readonly number[],
  preview: { matches: readonly ConfirmationMatch[]; mismatches: readonly ImportProblem[] },
  again: { matches: readonly ConfirmationMatch[]; mismatches: readonly ImportProblem[] },
  before: readonly PayoutState[],
  now: readonly PayoutState[],
): void {
  const then = outcomesByRow(preview);
  const current = outcomesByRow(again);
  const statusIn = (list: readonly PayoutState[], reference: string) =>
    list.find((p) => p.reference.toUpperCase() === reference.toUpperCase())?.status;
  const moved: { row: number; reference: string | null; before: string | null; now: string | null }[] = [];
  for (const row of rows) {
    const a = then.get(row);
    const b = current.get(row);
    if ((a?.key ?? 'known') === (b?.key ?? 'known')) continue;
    const reference = b?.reference ?? a?.reference ?? null;
    moved.push({
      row,
      reference,
      before: reference ? (statusIn(before, reference) ?? null) : null,
      now: reference ? (statusIn(now, reference) ?? null) : null,
    });
  }
  if (moved.length === 0) return;
  const sentence = (m: (typeof moved)[number]) =>
    m.reference && m.now
      ? `row ${m.row}: the top-up ${m.reference} was ${m.before ?? 'unknown'} when the file was read and is ${m.now} now`
      : `row ${m.row}: the top-ups this row could name changed`;
  throw new AppError(
    'PAYOUTS_MOVED',
    `Top-ups changed since this file was read (${moved.map(sentence).join('; ')}). Nothing was written; read the file again.`,
    { moved },
  );
}

export const confirmationsRunner: ImportKindRunner = {
  kind: 'confirmations',
  async prepare(ctx, file, options, progress) {
    const start = beginImport(ctx, 'confirmations', file, options);
    const table = await readClientTable(ctx, start, confirmationsImport, progress);
    const payouts = loadPayoutStates(ctx.store.sqlite, start.program.id);
    const { matches, mismatches } = matchConfirmations(
      table.accepted,
      payouts,
      start.program.currency.minorDigits,
      start.program.currency.code,
      table.mapping,
    );
    const problems = [...table.problems, ...mismatches].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    // Rows the table took but that match no top-up are shown as refused, with the rows to look at first.
    const refused = new Set(mismatches.map((m) => m.row));
    const previewRows = table.previewRows
      .map((r) => (refused.has(r.row) ? { ...r, status: 'rejected' as const } : r))
      .sort((a, b) => Number(b.status === 'rejected') - Number(a.status === 'rejected'));
    const preview = previewFromTable({
      kind: 'confirmations',
      file,
      sha256: start.sha256,
      definition: confirmationsImport,
      table: {
        ...table,
        problems,
        previewRows,
        rejected: table.rejected + mismatches.length,
        acceptedCount: matches.length,
      },
      layoutChange: layoutChangeOf(ctx, start, table.headers),
    });
    return {
      preview,
      commit: () =>
        commitImportBatch(ctx, {
          start,
          table: { ...table, problems, rejected: table.rejected + mismatches.length, acceptedCount: matches.length },
          problems,
          // Judged again against the top-ups as they are now, inside the commit's transaction:
          // what the preview matched may have been voided, confirmed or exported since.
          write: (batchId) => {
            const now = loadPayoutStates(ctx.store.sqlite, start.program.id);
            const again = matchConfirmations(
              table.accepted,
              now,
              start.program.currency.minorDigits,
              start.program.currency.code,
              table.mapping,
            );
            refuseWhatMoved(
              table.accepted.map((r) => r.row),
              { matches, mismatches },
              again,
              payouts,
              now,
            );
            const result = confirmPayouts(ctx, start.program.id, again.matches, batchId);
            return { created: result.paid, updated: result.failed, unchanged: again.alreadyKnown, changes: [] };
          },
        }),
    };
  },
};

export async function importConfirmations(ctx: CoreContext, file: ImportFile): Promise<ImportReport> {
  return (await confirmationsRunner.prepare(ctx, file, {}, NO_PROGRESS)).commit();
}
