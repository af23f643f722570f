// The last lines of `npm test`: every test counted, unit and browser alike, in the plain
// form "N passed, N failed, N skipped", and how long the whole run took.
//
// `node scripts/test-summary.mjs --start`, the first step of `npm test`, notes when the run
// began (in .test-counts/, beside the counts): a file rather than an environment variable,
// because each step of the npm script is a shell of its own.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';

const STARTED = '.test-counts/started-at';

if (process.argv.includes('--start')) {
  mkdirSync('.test-counts', { recursive: true });
  // Counts of an earlier run must not be added to this one's.
  for (const file of readdirSync('.test-counts')) if (file.endsWith('.json')) rmSync(`.test-counts/${file}`);
  writeFileSync(STARTED, `${Date.now()}\n`);
  process.exit(0);
}

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
// The unit run (two workers) and the timing run (alone, so that no other test competes with the latencies it measures).
const units = ['.test-counts/vitest.json', '.test-counts/vitest-timing.json'].map(read);
const e2e = read('.test-counts/e2e.json');
if (units.includes(null) || !e2e) {
  console.error('test summary: a test run wrote no results (.test-counts/vitest.json, vitest-timing.json, e2e.json)');
  process.exit(1);
}
const sum = (field) => units.reduce((total, unit) => total + unit[field], 0);
const passed = sum('numPassedTests') + e2e.passed;
const failed = sum('numFailedTests') + e2e.failed;
const skipped = sum('numPendingTests') + sum('numTodoTests') + e2e.skipped;
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
