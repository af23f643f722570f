// Every screen at 1440 and 1024 px wide, in English, Polish and Russian, with the demo data after September's
// approval (October open, with its findings): for looking at the whole app as a careful designer would.
// Each picture is the whole page, however long.
//   npx tsx tests/e2e/tools/take-all-screens.ts [outDir]     (default /tmp/all-screens)
// Needs the built renderer (npm run build). Not a test: nothing is asserted here.
import { chromium } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { approvePeriod } from '../../../src-main/core/approval/approve-period';
import { createDemo } from '../../../src-main/core/demo/create-demo';
import { openDatabase } from '../../../src-main/db/open-database';
import { calculatePeriod } from '../../../src-main/core/scoring/period-score';
import { startWebServer } from '../../../src-main/web/web-server';
import { rendererDir } from '../fixtures';

const outDir = process.argv[2] ?? '/tmp/all-screens';
mkdirSync(outDir, { recursive: true });
const dbFile = join(mkdtempSync(join(tmpdir(), 'loyalty-all-screens-')), 'loyalty.db');
const store = openDatabase(dbFile);
try {
  const ctx = { store, actor: 'anna', now: () => new Date('2026-11-02T08:00:00Z') };
  await createDemo(ctx);
  approvePeriod(ctx, '2026-09', { acceptOpenAnomalies: 'Sprawdzone.', overrideBudget: 'Uzgodnione z klientem.' });
  calculatePeriod(ctx, '2026-10');
} finally {
  store.close();
}

/** Each screen's route; the period screens open the open month (October), where the work is. */
const SCREENS = [
  'dashboard',
  'import',
  'participants',
  'rules',
  'scoring?period=2026-10',
  'verification?period=2026-10',
  'payouts?period=2026-10',
  'payouts?period=2026-09',
  'budget',
  'reports',
  'audit',
  'settings',
];

const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
const browser = await chromium.launch({
  executablePath,
  args: executablePath ? ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] : [],
});
const server = await startWebServer({ dbFile, rendererDir, actor: 'anna', coreHost: 'built' });
try {
  for (const width of [1440, 1024]) {
    const height = width === 1440 ? 900 : 700;
    const page = await browser.newPage({ viewport: { width, height } });
    for (const language of ['en', 'pl', 'ru']) {
      await page.goto(`${server.url}#/dashboard`);
      await page.getByTestId('language-select').selectOption(language);
      for (const screen of SCREENS) {
        await page.goto(`${server.url}#/${screen}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(400);
        const name = `${width}-${language}-${screen.replace(/\?period=/, '-')}.png`;
        // The page scrolls inside its main area, not the window: the window is made as tall as that area's
        // content for the picture (at most 6,000 px), then given back its height.
        const tall = await page.locator('main').evaluate((main) => main.scrollHeight - main.clientHeight);
        await page.setViewportSize({ width, height: Math.min(6000, height + tall) });
        await page.waitForTimeout(200);
        await page.screenshot({ path: join(outDir, name) });
        await page.setViewportSize({ width, height });
        console.log(join(outDir, name));
      }
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
