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

  // A malformed currency code: refused by the core (INVALID_PROGRAM with details.problems).
  await page.getByLabel('Program name').fill('Spring Sprint');
  await page.getByLabel('Currency', { exact: true }).fill('P1N');
  await page.getByTestId('create-submit').click();
  await expect(page.getByTestId('error-currencyCode')).toHaveText('Use a three-letter code such as PLN.');
  await expect(page.getByTestId('create-error')).toContainText('The program is not valid');
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

  // Past the one limit for points and minor units: only the core knows it (AMOUNT limit of the schema).
  await page.locator('#field-pointValueMinor').fill('999999999999999');
  await page.getByTestId('create-submit').click();
  await expect(page.getByTestId('error-pointValueMinor')).toHaveText(
    /^Ta liczba jest za duża: Loyalty Desk liczy punkty i kwoty do 99\s999\s999\s999\s999 punktów lub groszy\.$/,
  );

  await page.getByTestId('language-select').selectOption('ru');
  await page.locator('#field-pointValueMinor').fill('10');
  await page.locator('#field-currencyCode').fill('P1N');
  await page.getByTestId('create-submit').click();
  await expect(page.getByTestId('error-currencyCode')).toHaveText('Укажите трёхбуквенный код, например PLN.');
  await expect(page.getByTestId('error-pointValueMinor')).toHaveCount(0);
});

test('the demo sets up a program and opens its dashboard', async ({ page, server }) => {
  await page.goto(server.url);
  await page.getByTestId('try-demo').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('stat-total').locator('.stat-value')).not.toHaveText('0');
});
