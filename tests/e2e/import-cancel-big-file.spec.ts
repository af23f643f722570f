// Cancelling an import while the core is still reading a big file, in its own file because it
// runs without a trace: the trace records every request's body, and copying this file's 12 MB
// of it held the page for seconds, long enough for the core to finish reading before the page
// could be asked anything (the test then never saw the reading step).
import { expect, openScreen, seedProgram, test } from './fixtures';

test.use({ trace: 'off' });

test('cancelling while a big file is read stops it and imports nothing', async ({ page, server, dbFile }) => {
  seedProgram(dbFile);
  await openScreen(page, server, 'import', 'Import');

  // 900,000 short rows made in the page and dropped on the zone (no trip through the test
  // driver): enough that reading takes several seconds on a fast machine.
  const dataTransfer = await page.evaluateHandle(`(() => {
    const lines = ['Kod przedstawiciela;Imię i nazwisko'];
    for (let i = 1; i <= 900000; i++) lines.push('B' + i + ';P' + i);
    const transfer = new DataTransfer();
    transfer.items.add(new File([lines.join('\\r\\n')], 'participants-900000.csv', { type: 'text/csv' }));
    return transfer;
  })()`);
  // Cancel is pressed by the page itself the moment the reading step shows rows read and the bar moved: asked
  // through the test driver, the page could be reached only after the core had finished
  // (sending the file to the core holds the page's thread for a few seconds).
  await page.evaluate(`(() => {
    const seen = { focused: false, rows: '', percent: null };
    window.__cancelSeen = seen;
    const observer = new MutationObserver(() => {
      const step = document.querySelector('[data-testid="import-step-reading"]');
      if (!step) return;
      const title = document.activeElement;
      if (title && title.tagName === 'H2' && title.textContent === 'Reading the file') seen.focused = true;
      const rows = step.querySelector('[data-testid="reading-rows"]')?.textContent ?? '';
      const percent = step.querySelector('[data-testid="reading-progress"]')?.getAttribute('aria-valuenow') ?? null;
      // Both moved: rows counted and at least 1 % of the bytes measured.
      if (!/^[1-9][\\d,]* rows? read$/.test(rows) || !/^[1-9]\\d?$/.test(percent ?? '')) return;
      seen.rows = rows;
      seen.percent = percent;
      const cancel = [...step.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Cancel');
      observer.disconnect();
      if (cancel) cancel.click();
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  })()`);
  const zone = page.getByTestId('drop-zone');
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });

  await expect(page.getByTestId('import-notice')).toHaveText('The import was cancelled; nothing was imported.', {
    timeout: 30_000,
  });
  // The reading step had the focus on its title, and its bar moved: rows counted, bytes measured.
  const seen = (await page.evaluate('window.__cancelSeen')) as {
    focused: boolean;
    rows: string;
    percent: string | null;
  };
  expect(seen.focused).toBe(true);
  expect(seen.rows).toMatch(/^[1-9][\d,]* rows? read$/);
  expect(seen.percent).toMatch(/^[1-9]\d?$/);
  await expect(page.getByTestId('import-step-choose')).toBeVisible();
  await expect(page.getByText('No file has been imported yet.')).toBeVisible();
  // And it stays so: reload the history from the core.
  await page.reload();
  await expect(page.getByText('No file has been imported yet.')).toBeVisible();
});
