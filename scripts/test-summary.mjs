// The last lines of `npm test`: every test counted, unit and browser alike, in the plain
// form "N passed, N failed, N skipped", and how long the whole run took.
//
// `node scripts/test-summary.mjs --start`, the first step of `npm test`, notes when the run
// began (in .test-counts/, beside the counts): a file rather than an environment variable,
// because each step of the npm script is a shell of its own.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const STARTED = '.test-counts/started-at';

if (process.argv.includes('--start')) {
  mkdirSync('.test-counts', { recursive: true });
  writeFileSync(STARTED, `${Date.now()}\n`);
  process.exit(0);
}

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

/** 412000 -> "6 min 52 s". */
function duration(ms) {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

const started = existsSync(STARTED) ? Number(readFileSync(STARTED, 'utf8').trim()) : NaN;
console.log(
  Number.isFinite(started)
    ? `npm test took ${duration(Date.now() - started)}`
    : `npm test took an unknown time (${STARTED} is missing)`,
);
process.exit(failed > 0 ? 1 : 0);
