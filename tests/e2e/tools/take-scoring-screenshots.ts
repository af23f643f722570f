// Screenshots of the scoring, explanation, points and rules screens, in English, Polish and Russian at 1440 and 1024
// px (SHOT_WIDTHS=1440 takes fewer):
//   npx tsx tests/e2e/tools/take-scoring-screenshots.ts [outDir]     (default /tmp/shots-scoring)
// Needs the built renderer (npm run build). Not a test: nothing is asserted here.
import { chromium, type Page } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readReferenceTemplate } from '../../../src-main/core/program/program-store';
import { startWebServer } from '../../../src-main/web/web-server';
import { rendererDir, samplesDir, seedImportFile, seedParticipantsFile, seedProgram } from '../fixtures';

const outDir = process.argv[2] ?? '/tmp/shots-scoring';
mkdirSync(outDir, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'loyalty-shots-'));
const dbFile = join(work, 'loyalty.db');

const template = readReferenceTemplate() as { rules: Record<string, unknown> };
seedProgram(dbFile, { rules: { ...template.rules, budget: { perPeriodMinor: 200_000 } } });
await seedParticipantsFile(dbFile, join(samplesDir, 'participants.xlsx'));
await seedImportFile(dbFile, 'products', join(samplesDir, 'products.xlsx'));
await seedImportFile(dbFile, 'targets', join(samplesDir, 'targets.xlsx'));
await seedImportFile(dbFile, 'sales', join(samplesDir, 'sales-2026-09.xlsx'));
await seedImportFile(dbFile, 'sales', join(samplesDir, 'sales-2026-10.csv'));

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400);
  const file = join(outDir, `${page.viewportSize()?.width ?? 0}-${name}.png`);
  await page.screenshot({ path: file });
  console.log(file);
}

const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
const browser = await chromium.launch({
  executablePath,
  args: executablePath ? ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] : [],
});
const server = await startWebServer({ dbFile, rendererDir, actor: 'anna', coreHost: 'built' });
try {
  const widths = (process.env.SHOT_WIDTHS ?? '1440,1024').split(',').map(Number);
  const languages = ['en', 'pl', 'ru'] as const;
  for (const width of widths)
    for (const language of languages) {
      const page = await browser.newPage({ viewport: { width, height: 860 }, locale: 'en-US' });
      // Only the last pass approves: the others stop at the over-budget question, so every pass sees the same data.
      const lastPass = width === widths[widths.length - 1] && language === languages[languages.length - 1];
      await page.goto(`${server.url}#/scoring`);
      await page.getByTestId('language-select').selectOption(language);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByTestId('scoring-period').selectOption('2026-09');
      if (
        await page
          .getByTestId('calculate')
          .isVisible()
          .catch(() => false)
      ) {
        await shot(page, `${language}-10-scoring-not-calculated`);
        await page.getByTestId('calculate').click();
      }
      await page.getByTestId('score-grid').waitFor();
      await shot(page, `${language}-11-scoring-draft`);
      await page.locator('#main').evaluate((main) => main.scrollTo({ top: main.scrollHeight }));
      await shot(page, `${language}-12-scoring-bottom`);
      await page.locator('[data-testid="score-grid"] [role="row"][data-key]').nth(1).click();
      await page.getByTestId('explanation').waitFor();
      await shot(page, `${language}-13-explain`);
      await page
        .getByTestId('explain-panel')
        .locator('.detail-body')
        .evaluate((body) => body.scrollTo({ top: body.scrollHeight }));
      await shot(page, `${language}-14-explain-bottom`);
      await page.getByTestId('explain-close').click();

      await page.goto(`${server.url}#/participants`);
      await page.locator('.grid-body [role="row"]').nth(1).click();
      await page.getByTestId('points-section').waitFor();
      await page.getByTestId('explanation').waitFor();
      await page
        .getByTestId('points-section')
        .locator('h3')
        .first()
        .evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
      await shot(page, `${language}-20-participant-points`);
      await page.getByTestId('adjust-submit').click();
      await page.getByTestId('adjust-reason-error').scrollIntoViewIfNeeded();
      await shot(page, `${language}-21-adjust-errors`);

      await page.goto(`${server.url}#/rules`);
      await page.getByTestId('what-if-totals').waitFor();
      await shot(page, `${language}-30-rules`);
      await page.getByTestId('rule-baseRate-points').fill('2');
      await page.getByTestId('rule-tiers-0-bonusPct').fill('2000');
      await page.waitForTimeout(900);
      await shot(page, `${language}-31-rules-edited`);
      await page.getByTestId('rule-tiers-0-bonusPct').fill('10');
      await page.waitForTimeout(900);
      await page.locator('#main').evaluate((main) => main.scrollTo({ top: main.scrollHeight }));
      await shot(page, `${language}-32-rules-bottom`);
      await page.getByTestId('rules-save').click();
      await page.getByTestId('save-rules-dialog').waitFor();
      await shot(page, `${language}-33-rules-save`);
      await page.keyboard.press('Escape');
      await page.getByTestId('rules-reset').click();

      {
        await page.goto(`${server.url}#/scoring`);
        await page.getByTestId('scoring-period').selectOption('2026-09');
        await page.getByTestId('approve').click();
        await page.getByTestId('approve-dialog').waitFor();
        await shot(page, `${language}-15-approve-confirm`);
        await page.getByTestId('approve-confirm').click();
        await page.getByTestId('open-findings-dialog').waitFor();
        await shot(page, `${language}-15b-open-findings`);
        await page.getByTestId('override-reason').fill('Findings checked with the client.');
        await page.getByTestId('override-confirm').click();
        await page.getByTestId('over-budget-dialog').waitFor();
        await page.getByTestId('override-confirm').click();
        await shot(page, `${language}-16-over-budget`);
        if (!lastPass) {
          await page.keyboard.press('Escape');
          await page.close();
          continue;
        }
        await page.getByTestId('override-reason').fill('Agreed with the client on 3 October by phone.');
        await page.getByTestId('override-confirm').click();
        await page.getByTestId('locked-banner').waitFor();
        await shot(page, `${language}-17-locked`);
      }
      await page.close();
    }
} finally {
  await server.close();
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
