// The audit package of a real program (September approved fitted to its budget, paid by card and transfer, confirmed,
// one batch voided, closed): exported, then verified with nothing but the zip. Tampered copies are made as an auditee
// would make them: unzip, edit one CSV, zip again, once with the manifest's SHA-256 recomputed (so that only the
// content checks can catch it) and once without.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportAuditPackage } from '../../src-main/core/audit/export-audit-package';
import { verifyAuditPackage } from '../../src-main/core/audit/verify-audit-package';
import type { AuditManifest, AuditProblem, AuditVerification } from '../../src-main/core/audit/audit-views';
import type { CoreContext } from '../../src-main/core/context';
import { septemberClosed } from '../fixtures/september-payout-stages';
import { caseOpener } from '../fixtures/staged-database';
import { runLoyalty } from '../fixtures/run-cli';
import { hasOpenpyxl, SYSTEM_PYTHON } from '../fixtures/client-files';
import { editTable, tampered, septemberPackage } from '../fixtures/tamper-package';

const open = caseOpener();
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function one<T>(ctx: CoreContext, sql: string, ...params: unknown[]): T {
  return ctx.store.sqlite.prepare(sql).get(...params) as T;
}

const differences = (v: AuditVerification) =>
  v.problems.filter((p): p is AuditProblem & { difference: NonNullable<AuditProblem['difference']> } =>
    Boolean(p.difference),
  );

describe('the audit package', () => {
  it('verifies clean untouched, with its counts, through the CLI too', async () => {
    const { ctx, zip, dir } = await septemberPackage(open);
    const result = verifyAuditPackage(zip);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    const entries = one<{ n: number }>(ctx, 'SELECT COUNT(*) AS n FROM ledger_entries').n;
    const payouts = one<{ n: number }>(ctx, "SELECT COUNT(*) AS n FROM payouts WHERE period = '2026-09'").n;
    expect(result.counts).toMatchObject({
      ledgerEntries: entries,
      periodsRecomputed: 1,
      payoutsCompared: payouts,
    });
    expect(result.counts.participantsCompared).toBeGreaterThanOrEqual(4);
    expect(result.counts.linesCompared).toBeGreaterThan(0);
    expect(result.counts.seals).toBeGreaterThan(10);
    expect(result.ledgerHead).toEqual(result.manifest!.ledgerHead);
    expect(result.sealHead).toEqual(result.manifest!.sealHead);

    const cliZip = join(dir, 'cli.zip');
    const exported = await runLoyalty(['audit', 'export', '--out', cliZip, '--db', ctx.store.file]);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/^Wrote .*cli\.zip/);
    const verified = await runLoyalty(['audit', 'verify', cliZip]);
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/The audit package verifies: .* 1 approved periods recomputed/);
  });

  it('holds each import batch’s original file byte for byte, and says which batches have none', async () => {
    const { ctx, zip } = await septemberPackage(open);
    const entries = unzipSync(readFileSync(zip));
    const manifest = JSON.parse(Buffer.from(entries['manifest.json']!).toString('utf8')) as AuditManifest;
    const batches = ctx.store.sqlite.prepare('SELECT id, file_name, sha256 FROM import_batches ORDER BY id').all() as {
      id: number;
      file_name: string;
      sha256: string;
    }[];
    expect(batches.length).toBeGreaterThanOrEqual(6);
    for (const b of batches) {
      const path = `files/${b.id}-${b.file_name}`;
      expect(entries[path], path).toBeDefined();
      expect(sha256(entries[path]!)).toBe(b.sha256);
      expect(manifest.importFiles).toContainEqual({ batchId: b.id, path, sha256: b.sha256 });
      expect(manifest.files.find((f) => f.path === path)?.sha256).toBe(b.sha256);
    }
    // The confirmation file as the issuer sent it.
    const confirmation = batches.find((b) => b.file_name === 'potwierdzenie.csv')!;
    expect(Buffer.from(entries[`files/${confirmation.id}-potwierdzenie.csv`]!).toString('utf8')).toContain(
      'LD-2026-09-000002;10,40;odrzucono;Karta zablokowana',
    );
    // Every file but the manifest is listed with its size and hash, and a README says how to verify.
    expect(new Set(manifest.files.map((f) => f.path))).toEqual(
      new Set(Object.keys(entries).filter((p) => p !== 'manifest.json')),
    );
    expect(Buffer.from(entries['README.txt']!).toString('utf8')).toContain('npx loyalty audit verify FILE.zip');
  });

  it('names each batch imported before files were kept, and still verifies', async () => {
    const { ctx, dir } = await open(septemberClosed);
    // As a file written before import_files existed: the first batch has no original kept.
    ctx.store.sqlite.exec('DROP TRIGGER import_files_no_delete; DELETE FROM import_files WHERE batch_id = 1');
    const zip = join(dir, 'audit.zip');
    const result = exportAuditPackage(ctx, zip);
    expect(result.batchesWithoutFile).toEqual([1]);
    const entries = unzipSync(readFileSync(zip));
    const manifest = JSON.parse(Buffer.from(entries['manifest.json']!).toString('utf8')) as AuditManifest;
    expect(manifest.importFiles[0]).toMatchObject({ batchId: 1, path: null, note: expect.stringContaining('before') });
    expect(Object.keys(entries).filter((p) => p.startsWith('files/1-'))).toEqual([]);
    expect(verifyAuditPackage(zip)).toMatchObject({ ok: true, problems: [] });
  });

  it.runIf(hasOpenpyxl)(
    'holds the ledger as a workbook openpyxl reads: every entry, its points, a frozen header',
    async () => {
      const { ctx, zip, dir } = await septemberPackage(open);
      const workbook = join(dir, 'ledger.xlsx');
      writeFileSync(workbook, unzipSync(readFileSync(zip))['ledger.xlsx']!);
      const script = [
        'import json, sys, openpyxl',
        'book = openpyxl.load_workbook(sys.argv[1])',
        'sheet = book["Ledger"]',
        'rows = list(sheet.iter_rows(values_only=True))',
        'print(json.dumps({"header": rows[0], "rows": len(rows) - 1, "points": sum(r[5] for r in rows[1:]),',
        '  "last": rows[-1][:6], "frozen": sheet.freeze_panes, "filter": sheet.auto_filter.ref}))',
      ].join('\n');
      const read = JSON.parse(execFileSync(SYSTEM_PYTHON, ['-c', script, workbook], { encoding: 'utf8' })) as {
        header: string[];
        rows: number;
        points: number;
        last: unknown[];
        frozen: string;
        filter: string;
      };
      const ledger = one<{ n: number; points: number }>(
        ctx,
        'SELECT COUNT(*) AS n, SUM(points) AS points FROM ledger_entries',
      );
      const last = one<{
        id: number;
        created_at: string;
        period: string;
        participant_code: string;
        kind: string;
        points: number;
      }>(
        ctx,
        'SELECT id, created_at, period, participant_code, kind, points FROM ledger_entries ORDER BY id DESC LIMIT 1',
      );
      expect(read).toMatchObject({
        rows: ledger.n,
        points: ledger.points,
        frozen: 'A2',
        filter: `A1:P${ledger.n + 1}`,
      });
      expect(read.header.slice(0, 6)).toEqual(['Entry', 'Posted at', 'Period', 'Participant', 'Kind', 'Points']);
      expect(read.last).toEqual([last.id, last.created_at, last.period, last.participant_code, last.kind, last.points]);
    },
  );

  for (const recompute of [true, false]) {
    describe(recompute ? 'edited, the manifest recomputed' : 'edited, the manifest left as it was', () => {
      it('reports one ledger amount changed, naming the period, participant and field', async () => {
        const { ctx, zip } = await septemberPackage(open);
        const entry = one<{ id: number }>(
          ctx,
          "SELECT id FROM ledger_entries WHERE kind = 'earn' AND participant_code = 'A' AND period = '2026-09' ORDER BY id LIMIT 1",
        );
        const result = verifyAuditPackage(
          tampered(
            zip,
            editTable('ledger_entries', entry.id, 'points', (p) => String(Number(p) + 1000)),
            recompute,
          ),
        );
        expect(result.ok).toBe(false);
        expect(result.problems).toContainEqual(
          expect.objectContaining({ code: 'CONTENT_CHANGED', table: 'ledger_entries', rowId: entry.id }),
        );
        expect(differences(result).map((p) => p.difference)).toContainEqual(
          expect.objectContaining({ period: '2026-09', participant: 'A', field: 'ledger earn points' }),
        );
        const changed = result.problems.filter((p) => p.code === 'FILE_CHANGED').map((p) => p.path);
        expect(changed).toEqual(recompute ? [] : ['tables/ledger_entries.csv']);
      });

      it('reports one imported sales line’s quantity changed', async () => {
        const { ctx, zip } = await septemberPackage(open);
        const line = one<{ id: number; quantity: number }>(
          ctx,
          "SELECT id, quantity FROM sales_lines WHERE participant_code = 'B' AND sku = 'CAT-07' AND period = '2026-09'",
        );
        const result = verifyAuditPackage(
          tampered(
            zip,
            editTable('sales_lines', line.id, 'quantity', () => String(line.quantity * 3)),
            recompute,
          ),
        );
        expect(result.ok).toBe(false);
        expect(result.problems).toContainEqual(
          expect.objectContaining({ code: 'ROW_CHANGED', table: 'sales_lines', rowId: line.id }),
        );
        expect(differences(result).map((p) => p.difference)).toContainEqual(
          expect.objectContaining({ period: '2026-09', participant: 'B', field: `line ${line.id} points` }),
        );
      });

      it('reports one number of the rule version the approval used', async () => {
        const { ctx, zip } = await septemberPackage(open);
        const version = one<{ id: number; rules_json: string }>(
          ctx,
          'SELECT r.id, r.rules_json FROM rule_versions r JOIN approved_periods a ON a.rule_version = r.version',
        );
        expect(version.rules_json).toContain('"baseRate":{"points":1,');
        const result = verifyAuditPackage(
          tampered(
            zip,
            editTable('rule_versions', version.id, 'rules_json', (f) =>
              f.replace('""baseRate"":{""points"":1,', '""baseRate"":{""points"":2,'),
            ),
            recompute,
          ),
        );
        expect(result.ok).toBe(false);
        expect(result.problems).toContainEqual(
          expect.objectContaining({ code: 'ROW_CHANGED', table: 'rule_versions', rowId: version.id }),
        );
        const found = differences(result).map((p) => p.difference);
        expect(found).toContainEqual(expect.objectContaining({ period: '2026-09', participant: 'A', field: 'base' }));
        expect(found).toContainEqual(
          expect.objectContaining({ period: '2026-09', participant: null, field: 'earned' }),
        );
      });

      it('reports one payout amount changed', async () => {
        const { ctx, zip } = await septemberPackage(open);
        const payout = one<{ id: number; participant_code: string; amount_minor: number }>(
          ctx,
          'SELECT id, participant_code, amount_minor FROM payouts ORDER BY id LIMIT 1',
        );
        const result = verifyAuditPackage(
          tampered(
            zip,
            editTable('payouts', payout.id, 'amount_minor', () => String(payout.amount_minor * 100)),
            recompute,
          ),
        );
        expect(result.ok).toBe(false);
        expect(result.problems).toContainEqual(
          expect.objectContaining({ code: 'ROW_CHANGED', table: 'payouts', rowId: payout.id }),
        );
        expect(result.problems).toContainEqual(
          expect.objectContaining({ code: 'PAYOUT_AMOUNT', table: 'payouts', rowId: payout.id }),
        );
        expect(differences(result).map((p) => p.difference)).toContainEqual({
          period: '2026-09',
          participant: payout.participant_code,
          field: 'payouts amount_minor',
          packaged: payout.amount_minor * 100,
          recomputed: payout.amount_minor,
          table: 'payouts',
          rowId: payout.id,
        });
      });
    });
  }

  it('reports a missing file and an extra file', async () => {
    const { zip } = await septemberPackage(open);
    const result = verifyAuditPackage(
      tampered(
        zip,
        (entries) => {
          const original = Object.keys(entries).find((p) => p.startsWith('files/'))!;
          delete entries[original];
          entries['files/extra.csv'] = strToU8('Referencja;Kwota\nLD-2026-09-000001;1000,00\n');
        },
        false,
      ),
    );
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(expect.objectContaining({ code: 'FILE_MISSING' }));
    expect(result.problems).toContainEqual(expect.objectContaining({ code: 'FILE_UNLISTED', path: 'files/extra.csv' }));
    expect(result.problems.filter((p) => p.code !== 'FILE_MISSING' && p.code !== 'FILE_UNLISTED')).toEqual([]);
  });

  it('refuses a zip cut in half with one clear error', async () => {
    const { zip, dir } = await septemberPackage(open);
    const bytes = readFileSync(zip);
    const half = join(dir, 'half.zip');
    writeFileSync(half, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(() => verifyAuditPackage(half)).toThrow(
      expect.objectContaining({ code: 'AUDIT_PACKAGE_DAMAGED', message: expect.stringMatching(/not a whole zip/) }),
    );
    const run = await runLoyalty(['audit', 'verify', half]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/half\.zip cannot be verified: it is not a whole zip file/);
  });
});
