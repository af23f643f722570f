// Verification that remembers and works in bulk, on real SQLite files: many findings resolved
// with one reason (each recorded on its own, all in one transaction, each judged again inside
// it), a decision withdrawn while the period is open (nothing deleted, the draft re-scored), and
// a standing decision that settles the next month's file without asking again until it is ended.
import { describe, expect, it } from 'vitest';
import type { CoreContext } from '../../src-main/core/context';
import { importParticipants } from '../../src-main/core/import/kinds/import-participants';
import { importProducts } from '../../src-main/core/import/kinds/import-products';
import { approvePeriod } from '../../src-main/core/approval/approve-period';
import { calculatePeriod } from '../../src-main/core/scoring/period-score';
import { importSales } from '../../src-main/core/sales/import-sales';
import {
  endStandingRule,
  resolveFinding,
  resolveFindings,
  verificationQueue,
  withdrawDecision,
} from '../../src-main/core/verification/verification-queue';
import { decodeFindingKey, encodeFindingKey, type FindingKey } from '../../src-main/core/decisions/finding-key';
import { csvFile } from '../fixtures/scoring-scenario';
import { runLoyalty } from '../fixtures/run-cli';
import { refusal } from '../fixtures/refusal';
import { openTestContext, tableCounts } from '../fixtures/test-database';
import { verifyLedger } from '../../src-main/core/ledger/verify-ledger';
import { verifyLiveDatabase } from '../../src-main/core/audit/verify-audit-package';

const key = (text: string): FindingKey => decodeFindingKey(text)!;
const UNKNOWN = (code: string) => key(`UNKNOWN_PARTICIPANT:${code}`);

async function seeded(): Promise<CoreContext> {
  const ctx = openTestContext();
  await importParticipants(
    ctx,
    csvFile('participants.csv', [
      'Rep code;Name;Join date;Card;Status',
      'PH-026;Paulina Hajduk;2025-01-10;CARD-26;active',
      'P1;Paweł Pierwszy;2025-01-10;CARD-1;active',
    ]),
  );
  await importProducts(
    ctx,
    csvFile('products.csv', ['SKU;Product;Group;Promoted;Points per unit', 'DOG-01;Dog dry 10 kg;DRY;yes;']),
  );
  await sales(ctx, '2026-09', ['PH-027', 'X1', 'X2', 'X3']);
  return ctx;
}

/** A month's file: P1 and PH-026 sell 10 units each, and each of `unknown` sells 5 under a code the program lacks. */
async function sales(ctx: CoreContext, period: string, unknown: string[]) {
  const rows = [
    `${period}-05;P1;DOG-01;10;1000,00;${period}/1`,
    `${period}-06;PH-026;DOG-01;10;1000,00;${period}/2`,
    ...unknown.map((code, i) => `${period}-07;${code};DOG-01;5;500,00;${period}/U${i}`),
  ];
  const report = await importSales(
    ctx,
    csvFile(`sales-${period}.csv`, ['Date;Rep code;SKU;Qty;Net value;Invoice', ...rows]),
    { period },
  );
  expect(report.batchId).not.toBeNull();
}

const total = (ctx: CoreContext, period: string, code: string) =>
  calculatePeriod(ctx, period).rows.find((r) => r.code === code)?.total ?? 0;
const itemOf = (ctx: CoreContext, period: string, text: string) =>
  verificationQueue(ctx, period).items.find((i) => encodeFindingKey(i.key) === text);
const decisionRows = (ctx: CoreContext) =>
  ctx.store.sqlite.prepare('SELECT anomaly_key, action, reason, actor FROM verification_decisions ORDER BY id').all();

describe('bulk resolve', () => {
  it('records one decision per finding with the same reason, in one call', async () => {
    const ctx = await seeded();
    const before = tableCounts(ctx);
    const outcome = resolveFindings(ctx, {
      period: '2026-09',
      keys: [UNKNOWN('X1'), UNKNOWN('X2'), UNKNOWN('X3')],
      action: 'exclude',
      reason: 'Test accounts of the client',
    });
    expect(outcome.resolved).toEqual(['UNKNOWN_PARTICIPANT:X1', 'UNKNOWN_PARTICIPANT:X2', 'UNKNOWN_PARTICIPANT:X3']);
    expect(decisionRows(ctx)).toEqual(
      ['X1', 'X2', 'X3'].map((c) => ({
        anomaly_key: `UNKNOWN_PARTICIPANT:${c}`,
        action: 'exclude',
        reason: 'Test accounts of the client',
        actor: 'test',
      })),
    );
    // The three decisions and their log entries were sealed together: one write.
    const after = tableCounts(ctx);
    expect(after.verification_decisions! - before.verification_decisions!).toBe(3);
    for (const c of ['X1', 'X2', 'X3'])
      expect(itemOf(ctx, '2026-09', `UNKNOWN_PARTICIPANT:${c}`)?.status).toBe('resolved');
    expect(itemOf(ctx, '2026-09', 'UNKNOWN_PARTICIPANT:PH-027')?.status).toBe('open');
    expect(verifyLedger(ctx.store.sqlite).ok).toBe(true);
  });

  it('refuses the whole call, by key, when a finding the preview showed was resolved meanwhile', async () => {
    const ctx = await seeded();
    // The coordinator's screen shows X1 and X2 open...
    const preview = verificationQueue(ctx, '2026-09');
    const chosen = preview.items.filter((i) => ['X1', 'X2'].includes(i.participantCode ?? '')).map((i) => i.key);
    expect(chosen).toHaveLength(2);
    // ...while another window resolves X1.
    resolveFinding(ctx, { period: '2026-09', key: UNKNOWN('X1'), action: 'exclude', reason: 'Another window' });
    const before = tableCounts(ctx);
    const error = refusal(() =>
      resolveFindings(ctx, { period: '2026-09', keys: chosen, action: 'exclude', reason: 'Test accounts' }),
    );
    expect(error.code).toBe('FINDING_NOT_OPEN');
    expect(error.details).toEqual({ period: '2026-09', keys: ['UNKNOWN_PARTICIPANT:X1'] });
    expect(error.message).toContain('UNKNOWN_PARTICIPANT:X1');
    expect(tableCounts(ctx)).toEqual(before);
    expect(itemOf(ctx, '2026-09', 'UNKNOWN_PARTICIPANT:X2')?.status).toBe('open');
  });

  it('refuses the whole call when one finding cannot take the action, nothing written', async () => {
    const ctx = await seeded();
    const before = tableCounts(ctx);
    const error = refusal(() =>
      resolveFindings(ctx, {
        period: '2026-09',
        keys: [UNKNOWN('X1'), UNKNOWN('X2')],
        action: 'assign',
        participantCode: 'NOBODY',
        reason: 'Moved',
      }),
    );
    expect(error.code).toBe('NOT_FOUND');
    expect(tableCounts(ctx)).toEqual(before);
  });
});

describe('withdrawing a decision', () => {
  it('keeps the decision, opens the finding again and re-scores the draft without it', async () => {
    const ctx = await seeded();
    const alone = total(ctx, '2026-09', 'PH-026');
    const queue = resolveFinding(ctx, {
      period: '2026-09',
      key: UNKNOWN('PH-027'),
      action: 'assign',
      participantCode: 'PH-026',
      reason: 'PH-027 is Paulina Hajduk’s old code',
    });
    expect(total(ctx, '2026-09', 'PH-026')).toBeGreaterThan(alone);
    const decision = queue.items.find((i) => encodeFindingKey(i.key) === 'UNKNOWN_PARTICIPANT:PH-027')!.decisions[0]!;

    const after = withdrawDecision(ctx, { period: '2026-09', decisionId: decision.id, reason: 'Wrong person' });
    const item = after.items.find((i) => encodeFindingKey(i.key) === 'UNKNOWN_PARTICIPANT:PH-027')!;
    expect(item.status).toBe('open');
    expect(item.decisions).toEqual([
      expect.objectContaining({
        id: decision.id,
        action: 'assign',
        withdrawal: expect.objectContaining({ reason: 'Wrong person', actor: 'test' }),
      }),
    ]);
    expect(total(ctx, '2026-09', 'PH-026')).toBe(alone);
    expect(tableCounts(ctx).verification_decisions).toBe(1);

    const again = refusal(() => withdrawDecision(ctx, { period: '2026-09', decisionId: decision.id, reason: 'Twice' }));
    expect(again.code).toBe('DECISION_NOT_IN_FORCE');
    expect(refusal(() => withdrawDecision(ctx, { period: '2026-09', decisionId: decision.id, reason: ' ' })).code).toBe(
      'REASON_REQUIRED',
    );
    expect(verifyLedger(ctx.store.sqlite).ok).toBe(true);
  });

  it('is refused once the period is approved', async () => {
    const ctx = await seeded();
    const queue = resolveFinding(ctx, { period: '2026-09', key: UNKNOWN('X1'), action: 'exclude', reason: 'Test' });
    const decisionId = queue.items.find((i) => i.participantCode === 'X1')!.decisions[0]!.id;
    approvePeriod(ctx, '2026-09', { acceptOpenAnomalies: 'Checked with the client' });
    const before = tableCounts(ctx);
    const error = refusal(() => withdrawDecision(ctx, { period: '2026-09', decisionId, reason: 'Too late' }));
    expect(error.code).toBe('PERIOD_LOCKED');
    expect(tableCounts(ctx)).toEqual(before);
  });
});

describe('standing decisions', () => {
  it('settle the next month’s file without asking again, until ended', async () => {
    const ctx = await seeded();
    const outcome = resolveFindings(ctx, {
      period: '2026-09',
      keys: [UNKNOWN('PH-027')],
      action: 'assign',
      participantCode: 'PH-026',
      reason: 'Lines under PH-027 belong to PH-026 from now on',
      standing: { untilPeriod: null },
    });
    expect(outcome.standingRuleIds).toHaveLength(1);
    expect(outcome.queue.standingRules).toEqual([
      expect.objectContaining({
        anomalyKey: 'UNKNOWN_PARTICIPANT:PH-027',
        action: 'assign',
        participantCode: 'PH-026',
        fromPeriod: '2026-10',
        untilPeriod: null,
        ended: null,
      }),
    ]);
    approvePeriod(ctx, '2026-09', { acceptOpenAnomalies: 'Checked with the client' });

    await sales(ctx, '2026-10', ['PH-027']);
    const october = itemOf(ctx, '2026-10', 'UNKNOWN_PARTICIPANT:PH-027')!;
    expect(october.status).toBe('resolved');
    expect(october.decisions).toEqual([
      expect.objectContaining({ id: 0, standingRuleId: outcome.standingRuleIds[0], reason: expect.any(String) }),
    ]);
    expect(october.lineCount).toBe(1);
    // PH-026's own 10 units and PH-027's 5 units, scored together.
    const both = total(ctx, '2026-10', 'PH-026');
    expect(both).toBeGreaterThan(total(ctx, '2026-10', 'P1'));

    approvePeriod(ctx, '2026-10', { acceptOpenAnomalies: 'Checked with the client' });
    // The audit's recomputation of October applies the standing rule as the approval did.
    const audit = verifyLiveDatabase(ctx.store.sqlite, {});
    expect([audit.ledger.ok, audit.recompute.differences]).toEqual([true, 0]);

    const rules = endStandingRule(ctx, {
      standingRuleId: outcome.standingRuleIds[0]!,
      lastPeriod: '2026-10',
      reason: 'PH-027 is a new representative from November',
    });
    expect(rules[0]!.ended).toEqual(expect.objectContaining({ lastPeriod: '2026-10' }));
    // October still applies it; November's file asks again.
    expect(itemOf(ctx, '2026-10', 'UNKNOWN_PARTICIPANT:PH-027')!.status).toBe('resolved');
    await sales(ctx, '2026-11', ['PH-027']);
    expect(itemOf(ctx, '2026-11', 'UNKNOWN_PARTICIPANT:PH-027')!.status).toBe('open');
    expect(total(ctx, '2026-11', 'PH-026')).toBe(total(ctx, '2026-11', 'P1'));
    expect(
      refusal(() =>
        endStandingRule(ctx, { standingRuleId: outcome.standingRuleIds[0]!, lastPeriod: '2026-11', reason: 'Again' }),
      ).code,
    ).toBe('DECISION_NOT_IN_FORCE');
    expect(verifyLedger(ctx.store.sqlite).ok).toBe(true);
  });

  it('hold only up to their last period, and are refused for a target or over an approved later period', async () => {
    const ctx = await seeded();
    resolveFindings(ctx, {
      period: '2026-09',
      keys: [UNKNOWN('PH-027')],
      action: 'exclude',
      reason: 'Samples, not sales, until October',
      standing: { untilPeriod: '2026-10' },
    });
    await sales(ctx, '2026-10', ['PH-027']);
    await sales(ctx, '2026-11', ['PH-027']);
    expect(itemOf(ctx, '2026-10', 'UNKNOWN_PARTICIPANT:PH-027')!.status).toBe('resolved');
    expect(itemOf(ctx, '2026-11', 'UNKNOWN_PARTICIPANT:PH-027')!.status).toBe('open');
    const notParticipant = refusal(() =>
      resolveFindings(ctx, {
        period: '2026-09',
        keys: [UNKNOWN('X1')],
        action: 'exclude',
        reason: 'x',
        standing: { untilPeriod: '2026-08' },
      }),
    );
    expect(notParticipant.code).toBe('INVALID_INPUT');
  });
});

describe('the CLI', () => {
  it('resolves several keys at once, withdraws a decision, and lists and ends standing rules', async () => {
    const ctx = await seeded();
    const db = ctx.store.sqlite.name;
    ctx.store.close();
    const loyalty = (...args: string[]) => runLoyalty([...args, '--db', db]);
    const bulk = await loyalty(
      'verify',
      'resolve',
      '--period',
      '2026-09',
      '--key',
      'UNKNOWN_PARTICIPANT:X1',
      '--key',
      'UNKNOWN_PARTICIPANT:X2',
      '--action',
      'exclude',
      '--reason',
      'Test accounts',
    );
    expect(bulk.stderr).toBe('');
    expect(bulk.stdout).toContain('Resolved 2 findings (UNKNOWN_PARTICIPANT:X1, UNKNOWN_PARTICIPANT:X2)');
    const standing = await loyalty(
      'verify',
      'resolve',
      '--period',
      '2026-09',
      '--key',
      'UNKNOWN_PARTICIPANT:PH-027',
      '--action',
      'assign',
      '--participant',
      'PH-026',
      '--standing',
      '--until',
      '2026-12',
      '--reason',
      'PH-027 is PH-026 from now on',
      '--json',
    );
    const { standingRuleIds, items } = JSON.parse(standing.stdout) as {
      standingRuleIds: number[];
      items: { participantCode: string; decisions: { id: number }[] }[];
    };
    expect(standingRuleIds).toHaveLength(1);
    const listed = await loyalty('verify', '--period', '2026-09');
    expect(listed.stdout).toContain('Standing decisions (for later periods too):');
    expect(listed.stdout).toMatch(/UNKNOWN_PARTICIPANT:PH-027 +assign to PH-026 +2026-10 +2026-12 +PH-027 is PH-026/);

    const x1 = items.find((i) => i.participantCode === 'X1')!.decisions[0]!.id;
    const withdrawn = await loyalty(
      'verify',
      'withdraw',
      '--period',
      '2026-09',
      '--decision',
      String(x1),
      '--reason',
      'X1 is real',
    );
    expect(withdrawn.code).toBe(0);
    expect(withdrawn.stdout).toContain('(withdrawn: X1 is real)');
    const again = await loyalty('verify', 'withdraw', '--period', '2026-09', '--decision', String(x1), '--reason', 'x');
    expect([again.code, again.stderr]).toEqual([1, expect.stringContaining('was withdrawn already')]);

    const ended = await loyalty(
      'verify',
      'end-standing',
      '--rule',
      String(standingRuleIds[0]),
      '--last',
      '2026-10',
      '--reason',
      'A new representative',
    );
    expect(ended.stdout).toBe(`Standing rule ${standingRuleIds[0]} (UNKNOWN_PARTICIPANT:PH-027) ends after 2026-10.\n`);
  });
});
