// The quick case of tests/long/kill-loop.test.ts (issue 15, crash safety): each operation's `node bin/loyalty.mjs`
// process killed once with SIGKILL at a fixed point of its work (two thirds of the way) on a small program. The file
// it leaves passes integrity_check and `audit verify`, holds all of the operation or nothing of it, and doing it again
// does it exactly once. The long lane kills each operation many times, at random points.
import { beforeAll, describe, expect, it } from 'vitest';
import { killOperations } from '../fixtures/kill-operations';
import { proveCrashSafety, runLoyaltyProcess } from '../fixtures/kill-loop';

const operations = killOperations({ participants: 60, lines: 600, importLines: 1500 });
let startupMs = 0;

describe('SIGKILL once, two thirds through each operation', () => {
  beforeAll(async () => {
    // Builds the CLI's bundle first if a source changed since it was built, so that no operation's run includes that.
    const help = await runLoyaltyProcess(['--help']);
    expect(help.code).toBe(0);
    startupMs = help.ms;
  });

  for (const { name, prepare } of operations) {
    it(`${name}: whole, all or nothing, and once when done again`, async () => {
      const summary = await proveCrashSafety(await prepare(), {
        kills: 1,
        seed: 1,
        startupMs,
        fixedFraction: 2 / 3,
        verifyRedo: 'none',
      });
      expect(summary.before + summary.after).toBe(1);
    });
  }
});
