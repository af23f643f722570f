// Screenshots of every screen, for looking at the app as a person would:
//   npx tsx tests/e2e/tools/take-screenshots.ts [outDir]     (default /tmp/shots)
// Needs the built renderer (npm run build). Not a test: nothing is asserted here.
import { chromium, type Page } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebServer } from '../../../src-main/web/web-server';
import { rendererDir, samplesDir } from '../fixtures';

const outDir = process.argv[2] ?? '/tmp/shots';
mkdirSync(outDir, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'loyalty-shots-'));

// A second participants file with something of everything: changes, new rows and problems.
const october = [
  'Kod przedstawiciela;Imię i nazwisko;E-mail;Data przystąpienia;Karta;Status;Region;IBAN',
  'R0002;Jakub Malinowski;r0002@client.example;09.08.2026;4000-0002;aktywny;Central;',
  'R0005;Natalia Górska;r0005@client.example;21.08.2026;4000-0005;aktywny;North;',
  'R0007;Joanna Michalska;r0007@client.example;29.08.2026;4000-0007;nieaktywny;South;',
  'R0013;Tomasz Lewandowski;r0013@client.example;02.10.2026;4000-0013;aktywny;East;',
  'R0014;Agnieszka Dąbrowska;agnieszka(at)client;03.10.2026;4000-0014;aktywny;East;',
  'R0015;Paweł Kamiński;r0015@client.example;31.02.2026;;aktywny;West;',
  'R0016;Ewa Zielińska;r0016@client.example;05.10.2026;;aktywny;West;PL61109010140000071219812875',
  'R0013;Tomasz Lewandowski;r0013@client.example;02.10.2026;4000-0013;aktywny;East;',
  'R0017;;r0017@client.example;06.10.2026;4000-0017;aktywny;North;',
  'R0018;Marek Wiśniewski;r0018@client.example;07.10.2026;4000-0018;zawieszony;North;',
  'Razem;;;;;;;',
].join('\r\n');
writeFileSync(join(work, 'participants-october.csv'), october, 'utf8');
writeFileSync(
  join(work, 'participants-november.csv'),
  october.replace('Central', 'Zachód').replace('4000-0005', '4000-9005'),
  'utf8',
);

async function shot(page: Page, name: string): Promise<void> {
  // Let animations (progress bars, panel slide) settle.
  await page.waitForTimeout(350);
  await page.screenshot({ path: join(outDir, `${name}.png`) });
  console.log(`${outDir}/${name}.png`);
}

const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
const browser = await chromium.launch({
  executablePath,
  args: executablePath ? ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] : [],
});
const server = await startWebServer({
  dbFile: join(work, 'loyalty.db'),
  rendererDir,
  actor: 'anna',
  coreHost: 'built',
});
try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 860 }, locale: 'en-US' });
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByTestId('language-select').selectOption('en');
  await shot(page, '01-welcome');

  await page.getByTestId('create-program').click();
  await page.getByLabel('Program name').waitFor();
  await shot(page, '02-create-form');
  await page.getByLabel('Program name').fill('');
  await page.getByTestId('create-point-value').fill('0.105');
  await page.getByTestId('create-submit').click();
  await page.getByTestId('error-name').waitFor();
  await page.getByTestId('error-pointValueMinor').waitFor();
  await shot(page, '03-create-form-errors');
  await page.getByLabel('Program name').fill('Partner Plus');
  await page.getByTestId('create-point-value').fill('0.10');
  await page.getByTestId('create-submit').click();
  await page.getByTestId('program-facts').waitFor();
  await shot(page, '04-dashboard-empty');

  await page.getByTestId('nav-import').click();
  await page.getByTestId('import-file-input').setInputFiles(join(samplesDir, 'participants.xlsx'));
  await page.getByTestId('import-commit').click();
  await page.getByTestId('import-report').waitFor();
  await shot(page, '05-import-report-clean');
  await page.getByRole('button', { name: 'Import another file' }).click();
  await page.getByTestId('import-file-input').setInputFiles(join(work, 'participants-october.csv'));
  await page.getByTestId('import-commit').click();
  await page.getByTestId('import-report').waitFor();
  await shot(page, '06-import-report-problems');
  await page.locator('#main').evaluate((main) => main.scrollTo({ top: main.scrollHeight }));
  await shot(page, '06b-import-report-bottom');

  const bad = join(work, 'bad.xlsx');
  writeFileSync(bad, Buffer.from('not a workbook at all'.repeat(50)));
  await page.getByRole('button', { name: 'Import another file' }).click();
  await page.getByTestId('import-file-input').setInputFiles(bad);
  await page.getByTestId('import-error').waitFor();
  await shot(page, '07-import-error');

  await page.getByTestId('nav-participants').click();
  await page.getByTestId('participants-count').waitFor();
  await shot(page, '08-participants');
  await page.locator('.grid-body [role="row"]', { hasText: 'R0005' }).click();
  await page.getByTestId('participant-history').waitFor();
  await shot(page, '09-participant-detail');
  await page.keyboard.press('Escape');

  await page.getByTestId('nav-dashboard').click();
  await page.getByTestId('stat-total').waitFor();
  await shot(page, '10-dashboard');

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('data-file').waitFor();
  await shot(page, '11-settings');

  await page.getByTestId('nav-audit').click();
  await page.getByTestId('operator-log').waitFor();
  await shot(page, '12-audit');

  await page.getByTestId('language-select').selectOption('ru');
  await page.getByTestId('nav-dashboard').click();
  await page.getByTestId('stat-total').waitFor();
  await shot(page, '13-ru-dashboard');
  await page.getByTestId('nav-participants').click();
  await page.locator('.grid-body [role="row"]', { hasText: 'R0005' }).click();
  await page.getByTestId('participant-history').waitFor();
  await shot(page, '14-ru-participant-detail');
  await page.getByTestId('nav-import').click();
  await page.getByTestId('drop-zone').waitFor();
  await shot(page, '15-ru-import');
  await page.getByTestId('import-file-input').setInputFiles(join(work, 'participants-november.csv'));
  await page.getByTestId('import-commit').click();
  await page.getByTestId('import-report').waitFor();
  await shot(page, '15b-ru-import-report');
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('data-file').waitFor();
  await shot(page, '16-ru-settings');

  await page.getByTestId('language-select').selectOption('pl');
  await page.getByTestId('nav-import').click();
  await page.getByTestId('import-file-input').setInputFiles(join(work, 'participants-october.csv'));
  await page.getByTestId('import-error').waitFor();
  await shot(page, '17-pl-import-already');
  await page.getByTestId('nav-audit').click();
  await page.getByTestId('operator-log').waitFor();
  await shot(page, '18-pl-audit');

  const small = await browser.newPage({ viewport: { width: 1024, height: 700 }, locale: 'pl-PL' });
  await small.goto(`${server.url}#/participants`);
  await small.getByTestId('participants-count').waitFor();
  await shot(small, '19-pl-participants-1024');
  await small.goto(`${server.url}#/dashboard`);
  await small.getByTestId('stat-total').waitFor();
  await shot(small, '20-pl-dashboard-1024');
} finally {
  await server.close();
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
