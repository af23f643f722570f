// `audit verify` as the CLI's bundle runs it: the recomputation on a second thread (recompute-thread.ts), from the
// zip or the live file, while the first checks the chain and the seals. Its report must be the one the same checks
// make in one thread (as under vitest, where the thread's file is not built): the same problems, in the same order,
// and the same counts, for an untouched package, a tampered one, and a tampered live file.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { exportAuditPackage } from '../../src-main/core/audit/export-audit-package';
import { verifyAuditPackage, verifyLive } from '../../src-main/core/audit/verify-audit-package';
import type { AuditManifest, AuditVerification } from '../../src-main/core/audit/audit-views';
import { septemberClosed } from '../fixtures/september-payout-stages';
import { caseOpener } from '../fixtures/staged-database';
import { runBin } from '../fixtures/run-cli';
import { repoRoot } from '../fixtures/repo-paths';

const open = caseOpener();
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The CLI bundle's folder, built by the first runBin. */
function bundleDir(): string {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'out', 'cli', 'build.json'), 'utf8')) as { dir: string };
  return join(repoRoot, 'out', 'cli', manifest.dir);
}

/** The JSON report of `node bin/loyalty.mjs audit verify ...` and its exit code. */
function cliVerify(
  args: string[],
  env: Record<string, string> = {},
): { code: number | null; report: AuditVerification } {
  const run = runBin(['audit', 'verify', ...args, '--json'], env);
  expect(run.stderr).toBe('');
  return { code: run.code, report: JSON.parse(run.stdout) as AuditVerification };
}

/** A copy of the package with one sales line's quantity tripled and the manifest's SHA-256 recomputed. */
function tamperedPackage(zip: string, lineId: number): string {
  const entries = unzipSync(readFileSync(zip));
  const path = 'tables/sales_lines.csv';
  const lines = Buffer.from(entries[path]!).toString('utf8').split('\n');
  const header = lines[0]!.split(',').map((h) => h.replace(/"/g, ''));
  const at = lines.findIndex((l, i) => i > 0 && l.startsWith(`${lineId},`));
  const fields = lines[at]!.split(',');
  const q = header.indexOf('quantity');
  fields[q] = String(Number(fields[q]) * 3);
  lines[at] = fields.join(',');
  entries[path] = strToU8(lines.join('\n'));
  const manifest = JSON.parse(Buffer.from(entries['manifest.json']!).toString('utf8')) as AuditManifest;
  manifest.files = manifest.files.map((f) =>
    f.path === path ? { ...f, size: entries[path]!.byteLength, sha256: sha256(entries[path]!) } : f,
  );
  entries['manifest.json'] = strToU8(JSON.stringify(manifest, null, 2));
  const out = join(zip, '..', 'tampered.zip');
  writeFileSync(out, zipSync(entries, { level: 1 }));
  return out;
}

describe('audit verify through the CLI bundle, the recomputation on a second thread', () => {
  it('reports a package exactly as the checks in one thread do, untouched and tampered', async () => {
    const { ctx, dir } = await open(septemberClosed);
    const zip = join(dir, 'audit.zip');
    exportAuditPackage(ctx, zip);

    const clean = cliVerify([zip]);
    expect(existsSync(join(bundleDir(), 'recompute-worker.mjs'))).toBe(true);
    expect(clean.code).toBe(0);
    expect(clean.report).toEqual(JSON.parse(JSON.stringify(verifyAuditPackage(zip))));
    expect(clean.report.counts.periodsRecomputed).toBe(1);

    const line = ctx.store.sqlite
      .prepare("SELECT id FROM sales_lines WHERE participant_code = 'B' AND sku = 'CAT-07' AND period = '2026-09'")
      .pluck()
      .get() as number;
    const bad = tamperedPackage(zip, line);
    const found = cliVerify([bad]);
    expect(found.code).toBe(3);
    const inOneThread = JSON.parse(JSON.stringify(verifyAuditPackage(bad))) as AuditVerification;
    expect(found.report).toEqual(inOneThread);
    // Asked for one thread (a machine short of memory), the bundle gives the same report.
    expect(cliVerify([bad], { LOYALTY_AUDIT_THREADS: '1' }).report).toEqual(inOneThread);
    // The seal's finding comes from the first thread, the recomputation's from the second, in the checks' order.
    const codes = found.report.problems.map((p) => p.code);
    expect(codes).toContain('ROW_CHANGED');
    expect(codes).toContain('RECOMPUTE_DIFFERENCE');
    expect(codes.indexOf('ROW_CHANGED')).toBeLessThan(codes.indexOf('RECOMPUTE_DIFFERENCE'));
    expect(found.report.problems.map((p) => p.difference).filter(Boolean)).toContainEqual(
      expect.objectContaining({ period: '2026-09', participant: 'B', field: `line ${line} points` }),
    );
  });

  it('recomputes a live file on the second thread, reading the file itself', async () => {
    const { ctx } = await open(septemberClosed);
    // An approved line's points changed behind the app's back, as another SQLite tool would.
    ctx.store.sqlite.exec('DROP TRIGGER IF EXISTS approved_lines_no_update');
    const row = ctx.store.sqlite
      .prepare("SELECT id, sales_line_id FROM approved_lines WHERE participant_code = 'A' ORDER BY id LIMIT 1")
      .get() as { id: number; sales_line_id: number };
    ctx.store.sqlite.prepare('UPDATE approved_lines SET points = points + 7 WHERE id = ?').run(row.id);
    const file = ctx.store.file;
    ctx.store.close();

    const run = runBin(['audit', 'verify', '--db', file, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(3);
    const report = JSON.parse(run.stdout) as {
      recompute: { differences: number; problems: { difference?: object }[] };
    };
    expect(report.recompute.differences).toBeGreaterThan(0);
    expect(report.recompute.problems.map((p) => p.difference)).toContainEqual(
      expect.objectContaining({ period: '2026-09', participant: 'A', field: `line ${row.sales_line_id} points` }),
    );
    const inOneThread = verifyLive(file);
    expect(report.recompute.problems).toEqual(
      JSON.parse(JSON.stringify(inOneThread.problems.filter((p) => p.code.startsWith('RECOMPUTE')))),
    );
  });
});
