// Issue 14, item 3: the program's name and point value changed on the Settings screen in Polish, the point value typed
// as money ("0,12 zł"), with a reason; the change is confirmed with its version and listed in the history, the
// currency is not offered once files were imported, and every screen reads the new name.
import { programSettings } from '../../src-main/core/program/program-settings';
import { requireProgram } from '../../src-main/core/program/program-store';
import { openDatabase } from '../../src-main/db/open-database';
import { expect, openScreen, test } from './fixtures';
import { seedScoredProgram } from './scoring-seed';

function saved(dbFile: string) {
  const store = openDatabase(dbFile);
  try {
    const ctx = { store, actor: 'e2e', now: () => new Date() };
    return { program: requireProgram(ctx), settings: programSettings(ctx) };
  } finally {
    store.close();
  }
}

test('the name and the point value change in Polish with a reason, confirmed and listed in the history', async ({
  page,
  server,
  dbFile,
}) => {
  test.slow();
  await seedScoredProgram(dbFile);
  await openScreen(page, server, 'settings', 'Settings');
  await page.getByTestId('language-select').selectOption('pl');
  const card = page.locator('#program-settings');
  await expect(card.getByRole('heading', { name: 'Zmiana ustawień programu' })).toBeVisible();
  await expect(card.getByTestId('program-settings-point-value')).toHaveValue('0,10');
  // Files were imported: the currency is said, not offered.
  await expect(card.getByTestId('program-settings-currency')).toHaveCount(0);
  await expect(card.getByTestId('program-settings-currency-locked')).toContainText('Waluty nie można już zmienić');

  // Problems are named at their fields, and nothing is saved.
  await card.getByTestId('program-settings-point-value').fill('dziesięć groszy');
  await card.getByTestId('program-settings-save').click();
  await expect(card.getByTestId('program-settings-pointValue-error')).toBeVisible();
  await expect(card.getByTestId('program-settings-reason-error')).toHaveText(
    'Podaj powód: zostanie zapisany razem ze zmianą.',
  );
  expect(saved(dbFile).settings.history).toHaveLength(1);

  await card.getByTestId('program-settings-name').fill('Partner Plus 2027');
  await card.getByTestId('program-settings-point-value').fill('0,12 zł');
  await expect(card.getByTestId('program-settings-pointValue-error')).toHaveCount(0);
  await card.getByTestId('program-settings-reason').fill('Klient podniósł wartość punktu od nowego roku');
  await card.getByTestId('program-settings-save').click();

  await expect(card.getByTestId('program-settings-saved')).toHaveText(
    'Zapisano jako wersję 2 ustawień. Nowa wartość punktu jest w wersji reguł 2: okresy przeliczane od teraz jej użyją, zatwierdzone zachowają swoją.',
  );
  const version = card.getByTestId('program-settings-version-2');
  await expect(version).toContainText('Wersja 2');
  await expect(version).toContainText('wersja reguł 2');
  await expect(version).toContainText('Klient podniósł wartość punktu od nowego roku');
  await expect(version).toContainText('Nazwa programu: Partner Plus → Partner Plus 2027');
  await expect(version).toContainText(/Wartość jednego punktu: 0,10\szł → 0,12\szł/);
  await expect(card.getByTestId('program-settings-version-1')).toContainText('Utworzono program');
  // The form starts again from the settings in force; the top bar reads the new name.
  await expect(card.getByTestId('program-settings-point-value')).toHaveValue('0,12');
  await expect(page.getByTestId('program-heading')).toContainText('Partner Plus 2027');

  const { program, settings } = saved(dbFile);
  expect([program.name, program.pointValueMinor, program.rulesVersion, program.settingsVersion]).toEqual([
    'Partner Plus 2027',
    12,
    2,
    2,
  ]);
  expect(settings.history[0]).toMatchObject({ actor: expect.any(String), rulesVersion: 2 });

  // Saving the same settings again says there is nothing to save.
  await card.getByTestId('program-settings-reason').fill('Bez zmian');
  await card.getByTestId('program-settings-save').click();
  await expect(card.getByTestId('program-settings-unchanged')).toHaveText(
    'To są już obowiązujące ustawienia: nie ma czego zapisać.',
  );
});
