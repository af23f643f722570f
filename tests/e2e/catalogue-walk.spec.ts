// Every screen in Polish and Russian with the demo data after an approval: no text on screen (nor a placeholder,
// a label read by screen readers, or a tooltip) is one of the English catalogue's messages that the language's
// own catalogue words differently, which is what an English banner, label or reason left on a Polish screen is.
import type { Page } from '@playwright/test';
import { approvePeriod } from '../../src-main/core/approval/approve-period';
import { createDemo } from '../../src-main/core/demo/create-demo';
import { openDatabase } from '../../src-main/db/open-database';
import { en } from '../../src-renderer/i18n/messages-en';
import { pl } from '../../src-renderer/i18n/messages-pl';
import { ru } from '../../src-renderer/i18n/messages-ru';
import type { Message } from '../../src-renderer/i18n/message-types';
import { expect, test } from './fixtures';

const SCREENS = [
  'dashboard',
  'import',
  'participants',
  'rules',
  'scoring',
  'verification',
  'payouts',
  'budget',
  'reports',
  'audit',
  'settings',
] as const;

const forms = (message: Message): string[] => (typeof message === 'string' ? [message] : Object.values(message));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The English messages that the language words differently, each as a pattern of the whole text: a placeholder
 * such as {count} stands for any text. Messages whose fixed words are fewer than four letters ("{count} pkt") are
 * left out: they would match data.
 */
function englishOnly(other: Record<string, Message>): { key: string; pattern: RegExp }[] {
  const out: { key: string; pattern: RegExp }[] = [];
  // A word both languages write alike in some message ("Data" is Polish for a date) proves nothing.
  const theirWords = new Set(Object.values(other).flatMap(forms));
  for (const [key, message] of Object.entries(en) as [string, Message][]) {
    const theirs = new Set(forms(other[key]!));
    for (const form of forms(message)) {
      if (theirs.has(form) || theirWords.has(form)) continue;
      const fixed = form.replace(/\{\w+\}/g, '');
      if ((fixed.match(/\p{L}/gu) ?? []).length < 4) continue;
      const pattern = escape(form).replace(/\\\{\w+\\\}/g, '.+?');
      out.push({ key, pattern: new RegExp(`^${pattern}$`, 's') });
    }
  }
  return out;
}

/** Every text the reader meets: text nodes, and placeholders, aria-labels and titles. */
async function textsOnScreen(page: Page): Promise<string[]> {
  return page.locator('body').evaluate((body) => {
    const texts: string[] = [];
    const clean = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim() ?? '';
    // 4 is NodeFilter.SHOW_TEXT (this file is compiled without the browser's types).
    const walker = body.ownerDocument.createTreeWalker(body, 4);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // A file's own words (the issuer's headers) are marked translate="no": they are data, not the app's words.
      if (node.parentElement?.closest('[translate="no"]')) continue;
      const text = clean(node.textContent);
      if (text) texts.push(text);
    }
    for (const element of body.querySelectorAll('[placeholder], [aria-label], [title]'))
      for (const name of ['placeholder', 'aria-label', 'title']) {
        const value = clean(element.getAttribute(name));
        if (value) texts.push(value);
      }
    // Whole elements too, for a message made of several nodes ("<strong>3</strong> open findings").
    for (const element of body.querySelectorAll('p, li, h1, h2, h3, label, button, th, span, a'))
      if (element.children.length > 0 && element.children.length < 4 && !element.closest('[translate="no"]')) {
        const text = clean(element.textContent);
        if (text) texts.push(text);
      }
    return texts;
  });
}

for (const [language, catalogue] of [
  ['pl', pl],
  ['ru', ru],
] as const) {
  test(`every screen in ${language} with the demo data shows no English text its catalogue translates`, async ({
    page,
    server,
    dbFile,
  }) => {
    test.setTimeout(180_000);
    const store = openDatabase(dbFile);
    try {
      const ctx = { store, actor: 'e2e', now: () => new Date('2026-11-02T08:00:00Z') };
      await createDemo(ctx);
      approvePeriod(ctx, '2026-09', { acceptOpenAnomalies: 'Sprawdzone.', overrideBudget: 'Uzgodnione z klientem.' });
    } finally {
      store.close();
    }
    const english = englishOnly(catalogue as Record<string, Message>);
    await page.goto(`${server.url}#/dashboard`);
    await page.getByTestId('language-select').selectOption(language);

    const found: string[] = [];
    for (const screen of SCREENS) {
      await page.goto(`${server.url}#/${screen}`);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      // Let the screen's calls answer (a table, a chart) before reading it.
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      // WALK_SHOTS=/some/folder keeps a picture of each screen, to look at.
      if (process.env.WALK_SHOTS)
        await page.screenshot({ path: `${process.env.WALK_SHOTS}/${language}-${screen}.png`, fullPage: true });
      for (const text of new Set(await textsOnScreen(page))) {
        const hit = english.find((e) => e.pattern.test(text));
        if (hit) found.push(`${screen}: "${text}" (${hit.key})`);
      }
    }
    expect(found).toEqual([]);
  });
}
