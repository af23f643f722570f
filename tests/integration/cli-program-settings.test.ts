// Issue 14, item 3: `program settings` on a real database file: the settings and their versions, a change with a
// reason (a new point value also a rules version the diff words), and refusals in one sentence with nothing written.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../fixtures/client-files';
import { repoRoot } from '../fixtures/repo-paths';
import { runLoyalty } from '../fixtures/run-cli';

describe('program settings', () => {
  it('shows the settings, saves a change with its reason as a new version, and refuses one without', async () => {
    const dir = makeTempDir('loyalty-cli-settings-');
    const db = join(dir, 'program.db');
    const cli = (...args: string[]) => runLoyalty([...args, '--db', db]);
    expect((await cli('program', 'init', '--config', join(repoRoot, 'examples', 'reference-program.json'))).code).toBe(
      0,
    );

    const shown = await cli('program', 'settings');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Point value:   0.10 PLN (rules version 1)');
    expect(shown.stdout).toMatch(/ {2}1 {2}\S+ {2}cli-test {2}Program created/);

    const noReason = await cli('program', 'settings', '--name', 'Partner Plus 2027');
    expect(noReason.code).toBe(1);
    expect(noReason.stderr).toContain("Say why the program's settings change");
    const badValue = await cli('program', 'settings', '--point-value', 'ten', '--reason', 'x');
    expect(badValue.code).toBe(1);
    expect(badValue.stderr).toContain('--point-value takes what one point is worth, as money such as 0,10, not "ten".');

    const changed = await cli(
      'program',
      'settings',
      '--name',
      'Partner Plus 2027',
      '--point-value',
      '0,12',
      '--reason',
      'The client raised the point value',
    );
    expect(changed.code).toBe(0);
    expect(changed.stdout).toContain(
      'Saved as version 2 of the settings. The point value is in rules version 2: periods calculated from now on use it; approved periods keep theirs.',
    );
    expect(changed.stdout).toContain('       Name: Partner Plus -> Partner Plus 2027');
    expect(changed.stdout).toContain('       Point value: 0.10 PLN -> 0.12 PLN');

    const json = JSON.parse((await cli('program', 'settings', '--json')).stdout) as {
      name: string;
      pointValueMinor: number;
      history: { version: number; reason: string | null; rulesVersion: number | null }[];
    };
    expect(json).toMatchObject({ name: 'Partner Plus 2027', pointValueMinor: 12 });
    expect(json.history.map((v) => [v.version, v.reason, v.rulesVersion])).toEqual([
      [2, 'The client raised the point value', 2],
      [1, null, null],
    ]);
    expect((await cli('rules', 'diff', '--from', '1', '--to', '2')).stdout).toBe(
      ['Rules version 1 -> 2:', '  Point value: 0.10 PLN -> 0.12 PLN', ''].join('\n'),
    );
    expect((await cli('program', 'show')).stdout).toContain('Program:       Partner Plus 2027');

    const debtor = await cli('program', 'settings', '--no-sepa', '--reason', 'Cards only from now on');
    expect(debtor.stdout).toContain('SEPA debtor:   none');
    expect(debtor.stdout).toContain('       SEPA debtor IBAN: PL61109010140000071219812874 -> none');

    const same = await cli('program', 'settings', '--client', 'Pet-food manufacturer', '--reason', 'again');
    expect(same.code).toBe(1);
    expect(same.stderr).toContain('These settings are the ones in force (version 3); nothing to save.');
  });
});
