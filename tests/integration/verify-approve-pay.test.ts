// Verification, approval within the budget, payout files, confirmation and voiding on a real
// SQLite file: nobody is paid twice, nothing is paid that was not checked.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoreContext } from '../../src-main/core/context';
import { verifyLedger } from '../../src-main/core/ledger/verify-ledger';
import { importParticipants } from '../../src-main/core/import/kinds/import-participants';
import { exportPayouts, voidPayoutBatch } from '../../src-main/core/payouts/export-payouts';
import { confirmationsRunner, importConfirmations } from '../../src-main/core/payouts/import-confirmations';
import { NO_PROGRESS } from '../../src-main/core/import/jobs/prepare-import';
import { payoutTemplate, setPayoutTemplate } from '../../src-main/core/payouts/payout-template-setting';
import { budgetView, listPayouts } from '../../src-main/core/payouts/payout-views';
import { payoutProposal } from '../../src-main/core/approval/proposal-view';
import { requireProgram } from '../../src-main/core/program/program-store';
import { updateRules } from '../../src-main/core/program/update-rules';
import { approvePeriod } from '../../src-main/core/approval/approve-period';
import { calculatePeriod } from '../../src-main/core/scoring/period-score';
import { explainParticipant } from '../../src-main/core/scoring/explain';
import { closePeriod } from '../../src-main/core/payouts/close-period';
import { importSales } from '../../src-main/core/sales/import-sales';
import {
  resolveFinding,
  verificationQueue,
  verificationQueueWithEvidence,
} from '../../src-main/core/verification/verification-queue';
import { convertWithSoffice, hasSoffice } from '../fixtures/client-files';
import { csvFile, importScenarioSales, SALES_HEADER, seedScenarioMasterData } from '../fixtures/scoring-scenario';
import { refusal } from '../fixtures/refusal';
import {
  bankConfirmation,
  issuerConfirmation,
  septemberApproved,
  septemberClosed,
  septemberConfirmed,
  septemberExported,
  septemberImported,
  septemberResolved,
  septemberVoided,
} from '../fixtures/september-payout-stages';
import { caseOpener } from '../fixtures/staged-database';
import { openTestContext, tableCounts } from '../fixtures/test-database';
import { samplesDir } from '../fixtures/repo-paths';
import { encodeFindingKey } from '../../src-main/core/decisions/finding-key';

const balance = (ctx: CoreContext, code: string) =>
  (
    ctx.store.sqlite
      .prepare('SELECT COALESCE(SUM(points), 0) AS b FROM ledger_entries WHERE participant_code = ?')
      .get(code) as { b: number }
  ).b;

describe('verify, approve and pay 2026-09 of the scenario', () => {
  // Each case starts on its own database at the stage it checks, so it runs alone and in any order.
  const at = caseOpener();

  it('lists the findings with their evidence', async () => {
    const { ctx } = await at(septemberImported);
    const queue = verificationQueueWithEvidence(ctx, '2026-09');
    expect(queue.items.map((i) => [encodeFindingKey(i.key), i.status])).toEqual([
      ['MISSING_TARGET:D', 'open'],
      ['UNKNOWN_PARTICIPANT:BB', 'open'],
      ['CAP_REACHED:C', 'open'],
      ['NEAR_THRESHOLD:C:target', 'open'],
      ['NO_DESTINATION:D', 'open'],
    ]);
    const unknown = queue.items.find((i) => i.code === 'UNKNOWN_PARTICIPANT')!;
    expect(unknown.evidence).toEqual([
      {
        lineId: expect.any(Number),
        batchId: expect.any(Number),
        fileName: 'late-09.csv',
        row: 2,
        date: '2026-09-20',
        participantCode: 'BB',
        sku: 'CAT-07',
        quantity: 2,
        netMinor: 10_000,
      },
    ]);
    expect(unknown.actions).toEqual(['assign', 'exclude', 'accept']);
  });

  it('refuses to approve while findings are open, writing nothing', async () => {
    const { ctx } = await at(septemberImported);
    const counts = tableCounts(ctx);
    const error = refusal(() => approvePeriod(ctx, '2026-09'));
    expect(error.code).toBe('ANOMALIES_OPEN');
    expect(error.message).toMatch(/^5 findings are still open in the verification of 2026-09/);
    expect(tableCounts(ctx)).toEqual(counts);
  });

  it('resolves findings with reasons, and the draft is re-scored with each decision', async () => {
    const { ctx } = await at(septemberImported);
    const bBefore = calculatePeriod(ctx, '2026-09').rows.find((r) => r.code === 'B')!;
    expect(bBefore.base).toBe(150);
    const key = { code: 'UNKNOWN_PARTICIPANT', participantCode: 'BB' } as const;
    expect(
      refusal(() =>
        resolveFinding(ctx, { period: '2026-09', key, action: 'assign', participantCode: 'B', reason: ' ' }),
      ).code,
    ).toBe('REASON_REQUIRED');
    expect(
      refusal(() =>
        resolveFinding(ctx, { period: '2026-09', key, action: 'assign', participantCode: 'NOPE', reason: 'typo' }),
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      refusal(() => resolveFinding(ctx, { period: '2026-09', key, action: 'setTarget', targetMinor: 5, reason: 'x' }))
        .code,
    ).toBe('INVALID_INPUT');
    resolveFinding(ctx, {
      period: '2026-09',
      key,
      action: 'assign',
      participantCode: 'B',
      reason: 'BB is a typo of B, confirmed by the client',
    });
    const b = calculatePeriod(ctx, '2026-09').rows.find((r) => r.code === 'B')!;
    // CAT-07 at 15 points a unit: 2 more units, 30 more points.
    expect([b.base, b.volumeMinor, b.lineCount]).toEqual([180, 55_060_000, 3]);

    resolveFinding(ctx, {
      period: '2026-09',
      key: { code: 'MISSING_TARGET', participantCode: 'D' },
      action: 'setTarget',
      targetMinor: 100_000,
      reason: 'Target agreed by phone',
    });
    const d = calculatePeriod(ctx, '2026-09').rows.find((r) => r.code === 'D')!;
    expect([d.targetMinor, d.attainmentBp]).toEqual([100_000, 8000]);

    const queue = verificationQueue(ctx, '2026-09');
    expect(queue.open).toBe(3);
    const resolved = queue.items.filter((i) => i.status === 'resolved');
    expect(
      resolved.map((i) => [encodeFindingKey(i.key), i.decisions.map((x) => [x.action, x.reason, x.actor])]),
    ).toEqual([
      ['UNKNOWN_PARTICIPANT:BB', [['assign', 'BB is a typo of B, confirmed by the client', 'test']]],
      ['MISSING_TARGET:D', [['setTarget', 'Target agreed by phone', 'test']]],
    ]);
    const explained = explainParticipant(ctx, '2026-09', 'B');
    expect(explained.decisions.map((x) => [encodeFindingKey(x.key), x.action, x.lineCount, x.reason])).toEqual([
      ['UNKNOWN_PARTICIPANT:BB', 'assign', 1, 'BB is a typo of B, confirmed by the client'],
    ]);
    expect(explained.lines.map((l) => [l.fileName, l.sku, l.points])).toContainEqual(['late-09.csv', 'CAT-07', 30]);
    const log = ctx.store.sqlite
      .prepare("SELECT action, subject, reason FROM operator_log WHERE action LIKE 'verify.%' ORDER BY id")
      .all();
    expect(log).toEqual([
      {
        action: 'verify.assign',
        subject: 'UNKNOWN_PARTICIPANT:BB',
        reason: 'BB is a typo of B, confirmed by the client',
      },
      { action: 'verify.setTarget', subject: 'MISSING_TARGET:D', reason: 'Target agreed by phone' },
    ]);
  });

  it('over budget: refused, unless fitted to the budget to the exact point, the rest staying in the balances', async () => {
    const { ctx } = await at(septemberResolved);
    const program = requireProgram(ctx);
    updateRules(ctx, { ...program.rules, budget: { perPeriodMinor: 200_000 } }, 'A small budget for the test');
    resolveFinding(ctx, {
      period: '2026-09',
      key: { code: 'CAP_REACHED', participantCode: 'C' },
      action: 'accept',
      reason: 'Big order, checked',
    });
    const proposal = payoutProposal(ctx, '2026-09');
    expect(proposal.totals).toMatchObject({
      points: 51_770,
      amountMinor: 517_700,
      budgetMinor: 200_000,
      overBudget: true,
      fitted: false,
    });
    expect(proposal.rows.find((r) => r.code === 'E')).toMatchObject({ method: 'transfer', destination: '•••• 2874' });
    expect(proposal.rows.find((r) => r.code === 'A')).toMatchObject({ method: 'card', destination: '•••• RD-A' });
    expect(proposal.held).toEqual([{ code: 'D', name: 'Dmitrij Dudin', reason: 'noDestination', points: 800 }]);

    const counts = tableCounts(ctx);
    expect(refusal(() => approvePeriod(ctx, '2026-09', { acceptOpenAnomalies: 'Checked' })).code).toBe('OVER_BUDGET');
    expect(tableCounts(ctx)).toEqual(counts);

    const fitted = payoutProposal(ctx, '2026-09', { fitBudget: true });
    expect(fitted.totals).toMatchObject({ points: 20_000, amountMinor: 200_000, overBudget: false, fitted: true });
    // 20,000 of 51,770 payable: A 1000 -> 386.32, B 270 -> 104.31, C 50,000 -> 19,316.21, E 500 -> 193.16;
    // the one point rounding leaves goes to the largest remainder, A's.
    expect(fitted.rows.map((r) => [r.code, r.payablePoints, r.points, r.unpaidPoints])).toEqual([
      ['A', 1000, 387, 613],
      ['B', 270, 104, 166],
      ['C', 50_000, 19_316, 30_684],
      ['E', 500, 193, 307],
    ]);

    const approved = approvePeriod(ctx, '2026-09', {
      fitBudget: true,
      acceptOpenAnomalies: 'Near-threshold and held payouts checked with the client',
    });
    expect(approved.approval).toMatchObject({
      actor: 'test',
      overBudgetReason: null,
      acceptedFindingsReason: 'Near-threshold and held payouts checked with the client',
      fitted: true,
    });
    expect(
      listPayouts(ctx, '2026-09').map((p) => [
        p.reference,
        p.participantCode,
        p.method,
        p.points,
        p.amountMinor,
        p.status,
      ]),
    ).toEqual([
      ['LD-2026-09-000001', 'A', 'card', 387, 3870, 'approved'],
      ['LD-2026-09-000002', 'B', 'card', 104, 1040, 'approved'],
      ['LD-2026-09-000003', 'C', 'card', 19_316, 193_160, 'approved'],
      ['LD-2026-09-000004', 'E', 'transfer', 193, 1930, 'approved'],
    ]);
    // What was not paid stays in the balance, and is the next period's carry.
    expect([balance(ctx, 'A'), balance(ctx, 'C'), balance(ctx, 'D')]).toEqual([613, 30_684, 800]);
    expect(calculatePeriod(ctx, '2026-10').rows.find((r) => r.code === 'C')!.carry).toBe(30_684);
  });

  it('exports each top-up once: asking again gives the same file, and the database refuses a second batch item', async () => {
    const { ctx, dir } = await at(septemberApproved);
    const xlsx = await exportPayouts(ctx, '2026-09', 'xlsx');
    expect(xlsx.reused).toBe(false);
    expect(xlsx.batch).toMatchObject({
      batchRef: 'PB-2026-09-1',
      rowCount: 3,
      controlSumMinor: 198_070,
      format: 'xlsx',
    });
    const again = await exportPayouts(ctx, '2026-09', 'xlsx');
    expect(again.reused).toBe(true);
    expect(Buffer.from(again.bytes).equals(Buffer.from(xlsx.bytes))).toBe(true);
    expect(() =>
      ctx.store.sqlite.prepare('INSERT INTO payout_batch_items (batch_id, payout_id) VALUES (?, 1)').run(xlsx.batch.id),
    ).toThrow(/UNIQUE/);

    const sepa = await exportPayouts(ctx, '2026-09', 'sepa');
    expect(sepa.batch).toMatchObject({ batchRef: 'PB-2026-09-2', rowCount: 1, controlSumMinor: 1930, format: 'sepa' });
    const xml = join(dir, 'payouts.xml');
    writeFileSync(xml, sepa.bytes);
    execFileSync('xmllint', ['--noout', '--schema', join(samplesDir, '..', 'schemas', 'pain.001.001.03.xsd'), xml], {
      stdio: 'pipe',
    });
    expect(readFileSync(xml, 'utf8')).toContain('<EndToEndId>LD-2026-09-000004</EndToEndId>');
    expect(listPayouts(ctx, '2026-09').every((p) => p.status === 'exported')).toBe(true);
    expect(calculatePeriod(ctx, '2026-09').state).toBe('exported');

    // The card top-ups are all in the xlsx batch: csv is that batch again, not a second payment.
    const csv = await exportPayouts(ctx, '2026-09', 'csv');
    expect(csv).toMatchObject({
      copy: true,
      batch: { batchRef: 'PB-2026-09-1', rowCount: 3, controlSumMinor: 198_070 },
    });
  });

  it.runIf(hasSoffice)('the xlsx opens in LibreOffice with the amounts to the grosz', async () => {
    const { ctx, dir } = await at(septemberExported);
    const file = join(dir, 'payouts.xlsx');
    const result = await exportPayouts(ctx, '2026-09', 'xlsx');
    writeFileSync(file, result.bytes);
    const [csvPath] = convertWithSoffice([file], 'csv', join(dir, 'lo'));
    const text = readFileSync(csvPath!, 'utf8');
    // LibreOffice writes the cell's value: 1931.6 is 1931.60 PLN, to the grosz.
    expect(text).toContain('LD-2026-09-000003,CARD-C,Celina Czajka,C,1931.6,PLN,2026-09');
  });

  it('reads the issuer’s confirmation: paid, failed back to the balance, mismatches listed and not guessed', async () => {
    const { ctx } = await at(septemberExported);
    const before = balance(ctx, 'B');
    // Row 2 reports A's top-up paid and row 3 B's failed; row 4 gives C's a wrong amount, row 5 an unknown reference.
    const prepared = await confirmationsRunner.prepare(ctx, issuerConfirmation(), {}, NO_PROGRESS);
    // The preview shows the rows that match nothing as refused, first.
    expect(prepared.preview.rows.map((r) => [r.row, r.status])).toEqual([
      [4, 'rejected'],
      [5, 'rejected'],
      [2, 'accepted'],
      [3, 'accepted'],
    ]);
    expect(prepared.preview.problems[0]!.params).toEqual({
      row: 4,
      kind: 'amount',
      reference: 'LD-2026-09-000003',
      expectedMinor: 193_160,
      givenMinor: 100_000,
      currency: 'PLN',
      minorDigits: 2,
    });
    expect(prepared.preview.problems[1]!.params).toEqual({
      row: 5,
      kind: 'unknownReference',
      reference: 'LD-2099-01-000001',
      currency: 'PLN',
      minorDigits: 2,
    });
    const report = prepared.commit();
    expect([report.created, report.updated, report.rejected]).toEqual([1, 1, 2]);
    expect(report.problems.map((p) => [p.row, p.code])).toEqual([
      [4, 'CONFIRMATION_MISMATCH'],
      [5, 'CONFIRMATION_MISMATCH'],
    ]);
    expect(report.problems[0]!.reason).toBe(
      'Row 4, column "Kwota": the top-up LD-2026-09-000003 was 1931.60 PLN; the file says 1000.00 PLN. ' +
        'Nothing was changed for it.',
    );
    expect(listPayouts(ctx, '2026-09').map((p) => [p.reference, p.status])).toEqual([
      ['LD-2026-09-000001', 'paid'],
      ['LD-2026-09-000002', 'failed'],
      ['LD-2026-09-000003', 'exported'],
      ['LD-2026-09-000004', 'exported'],
    ]);
    expect(balance(ctx, 'B')).toBe(before + 104);
    const reversal = ctx.store.sqlite
      .prepare("SELECT kind, points, reverses_id AS r FROM ledger_entries WHERE kind = 'reversal'")
      .all();
    expect(reversal).toEqual([{ kind: 'reversal', points: 104, r: expect.any(Number) }]);
  });

  it('voids a batch with a reason: unconfirmed top-ups go back to the balances, paid ones stay paid', async () => {
    const { ctx } = await at(septemberConfirmed);
    expect(refusal(() => voidPayoutBatch(ctx, 'PB-2026-09-1', '')).code).toBe('REASON_REQUIRED');
    const c = balance(ctx, 'C');
    voidPayoutBatch(ctx, 'PB-2026-09-1', 'The issuer lost the file; it will be paid with the next batch');
    expect(listPayouts(ctx, '2026-09').map((p) => [p.reference, p.status])).toEqual([
      ['LD-2026-09-000001', 'paid'],
      ['LD-2026-09-000002', 'failed'],
      ['LD-2026-09-000003', 'voided'],
      ['LD-2026-09-000004', 'exported'],
    ]);
    expect(balance(ctx, 'C')).toBe(c + 19_316);
    expect(refusal(() => voidPayoutBatch(ctx, 'PB-2026-09-1', 'again')).code).toBe('INVALID_INPUT');
    expect(verifyLedger(ctx.store.sqlite).ok).toBe(true);
  });

  it('closes the period only when every top-up is confirmed or voided', async () => {
    const { ctx } = await at(septemberVoided);
    expect(refusal(() => closePeriod(ctx, '2026-09')).message).toMatch(
      /^1 top-ups of 2026-09 are not confirmed yet \(LD-2026-09-000004\)/,
    );
    await importConfirmations(ctx, bankConfirmation());
    closePeriod(ctx, '2026-09');
    expect(calculatePeriod(ctx, '2026-09').state).toBe('closed');
  });

  it('shows the budget per period and to date', async () => {
    const { ctx } = await at(septemberClosed);
    const view = budgetView(ctx);
    const september = view.periods.find((p) => p.period === '2026-09')!;
    // B's failed 1040 went back to the balance: it is failed, not approved, until approved again.
    expect(september).toMatchObject({
      budgetedMinor: 200_000,
      approvedMinor: 3870 + 1930,
      paidMinor: 3870 + 1930,
      failedMinor: 1040,
      heldPoints: 800,
      heldMinor: 8000,
    });
  });
});

describe('the card issuer template', () => {
  it('is the built-in one until the coordinator saves another, checked field by field', async () => {
    const ctx = openTestContext();
    expect(payoutTemplate(ctx).builtIn).toBe(true);
    const refused = refusal(() => setPayoutTemplate(ctx, { ...payoutTemplate(ctx).template, decimalSeparator: ';' }));
    expect(refused.message).toMatch(/^The payout template is not valid: decimalSeparator: /);
    const custom = {
      ...payoutTemplate(ctx).template,
      name: 'Issuer X',
      columns: [
        { field: 'cardRef', header: 'Numer karty' },
        { field: 'amount', header: 'Kwota doładowania' },
        { field: 'reference', header: 'Tytuł' },
      ],
      decimalSeparator: '.',
      csvSeparator: ',',
      encoding: 'windows-1250',
      dateFormat: 'DD.MM.YYYY',
    };
    expect(setPayoutTemplate(ctx, custom)).toMatchObject({
      builtIn: false,
      template: { name: 'Issuer X', encoding: 'windows-1250' },
    });
    await seedScenarioMasterData(ctx);
    await importScenarioSales(ctx, '2026-09');
    approvePeriod(ctx, '2026-09', { acceptOpenAnomalies: 'Checked' });
    const file = await exportPayouts(ctx, '2026-09', 'csv');
    const text = new TextDecoder('windows-1250').decode(file.bytes);
    expect(text.split('\r\n')[0]).toBe('Numer karty,Kwota doładowania,Tytuł');
    expect(text).toContain('CARD-C,5000.00,LD-2026-09-000003');
    expect(setPayoutTemplate(ctx, null).builtIn).toBe(true);
  });
});

describe('statistical findings', () => {
  it('flags a volume far above the participant’s own history and everyone else’s, and a volume just past a tier threshold', async () => {
    const ctx = openTestContext();
    const codes = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'OUT', 'EDGE'];
    await importParticipants(
      ctx,
      csvFile('p.csv', ['Rep code;Name;Card;Status', ...codes.map((c) => `${c};Rep ${c};CARD-${c};active`)]),
    );
    await seedScenarioMasterData(ctx);
    const month = (period: string, volume: (code: string) => string) =>
      importSales(
        ctx,
        csvFile(`s-${period}.csv`, [
          SALES_HEADER,
          ...codes.map((c, i) => `${period}-10;${c};TOY-3;1;${volume(c)};${period}/${i}`),
        ]),
        { period },
      );
    await month('2026-09', () => '1000,00');
    await month('2026-10', (c) => (c === 'OUT' ? '200000,00' : c === 'EDGE' ? '100500,00' : '1000,00'));
    const items = verificationQueue(ctx, '2026-10').items.filter(
      (i) => i.code === 'VOLUME_OUTLIER' || i.code === 'NEAR_THRESHOLD',
    );
    expect(items.map((i) => [encodeFindingKey(i.key), i.facts])).toEqual([
      [
        'VOLUME_OUTLIER:EDGE',
        {
          test: 'both',
          volumeMinor: 10_050_000,
          ownMedianMinor: 100_000,
          ownFactor: 3,
          fenceMinor: 100_000,
          q1Minor: 100_000,
          q3Minor: 100_000,
          fenceFactor: 3,
        },
      ],
      [
        'NEAR_THRESHOLD:EDGE:tier',
        { volumeMinor: 10_050_000, thresholdMinor: 10_000_000, tier: 'BRONZE', what: 'tier' },
      ],
      [
        'VOLUME_OUTLIER:OUT',
        {
          test: 'both',
          volumeMinor: 20_000_000,
          ownMedianMinor: 100_000,
          ownFactor: 3,
          fenceMinor: 100_000,
          q1Minor: 100_000,
          q3Minor: 100_000,
          fenceFactor: 3,
        },
      ],
    ]);
    expect(items[1]!.message).toBe(
      "EDGE's volume of 100500.00 PLN is just above the Bronze threshold of 100000.00 PLN, which sets next period's tier.",
    );
  });
});
