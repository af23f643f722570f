// The reference program with the sample client files, seeded through the core as the CLI
// would, for the scoring, explanation, adjustment and rules tests. The .xlsx samples go in
// as CSV copies, so that these tests prove scoring, not the xlsx reader (which has its own).
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { openDatabase } from '../../src-main/db/open-database';
import { readReferenceTemplate } from '../../src-main/core/program/program-store';
import { calculatePeriod } from '../../src-main/core/scoring/period-score';
import type { PeriodResult } from '../../src-main/ipc/contract';
import { samplesDir, seedImportFile, seedParticipantsFile, seedProgram } from './fixtures';
import { SALES_OCTOBER } from './wizard-files';

export interface SeedOptions {
  /** The budget per period in minor units; the reference program's when left out. */
  budgetMinor?: number;
  /** Import October's sales too (September's always). */
  october?: boolean;
}

function csvCell(value: unknown): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (value instanceof Date) text = value.toISOString().slice(0, 10);
  // The program's locale is pl-PL: a decimal comma, as the client's own CSV files have.
  else if (typeof value === 'number') text = String(value).replace('.', ',');
  else text = String(value);
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The first sheet of a sample workbook as a semicolon CSV, cell for cell. */
async function csvCopyOf(xlsxPath: string, dir: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsxPath);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error(`${xlsxPath} has no sheet`);
  const width = sheet.getRow(1).cellCount;
  const lines: string[] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(csvCell(row.getCell(c).value));
    lines.push(cells.join(';'));
  });
  const path = join(dir, basename(xlsxPath).replace(/\.xlsx$/, '.csv'));
  writeFileSync(path, lines.join('\r\n'), 'utf8');
  return path;
}

export async function seedScoredProgram(dbFile: string, options: SeedOptions = {}): Promise<void> {
  const template = readReferenceTemplate() as { rules: Record<string, unknown> };
  seedProgram(
    dbFile,
    options.budgetMinor === undefined
      ? {}
      : { rules: { ...template.rules, budget: { perPeriodMinor: options.budgetMinor } } },
  );
  const dir = mkdtempSync(join(tmpdir(), 'loyalty-samples-'));
  try {
    const csv = (name: string) => csvCopyOf(join(samplesDir, name), dir);
    await seedParticipantsFile(dbFile, await csv('participants.xlsx'));
    await seedImportFile(dbFile, 'products', await csv('products.xlsx'));
    await seedImportFile(dbFile, 'targets', await csv('targets.xlsx'));
    await seedImportFile(dbFile, 'sales', await csv('sales-2026-09.xlsx'));
    if (options.october ?? true) await seedImportFile(dbFile, 'sales', SALES_OCTOBER);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What score.period answers for the period, straight from the core: the figures the screens must show. */
export function scoreFromCore(dbFile: string, period: string): PeriodResult {
  const store = openDatabase(dbFile);
  try {
    return calculatePeriod({ store, actor: 'e2e', now: () => new Date('2026-11-02T08:00:00Z') }, period);
  } finally {
    store.close();
  }
}
