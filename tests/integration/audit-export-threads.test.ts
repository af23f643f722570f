// `audit export` as the CLI's bundle runs it: the ledger's workbook made on another thread, from a read-only
// connection of its own, up to the head the export's transaction saw (ledger-workbook-thread.ts). The package must hold
// the same files as the one made in one thread (as under vitest, where the thread's file is not built).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportAuditPackage } from '../../src-main/core/audit/export-audit-package';
import type { AuditManifest } from '../../src-main/core/audit/audit-views';
import { septemberClosed } from '../fixtures/september-payout-stages';
import { caseOpener } from '../fixtures/staged-database';
import { runBin } from '../fixtures/run-cli';
import { repoRoot } from '../fixtures/repo-paths';

const open = caseOpener();
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('audit export through the CLI bundle, the ledger workbook on a second thread', () => {
  it('holds every file as the export in one thread makes it', async () => {
    const { ctx, dir } = await open(septemberClosed);
    const here = join(dir, 'here.zip');
    exportAuditPackage(ctx, here);
    const file = ctx.store.file;
    ctx.store.close();
    const there = join(dir, 'bundle.zip');
    const run = runBin(['audit', 'export', '--out', there, '--db', file]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const build = JSON.parse(readFileSync(join(repoRoot, 'out', 'cli', 'build.json'), 'utf8')) as { dir: string };
    expect(existsSync(join(repoRoot, 'out', 'cli', build.dir, 'ledger-workbook-worker.mjs'))).toBe(true);

    const a = unzipSync(readFileSync(here));
    const b = unzipSync(readFileSync(there));
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const path of Object.keys(a)) {
      if (path === 'manifest.json') continue; // it names the moment it was made
      expect(sha256(b[path]!), path).toBe(sha256(a[path]!));
    }
    const manifest = (bytes: Uint8Array) => {
      const {
        madeAt: _madeAt,
        madeBy: _madeBy,
        ...rest
      } = JSON.parse(Buffer.from(bytes).toString('utf8')) as AuditManifest;
      return rest;
    };
    expect(manifest(b['manifest.json']!)).toEqual(manifest(a['manifest.json']!));
    expect(a['ledger.xlsx']!.byteLength).toBeGreaterThan(1000);
  });
});
