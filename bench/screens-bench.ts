// npm run bench:screens: how long each screen takes to open, and how smoothly the big tables scroll, in the real
// renderer (the built one, `npm run build`) in headless Chromium, behind the real web server, as a coordinator runs it.
//
// Two data files, both at the bench:score size of 2,000 participants and 100,000 lines a period:
//   - the approved year (bench/approved-year.ts: 12 approved periods, 1,200,000 lines), copied: Dashboard, Budget,
//     Payouts, Reports, Audit, Participants, Import, Rules;
//   - a program whose one period is open with 100,000 lines and its findings: Scoring (the draft) and Verification.
// A screen is timed from the click on its link in the navigation to its content on screen (the selector below), the
// median of --runs N (3) after a first visit, which is printed too (the core keeps an open period's draft and
// findings until the next write, so the first visit scores the period and the next ones do not). Scrolling: the
// Scoring, Participants and Verification pages are scrolled through 4,000 px a frame at a time; the longest frame and
// the 95th percentile are printed. Target: each screen under 1 s.
import { chromium, type Page } from '@playwright/test';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CoreContext } from '../src-main/core/context';
import { calculatePeriod } from '../src-main/core/scoring/period-score';
import { openDatabase } from '../src-main/db/open-database';
import { startWebServer } from '../src-main/web/web-server';
import { seedBigProgram } from '../tests/fixtures/big-program';
import { rendererDir } from '../tests/e2e/fixtures';
import { approvedYear } from './approved-year';

const at = process.argv.indexOf('--runs');
const RUNS = at >= 0 ? Number(process.argv[at + 1]) : 3;
/** `--only year` or `--only open`: one of the two files. */
const onlyAt = process.argv.indexOf('--only');
const ONLY = onlyAt >= 0 ? process.argv[onlyAt + 1] : null;

/** Each screen's link in the navigation and what shows that it is ready. */
const SCREENS: Record<string, { link: string; ready: string }> = {
  dashboard: { link: 'Dashboard', ready: '[data-testid="dashboard-charts"]' },
  import: { link: 'Import', ready: '[data-testid="import-batches"]' },
  participants: { link: 'Participants', ready: '[data-testid="participants-grid"] [role="row"][data-key]' },
  rules: { link: 'Rules', ready: '[data-testid="rules-version"]' },
  scoring: { link: 'Scoring', ready: '[data-testid="score-grid"] [role="row"][data-key]' },
  verification: {
    link: 'Verification',
    ready: '[data-testid="findings-table"] [role="row"][data-key], [data-testid="verify-locked"]',
  },
  payouts: {
    link: 'Payouts',
    ready: '[data-testid="payouts-grid"] [role="row"][data-key], [data-testid="proposal-grid"]',
  },
  budget: { link: 'Budget', ready: '[data-testid="budget-row"]' },
  reports: { link: 'Reports', ready: '[data-testid="client-reports"]' },
  audit: { link: 'Audit', ready: '[data-testid="log-table"]' },
};

function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The first visit (the core reads the file cold: nothing kept since the last write) and the next `RUNS`. */
async function timeScreen(page: Page, name: string): Promise<{ first: number; times: number[] }> {
  const screen = SCREENS[name]!;
  const times: number[] = [];
  let first = 0;
  for (let run = 0; run <= RUNS; run++) {
    // From another screen each time, so that the screen is built anew and asks the core again.
    const away = name === 'settings' ? 'Dashboard' : 'Settings';
    await page.getByRole('navigation').getByRole('link', { name: away, exact: true }).click();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const start = performance.now();
    await page
      .getByRole('navigation')
      .getByRole('link', { name: new RegExp(`^${screen.link}`) })
      .click();
    await page.locator(screen.ready).first().waitFor({ timeout: 120_000 });
    if (run > 0) times.push(performance.now() - start);
    else first = performance.now() - start;
  }
  return { first, times };
}

/**
 * Scrolls `scroller` (the page's main area, or a table's own box) 40 px a frame, 100 times, and gives the frames'
 * durations. Written as the page's own script: this file is compiled without the browser's types.
 */
async function scrollFrames(page: Page, scroller: string): Promise<{ longest: number; p95: number; frames: number }> {
  return page.evaluate(`(async () => {
    const box = document.querySelector(${JSON.stringify(scroller)});
    const deltas = [];
    let last = performance.now();
    for (let i = 0; i < 100; i++) {
      box.scrollTop += 40;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const now = performance.now();
      deltas.push(now - last);
      last = now;
    }
    deltas.sort((a, b) => a - b);
    return { longest: deltas[deltas.length - 1], p95: deltas[Math.floor(deltas.length * 0.95)], frames: deltas.length };
  })()`);
}

async function measureFile(dbFile: string, screens: readonly string[], scroll: boolean): Promise<void> {
  const server = await startWebServer({ dbFile, rendererDir, actor: 'bench', coreHost: 'built' });
  if (!server.rendererBuilt) throw new Error('The renderer is not built: run "npm run build" first.');
  const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  const browser = await chromium.launch({
    executablePath,
    args: executablePath ? ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] : [],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${server.url}#/dashboard`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    for (const name of screens) {
      const { first, times } = await timeScreen(page, name);
      console.log(
        `${name.padEnd(13)} median ${median(times).toFixed(0).padStart(5)} ms` +
          `  (${times.map((t) => t.toFixed(0)).join(', ')} ms; first visit ${first.toFixed(0)} ms)`,
      );
      const scroller = { scoring: 'main', participants: 'main', verification: 'main' }[name];
      if (scroll && scroller) {
        const frames = await scrollFrames(page, scroller);
        console.log(
          `${'  scrolling'.padEnd(13)} ${frames.frames} frames of 40 px: 95% within ${frames.p95.toFixed(1)} ms, ` +
            `longest ${frames.longest.toFixed(1)} ms`,
        );
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

console.log(
  `${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GB, ` +
    `load ${loadavg()[0]!.toFixed(2)}, Node ${process.version}, ${RUNS} runs`,
);
const dir = mkdtempSync(join(tmpdir(), 'loyalty-screens-bench-'));
try {
  if (ONLY !== 'open') {
    const year = join(dir, 'year.db');
    copyFileSync(
      approvedYear((line) => console.log(line)),
      year,
    );
    console.log('The approved year (12 periods approved, 1,200,000 lines):');
    await measureFile(
      year,
      ['dashboard', 'import', 'participants', 'rules', 'payouts', 'budget', 'reports', 'audit'],
      true,
    );
  }
  if (ONLY === 'year') process.exit(0);

  const open = join(dir, 'open.db');
  const store = openDatabase(open);
  const ctx: CoreContext = { store, actor: 'bench', now: () => new Date('2026-02-02T08:00:00Z') };
  try {
    seedBigProgram(ctx, { firstPeriod: '2026-01', periods: 1, lines: 100_000, participants: 2000 });
    // Calculated once, as the coordinator would have: the Scoring screen opens with the draft's table.
    calculatePeriod(ctx, '2026-01');
  } finally {
    store.close();
  }
  console.log('One open period of 100,000 lines, calculated:');
  await measureFile(open, ['scoring', 'verification', 'payouts'], true);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
