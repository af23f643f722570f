// The worked example of reference-program.md through the CLI, as the coordinator would run it:
// program init, the client's files, `score --json`, `explain`, `adjust`, `approve`, `audit verify`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../fixtures/client-files';
import { repoRoot } from '../fixtures/repo-paths';
import { runLoyalty } from '../fixtures/run-cli';

let dir: string;
let db: string;

function loyalty(...args: string[]) {
  return runLoyalty([...args, '--db', db]);
}

function file(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n'));
  return path;
}

beforeAll(async () => {
  dir = makeTempDir('loyalty-cli-score-');
  db = join(dir, 'loyalty.db');
  const steps = [
    ['program', 'init', '--config', join(repoRoot, 'examples', 'reference-program.json')],
    [
      'import',
      'participants',
      file('participants.csv', [
        'Rep code;Name;Join date;Card;Status',
        'PH-001;Piotr Hałas;2026-08-15;4000-0001;active',
      ]),
    ],
    [
      'import',
      'products',
      file('products.csv', [
        'SKU;Product;Group;Promoted;Points per unit',
        'DOG-01;Dog dry;DRY;yes;',
        'CAT-07;Cat wet;WET;yes;15',
        'TOY-3;Toy;TOYS;no;',
      ]),
    ],
    ['import', 'targets', file('targets.csv', ['Rep code;Period;Target', 'PH-001;2026-10;1000,00'])],
    [
      'import',
      'sales',
      file('sales-09.csv', ['Date;Rep code;SKU;Qty;Net value;Invoice', '2026-09-10;PH-001;TOY-3;100;260000,00;W/1']),
    ],
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
    const run = await loyalty(...step);
    if (run.code !== 0) throw new Error(`${step.join(' ')}: ${run.stderr}`);
  }
});

describe('scoring from the command line', () => {
  it('`score --json` gives the worked example’s fields as integers under participants', async () => {
    const run = await loyalty('score', '--period', '2026-10', '--json');
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

  it('`explain` shows each line with its rule, points, campaign bonus and source row', async () => {
    const run = await loyalty('explain', '--period', '2026-10', '--participant', 'PH-001');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /2026-10-03\s+DOG-01\s+10\s+1234\.56\s+base rate\s+1234\s+AUTUMN-DRY \+10% = 123\s+sales-10\.csv row 2/,
    );
    expect(run.stdout).toMatch(/2026-10-10\s+CAT-07\s+4\s+200\.00\s+4 x 15\s+60/);
    expect(run.stdout).toMatch(/tier\s+= Silver \(\+5%\): volume in 2026-09 was 260000\.00 PLN/);
    expect(run.stdout).toMatch(/118765|1187\.65/);
    expect(run.stdout).toMatch(/payable\s+= 1433 points = 143\.30 PLN/);
  });

  it('adjusts with a reason, approves, and the audit finds the ledger intact', async () => {
    expect((await loyalty('adjust', '--period', '2026-10', '--participant', 'PH-001', '--points=-33')).stderr).toMatch(
      /needs a reason/,
    );
    const adjust = await loyalty(
      'adjust',
      '--period',
      '2026-10',
      '--participant',
      'PH-001',
      '--points=-33',
      '--reason',
      'Sample pack counted twice',
    );
    expect(adjust.code).toBe(0);
    const approve = await loyalty(
      'approve',
      '--period',
      '2026-09',
      '--accept-open-anomalies',
      'No target for September, agreed with the client',
    );
    expect(approve.code).toBe(0);
    const october = JSON.parse(
      (await loyalty('approve', '--period', '2026-10', '--accept-open-anomalies', 'Checked', '--json')).stdout,
    );
    expect(october.participants[0]).toMatchObject({ adjustments: -33, payablePoints: 1400, payoutMinor: 14000 });
    expect(october.locked).toBe(true);
    const ledger = JSON.parse((await loyalty('ledger', '--participant', 'PH-001', '--json')).stdout);
    expect(ledger.balance).toBe(0);
    expect(ledger.entries.map((e: { kind: string }) => e.kind)).toEqual([
      'adjustment',
      'earn',
      'campaign',
      'earn',
      'earn',
      'campaign',
      'tier',
      'target',
      'redemption',
    ]);
    const audit = await loyalty('audit', 'verify');
    expect(audit.code).toBe(0);
    expect(audit.stdout).toMatch(/intact/);
  });
});

describe('paying from the command line', () => {
  it('verifies, approves over budget with a reason, exports, confirms and refuses a second payment', async () => {
    // The worked example's program after the approvals above: November for a fresh start.
    const sales = file('sales-11.csv', [
      'Date;Rep code;SKU;Qty;Net value;Invoice',
      '2026-11-03;PH-001;DOG-01;10;1000,00;N/1',
      '2026-11-04;PH-404;DOG-01;1;10,00;N/2',
    ]);
    expect((await loyalty('import', 'sales', sales)).code).toBe(0);
    const queue = JSON.parse((await loyalty('verify', '--period', '2026-11', '--json')).stdout);
    expect(queue.items.map((i: { key: unknown }) => i.key)).toEqual([
      { code: 'MISSING_TARGET', participantCode: 'PH-001' },
      { code: 'UNKNOWN_PARTICIPANT', participantCode: 'PH-404' },
    ]);
    const resolved = await loyalty(
      'verify',
      'resolve',
      '--period',
      '2026-11',
      '--key',
      'UNKNOWN_PARTICIPANT:PH-404',
      '--action',
      'exclude',
      '--reason',
      'Not a participant of the program',
    );
    expect(resolved.code).toBe(0);
    expect(resolved.stdout).toMatch(/1 open, 1 resolved/);
    const setTarget = await loyalty(
      'verify',
      'resolve',
      '--period',
      '2026-11',
      '--key',
      'MISSING_TARGET:PH-001',
      '--action',
      'setTarget',
      '--target',
      '2000,00',
      '--reason',
      'Same as October',
    );
    expect(setTarget.code).toBe(0);
    const rules = join(dir, 'rules.json');
    const program = JSON.parse((await loyalty('program', 'show', '--json')).stdout);
    writeFileSync(rules, JSON.stringify({ ...program.rules, budget: { perPeriodMinor: 5000 } }));
    expect((await loyalty('rules', 'set', '--rules', rules, '--note', 'Tight November budget')).code).toBe(0);

    const refused = await loyalty('approve', '--period', '2026-11');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /over the budget of PLN\s50\.00; fit them to the budget, or approve with a written reason/,
    );
    const approved = JSON.parse(
      (
        await loyalty(
          'approve',
          '--period',
          '2026-11',
          '--override-budget',
          'Client approved the extra by e-mail',
          '--json',
        )
      ).stdout,
    );
    expect(approved.locked).toBe(true);

    const out = join(dir, 'payouts.csv');
    const first = await loyalty('export', 'payouts', '--period', '2026-11', '--format', 'csv', '--out', out);
    expect(first.stdout).toMatch(/^Wrote .*payouts\.csv: batch PB-2026-11-1, 1 top-ups, control sum 100\.00 PLN/);
    const again = await loyalty(
      'export',
      'payouts',
      '--period',
      '2026-11',
      '--format',
      'csv',
      '--out',
      join(dir, 'again.csv'),
    );
    expect(again.stdout).toMatch(/^Nothing new to pay: wrote the earlier file again/);
    expect(readFileSync(join(dir, 'again.csv'))).toEqual(readFileSync(out));

    const confirmation = file('confirmation.csv', ['Reference;Amount;Status', 'LD-2026-11-000002;100,00;OK']);
    const confirmed = JSON.parse((await loyalty('import', 'confirmation', confirmation, '--json')).stdout);
    expect([confirmed.kind, confirmed.created, confirmed.rejected]).toEqual(['confirmations', 1, 0]);
    const budget = JSON.parse((await loyalty('budget', '--json')).stdout);
    expect(budget.periods.find((p: { period: string }) => p.period === '2026-11')).toMatchObject({
      budgetedMinor: 5000,
      approvedMinor: 10_000,
      paidMinor: 10_000,
    });
  });
});
