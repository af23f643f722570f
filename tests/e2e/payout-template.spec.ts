// Issue 6: the card issuer's template. The coordinator changes a header and the decimal
// separator, saves, and the exported csv follows them; going back to the built-in template
// undoes it. Columns move with the keyboard, and problems show beside their fields.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minorToDecimalString } from '../../src-main/core/money/minor-units';
import { expect, openScreen, test } from './fixtures';
import { approveSeptemberInCore, payoutsFromCore, seedPayoutsProgram } from './payouts-seed';

test('a header and the decimal separator changed in the template are what the exported csv uses; reset brings back the built-in one', async ({
  page,
  server,
  dbFile,
  dataDir,
}) => {
  await seedPayoutsProgram(dbFile, dataDir);
  approveSeptemberInCore(dbFile);

  // The Payouts screen says which template the card files follow and leads to it.
  await openScreen(page, server, 'payouts', 'Payouts');
  await expect(page.getByTestId('export-template')).toContainText('The card files follow the built-in template.');
  await page.getByTestId('export-template-link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  const card = page.getByTestId('template-card');
  await expect(card.getByRole('heading', { level: 2, name: 'Card issuer’s file template' })).toBeFocused();
  await expect(page.getByTestId('template-kind')).toHaveText('Built-in template');
  await expect(page.getByTestId('template-preview-header')).toHaveAttribute(
    'data-line',
    'Reference;Card;Name;Participant code;Amount;Currency;Period',
  );
  await expect(page.getByTestId('template-preview-row')).toHaveAttribute('data-line', /;1234,50;PLN;/);

  // A header left empty and a comma in both places are refused beside their fields.
  await page.getByTestId('template-columns-0-header').fill('');
  await expect(page.getByTestId('template-columns-0-header-error')).toHaveText('Fill in this field.');
  await expect(page.getByTestId('template-save')).toBeDisabled();
  await page.getByTestId('template-csvSeparator-comma').click();
  await expect(page.getByTestId('template-decimalSeparator-error')).toHaveText(
    'With commas between fields, use a point before the decimals.',
  );
  await expect(page.getByTestId('template-status')).toHaveText('2 fields need attention before saving.');
  await page.getByTestId('template-csvSeparator-semicolon').click();

  // The issuer's own header and a point before the grosze.
  await page.getByTestId('template-columns-0-header').fill('Ref. doładowania');
  await page.getByTestId('template-decimalSeparator-dot').click();
  await expect(page.getByTestId('template-preview-header')).toHaveAttribute(
    'data-line',
    'Ref. doładowania;Card;Name;Participant code;Amount;Currency;Period',
  );
  await expect(page.getByTestId('template-preview-row')).toHaveAttribute('data-line', /;1234\.50;PLN;/);

  // The amount moves up with the keyboard; focus stays on its button.
  await page.getByTestId('template-column-up-4').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('template-column').nth(3)).toHaveAttribute('data-field', 'amount');
  await expect(page.getByTestId('template-column-up-3')).toBeFocused();
  await expect(page.getByTestId('template-status')).toHaveText('Changes not saved yet.');
  await page.getByTestId('template-save').click();
  await expect(page.getByTestId('template-saved')).toContainText('is saved');
  await expect(page.getByTestId('template-kind')).toHaveText('Your template');

  // The csv of the approved period follows the saved template.
  await page.getByTestId('nav-payouts').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Payouts' })).toBeVisible();
  await expect(page.getByTestId('export-template')).toContainText(
    'The card files follow the template “Built-in card top-up layout”.',
  );
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const saved = join(dataDir, download.suggestedFilename());
  await download.saveAs(saved);
  const text = readFileSync(saved, 'utf8').replace(/^\uFEFF/, '');
  const [header, ...rows] = text.split('\r\n').filter((line) => line !== '');
  expect(header).toBe('Ref. doładowania;Card;Name;Amount;Participant code;Currency;Period');
  const cards = payoutsFromCore(dbFile, '2026-09').filter((p) => p.method === 'card');
  expect(rows).toHaveLength(cards.length);
  const first = cards[0];
  if (!first) throw new Error('the sample has no card top-up');
  const line = rows.find((r) => r.startsWith(`${first.reference};`));
  expect(line?.split(';')[3]).toBe(minorToDecimalString(first.amountMinor, 2));

  // Back to the built-in template.
  await page.getByTestId('export-template-link').click();
  await expect(page.getByTestId('template-kind')).toHaveText('Your template');
  await page.getByTestId('template-builtin').click();
  await expect(page.getByTestId('template-saved')).toContainText('The built-in template is back.');
  await expect(page.getByTestId('template-kind')).toHaveText('Built-in template');
  await expect(page.getByTestId('template-columns-0-header')).toHaveValue('Reference');
  await expect(page.getByTestId('template-decimalSeparator-comma').locator('input')).toBeChecked();
  await expect(page.getByTestId('template-builtin')).toBeDisabled();
});
