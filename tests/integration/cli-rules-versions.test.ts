// Issue 14, item 7: `rules versions` and `rules diff --from N --to M` on a real database file.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Rules } from '../../src-main/core/program/program-config';
import { readReferenceTemplate } from '../../src-main/core/program/program-store';
import { makeTempDir } from '../fixtures/client-files';
import { repoRoot } from '../fixtures/repo-paths';
import { runLoyalty } from '../fixtures/run-cli';

describe('rules versions and rules diff', () => {
  it('lists the versions with their notes and words the difference between two', async () => {
    const dir = makeTempDir('loyalty-cli-rules-');
    const db = join(dir, 'program.db');
    const cli = (...args: string[]) => runLoyalty([...args, '--db', db]);
    const init = await cli('program', 'init', '--config', join(repoRoot, 'examples', 'reference-program.json'));
    expect(init.code).toBe(0);
    const rules = (readReferenceTemplate() as { rules: Rules }).rules;
    const changed = join(dir, 'rules-2.json');
    writeFileSync(
      changed,
      JSON.stringify({
        ...rules,
        baseRate: { points: 12, perMinor: 1_000 },
        tiers: rules.tiers.map((t) => (t.id === 'SILVER' ? { ...t, bonusPct: 7 } : t)),
      }),
    );
    expect((await cli('rules', 'set', '--rules', changed, '--note', 'Richer silver')).code).toBe(0);

    const versions = await cli('rules', 'versions');
    expect(versions.code).toBe(0);
    expect(versions.stdout).toMatch(/2 \(in force\)\s+\S+\s+\S+\s+Richer silver/);

    const diff = await cli('rules', 'diff', '--from', '1', '--to', '2');
    expect(diff.stdout).toBe(
      [
        'Rules version 1 -> 2:',
        '  Base rate: 1 point per 1.00 PLN -> 12 points per 10.00 PLN',
        '  Tier Silver bonusPct: 5% -> 7%',
        '',
      ].join('\n'),
    );
    const json = await cli('rules', 'diff', '--from', '1', '--to', '2', '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ from: { version: 1 }, to: { version: 2, note: 'Richer silver' } });

    const unknown = await cli('rules', 'diff', '--from', '1', '--to', '7');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('There is no version 7 of the rules; the versions are 1 to 2.');
  });
});
