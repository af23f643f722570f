// The findings about a period's lines and who is paid: a line repeated in the client's file
// (DUPLICATE_LINE), a return of a product the participant never bought (RETURN_WITHOUT_SALE)
// and an inactive participant's points (INACTIVE), each raised from a real sales workbook
// written with openpyxl, with its evidence, each resolution scoring as documented, and the
// approval refused while the finding is open.
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../src-main/core/context';
import { importParticipants } from '../../src-main/core/import/kinds/import-participants';
import { listPayouts } from '../../src-main/core/payouts/payout-views';
import { payoutProposal } from '../../src-main/core/approval/proposal-view';
import { importProducts } from '../../src-main/core/import/kinds/import-products';
import { approvePeriod } from '../../src-main/core/approval/approve-period';
import { calculatePeriod } from '../../src-main/core/scoring/period-score';
import { importSales } from '../../src-main/core/sales/import-sales';
import { importTargets } from '../../src-main/core/import/kinds/import-targets';
import {
  findingEvidence,
  resolveFinding,
  verificationQueue,
  verificationQueueWithEvidence,
} from '../../src-main/core/verification/verification-queue';
import { hasOpenpyxl, makeTempDir, writeXlsxWithOpenpyxl, type SheetCell } from '../fixtures/client-files';
import { csvFile, SALES_HEADER } from '../fixtures/scoring-scenario';
import { refusal } from '../fixtures/refusal';
import { openTestContext, tableCounts } from '../fixtures/test-database';
import { encodeFindingKey, sameFindingKey, type FindingKey } from '../../src-main/core/decisions/finding-key';

const FILE = 'sprzedaz-2026-09.xlsx';
const sale = (date: string, code: string, sku: string, qty: number, net: number, invoice: string): SheetCell[] => [
  { date },
  code,
  sku,
  qty,
  { number: net, format: '#,##0.00' },
  invoice,
];

// P1 sells DOG-01 (1,000 points) and the file gives that line twice; P2 sells DOG-01 (500
// points) and returns 2 x CAT-07 (15 points a unit: -30) it never bought; P3 is inactive and
// sells DOG-01 (400 points).
const SALES_ROWS: SheetCell[][] = [
  ['Data', 'Kod przedstawiciela', 'SKU', 'Ilość', 'Wartość netto', 'Nr faktury'],
  sale('2026-09-05', 'P1', 'DOG-01', 10, 1000, 'FV/1'),
  sale('2026-09-05', 'P1', 'DOG-01', 10, 1000, 'FV/1'),
  sale('2026-09-08', 'P2', 'DOG-01', 5, 500, 'FV/2'),
  sale('2026-09-12', 'P2', 'CAT-07', -2, -100, 'KOR/1'),
  sale('2026-09-15', 'P3', 'DOG-01', 4, 400, 'FV/3'),
];

let salesBytes: Uint8Array;

async function seeded(): Promise<{ ctx: CoreContext; batchId: number }> {
  const ctx = openTestContext();
  await importParticipants(
    ctx,
    csvFile('participants.csv', [
      'Rep code;Name;Join date;Card;Status',
      'P1;Paweł Pierwszy;2025-01-10;CARD-1;active',
      'P2;Piotr Drugi;2025-02-01;CARD-2;active',
      'P3;Patrycja Trzecia;2025-03-01;CARD-3;inactive',
    ]),
  );
  await importProducts(
    ctx,
    csvFile('products.csv', [
      'SKU;Product;Group;Promoted;Points per unit',
      'DOG-01;Dog dry 10 kg;DRY;yes;',
      'CAT-07;Cat wet pouch;WET;yes;15',
    ]),
  );
  // Targets far above the sales: no target band, no near-threshold finding.
  await importTargets(
    ctx,
    csvFile('targets.csv', [
      'Rep code;Period;Target',
      'P1;2026-09;100000,00',
      'P2;2026-09;100000,00',
      'P3;2026-09;100000,00',
    ]),
  );
  const report = await importSales(ctx, { fileName: FILE, bytes: salesBytes }, { period: '2026-09' });
  return { ctx, batchId: report.batchId! };
}

const total = (ctx: CoreContext, code: string) =>
  calculatePeriod(ctx, '2026-09').rows.find((r) => r.code === code)!.total;
const item = (ctx: CoreContext, key: FindingKey) =>
  verificationQueueWithEvidence(ctx, '2026-09').items.find((i) => sameFindingKey(i.key, key))!;
const balance = (ctx: CoreContext, code: string) =>
  (
    ctx.store.sqlite
      .prepare('SELECT COALESCE(SUM(points), 0) AS b FROM ledger_entries WHERE participant_code = ?')
      .get(code) as { b: number }
  ).b;

/** Accepts every open finding but the one under test, so that the approval's refusal is about that one alone. */
function acceptAllBut(ctx: CoreContext, key: FindingKey): void {
  for (const other of verificationQueue(ctx, '2026-09').items) {
    if (!sameFindingKey(other.key, key) && other.status === 'open')
      resolveFinding(ctx, { period: '2026-09', key: other.key, action: 'accept', reason: 'Not under test' });
  }
}

function refusesWhileOpen(ctx: CoreContext, code: string): void {
  const counts = tableCounts(ctx);
  const error = refusal(() => approvePeriod(ctx, '2026-09'));
  expect(error.code).toBe('ANOMALIES_OPEN');
  expect(error.details).toEqual({ open: 1, codes: [code] });
  expect(tableCounts(ctx)).toEqual(counts);
}

describe.runIf(hasOpenpyxl)('findings raised from a sales workbook', () => {
  beforeAll(() => {
    salesBytes = writeXlsxWithOpenpyxl(join(makeTempDir('loyalty-findings-'), FILE), [
      { title: 'Sprzedaż', rows: SALES_ROWS },
    ]);
  });
  let ctx: CoreContext;
  let batchId: number;
  beforeEach(async () => {
    ({ ctx, batchId } = await seeded());
  });

  it('raises exactly these three findings from the file', () => {
    expect(verificationQueue(ctx, '2026-09').items.map((i) => [i.code, i.participantCode, i.status])).toEqual([
      ['DUPLICATE_LINE', null, 'open'],
      ['RETURN_WITHOUT_SALE', 'P2', 'open'],
      ['INACTIVE', 'P3', 'open'],
    ]);
  });

  describe('DUPLICATE_LINE', () => {
    it('names the repeated row of the file as evidence, and counts the line once', () => {
      const duplicate = item(ctx, { code: 'DUPLICATE_LINE', batchId });
      expect(duplicate).toMatchObject({
        code: 'DUPLICATE_LINE',
        lineCount: 1,
        facts: { batchId, lines: 1 },
        actions: ['accept'],
      });
      expect(duplicate.evidence).toEqual([
        {
          lineId: null,
          batchId,
          fileName: FILE,
          row: 3,
          date: null,
          participantCode: null,
          sku: 'FV/1, P1, DOG-01',
          quantity: null,
          netMinor: null,
        },
      ]);
      expect(total(ctx, 'P1')).toBe(1000);
      expect(
        ctx.store.sqlite.prepare("SELECT count(*) AS n FROM sales_lines WHERE participant_code = 'P1'").get(),
      ).toEqual({ n: 1 });
    });

    it('a line given again in a later file is a finding of that file, and still counts once', async () => {
      const late = await importSales(
        ctx,
        csvFile('late.csv', [
          SALES_HEADER,
          '2026-09-05;P1;DOG-01;10;1000,00;FV/1',
          '2026-09-20;P1;DOG-01;1;100,00;FV/9',
        ]),
        { period: '2026-09' },
      );
      expect([late.accepted, late.duplicates]).toEqual([1, 1]);
      expect(
        item(ctx, { code: 'DUPLICATE_LINE', batchId: late.batchId! }).evidence.map((e) => [e.fileName, e.row, e.sku]),
      ).toEqual([['late.csv', 2, 'FV/1, P1, DOG-01']]);
      expect(total(ctx, 'P1')).toBe(1100);
    });

    it('goes away when a corrected workbook without the repeat replaces the batch, the line still counted once', async () => {
      const dir = makeTempDir('loyalty-findings-');
      const corrected = writeXlsxWithOpenpyxl(join(dir, 'sprzedaz-2026-09-korekta.xlsx'), [
        { title: 'Sprzedaż', rows: SALES_ROWS.filter((_, i) => i !== 2) },
      ]);
      await importSales(
        ctx,
        { fileName: 'sprzedaz-2026-09-korekta.xlsx', bytes: corrected },
        { period: '2026-09', replaceBatchId: batchId },
      );
      expect(verificationQueue(ctx, '2026-09').items.some((i) => i.code === 'DUPLICATE_LINE')).toBe(false);
      expect(total(ctx, 'P1')).toBe(1000);
    });

    it('is only accepted, not excluded (the repeat was never stored); accepting leaves the points as counted once', () => {
      const key: FindingKey = { code: 'DUPLICATE_LINE', batchId };
      expect(refusal(() => resolveFinding(ctx, { period: '2026-09', key, action: 'exclude', reason: 'x' })).code).toBe(
        'INVALID_INPUT',
      );
      acceptAllBut(ctx, key);
      refusesWhileOpen(ctx, 'DUPLICATE_LINE');
      resolveFinding(ctx, { period: '2026-09', key, action: 'accept', reason: 'The client confirmed the repeat' });
      expect(item(ctx, key).status).toBe('resolved');
      expect(total(ctx, 'P1')).toBe(1000);
      approvePeriod(ctx, '2026-09');
      expect(listPayouts(ctx, '2026-09').find((p) => p.participantCode === 'P1')!.points).toBe(1000);
    });
  });

  describe('RETURN_WITHOUT_SALE', () => {
    const key = (ctx: CoreContext) =>
      verificationQueue(ctx, '2026-09').items.find((i) => i.code === 'RETURN_WITHOUT_SALE')!.key;

    it('names the return line as evidence and the points it takes back', () => {
      const found = item(ctx, key(ctx));
      expect(found).toMatchObject({
        participantCode: 'P2',
        sku: 'CAT-07',
        lineCount: 1,
        facts: { quantity: -2, netMinor: -10_000, points: -30, since: '2026-06' },
        actions: ['exclude', 'accept'],
      });
      expect(found.evidence).toEqual([
        {
          lineId: expect.any(Number),
          batchId,
          fileName: FILE,
          row: 5,
          date: '2026-09-12',
          participantCode: 'P2',
          sku: 'CAT-07',
          quantity: -2,
          netMinor: -10_000,
        },
      ]);
      expect(found.key).toEqual({ code: 'RETURN_WITHOUT_SALE', lineId: found.evidence[0]!.lineId });
      // The screen asks for one finding's rows when it is opened: the same rows, and the money the table shows.
      expect(findingEvidence(ctx, '2026-09', encodeFindingKey(found.key))).toEqual({ lines: found.evidence, total: 1 });
      expect(found.amountMinor).toBe(-10_000);
      expect(total(ctx, 'P2')).toBe(470);
    });

    it('is not raised for a return of a product the participant bought in the periods before', async () => {
      await importSales(ctx, csvFile('august.csv', [SALES_HEADER, '2026-08-20;P2;CAT-07;4;200,00;FV/0']), {
        period: '2026-08',
      });
      expect(verificationQueue(ctx, '2026-09').items.some((i) => i.code === 'RETURN_WITHOUT_SALE')).toBe(false);
    });

    it('looks for the sale in this period and the three before, no further', async () => {
      await importSales(ctx, csvFile('may.csv', [SALES_HEADER, '2026-05-20;P2;CAT-07;4;200,00;FV/0']), {
        period: '2026-05',
      });
      expect(
        verificationQueue(ctx, '2026-09')
          .items.filter((i) => i.code === 'RETURN_WITHOUT_SALE')
          .map((i) => i.facts.since),
      ).toEqual(['2026-06']);
      await importSales(ctx, csvFile('june.csv', [SALES_HEADER, '2026-06-01;P2;CAT-07;4;200,00;FV/00']), {
        period: '2026-06',
      });
      expect(verificationQueue(ctx, '2026-09').items.some((i) => i.code === 'RETURN_WITHOUT_SALE')).toBe(false);
    });

    it('excluded: the return no longer takes its points or its volume back', () => {
      const k = key(ctx);
      acceptAllBut(ctx, k);
      refusesWhileOpen(ctx, 'RETURN_WITHOUT_SALE');
      const before = calculatePeriod(ctx, '2026-09').rows.find((r) => r.code === 'P2')!;
      expect([before.total, before.volumeMinor]).toEqual([470, 40_000]);
      resolveFinding(ctx, {
        period: '2026-09',
        key: k,
        action: 'exclude',
        reason: 'Return belongs to another participant',
      });
      const after = calculatePeriod(ctx, '2026-09').rows.find((r) => r.code === 'P2')!;
      expect([after.total, after.volumeMinor]).toEqual([500, 50_000]);
      expect(item(ctx, k).status).toBe('resolved');
      approvePeriod(ctx, '2026-09');
      expect(listPayouts(ctx, '2026-09').find((p) => p.participantCode === 'P2')!.points).toBe(500);
      expect(balance(ctx, 'P2')).toBe(0);
    });

    it('accepted: the return stands and takes its points back', () => {
      const k = key(ctx);
      acceptAllBut(ctx, k);
      resolveFinding(ctx, {
        period: '2026-09',
        key: k,
        action: 'accept',
        reason: 'A return of a sale made before the program',
      });
      expect(total(ctx, 'P2')).toBe(470);
      approvePeriod(ctx, '2026-09');
      expect(listPayouts(ctx, '2026-09').find((p) => p.participantCode === 'P2')!.points).toBe(470);
    });
  });

  describe('INACTIVE', () => {
    it('holds the inactive participant’s points, naming them', () => {
      const found = item(ctx, { code: 'INACTIVE', participantCode: 'P3' });
      expect(found).toMatchObject({
        participantCode: 'P3',
        facts: { heldPoints: 400 },
        actions: ['accept'],
        amountMinor: null,
        lineCount: 0,
      });
      expect(payoutProposal(ctx, '2026-09').held).toEqual([
        { code: 'P3', name: 'Patrycja Trzecia', reason: 'inactive', points: 400 },
      ]);
      const row = calculatePeriod(ctx, '2026-09').rows.find((r) => r.code === 'P3')!;
      expect([row.total, row.payablePoints, row.held]).toEqual([400, 0, 'inactive']);
    });

    it('accepted: approved without a top-up, the points stay in the balance and are paid once the participant is active again', async () => {
      expect(
        refusal(() =>
          resolveFinding(ctx, {
            period: '2026-09',
            key: { code: 'INACTIVE', participantCode: 'P3' },
            action: 'exclude',
            reason: 'x',
          }),
        ).code,
      ).toBe('INVALID_INPUT');
      acceptAllBut(ctx, { code: 'INACTIVE', participantCode: 'P3' });
      refusesWhileOpen(ctx, 'INACTIVE');
      resolveFinding(ctx, {
        period: '2026-09',
        key: { code: 'INACTIVE', participantCode: 'P3' },
        action: 'accept',
        reason: 'On leave; paid when back',
      });
      approvePeriod(ctx, '2026-09');
      expect(listPayouts(ctx, '2026-09').map((p) => p.participantCode)).toEqual(['P1', 'P2']);
      expect(balance(ctx, 'P3')).toBe(400);

      await importParticipants(ctx, csvFile('back.csv', ['Rep code;Name;Status', 'P3;Patrycja Trzecia;active']));
      await importSales(ctx, csvFile('october.csv', [SALES_HEADER, '2026-10-02;P3;DOG-01;1;100,00;FV/10']), {
        period: '2026-10',
      });
      // 100 points for October's sale and 10 of the AUTUMN-DRY campaign.
      const october = calculatePeriod(ctx, '2026-10').rows.find((r) => r.code === 'P3')!;
      expect([october.carry, october.total, october.payablePoints, october.held]).toEqual([400, 110, 510, null]);
      expect(verificationQueue(ctx, '2026-10').items.some((i) => i.code === 'INACTIVE')).toBe(false);
    });
  });
});
