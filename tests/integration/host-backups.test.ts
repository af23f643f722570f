// The app's side of backups, through the core hosts the window talks to: a file refused or damaged at the start is
// not opened and the first screen's calls say why and offer the latest good backup; a restore through the relay
// closes the hosts, restores, reopens, and the restored file answers.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../src-main/host/core-client';
import { startNodeCore } from '../../src-main/host/node-host';
import { makeTempDir } from '../fixtures/client-files';
import { repoRoot } from '../fixtures/repo-paths';
import { runLoyalty } from '../fixtures/run-cli';

let core: CoreClient | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

const start = async (file: string) =>
  (core = await startNodeCore({ dbFile: file, actor: 'tester', version: 'test', runtime: 'web' }));
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function programFile(): Promise<string> {
  const file = join(makeTempDir('loyalty-host-backups-'), 'loyalty.db');
  const init = await runLoyalty([
    'program',
    'init',
    '--config',
    join(repoRoot, 'examples', 'reference-program.json'),
    '--db',
    file,
  ]);
  expect(init.code).toBe(0);
  return file;
}

describe('the hosts and backups', () => {
  it('do not open a file that is not Loyalty Desk’s: the start check says so, everything else is refused', async () => {
    const file = join(makeTempDir('loyalty-host-notours-'), 'loyalty.db');
    writeFileSync(file, 'A letter, saved under the wrong name.');
    const before = sha(file);
    const client = await start(file);
    expect(await client.call('app.startCheck', undefined)).toMatchObject({
      ok: true,
      value: { ok: false, refusal: { code: 'NOT_LOYALTY_DATABASE' }, latestGoodBackup: null },
    });
    expect(await client.call('program.get', undefined)).toEqual({ ok: true, value: null });
    expect(await client.call('periods.list', undefined)).toMatchObject({
      ok: false,
      error: { code: 'NOT_LOYALTY_DATABASE' },
    });
    await client.close();
    core = undefined;
    expect(sha(file)).toBe(before);
  });

  it('refuse a file another program holds locked, and open it when asked again once it is let go', async () => {
    const file = await programFile();
    const holder = new Database(file);
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE');
    const busyBefore = process.env.LOYALTY_BUSY_TIMEOUT_MS;
    process.env.LOYALTY_BUSY_TIMEOUT_MS = '100';
    try {
      const client = await start(file);
      expect(await client.call('app.startCheck', undefined)).toMatchObject({
        ok: true,
        value: { ok: false, refusal: { code: 'DATABASE_BUSY' } },
      });
      // Asked again while it is still held: the same refusal.
      expect(await client.call('app.reopen', undefined)).toMatchObject({
        ok: true,
        value: { refusal: { code: 'DATABASE_BUSY' } },
      });
      holder.exec('ROLLBACK');
      holder.close();
      expect(await client.call('app.reopen', undefined)).toMatchObject({
        ok: true,
        value: { ok: true, refusal: null },
      });
      expect(await client.call('program.get', undefined)).toMatchObject({
        ok: true,
        value: { name: expect.any(String) },
      });
    } finally {
      if (holder.open) holder.close();
      if (busyBefore === undefined) delete process.env.LOYALTY_BUSY_TIMEOUT_MS;
      else process.env.LOYALTY_BUSY_TIMEOUT_MS = busyBefore;
    }
  });

  it('back up now, list, and restore through the relay; the restored file answers and notes the restore', async () => {
    const file = await programFile();
    const client = await start(file);
    const made = (await client.call('backups.create', {})) as { ok: true; value: { backup: { path: string } } };
    expect(made.ok).toBe(true);
    // The first start of the day took the daily one already.
    expect(await client.call('backups.list', undefined)).toMatchObject({
      ok: true,
      value: [{ reason: 'manual' }, { reason: 'daily' }],
    });
    const restored = await client.call('backups.restore', { file: made.value.backup.path });
    expect(restored).toMatchObject({ ok: true, value: { restored: { reason: 'manual' }, dataFile: file } });
    expect(await client.call('program.get', undefined)).toMatchObject({
      ok: true,
      value: { name: expect.any(String) },
    });
    expect(await client.call('app.startCheck', undefined)).toMatchObject({ ok: true, value: { ok: true } });
    const log = (await client.call('audit.log', {})) as { ok: true; value: { entries: { action: string }[] } };
    expect(log.value.entries.map((e) => e.action)).toContain('data.restore');
  });

  it('find a damaged file at the start, offer the latest good backup, and restore it', async () => {
    const file = await programFile();
    const client = await start(file);
    await client.call('backups.create', {});
    await client.close();
    core = undefined;
    // Pages of the closed file overwritten, as a bad disk would.
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096 * 4, 0x77), 0, 4096 * 4, 4096 * 2);
    closeSync(fd);
    const damaged = await start(file);
    const check = (await damaged.call('app.startCheck', undefined)) as {
      ok: true;
      value: { refusal: { code: string }; latestGoodBackup: { path: string; reason: string } };
    };
    expect(check.value.refusal.code).toMatch(/^(DATABASE_DAMAGED|NOT_LOYALTY_DATABASE)$/);
    expect(check.value.latestGoodBackup.reason).toBe('manual');
    const restored = await damaged.call('backups.restore', { file: check.value.latestGoodBackup.path });
    expect(restored).toMatchObject({ ok: true });
    expect(await damaged.call('app.startCheck', undefined)).toMatchObject({
      ok: true,
      value: { ok: true, refusal: null },
    });
    expect(await damaged.call('program.get', undefined)).toMatchObject({
      ok: true,
      value: { name: expect.any(String) },
    });
    const db = new Database(file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
