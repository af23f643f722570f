// Issue 14, item 6: a confirmation's problems name the issuer's own column headers and the facts of each mismatch
// (which top-up, what it was, what the file says), as data the renderer words in the operator's language.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_PROGRESS } from '../../src-main/core/import/jobs/prepare-import';
import { confirmationsRunner } from '../../src-main/core/payouts/import-confirmations';
import { hasOpenpyxl, makeTempDir, writeXlsxWithOpenpyxl, type SheetCell } from '../fixtures/client-files';
import { septemberConfirmed, septemberVoided } from '../fixtures/september-payout-stages';
import { caseOpener } from '../fixtures/staged-database';

/** The issuer's answer as its export script writes it: an xlsx with its own Polish headers. */
function issuerWorkbook(rows: SheetCell[][]) {
  const path = join(makeTempDir('loyalty-confirmation-'), 'potwierdzenie.xlsx');
  const bytes = writeXlsxWithOpenpyxl(path, [
    { title: 'Doładowania', rows: [['Nr referencyjny', 'Karta', 'Kwota', 'Wynik'], ...rows] },
  ]);
  return { fileName: 'potwierdzenie.xlsx', bytes };
}

const PLN = { currency: 'PLN', minorDigits: 2 };

describe.runIf(hasOpenpyxl)('a confirmation’s mismatches in the client’s words', () => {
  const at = caseOpener();

  it('names the file’s header and the facts of each kind of mismatch', async () => {
    // A's top-up is paid and B's failed already; C's (LD-2026-09-000003, 1931.60 PLN) is exported.
    const { ctx } = await at(septemberConfirmed);
    const file = issuerWorkbook([
      ['LD-2026-09-000003', null, 999.99, 'OK'],
      ['LD-2099-01-000001', null, 5, 'OK'],
      ['LD-2026-09-000001', null, 38.7, 'odrzucono'],
      [null, 'CARD-ZZ', 10, 'OK'],
      ['LD-2026-09-000004', null, 19.3, 'może'],
    ]);
    const { preview } = await confirmationsRunner.prepare(ctx, file, {}, NO_PROGRESS);
    const byRow = new Map(preview.problems.map((p) => [p.row, p]));
    expect(byRow.get(2)).toMatchObject({
      column: 'Kwota',
      value: '999.99',
      code: 'CONFIRMATION_MISMATCH',
      params: { kind: 'amount', reference: 'LD-2026-09-000003', expectedMinor: 193_160, givenMinor: 99_999, ...PLN },
    });
    expect(byRow.get(2)!.reason).toBe(
      'Row 2, column "Kwota": the top-up LD-2026-09-000003 was 1931.60 PLN; the file says 999.99 PLN. ' +
        'Nothing was changed for it.',
    );
    expect(byRow.get(3)).toMatchObject({
      column: 'Nr referencyjny',
      value: 'LD-2099-01-000001',
      params: { kind: 'unknownReference', reference: 'LD-2099-01-000001' },
    });
    expect(byRow.get(4)).toMatchObject({
      column: 'Wynik',
      params: { kind: 'alreadyConfirmed', reference: 'LD-2026-09-000001', knownStatus: 'paid', fileStatus: 'failed' },
    });
    expect(byRow.get(5)).toMatchObject({
      column: 'Karta',
      value: 'CARD-ZZ',
      params: { kind: 'noMatch', destination: 'CARD-ZZ', givenMinor: 1_000, ...PLN },
    });
    expect(byRow.get(6)).toMatchObject({
      column: 'Wynik',
      value: 'może',
      code: 'BAD_CONFIRMATION_STATUS',
      params: { status: 'może' },
    });
  });

  it('says a top-up is in a voided batch', async () => {
    const { ctx } = await at(septemberVoided);
    const { preview } = await confirmationsRunner.prepare(
      ctx,
      issuerWorkbook([['LD-2026-09-000003', null, 1931.6, 'OK']]),
      {},
      NO_PROGRESS,
    );
    expect(preview.problems).toMatchObject([
      { row: 2, column: 'Nr referencyjny', params: { kind: 'voided', reference: 'LD-2026-09-000003', ...PLN } },
    ]);
  });
});
