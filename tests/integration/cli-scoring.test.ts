// The worked example of reference-program.md through the CLI, as the coordinator would run it:
// program init, the client's files, `score --json`, `explain`, `adjust`, `approve`, `audit verify`.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../fixtures/client-files';
import { repoRoot } from '../fixtures/repo-paths';

const bin = join(repoRoot, 'bin', 'loyalty.mjs');
let dir: string;
let db: string;

function loyalty(...args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args, '--db', db], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, LOYALTY_ACTOR: 'cli-test', LOYALTY_DB: '' }, timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function file(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n'));
  return path;
}

beforeAll(() => {
  dir = makeTempDir('loyalty-cli-score-');
  db = join(dir, 'loyalty.db');
  const steps = [
    ['program', 'init', '--config', join(repoRoot, 'examples', 'reference-program.json')],
    ['import', 'participants', file('participants.csv', ['Rep code;Name;Join date;Card;Status', 'PH-001;Piotr Hałas;2026-08-15;4000-0001;active'])],
    ['import', 'products', file('products.csv', ['SKU;Product;Group;Promoted;Points per unit', 'DOG-01;Dog dry;DRY;yes;', 'CAT-07;Cat wet;WET;yes;15', 'TOY-3;Toy;TOYS;no;'])],
    ['import', 'targets', file('targets.csv', ['Rep code;Period;Target', 'PH-001;2026-10;1000,00'])],
    ['import', 'sales', file('sales-09.csv', ['Date;Rep code;SKU;Qty;Net value;Invoice', '2026-09-10;PH-001;TOY-3;100;260000,00;W/1'])],
    [
      'import',
      'sales',
      file('sales-10.csv', [
        'Date;Rep code;SKU;Qty;Net value;Invoice',
        '2026-10-03;PH-001;DOG-01;10;1234,56;P/1',
        '2026-10-10;PH-001;CAT-07;4;200,00;P/2',
        '2026-10-12;PH-001;DOG-01;-2;-246,91;P/3',
        '2026-10-20;PH-001;TOY-3;5;500,00;P/4',
      ]),
    ],
  ];
  for (const step of steps) {
    const run = loyalty(...step);
    if (run.code !== 0) throw new Error(`${step.join(' ')}: ${run.stderr}`);
  }
});

describe('scoring from the command line', () => {
  it('`score --json` gives the worked example’s fields as integers under participants', () => {
    const run = loyalty('score', '--period', '2026-10', '--json');
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout);
    expect(result.participants).toHaveLength(1);
    expect(result.participants[0]).toMatchObject({
      code: 'PH-001',
      volumeMinor: 168765,
      tier: 'SILVER',
      base: 1048,
      campaign: 99,
      subtotal: 1147,
      tierBonus: 57,
      attainmentBp: 11876,
      targetBonus: 229,
      capCut: 0,
      earned: 1433,
      prize: 0,
      total: 1433,
      carry: 0,
      payablePoints: 1433,
      payoutMinor: 14330,
    });
    expect(result.rulesVersion).toBe(1);
  });

  it('`explain` shows each line with its rule, points, campaign bonus and source row', () => {
    const run = loyalty('explain', '--period', '2026-10', '--participant', 'PH-001');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/2026-10-03\s+DOG-01\s+10\s+1234\.56\s+base rate\s+1234\s+AUTUMN-DRY \+10% = 123\s+sales-10\.csv row 2/);
    expect(run.stdout).toMatch(/2026-10-10\s+CAT-07\s+4\s+200\.00\s+4 x 15\s+60/);
    expect(run.stdout).toMatch(/tier\s+= Silver \(\+5%\): volume in 2026-09 was 260000\.00 PLN/);
    expect(run.stdout).toMatch(/118765|1187\.65/);
    expect(run.stdout).toMatch(/payable\s+= 1433 points = 143\.30 PLN/);
  });

  it('adjusts with a reason, approves, and the audit finds the ledger intact', () => {
    expect(loyalty('adjust', '--period', '2026-10', '--participant', 'PH-001', '--points=-33').stderr).toMatch(/needs a reason/);
    const adjust = loyalty('adjust', '--period', '2026-10', '--participant', 'PH-001', '--points=-33', '--reason', 'Sample pack counted twice');
    expect(adjust.code).toBe(0);
    const approve = loyalty('approve', '--period', '2026-09');
    expect(approve.code).toBe(0);
    const october = JSON.parse(loyalty('approve', '--period', '2026-10', '--json').stdout);
    expect(october.participants[0]).toMatchObject({ adjustments: -33, payablePoints: 1400, payoutMinor: 14000 });
    expect(october.locked).toBe(true);
    const ledger = JSON.parse(loyalty('ledger', '--participant', 'PH-001', '--json').stdout);
    expect(ledger.balance).toBe(0);
    expect(ledger.entries.map((e: { kind: string }) => e.kind)).toEqual(['adjustment', 'earn', 'campaign', 'earn', 'earn', 'campaign', 'tier', 'target', 'redemption']);
    const audit = loyalty('audit', 'verify');
    expect(audit.code).toBe(0);
    expect(audit.stdout).toMatch(/intact/);
  });
});
