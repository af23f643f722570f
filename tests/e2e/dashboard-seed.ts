// The demo, and the demo a month on: September and October approved (so the charts have an approval to show and
// October's movers a September to compare with), September's card top-ups exported and waiting for the issuer's
// answer, and a first November file with a line under a code no participant has, so that an open period has a finding.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { approvePeriod } from '../../src-main/core/approval/approve-period';
import type { CoreContext } from '../../src-main/core/context';
import { createDemo } from '../../src-main/core/demo/create-demo';
import { exportPayouts } from '../../src-main/core/payouts/export-payouts';
import { importSales } from '../../src-main/core/sales/import-sales';
import { openDatabase } from '../../src-main/db/open-database';

export const NOVEMBER_UNKNOWN_CODE = 'PH-999';

async function withCore(dbFile: string, run: (ctx: CoreContext) => Promise<void>): Promise<void> {
  const store = openDatabase(dbFile);
  try {
    await run({ store, actor: 'e2e', now: () => new Date('2026-11-05T08:00:00Z') });
  } finally {
    store.close();
  }
}

export function seedDemo(dbFile: string): Promise<void> {
  return withCore(dbFile, async (ctx) => {
    await createDemo(ctx);
  });
}

/** The demo's next month, through the core as the CLI would do it (another window may be open on the file). */
export function advanceDemoAMonth(dbFile: string, dataDir: string): Promise<void> {
  return withCore(dbFile, async (ctx) => {
    const reasons = { acceptOpenAnomalies: 'Checked with the client.', overrideBudget: 'Agreed with the client.' };
    approvePeriod(ctx, '2026-09', reasons);
    await exportPayouts(ctx, '2026-09', 'xlsx');
    approvePeriod(ctx, '2026-10', reasons);
    const path = join(dataDir, 'sales-2026-11.csv');
    const rows = [
      'Data;Kod przedstawiciela;Indeks;Ilość;Wartość netto;Nr faktury',
      '03.11.2026;PH-001;DOG-01;10;1200,00;FV/11/001',
      `04.11.2026;${NOVEMBER_UNKNOWN_CODE};DOG-01;4;480,00;FV/11/002`,
    ];
    writeFileSync(path, `${rows.join('\r\n')}\r\n`, 'utf8');
    await importSales(ctx, { fileName: 'sales-2026-11.csv', bytes: readFileSync(path) }, { period: '2026-11' });
  });
}
