// Issue 14, item 6: the issuer's confirmation read in the operator's language: each mismatch names the file's own
// column and the facts (the top-up's amount and what the file says, in the program's money format).
import { join } from 'node:path';
import { formatMoney, minorToDecimalString } from '../../src-main/core/money/minor-units';
import { writeXlsxWithOpenpyxl } from '../fixtures/client-files';
import { expect, openScreen, test } from './fixtures';
import { approveSeptemberInCore, exportSeptemberInCore, payoutsFromCore, seedPayoutsProgram } from './payouts-seed';

// Money as the screen writes it, with any space the locale puts before "zł" or after "PLN".
const moneyPattern = (minor: number, locale: string) =>
  formatMoney(minor, 'PLN', 2, locale).replace(/[.]/g, '\\.').replace(/\s/g, '\\s');

test('a confirmation’s mismatches name the issuer’s columns and the facts, in English and Polish', async ({
  page,
  server,
  dbFile,
  dataDir,
}) => {
  test.slow();
  await seedPayoutsProgram(dbFile, dataDir);
  approveSeptemberInCore(dbFile);
  await exportSeptemberInCore(dbFile);
  const [first, second] = payoutsFromCore(dbFile, '2026-09').filter((p) => p.method === 'card');
  if (!first || !second) throw new Error('the sample has too few card top-ups');
  // The issuer's own export, with its Polish headers: one right, one wrong amount, one reference never made.
  const file = join(dataDir, 'potwierdzenie-2026-09.xlsx');
  writeXlsxWithOpenpyxl(file, [
    {
      title: 'Doładowania',
      rows: [
        ['Nr referencyjny', 'Kwota', 'Wynik'],
        [first.reference, Number(minorToDecimalString(first.amountMinor, 2)), 'zrealizowano'],
        [second.reference, 999.99, 'zrealizowano'],
        ['LD-2026-09-999999', 10, 'zrealizowano'],
      ],
    },
  ]);

  const readFile = async () => {
    await openScreen(page, server, 'payouts', /.+/);
    await page.getByTestId('import-confirmation').click();
    await expect(page.getByTestId('kind-confirmations').locator('input')).toBeChecked();
    await page.getByTestId('import-file-input').setInputFiles(file);
    const preview = page.getByTestId('import-preview');
    await expect(preview).toBeVisible({ timeout: 20_000 });
    return preview;
  };

  // Each problem under its row, after the header of the issuer's column it is about.
  let preview = await readFile();
  await expect(preview).toContainText(
    new RegExp(
      `Kwota:\\s*The top-up ${second.reference} was ${moneyPattern(second.amountMinor, 'en-US')}; ` +
        `the file says ${moneyPattern(99_999, 'en-US')}\\.`,
    ),
  );
  await expect(preview).toContainText(/Nr referencyjny:\s*No top-up has the reference LD-2026-09-999999;/);

  await page.getByTestId('language-select').selectOption('pl');
  preview = await readFile();
  await expect(preview).toContainText(
    new RegExp(
      `Kwota:\\s*Doładowanie ${second.reference} wynosiło ${moneyPattern(second.amountMinor, 'pl-PL')}; ` +
        `plik podaje ${moneyPattern(99_999, 'pl-PL')}\\.`,
    ),
  );
  await expect(preview).toContainText(/Nr referencyjny:\s*Żadne doładowanie nie ma referencji LD-2026-09-999999;/);
});
