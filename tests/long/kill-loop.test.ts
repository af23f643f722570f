// Issue 15, "crash safety, proven": `node bin/loyalty.mjs` killed with SIGKILL at random points of an import, a
// scoring run, an approval, an export, a confirmation, a backup and a restore leaves a file that passes integrity_check
// and `audit verify`, holds the operation whole or not at all (no half-written batch), lists only whole backups, and
// the same operation done again happens exactly once (the machinery is in tests/fixtures/kill-loop.ts, the operations
// in tests/fixtures/kill-operations.ts).
//
// LONG_ROUNDS (default 1, what CI runs) multiplies the kills: KILLS_PER_ROUND per operation each round. Each run
// draws a new seed unless KILL_SEED gives one: a failure names the seed, the delay and how to run it again.
import { beforeAll, describe, expect, it } from 'vitest';
import { killOperations } from '../fixtures/kill-operations';
import { proveCrashSafety, runLoyaltyProcess, seedOf } from '../fixtures/kill-loop';

const ROUNDS = Math.max(1, Math.floor(Number(process.env.LONG_ROUNDS ?? '1')) || 1);
const KILLS_PER_ROUND = 3;
const SEED = Number(process.env.KILL_SEED ?? Date.now() % 2 ** 31);

const operations = killOperations({ participants: 300, lines: 4000, importLines: 10_000 });
let startupMs = 0;

describe(`SIGKILL part way through an operation (${KILLS_PER_ROUND * ROUNDS} kills each, seed ${SEED})`, () => {
  beforeAll(async () => {
    // The first command builds the CLI's bundle if a source changed since `npm run build` (not to be timed as an
    // operation's work); then a bare start is timed, where the work is taken to begin if no opening is seen.
    expect((await runLoyaltyProcess(['--help'])).code).toBe(0);
    startupMs = (await runLoyaltyProcess(['--help'])).ms;
  });

  for (const { name, prepare } of operations) {
    it(`${name}: the file is whole, holds all of it or nothing, and doing it again does it once`, async () => {
      const op = await prepare();
      const seed = seedOf(op.name, SEED);
      const summary = await proveCrashSafety(op, {
        kills: KILLS_PER_ROUND * ROUNDS,
        seed,
        startupMs,
        replay: `KILL_SEED=${SEED} LONG_ROUNDS=${ROUNDS}`,
      });
      console.log(
        [
          `${op.name}: ${summary.before + summary.after} kills (seed ${seed}) in ${summary.tookMs} ms`,
          `uninterrupted ${summary.uninterruptedMs} ms (median ${summary.medianMs}), its work from ${summary.workFromMs} ms`,
          `killed after ${summary.delaysMs.join(', ')} ms`,
          `left it before ${summary.before}, after ${summary.after} (${summary.finishedFirst} ended before the kill)`,
          `states ${JSON.stringify(summary.states)}`,
          `ms per phase ${JSON.stringify(summary.phasesMs)}`,
        ].join('; '),
      );
      expect(summary.before + summary.after).toBe(KILLS_PER_ROUND * ROUNDS);
    });
  }
});
