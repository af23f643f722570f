// `npm test` ends with its counts and its total time, and fails when a test failed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../tests/fixtures/client-files';
import { repoRoot } from '../tests/fixtures/repo-paths';

const summary = join(repoRoot, 'scripts', 'test-summary.mjs');

function run(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [summary, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function writeCounts(cwd: string, failedUnit: number): void {
  mkdirSync(join(cwd, '.test-counts'), { recursive: true });
  writeFileSync(
    join(cwd, '.test-counts', 'vitest.json'),
    JSON.stringify({ numPassedTests: 10, numFailedTests: failedUnit, numPendingTests: 1, numTodoTests: 0 }),
  );
  writeFileSync(
    join(cwd, '.test-counts', 'vitest-timing.json'),
    JSON.stringify({ numPassedTests: 1, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0 }),
  );
  writeFileSync(join(cwd, '.test-counts', 'e2e.json'), JSON.stringify({ passed: 5, failed: 0, skipped: 2 }));
}

describe('the end of npm test', () => {
  it('prints the counts and the time since the first step, and fails when a test failed', () => {
    const cwd = makeTempDir('loyalty-test-summary-');
    expect(run(cwd, '--start')).toMatchObject({ code: 0, stdout: '' });
    // As if the run had begun 7 minutes 5 seconds ago (a slow machine may add a second or two).
    writeFileSync(join(cwd, '.test-counts', 'started-at'), `${Date.now() - 425_000}\n`);
    writeCounts(cwd, 0);
    const passed = run(cwd);
    expect(passed.code).toBe(0);
    expect(passed.stdout).toMatch(/^tests: 16 passed, 0 failed, 3 skipped\nnpm test took 7 min [5-9] s\n$/);
    writeCounts(cwd, 1);
    const failed = run(cwd);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/^tests: 16 passed, 1 failed, 3 skipped\nnpm test took 7 min \d+ s\n$/);
  });

  it('counts nothing of an earlier run: a missing result fails the summary', () => {
    const cwd = makeTempDir('loyalty-test-summary-');
    writeCounts(cwd, 0);
    expect(run(cwd, '--start')).toMatchObject({ code: 0, stdout: '' });
    const summary = run(cwd);
    expect(summary.code).toBe(1);
    expect(summary.stderr).toContain('a test run wrote no results');
  });

  it('is timed from the first step of npm test to the last', () => {
    const steps = (
      JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts.test!.split(' && ');
    expect(steps[0]).toBe('node scripts/test-summary.mjs --start');
    expect(steps.at(-1)).toBe('node scripts/test-summary.mjs');
  });
});
