// Prints each skipped test with its reason (the list reporter shows only a dash), and
// writes the e2e counts where scripts/test-summary.mjs adds them to the unit tests'.
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const E2E_COUNTS_FILE = '.test-counts/e2e.json';

export default class SummaryReporter implements Reporter {
  private counts = { passed: 0, failed: 0, skipped: 0 };
  private skips: string[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status === 'skipped') {
      this.counts.skipped += 1;
      const reason = test.annotations.find((a) => a.type === 'skip')?.description ?? 'no reason given';
      this.skips.push(`skipped: ${test.titlePath().filter(Boolean).slice(1).join(' › ')}: ${reason}`);
    } else if (result.status === 'passed') {
      this.counts.passed += 1;
    } else if (result.retry === test.retries) {
      this.counts.failed += 1;
    }
  }

  onEnd(_result: FullResult): void {
    for (const line of this.skips) console.log(line);
    mkdirSync(dirname(E2E_COUNTS_FILE), { recursive: true });
    writeFileSync(E2E_COUNTS_FILE, JSON.stringify(this.counts));
  }

  printsToStdio(): boolean {
    return true;
  }
}
