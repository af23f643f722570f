// `loyalty backup [--out FILE]`, `loyalty backups` and `loyalty restore FILE` on a real data file.
import { copyFileSync, existsSync, openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../fixtures/client-files';
import { repoRoot } from '../fixtures/repo-paths';
import { runLoyalty } from '../fixtures/run-cli';
import { approvePeriod } from '../../src-main/core/approval/approve-period';
import { importScenarioSales, seedScenarioMasterData } from '../fixtures/scoring-scenario';
import { openTestContext } from '../fixtures/test-database';

let dir: string;
let db: string;

beforeAll(async () => {
  dir = makeTempDir('loyalty-cli-backups-');
  db = join(dir, 'loyalty.db');
  const init = await runLoyalty([
    'program',
    'init',
    '--config',
    join(repoRoot, 'examples', 'reference-program.json'),
    '--db',
    db,
  ]);
  expect(init.code).toBe(0);
});

describe('the backup commands', () => {
  it('backup takes one into the backups folder and a copy where --out says; backups lists them', async () => {
    const out = join(makeTempDir('loyalty-cli-out-'), 'copy.db');
    const taken = await runLoyalty(['backup', '--out', out, '--db', db, '--json']);
    expect(taken.stderr).toBe('');
    expect(taken.code).toBe(0);
    const result = JSON.parse(taken.stdout) as { backup: { path: string; reason: string }; copiedTo: string };
    expect(result.backup.reason).toBe('manual');
    expect(result.backup.path.startsWith(join(dir, 'backups'))).toBe(true);
    expect(result.copiedTo).toBe(out);
    expect(existsSync(out)).toBe(true);

    const listed = await runLoyalty(['backups', '--db', db, '--json']);
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.stdout) as { reason: string; path: string }[]).map((b) => b.path)).toContain(
      result.backup.path,
    );
    const text = await runLoyalty(['backups', '--db', db]);
    expect(text.stdout).toContain('manual');
  });

  it('an import takes an automatic backup first; a dry run does not', async () => {
    const before = JSON.parse((await runLoyalty(['backups', '--db', db, '--json'])).stdout) as unknown[];
    const participants = join(repoRoot, '..', 'shared', 'samples', 'participants.xlsx');
    await runLoyalty(['import', 'participants', participants, '--dry-run', '--db', db]);
    const afterDryRun = JSON.parse((await runLoyalty(['backups', '--db', db, '--json'])).stdout) as unknown[];
    expect(afterDryRun.length).toBe(before.length);
    const imported = await runLoyalty(['import', 'participants', participants, '--db', db]);
    expect(imported.code).toBe(0);
    const after = JSON.parse((await runLoyalty(['backups', '--db', db, '--json'])).stdout) as { reason: string }[];
    expect(after.length).toBe(before.length + 1);
    expect(after.map((b) => b.reason)).toContain('import');
  });

  it('restore brings a backup back and keeps the file in use aside', async () => {
    const taken = JSON.parse((await runLoyalty(['backup', '--db', db, '--json'])).stdout) as {
      backup: { path: string };
    };
    const restored = await runLoyalty(['restore', taken.backup.path, '--db', db, '--json']);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    const outcome = JSON.parse(restored.stdout) as { keptAside: string; restored: { path: string } };
    expect(outcome.restored.path).toBe(taken.backup.path);
    expect(outcome.keptAside).toMatch(/-restore\.db$/);
    expect(existsSync(outcome.keptAside)).toBe(true);
    const text = await runLoyalty(['restore', taken.backup.path, '--db', db]);
    expect(text.stdout).toMatch(/^Restored .* into .*\nThe data file in use before is kept at .*-restore\.db\.\n$/);
  });

  it('restore refuses a damaged backup with one sentence and exit 1, the data file untouched', async () => {
    const taken = JSON.parse((await runLoyalty(['backup', '--db', db, '--json'])).stdout) as {
      backup: { path: string };
    };
    const damaged = join(makeTempDir('loyalty-cli-damaged-'), 'damaged.db');
    copyFileSync(taken.backup.path, damaged);
    const fd = openSync(damaged, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, 4096 * 2);
    closeSync(fd);
    const before = JSON.parse((await runLoyalty(['backups', '--db', db, '--json'])).stdout) as unknown[];
    const refused = await runLoyalty(['restore', damaged, '--db', db]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^loyalty: The backup .* was not restored: it is damaged \(integrity_check fails\)\. Nothing was changed\.\n$/,
    );
    const after = JSON.parse((await runLoyalty(['backups', '--db', db, '--json'])).stdout) as unknown[];
    expect(after.length).toBe(before.length);
  });

  it('a command on a file that is not a Loyalty Desk database refuses it without changing it', async () => {
    const other = join(makeTempDir('loyalty-cli-other-'), 'notes.db');
    const { default: Database } = await import('better-sqlite3');
    const sqlite = new Database(other);
    sqlite.exec('CREATE TABLE notes (text TEXT)');
    sqlite.close();
    const run = await runLoyalty(['program', 'show', '--db', other]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /is not a Loyalty Desk data file \(it holds other tables than the app’s\); it was not changed\./,
    );
    const check = new Database(other, { readonly: true });
    expect(check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()).toEqual(['notes']);
    check.close();
  });

  it('restore refuses to go back past an exported payout file unless --accept-lost-exports gives the reason', async () => {
    const ctx = openTestContext({ dir: makeTempDir('loyalty-cli-lost-') });
    await seedScenarioMasterData(ctx);
    await importScenarioSales(ctx, '2026-09');
    approvePeriod(ctx, '2026-09', { acceptOpenAnomalies: 'Checked with the client' });
    const file = ctx.store.file;
    ctx.store.close();
    const taken = JSON.parse((await runLoyalty(['backup', '--db', file, '--json'])).stdout) as {
      backup: { path: string };
    };
    const out = join(makeTempDir('loyalty-cli-lost-out-'), 'wrzesien.xlsx');
    const exported = await runLoyalty([
      'export',
      'payouts',
      '--period',
      '2026-09',
      '--format',
      'xlsx',
      '--out',
      out,
      '--db',
      file,
      '--json',
    ]);
    expect(exported.stderr).toBe('');
    const batchRef = (JSON.parse(exported.stdout) as { batch: { batchRef: string } }).batch.batchRef;

    const refused = await runLoyalty(['restore', taken.backup.path, '--db', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`was taken before a payout file was exported: ${batchRef} (2026-09,`);
    expect(refused.stderr).toContain('Nothing was changed');
    const state = async () =>
      (
        JSON.parse((await runLoyalty(['payouts', '--period', '2026-09', '--db', file, '--json'])).stdout) as {
          state: string;
        }
      ).state;
    expect(await state()).toBe('exported');

    const restored = await runLoyalty([
      'restore',
      taken.backup.path,
      '--accept-lost-exports',
      'The file was never sent to the issuer',
      '--db',
      file,
    ]);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain(
      `Went back past 1 exported payout file(s), which the restored file does not know: ${batchRef} (reason: The file was never sent to the issuer).`,
    );
    // What the refusal warned of: the restored file offers September's top-ups again.
    expect(await state()).toBe('approved');
    const { default: Database } = await import('better-sqlite3');
    const sqlite = new Database(file, { readonly: true });
    const logged = sqlite.prepare("SELECT actor, reason FROM operator_log WHERE action = 'data.restore'").all();
    sqlite.close();
    expect(logged).toEqual([{ actor: expect.any(String), reason: 'The file was never sent to the issuer' }]);
  });
});
