// The sample program for verification, approval and payouts: September's sample sales with
// a low budget, plus one line whose representative code the client mistyped, so that the
// queue has a finding to assign as well as findings to accept.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { approvePeriod } from '../../src-main/core/approval/approve-period';
import { listPayouts } from '../../src-main/core/payouts/payout-views';
import { exportPayouts } from '../../src-main/core/payouts/export-payouts';
import { openDatabase } from '../../src-main/db/open-database';
import type { PayoutView } from '../../src-main/ipc/contract';
import { seedImportFile } from './fixtures';
import { seedScoredProgram } from './scoring-seed';

/** 10.00 PLN: the sample September pays far more, so approval needs a written reason. */
export const LOW_BUDGET_MINOR = 1_000;

/** The mistyped code of the extra line: no participant has it. */
export const UNKNOWN_CODE = 'R0O01';

function coreContext(store: ReturnType<typeof openDatabase>) {
  return { store, actor: 'e2e', now: () => new Date('2026-10-03T08:00:00Z') };
}

/** A late September sales file with one line under a code no participant has. */
export function writeMistypedSales(dir: string): string {
  const path = join(dir, 'sales-2026-09-late.csv');
  const rows = [
    'Data;Kod przedstawiciela;Indeks;Ilość;Wartość netto;Nr faktury',
    `29.09.2026;${UNKNOWN_CODE};DOG-01;4;480,00;FV/09/999`,
  ];
  writeFileSync(path, `${rows.join('\r\n')}\r\n`, 'utf8');
  return path;
}

export async function seedPayoutsProgram(dbFile: string, dataDir: string): Promise<void> {
  await seedScoredProgram(dbFile, { budgetMinor: LOW_BUDGET_MINOR, october: false });
  await seedImportFile(dbFile, 'sales', writeMistypedSales(dataDir));
}

/** Approves September through the core, as the CLI would: for the tests that start after approval. */
export function approveSeptemberInCore(dbFile: string): void {
  const store = openDatabase(dbFile);
  try {
    approvePeriod(coreContext(store), '2026-09', {
      acceptOpenAnomalies: 'Checked with the client.',
      overrideBudget: 'Agreed with the client.',
    });
  } finally {
    store.close();
  }
}

/** Exports September's top-ups as the issuer's xlsx through the core, as the CLI would; gives the batch's reference. */
export async function exportSeptemberInCore(dbFile: string, at = '2026-10-04T08:00:00Z'): Promise<string> {
  const store = openDatabase(dbFile);
  try {
    return (await exportPayouts({ store, actor: 'e2e', now: () => new Date(at) }, '2026-09', 'xlsx')).batch.batchRef;
  } finally {
    store.close();
  }
}

export function payoutsFromCore(dbFile: string, period: string): PayoutView[] {
  const store = openDatabase(dbFile);
  try {
    return listPayouts(coreContext(store), period);
  } finally {
    store.close();
  }
}
