// The last line of `npm test`: every test counted, unit and browser alike, in the plain
// form "N passed, N failed, N skipped".
import { existsSync, readFileSync } from 'node:fs';

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
const unit = read('.test-counts/vitest.json');
const e2e = read('.test-counts/e2e.json');
if (!unit || !e2e) {
  console.error('test summary: a test run wrote no results (.test-counts/vitest.json, .test-counts/e2e.json)');
  process.exit(1);
}
const passed = unit.numPassedTests + e2e.passed;
const failed = unit.numFailedTests + e2e.failed;
const skipped = unit.numPendingTests + unit.numTodoTests + e2e.skipped;
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
