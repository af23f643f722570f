import { expect, test } from './fixtures';

test('creates a program through the form and lands on its dashboard', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Loyalty Desk' })).toBeVisible();
  // The token has left the address bar, and the page still works after a reload.
  await expect.poll(() => new URL(page.url()).searchParams.has('token')).toBe(false);

  await page.getByTestId('create-program').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create a program' })).toBeVisible();
  // Prefilled from the reference template.
  await expect(page.getByLabel('Program name')).toHaveValue('Partner Plus');
  await expect(page.getByLabel('First period')).toHaveValue('2026-09');

  await page.getByLabel('Program name').fill('Spring Sprint');
  await page.getByLabel('Client', { exact: true }).fill('Acme Pet Foods');
  await page.getByTestId('create-submit').click();

  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByTestId('program-heading')).toContainText('Spring Sprint');
  await expect(page.getByTestId('program-heading')).toContainText('Acme Pet Foods');
  await expect(page.getByTestId('fact-point-value')).toContainText('PLN 0.10');
  await expect(page.getByTestId('fact-budget')).toContainText('PLN 150,000.00');
  await expect(page.getByTestId('fact-first-period')).toContainText('September 2026');
  await expect(page.getByTestId('stat-total')).toContainText('0');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
});

test('shows the field errors the core finds, in words the operator understands', async ({ page, server }) => {
  await page.goto(`${server.url}#/create`);
  await expect(page.getByRole('heading', { level: 1, name: 'Create a program' })).toBeVisible();

  // Empty: refused before it is sent.
  await page.getByLabel('Program name').fill('');
  await page.getByTestId('create-submit').click();
  await expect(page.getByTestId('error-name')).toHaveText('Fill in this field.');
  await expect(page.getByLabel('Program name')).toBeFocused();

  // A point value that is not money in the currency: refused beside its field before it is sent.
  await page.getByLabel('Program name').fill('Spring Sprint');
  await page.getByTestId('create-point-value').fill('0.105');
  await page.getByTestId('create-submit').click();
  await expect(page.getByTestId('error-pointValueMinor')).toHaveText('Use at most 2 decimal places.');
  await expect(page.getByTestId('error-name')).toHaveCount(0);
});

test("the core's problems are worded by their code in Polish and Russian, never taken from its English sentence", async ({
  page,
  server,
}) => {
  await page.goto(`${server.url}#/create`);
  await expect(page.getByRole('heading', { level: 1, name: 'Create a program' })).toBeVisible();
  await page.getByTestId('language-select').selectOption('pl');
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Create a program');

  // Past the one limit for points and minor units, in Polish.
  await page.locator('#field-pointValueMinor').fill('9999999999999999');
  await page.getByTestId('create-submit').click();
  await expect(page.getByTestId('error-pointValueMinor')).toHaveText(/^Ta liczba jest za duża: Loyalty Desk liczy/);

  // In Russian too, each field's problem is worded in the operator's language.
  await page.getByTestId('language-select').selectOption('ru');
  await page.locator('#field-pointValueMinor').fill('0,10');
  await page.locator('#field-name').fill('');
  await page.getByTestId('create-submit').click();
  await expect(page.getByTestId('error-name')).toHaveText('Заполните это поле.');
  await expect(page.getByTestId('error-pointValueMinor')).toHaveCount(0);
});

test('creating a program in Polish asks for the point value as money and the currency and locale from lists', async ({
  page,
  server,
}) => {
  await page.goto(`${server.url}#/create`);
  await expect(page.getByRole('heading', { level: 1, name: 'Create a program' })).toBeVisible();
  await page.getByTestId('language-select').selectOption('pl');
  await expect(page.getByRole('heading', { level: 1, name: 'Utwórz program' })).toBeVisible();

  // The template's 10 grosze, as money in Polish, with the currency and locale named in words.
  await expect(page.getByTestId('create-point-value')).toHaveValue('0,10');
  await expect(page.locator('#pointValueMinor-hint')).toHaveText(/^Jeden punkt jest wart 0,10\szł\.$/);
  await expect(page.getByTestId('create-currency').locator('option:checked')).toHaveText('Złoty polski (PLN)');
  await expect(page.getByTestId('create-locale').locator('option:checked')).toHaveText('Polski (Polska)');

  await page.getByLabel('Nazwa programu').fill('Wiosenny Sprint');
  await page.getByTestId('create-currency').selectOption('EUR');
  await page.getByTestId('create-locale').selectOption('de-DE');
  await page.getByTestId('create-point-value').fill('0,25');
  await expect(page.locator('#pointValueMinor-hint')).toHaveText(/^Jeden punkt jest wart 0,25\s€\.$/);
  await page.getByTestId('create-submit').click();

  await expect(page.getByRole('heading', { level: 1, name: 'Pulpit' })).toBeVisible();
  await expect(page.getByTestId('fact-point-value')).toContainText(/0,25\s€/);
});

test('the demo sets up a program and opens its dashboard', async ({ page, server }) => {
  await page.goto(server.url);
  await page.getByTestId('try-demo').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('stat-total').locator('.stat-value')).not.toHaveText('0');
});
