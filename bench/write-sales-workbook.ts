// The benchmark's input: a sales workbook shaped like the client's (../shared/samples/
// sales-2026-09.xlsx: Date as date cells, Rep code, SKU, Qty, Net value with two decimals,
// Invoice, Line), written with exceljs's streaming WorkbookWriter so that even a large one
// is written in little memory. Seeded, so every run reads the same file.
import ExcelJS from 'exceljs';

export const BENCH_PERIOD = '2026-10';
export const BENCH_PARTICIPANTS = 400;
export const BENCH_SKUS = [
  'DOG-01',
  'DOG-02',
  'CAT-07',
  'CAT-08',
  'TOY-3',
  'CARE-1',
  'DOG-05',
  'CAT-11',
  'BIRD-2',
  'FISH-4',
];

/** mulberry32: a tiny seeded generator. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function participantCode(n: number): string {
  return `R${String(n).padStart(4, '0')}`;
}

/** Writes `rows` sales lines (plus the header) into `path`. */
export async function writeSalesWorkbook(path: string, rows: number): Promise<void> {
  const random = seeded(20261031);
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  const sheet = workbook.addWorksheet('Sales');
  sheet.addRow(['Date', 'Rep code', 'SKU', 'Qty', 'Net value', 'Invoice', 'Line']).commit();
  let invoice = 0;
  let line = 0;
  for (let i = 0; i < rows; i++) {
    if (line === 0 || random() < 0.4) {
      invoice++;
      line = 1;
    } else line++;
    const netMinor = between(500, 500_000);
    const row = sheet.addRow([
      new Date(Date.UTC(2026, 9, between(1, 31))),
      participantCode(between(1, BENCH_PARTICIPANTS)),
      BENCH_SKUS[between(0, BENCH_SKUS.length - 1)],
      between(1, 40),
      // A two-decimal number cell, as the ERP writes it (the float nearest the decimal).
      netMinor / 100,
      `INV-${String(invoice).padStart(6, '0')}`,
      line,
    ]);
    row.getCell(1).numFmt = 'dd.mm.yyyy';
    row.getCell(5).numFmt = '#,##0.00';
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
}
