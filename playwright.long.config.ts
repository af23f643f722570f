import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// `npm run test:long`: the whole quarter through the real renderer (tests/long/*.spec.ts),
// one long journey rather than many short tests, so its own time limit.
export default defineConfig({
  ...base,
  testDir: 'tests/long',
  testMatch: '**/*.spec.ts',
  timeout: 15 * 60_000,
  reporter: [['list']],
  outputDir: 'test-results-long',
});
