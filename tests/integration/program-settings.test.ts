// Issue 14, item 3: the program's settings edited after it was created, each change a new version with who, when and
// why (program_settings_versions, append-only and sealed); a new point value is also a rules version, so that an
// approved period keeps the value it was approved with; the currency stays once anything was imported.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RecomputeDifference } from '../../src-main/core/audit/audit-views';
import { exportAuditPackage } from '../../src-main/core/audit/export-audit-package';
import { recomputeApprovedPeriods } from '../../src-main/core/audit/recompute-approved';
import { verifyAuditPackage } from '../../src-main/core/audit/verify-audit-package';
import { approvePeriod } from '../../src-main/core/approval/approve-period';
import type { CoreContext } from '../../src-main/core/context';
import { verifyLedger } from '../../src-main/core/ledger/verify-ledger';
import { exportPayouts } from '../../src-main/core/payouts/export-payouts';
import { budgetView, listPayouts } from '../../src-main/core/payouts/payout-views';
import { programSettings, updateProgramSettings } from '../../src-main/core/program/program-settings';
import { createProgram, readReferenceTemplate, requireProgram } from '../../src-main/core/program/program-store';
import { diffRulesVersions, listRulesVersions } from '../../src-main/core/program/rules-versions';
import { updateRules } from '../../src-main/core/program/update-rules';
import { periodReport } from '../../src-main/core/reports/period-report';
import { explainParticipant } from '../../src-main/core/scoring/explain';
import { calculatePeriod } from '../../src-main/core/scoring/period-score';
import { openDatabase } from '../../src-main/db/open-database';
import { makeTempDir } from '../fixtures/client-files';
import { refusal } from '../fixtures/refusal';
import { repoRoot } from '../fixtures/repo-paths';
import { importScenarioSales } from '../fixtures/scoring-scenario';
import { septemberExported } from '../fixtures/september-payout-stages';
import { caseOpener } from '../fixtures/staged-database';
import { FIXED_NOW, openTestContext, tableCounts } from '../fixtures/test-database';

const open = caseOpener();

function recompute(ctx: CoreContext) {
  const differences: RecomputeDifference[] = [];
  const failed: string[] = [];
  ctx.store.sqlite.transaction(() =>
    recomputeApprovedPeriods(ctx.store.sqlite, {
      difference: (d) => differences.push(d),
      failed: (period, message) => failed.push(`${period}: ${message}`),
    }),
  )();
  return { differences, failed };
}

describe('program settings', () => {
  it('appends a version with who, when and why; every reader sees the newest; the first stays as created', () => {
    const ctx = openTestContext();
    const created = requireProgram(ctx);
    const view = updateProgramSettings(ctx, {
      name: 'Partner Plus 2027',
      client: 'Pet-food manufacturer S.A.',
      reason: 'The client renamed the program for 2027',
    });
    expect(view.name).toBe('Partner Plus 2027');
    expect(view.history.map((v) => [v.version, v.reason, v.actor, v.at])).toEqual([
      [2, 'The client renamed the program for 2027', 'test', FIXED_NOW.toISOString()],
      [1, null, 'test', FIXED_NOW.toISOString()],
    ]);
    expect(view.history[0]!.changes).toEqual([
      { field: 'name', from: 'Partner Plus', to: 'Partner Plus 2027' },
      { field: 'client', from: 'Pet-food manufacturer', to: 'Pet-food manufacturer S.A.' },
    ]);
    expect(view.history[0]!.rulesVersion).toBeNull();
    const program = requireProgram(ctx);
    expect([program.name, program.client, program.settingsVersion, program.rulesVersion]).toEqual([
      'Partner Plus 2027',
      'Pet-food manufacturer S.A.',
      2,
      created.rulesVersion,
    ]);
    // The programs row keeps what the program was created with: version 1.
    expect(ctx.store.sqlite.prepare('SELECT name FROM programs').pluck().get()).toBe('Partner Plus');
    const logged = ctx.store.sqlite
      .prepare("SELECT subject, reason, details_json AS d FROM operator_log WHERE action = 'program.settings'")
      .get() as { subject: string; reason: string; d: string };
    expect(logged.reason).toBe('The client renamed the program for 2027');
    expect(JSON.parse(logged.d)).toMatchObject({ version: 2, fields: 'name, client', rulesVersion: null });
    expect(verifyLedger(ctx.store.sqlite).ok).toBe(true);
  });

  it('refuses a change without a reason, with nothing changed, or with a field not valid, naming it; nothing written', () => {
    const ctx = openTestContext();
    const before = tableCounts(ctx);
    expect(refusal(() => updateProgramSettings(ctx, { name: 'X', reason: '  ' })).code).toBe('REASON_REQUIRED');
    const same = refusal(() => updateProgramSettings(ctx, { name: 'Partner Plus', reason: 'no change' }));
    expect(same.code).toBe('INVALID_INPUT');
    const empty = refusal(() => updateProgramSettings(ctx, { client: ' ', reason: 'typo' }));
    expect(empty.code).toBe('INVALID_INPUT');
    expect(empty.details).toMatchObject({ problems: [{ path: ['client'] }] });
    const bic = refusal(() =>
      updateProgramSettings(ctx, {
        sepaDebtor: { name: 'Agency', iban: 'PL61109010140000071219812874', bic: 'X' },
        reason: 'bank',
      }),
    );
    expect(bic.details).toMatchObject({ problems: [{ path: ['sepaDebtor', 'bic'] }] });
    const zero = refusal(() => updateProgramSettings(ctx, { pointValueMinor: 0, reason: 'free points' }));
    expect(zero.details).toMatchObject({ problems: [{ path: ['pointValueMinor'] }] });
    expect(tableCounts(ctx)).toEqual(before);
  });

  it('keeps every version: the triggers refuse UPDATE and DELETE', () => {
    const ctx = openTestContext();
    updateProgramSettings(ctx, { locale: 'en-GB', reason: 'The client sends files from the UK office now' });
    expect(requireProgram(ctx).locale).toBe('en-GB');
    expect(() => ctx.store.sqlite.prepare("UPDATE program_settings_versions SET name = 'Other'").run()).toThrow(
      /append-only/,
    );
    expect(() => ctx.store.sqlite.prepare('DELETE FROM program_settings_versions').run()).toThrow(/append-only/);
    expect(programSettings(ctx).history).toHaveLength(2);
    // Sealed like the other money inputs: a version rewritten with the trigger dropped is named by the audit.
    expect(verifyLedger(ctx.store.sqlite).ok).toBe(true);
    ctx.store.sqlite.exec(
      "DROP TRIGGER program_settings_versions_no_update; UPDATE program_settings_versions SET locale = 'de-DE'",
    );
    const audit = verifyLedger(ctx.store.sqlite);
    expect(audit.ok).toBe(false);
    expect(audit.problems.map((p) => p.table)).toContain('program_settings_versions');
  });

  it('changes the currency only while nothing was imported, and only to one with as many decimals', async () => {
    const ctx = openTestContext();
    expect(programSettings(ctx).currencyLocked).toBe(false);
    const huf = refusal(() =>
      updateProgramSettings(ctx, { currency: { code: 'HUF', minorDigits: 0 }, reason: 'Hungarian client' }),
    );
    expect(huf.details).toEqual({ field: 'currency' });
    updateProgramSettings(ctx, { currency: { code: 'EUR', minorDigits: 2 }, reason: 'The client pays in euro' });
    expect(requireProgram(ctx).currency).toEqual({ code: 'EUR', minorDigits: 2 });
    await importScenarioSales(ctx, '2026-09');
    expect(programSettings(ctx).currencyLocked).toBe(true);
    const locked = refusal(() =>
      updateProgramSettings(ctx, { currency: { code: 'PLN', minorDigits: 2 }, reason: 'back to złoty' }),
    );
    expect(locked.code).toBe('INVALID_INPUT');
    expect(locked.details).toEqual({ field: 'currency' });
    expect(locked.message).toContain('files were already imported');
  });

  it('a new point value is a new rules version: an approved period keeps the value it was approved with', async () => {
    const { ctx, dir } = await open(septemberExported);
    const program = requireProgram(ctx);
    expect(program.pointValueMinor).toBe(10);
    const septemberPayouts = listPayouts(ctx, '2026-09').map((p) => [p.participantCode, p.points, p.amountMinor]);
    const batches = () =>
      ctx.store.sqlite.prepare('SELECT batch_ref, sha256 FROM payout_batches ORDER BY id').raw().all();
    const batchesBefore = batches();
    const sepaBefore = (await exportPayouts(ctx, '2026-09', 'sepa')).bytes;

    const view = updateProgramSettings(ctx, {
      pointValueMinor: 12,
      sepaDebtor: { name: 'Loyalty Agency Nowa Sp. z o.o.', iban: 'PL61109010140000071219812874', bic: 'WBKPPLPPXXX' },
      reason: 'The client raised the point value from October; new agency name',
    });
    const saved = view.history[0]!;
    expect(saved.rulesVersion).toBe(program.rulesVersion + 1);
    expect(saved.changes.map((c) => [c.field, c.from, c.to])).toEqual([
      ['pointValueMinor', 10, 12],
      ['sepaDebtor.name', 'Loyalty Agency Sp. z o.o.', 'Loyalty Agency Nowa Sp. z o.o.'],
    ]);
    const after = requireProgram(ctx);
    expect([after.pointValueMinor, after.rulesVersion, after.payment.sepaDebtor?.name]).toEqual([
      12,
      program.rulesVersion + 1,
      'Loyalty Agency Nowa Sp. z o.o.',
    ]);
    // The rules' history has the version, its note the reason, and the diff words the point value.
    expect(listRulesVersions(ctx)[0]).toMatchObject({
      version: program.rulesVersion + 1,
      note: 'The client raised the point value from October; new agency name',
    });
    expect(diffRulesVersions(ctx, program.rulesVersion, program.rulesVersion + 1).changes).toEqual([
      {
        section: 'pointValueMinor',
        item: null,
        itemName: null,
        change: 'changed',
        fields: [{ field: 'pointValueMinor', unit: 'money', from: 10, to: 12 }],
      },
    ]);
    // A rules change that does not name the point value keeps the one in force.
    updateRules(ctx, { ...after.rules, capPointsPerPeriod: 60_000, pointValueMinor: undefined }, 'A higher cap');
    expect(requireProgram(ctx).pointValueMinor).toBe(12);
    expect(refusal(() => updateRules(ctx, { ...after.rules, pointValueMinor: 15 }, 'sneaky')).details).toEqual({
      field: 'pointValueMinor',
    });

    // September was approved at 0.10 PLN a point: its payouts, files, explanation and report say so still.
    expect(listPayouts(ctx, '2026-09').map((p) => [p.participantCode, p.points, p.amountMinor])).toEqual(
      septemberPayouts,
    );
    expect(batches()).toEqual(batchesBefore);
    const sepaAgain = (await exportPayouts(ctx, '2026-09', 'sepa')).bytes;
    expect(Buffer.from(sepaAgain).equals(Buffer.from(sepaBefore))).toBe(true);
    expect(Buffer.from(sepaAgain).toString('utf8')).toContain('Loyalty Agency Sp. z o.o.');
    expect(explainParticipant(ctx, '2026-09', 'A').pointValueMinor).toBe(10);
    expect(periodReport(ctx, '2026-09').program).toMatchObject({ name: 'Partner Plus', pointValueMinor: 10 });

    // October is calculated under the new version: 0.12 PLN a point.
    await importScenarioSales(ctx, '2026-10');
    const october = calculatePeriod(ctx, '2026-10');
    const paying = october.rows.filter((r) => r.payablePoints > 0);
    expect(paying.length).toBeGreaterThan(0);
    for (const r of paying) expect(r.payoutMinor).toBe(r.payablePoints * 12);
    approvePeriod(ctx, '2026-10', { acceptOpenAnomalies: 'Checked with the client', overrideBudget: 'Agreed' });
    for (const p of listPayouts(ctx, '2026-10')) expect(p.amountMinor).toBe(p.points * 12);
    expect(listPayouts(ctx, '2026-09').map((p) => [p.participantCode, p.points, p.amountMinor])).toEqual(
      septemberPayouts,
    );

    // The Budget screen values each period's held points at its own rules' value.
    const budget = budgetView(ctx).periods;
    for (const [period, value] of [
      ['2026-09', 10],
      ['2026-10', 12],
    ] as const) {
      const row = budget.find((b) => b.period === period)!;
      expect(row.heldMinor, period).toBe(row.heldPoints * value);
    }
    expect(budget.find((b) => b.period === '2026-09')!.heldPoints).toBeGreaterThan(0);

    // The audit checks each payout at the value its period was approved under, and recomputes both periods alike.
    const audit = verifyLedger(ctx.store.sqlite);
    expect(audit.problems).toEqual([]);
    expect(audit.ok).toBe(true);
    expect(recompute(ctx)).toEqual({ differences: [], failed: [] });
    // So does an audit package: the settings' versions go in with every other table and verify from the zip alone.
    const zip = join(dir, 'audit.zip');
    exportAuditPackage(ctx, zip);
    expect(verifyAuditPackage(zip)).toMatchObject({ ok: true, problems: [] });
  });

  it('opens a file written before migration 0014: the program reads as created, and can be changed', () => {
    const dir = makeTempDir('loyalty-settings-old-');
    const migrations = join(dir, 'drizzle');
    cpSync(join(repoRoot, 'drizzle'), migrations, { recursive: true });
    const journalFile = join(migrations, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
    journal.entries = journal.entries.filter((e) => !e.tag.startsWith('0014'));
    writeFileSync(journalFile, JSON.stringify(journal));
    const file = join(dir, 'old.db');
    const old = openDatabase(file, { migrationsFolder: migrations });
    const oldCtx: CoreContext = { store: old, actor: 'old-version', now: () => FIXED_NOW };
    createProgram(oldCtx, readReferenceTemplate());
    expect(
      old.sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'program_settings_versions'").get(),
    ).toBeUndefined();
    // The older version's file still reads with this code, before it is migrated.
    expect(programSettings(oldCtx).history.map((v) => v.version)).toEqual([1]);
    old.close();

    const store = openDatabase(file, { backupPath: (f) => `${f}.bak` });
    try {
      const ctx: CoreContext = { store, actor: 'test', now: () => FIXED_NOW };
      expect(requireProgram(ctx)).toMatchObject({ name: 'Partner Plus', pointValueMinor: 10, settingsVersion: 1 });
      expect(programSettings(ctx).history).toHaveLength(1);
      updateProgramSettings(ctx, { name: 'Partner Plus II', reason: 'Renamed after the upgrade' });
      expect(requireProgram(ctx).name).toBe('Partner Plus II');
      expect(verifyLedger(ctx.store.sqlite).ok).toBe(true);
    } finally {
      store.close();
    }
  });
});
