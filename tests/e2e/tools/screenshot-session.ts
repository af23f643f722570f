// What every screenshot script needs: an output folder, Debian's Chromium (or Playwright's
// own), and for each language a fresh seeded database behind the real web server.
import { chromium, type Locator, type Page } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebServer } from '../../../src-main/web/web-server';
import { rendererDir } from '../fixtures';

export type Shot = (target: Page | Locator, name: string) => Promise<void>;

export interface ScreenshotVisit {
  page: Page;
  language: 'en' | 'pl' | 'ru';
  /** The web server's address, with its session token. */
  url: string;
  shot: Shot;
  /** The seeded database and its temporary folder, for scripts that act on the core directly. */
  dbFile: string;
  work: string;
}

export async function takeScreenshots(
  defaultOutDir: string,
  seed: (dbFile: string, work: string) => Promise<void>,
  visit: (v: ScreenshotVisit) => Promise<void>,
): Promise<void> {
  const outDir = process.argv[2] ?? defaultOutDir;
  mkdirSync(outDir, { recursive: true });
  // The widths the guide asks to look at; SHOT_WIDTHS=1440 (comma-separated) takes fewer.
  const widths = (process.env.SHOT_WIDTHS ?? '1440,1024').split(',').map(Number);
  const shotAt =
    (width: number): Shot =>
    async (target, name) => {
      const page = 'page' in target ? target.page() : target;
      // Let transitions (progress bars, focus rings) settle.
      await page.waitForTimeout(400);
      const path = join(outDir, `${width}-${name}.png`);
      await target.screenshot({ path });
      console.log(path);
    };
  const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  const browser = await chromium.launch({
    executablePath,
    args: executablePath ? ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] : [],
  });
  try {
    for (const width of widths) {
      for (const language of ['en', 'pl', 'ru'] as const) {
        const work = mkdtempSync(join(tmpdir(), 'loyalty-shots-'));
        const dbFile = join(work, 'loyalty.db');
        await seed(dbFile, work);
        const server = await startWebServer({ dbFile, rendererDir, actor: 'anna', coreHost: 'built' });
        try {
          const page = await browser.newPage({
            viewport: { width, height: 860 },
            locale: 'en-US',
            acceptDownloads: true,
          });
          await visit({ page, language, url: server.url, shot: shotAt(width), dbFile, work });
        } finally {
          await server.close();
          rmSync(work, { recursive: true, force: true });
        }
      }
    }
  } finally {
    await browser.close();
  }
}
