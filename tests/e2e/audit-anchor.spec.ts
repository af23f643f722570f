// Settings -> Data shows the head of the seal chain, the anchor to keep outside the file, as the
// database holds it, with a button that copies it; in each language.
import { sealHead } from '../../src-main/db/record-seals';
import { openDatabaseReadOnly } from '../../src-main/db/open-database';
import { expect, openScreen, seedProgram, test } from './fixtures';

test('Settings shows the audit anchor of the database, copyable, in en, pl and ru', async ({
  page,
  server,
  dbFile,
}) => {
  seedProgram(dbFile);
  const store = openDatabaseReadOnly(dbFile);
  const head = sealHead(store.sqlite);
  store.close();
  expect(head.hash).toMatch(/^[0-9a-f]{64}$/);

  await openScreen(page, server, 'settings', 'Settings');
  await expect(page.getByTestId('audit-head')).toHaveText(head.hash);
  await expect(page.getByRole('heading', { name: 'Audit anchor' })).toBeVisible();
  await expect(page.getByTestId('audit-head-copy')).toHaveText('Copy anchor');

  await page.getByTestId('language-select').selectOption('pl');
  await expect(page.getByRole('heading', { name: 'Kotwica audytu' })).toBeVisible();
  await expect(page.getByTestId('audit-head-copy')).toHaveText('Kopiuj kotwicę');
  await page.getByTestId('language-select').selectOption('ru');
  await expect(page.getByRole('heading', { name: 'Якорь аудита' })).toBeVisible();
  await expect(page.getByTestId('audit-head')).toHaveText(head.hash);
});
