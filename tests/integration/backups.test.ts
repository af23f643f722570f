// Backups, restore and the check at every start, on real SQLite files: a backup of a file in use is consistent, a
// restore keeps the file in use aside and refuses a damaged or tampered backup, and the start check tells each kind
// of bad file apart without changing it.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  statSync,
  openSync,
  readFileSync,
  truncateSync,
  utimesSync,
  writeFileSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { approvePeriod } from '../../src-main/core/approval/approve-period';
import { verifyLedger } from '../../src-main/core/ledger/verify-ledger';
import { backupBefore, backUpNow, dailyBackup, listDataBackups } from '../../src-main/core/backup/backup-actions';
import {
  fileIntegrityProblems,
  listBackups,
  migrationBackupPath,
  openReadOnly,
  takeBackup,
} from '../../src-main/core/backup/backup-files';
import { openDatabase } from '../../src-main/db/open-database';
import { repoRoot } from '../fixtures/repo-paths';
import { judgeBackup, restoreBackup } from '../../src-main/core/backup/restore-backup';
import { exportPayouts } from '../../src-main/core/payouts/export-payouts';
import { inspectDataFile } from '../../src-main/core/backup/start-check';
import { makeTempDir } from '../fixtures/client-files';
import { importScenarioSales, seedScenarioMasterData } from '../fixtures/scoring-scenario';
import { FIXED_NOW, openTestContext } from '../fixtures/test-database';
import { refusalAsync } from '../fixtures/refusal';

/** Who restores, in the tests' restores. */
const BY = { actor: 'coordinator' };

let dir: string;
/** A data file with two approved periods, closed (so a copy of it is the whole database). */
let approvedFile: string;
/** A backup of it taken after the first approval. */
let firstBackup: string;
let entriesAfterFirst: number;
let entriesAfterSecond: number;

const count = (file: string, table: string) => {
  const db = openReadOnly(file);
  try {
    return db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
};
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

beforeAll(async () => {
  dir = makeTempDir('loyalty-backups-');
  const ctx = openTestContext({ dir });
  await seedScenarioMasterData(ctx);
  await importScenarioSales(ctx, '2026-09');
  await importScenarioSales(ctx, '2026-10');
  approvePeriod(ctx, '2026-09', { acceptOpenAnomalies: 'Checked with the client' });
  firstBackup = backupBefore(ctx, 'approval')!.path;
  entriesAfterFirst = ctx.store.sqlite.prepare('SELECT COUNT(*) FROM ledger_entries').pluck().get() as number;
  approvePeriod(ctx, '2026-10', { acceptOpenAnomalies: 'Checked with the client' });
  entriesAfterSecond = ctx.store.sqlite.prepare('SELECT COUNT(*) FROM ledger_entries').pluck().get() as number;
  approvedFile = ctx.store.file;
  ctx.store.close();
});

/** A data file of its own in a folder of its own (so its backups folder is its own too). */
function copyOf(file: string): string {
  const target = join(makeTempDir('loyalty-backups-copy-'), 'loyalty.db');
  copyFileSync(file, target);
  return target;
}

/** What someone with an SQLite tool could do: drop a table's guards, run the statement, put the guards back. */
function tamper(file: string, sql: string, table = 'ledger_entries', putBack = true): void {
  const db = new Database(file);
  db.pragma('foreign_keys = OFF');
  const guards = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?")
    .all(table) as { name: string; sql: string }[];
  for (const g of guards) db.exec(`DROP TRIGGER ${g.name}`);
  db.exec(sql);
  if (putBack) for (const g of guards) db.exec(g.sql);
  db.close();
}

/** Overwrites a page in the middle of the file with bytes that are no b-tree page. */
function corruptPages(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    const junk = Buffer.alloc(4096 * 3, 0xa5);
    writeSync(fd, junk, 0, junk.length, 4096 * 4);
  } finally {
    closeSync(fd);
  }
}

describe('a backup', () => {
  it('of a file in use while another connection is writing holds what was committed, and passes integrity_check', () => {
    const file = copyOf(approvedFile);
    const reader = new Database(file);
    reader.pragma('journal_mode = WAL');
    const logBefore = reader.prepare('SELECT COUNT(*) FROM operator_log').pluck().get() as number;
    const writer = new Database(file);
    writer.pragma('busy_timeout = 5000');
    writer.exec('BEGIN IMMEDIATE');
    for (let i = 0; i < 500; i++)
      writer
        .prepare(
          "INSERT INTO operator_log (at, actor, action, subject, reason, details_json) VALUES (?, 'x', 'test.write', NULL, NULL, '{}')",
        )
        .run(FIXED_NOW.toISOString());
    const backup = takeBackup(reader, file, 'manual', FIXED_NOW);
    writer.exec('COMMIT');
    writer.close();
    reader.close();
    expect(fileIntegrityProblems(backup.path)).toEqual([]);
    expect(count(backup.path, 'operator_log')).toBe(logBefore);
    expect(count(file, 'operator_log')).toBe(logBefore + 500);
    const db = openReadOnly(backup.path);
    expect(verifyLedger(db).ok).toBe(true);
    db.close();
    expect(listBackups(file).map((b) => [b.reason, b.takenAt])).toEqual([['manual', FIXED_NOW.toISOString()]]);
  });

  it('"Back up now" writes one into the folder and a copy where asked; two in one millisecond get their own names', () => {
    const file = copyOf(approvedFile);
    const ctx = { ...openTestContext({ dir: join(file, '..'), withProgram: false }), now: () => FIXED_NOW };
    const target = join(makeTempDir('loyalty-backup-to-'), 'my copy.db');
    const first = backUpNow(ctx, target);
    const second = backUpNow(ctx);
    expect(first.copiedTo).toBe(target);
    expect(fileIntegrityProblems(target)).toEqual([]);
    expect(count(target, 'ledger_entries')).toBe(entriesAfterSecond);
    expect(second.backup.fileName).not.toBe(first.backup.fileName);
    expect(listDataBackups(ctx).map((b) => b.reason)).toEqual(['manual', 'manual']);
    // The daily one is not taken again on a day that has a backup already.
    expect(dailyBackup(ctx)).toBeNull();
    // A copy never replaces the data file itself, nor a file there that is not a Loyalty Desk database.
    expect(() => backUpNow(ctx, ctx.store.file)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    const letter = join(makeTempDir('loyalty-backup-to-'), 'letter.docx');
    writeFileSync(letter, 'Dear client');
    expect(() => backUpNow(ctx, letter)).toThrow(expect.objectContaining({ code: 'NOT_LOYALTY_DATABASE' }));
    expect(readFileSync(letter, 'utf8')).toBe('Dear client');
    expect(listDataBackups(ctx)).toHaveLength(2);
    ctx.store.close();
  });

  it('taken in the same millisecond as others of other reasons is kept, not pruned by its own rotation', () => {
    // A fixed clock (as in tests, or a clock that stands still) makes backups of different reasons tie on their
    // time; the one just taken must be there when the command it guards goes wrong.
    const file = copyOf(approvedFile);
    const ctx = { ...openTestContext({ dir: join(file, '..'), withProgram: false }), now: () => FIXED_NOW };
    const reasons = ['import', 'approval', 'export'] as const;
    for (let i = 0; i < 15; i++) {
      const backup = backupBefore(ctx, reasons[i % reasons.length]!);
      expect(backup && existsSync(backup.path)).toBe(true);
    }
    ctx.store.close();
  });
});

describe('a backup killed part way', () => {
  it('leaves a partial copy that the next backup removes once it is an hour old, and never another file’s', () => {
    const file = copyOf(approvedFile);
    const ctx = { ...openTestContext({ dir: join(file, '..'), withProgram: false }), now: () => FIXED_NOW };
    const folder = join(file, '..', 'backups');
    mkdirSync(folder, { recursive: true });
    const stem = basename(file, '.db');
    const partial = (name: string, ageMs: number) => {
      const path = join(folder, name);
      writeFileSync(path, 'half a copy');
      const at = new Date(Date.now() - ageMs);
      utimesSync(path, at, at);
      return path;
    };
    const stale = partial(`.${stem}-2026-10-01T08-00-00-000Z-import.db.partial`, 2 * 3_600_000);
    const young = partial(`.${stem}-2026-10-01T09-00-00-000Z-approval.db.partial`, 60_000);
    const otherFile = partial('.other-2026-10-01T08-00-00-000Z-import.db.partial', 2 * 3_600_000);
    const notOurs = partial('.notes.partial', 2 * 3_600_000);
    backupBefore(ctx, 'import');
    expect(existsSync(stale)).toBe(false);
    expect([young, otherFile, notOurs].map(existsSync)).toEqual([true, true, true]);
    ctx.store.close();
  });

  it('and a restore killed after its write leave a staging copy that the next backup removes once an hour old', () => {
    const file = copyOf(approvedFile);
    const ctx = { ...openTestContext({ dir: join(file, '..'), withProgram: false }), now: () => FIXED_NOW };
    const staging = join(file, '..', '.loyalty.db.restoring');
    writeFileSync(staging, 'a whole staging copy, as large as the file');
    backupBefore(ctx, 'import');
    expect(existsSync(staging)).toBe(true); // young: may be a restore under way from the command line
    const at = new Date(Date.now() - 2 * 3_600_000);
    utimesSync(staging, at, at);
    backupBefore(ctx, 'approval');
    expect(existsSync(staging)).toBe(false);
    ctx.store.close();
  });
});

/** A data file of this version, and the migrations of a later version that ships one more (adding a table "extra"). */
function fileBeforeAMigration(): { dir: string; file: string; migrations: string } {
  const dir = makeTempDir('loyalty-backups-migration-');
  const migrations = join(dir, 'drizzle');
  cpSync(join(repoRoot, 'drizzle'), migrations, { recursive: true });
  const file = join(dir, 'loyalty.db');
  openDatabase(file, { migrationsFolder: migrations }).close();
  // A later version of the app ships one more migration.
  const meta = JSON.parse(readFileSync(join(migrations, 'meta', '_journal.json'), 'utf8')) as {
    entries: { idx: number; when: number; tag: string }[];
  };
  const last = meta.entries[meta.entries.length - 1]!;
  meta.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_test_extra' });
  writeFileSync(join(migrations, 'meta', '_journal.json'), JSON.stringify(meta));
  writeFileSync(join(migrations, '9999_test_extra.sql'), 'CREATE TABLE `extra` (`id` integer PRIMARY KEY);');
  return { dir, file, migrations };
}

describe('the copy before a migration', () => {
  it('goes into the backups folder with the reason "migration", listed with the others', () => {
    const { file, migrations } = fileBeforeAMigration();
    openDatabase(file, { migrationsFolder: migrations, backupPath: migrationBackupPath(() => FIXED_NOW) }).close();
    expect(listBackups(file).map((b) => [b.reason, b.takenAt])).toEqual([['migration', FIXED_NOW.toISOString()]]);
    expect(fileIntegrityProblems(listBackups(file)[0]!.path)).toEqual([]);
  });

  it('that cannot be written refuses the migration and leaves the file as it was', () => {
    const { dir, file, migrations } = fileBeforeAMigration();
    // The copy cannot be written: a folder stands where it would be written first (as a full disk would fail it).
    const target = join(dir, 'before-migration.db');
    mkdirSync(join(dir, '.before-migration.db.partial'));
    mkdirSync(join(dir, '.before-migration.db.partial', 'in-the-way'));
    expect(() => openDatabase(file, { migrationsFolder: migrations, backupPath: () => target })).toThrow(
      expect.objectContaining({ code: 'BACKUP_FAILED' }),
    );
    expect(existsSync(target)).toBe(false);
    const db = openReadOnly(file);
    try {
      expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'extra'`).all()).toEqual([]);
    } finally {
      db.close();
    }
  });
});

describe('a restore', () => {
  it('keeps the file in use aside as a backup, then holds what the backup held', async () => {
    const file = copyOf(approvedFile);
    const backup = copyOf(firstBackup);
    const outcome = await restoreBackup(file, backup, new Date('2026-11-02T08:00:00Z'), BY);
    expect(count(file, 'ledger_entries')).toBe(entriesAfterFirst);
    expect(outcome.keptAside).toMatch(/loyalty-2026-11-02T08-00-00-000Z-restore\.db$/);
    expect(count(outcome.keptAside, 'ledger_entries')).toBe(entriesAfterSecond);
    expect(fileIntegrityProblems(file)).toEqual([]);
    expect(inspectDataFile(file).problems).toEqual([]);
  });

  it('refuses a backup whose pages were overwritten, and changes nothing', async () => {
    const file = copyOf(approvedFile);
    const backup = copyOf(firstBackup);
    corruptPages(backup);
    const before = sha(file);
    const error = await refusalAsync(() => restoreBackup(file, backup, FIXED_NOW, BY));
    expect(error).toMatchObject({ code: 'BACKUP_REFUSED', details: { why: 'INTEGRITY' } });
    expect(sha(file)).toBe(before);
    expect(listBackups(file)).toEqual([]);
  });

  it('refuses a backup whose ledger was changed behind the app’s back', async () => {
    const file = copyOf(approvedFile);
    const backup = copyOf(firstBackup);
    tamper(backup, 'UPDATE ledger_entries SET points = points + 100 WHERE id = 1');
    const before = sha(file);
    const error = await refusalAsync(() => restoreBackup(file, backup, FIXED_NOW, BY));
    expect(error).toMatchObject({ code: 'BACKUP_REFUSED', details: { why: 'CHAIN_BROKEN' } });
    expect(sha(file)).toBe(before);
  });

  it('refuses a backup of a newer version and a file that is no Loyalty Desk database', async () => {
    const newer = copyOf(firstBackup);
    const db = new Database(newer);
    db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', 99999999999999);
    db.close();
    expect(() => judgeBackup(newer)).toThrow(
      expect.objectContaining({ code: 'BACKUP_REFUSED', details: { file: newer, why: 'NEWER' } }),
    );
    const text = join(makeTempDir('loyalty-backups-text-'), 'notes.db');
    writeFileSync(text, 'Dear client, these are my notes.\n'.repeat(200));
    expect(() => judgeBackup(text)).toThrow(
      expect.objectContaining({ details: { file: text, why: 'NOT_LOYALTY_DATABASE' } }),
    );
  });

  it('of a backup in the folder does not prune that backup while it keeps the file in use aside', async () => {
    // Found by the quarter through the UI (tests/long/quarter-ui.spec.ts), which restores the backup it just took
    // from Settings' list at a fixed instant: the copy kept aside pruned the folder to the rotation, and the backup
    // being restored, tied in time with ten others, went before it was read ("unable to open database file").
    const file = copyOf(approvedFile);
    const ctx = { ...openTestContext({ dir: join(file, '..'), withProgram: false }), now: () => FIXED_NOW };
    const reasons = ['import', 'approval', 'export'] as const;
    for (let i = 0; i < 12; i++) backupBefore(ctx, reasons[i % reasons.length]!);
    const manual = backUpNow(ctx).backup;
    ctx.store.close();
    const outcome = await restoreBackup(file, manual.path, FIXED_NOW, BY);
    expect(outcome.restored.fileName).toBe(manual.fileName);
    expect(outcome.keptAside).toMatch(/-restore\.db$/);
    expect(count(file, 'ledger_entries')).toBe(entriesAfterSecond);
  });

  it('notes itself in the restored file, in the same write: a restored file never lacks its note', async () => {
    const file = copyOf(approvedFile);
    // What a restore killed while staging left beside the data file: replaced, then removed.
    writeFileSync(join(file, '..', '.loyalty.db.restoring'), 'half a staging copy');
    const outcome = await restoreBackup(file, copyOf(firstBackup), FIXED_NOW, BY);
    const db = openReadOnly(file);
    try {
      const notes = db.prepare("SELECT actor, subject, at FROM operator_log WHERE action = 'data.restore'").all() as {
        actor: string;
        subject: string;
        at: string;
      }[];
      expect(notes).toEqual([
        { actor: 'coordinator', subject: outcome.restored.fileName, at: FIXED_NOW.toISOString() },
      ]);
    } finally {
      db.close();
    }
    expect(readdirSync(join(file, '..')).filter((name) => name.includes('.restoring'))).toEqual([]);
    expect(inspectDataFile(file).problems).toEqual([]);
  });

  it('of a backup of an older version brings it to this version with its note, and keeps no copy of the staging', async () => {
    // A backup written by the version before this one: the same migrations but the last.
    const older = makeTempDir('loyalty-backups-older-');
    const migrations = join(older, 'drizzle');
    cpSync(join(repoRoot, 'drizzle'), migrations, { recursive: true });
    const journalFile = join(migrations, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
    const current = journal.entries.length;
    journal.entries.pop();
    writeFileSync(journalFile, JSON.stringify(journal));
    const backup = join(older, 'loyalty-older.db');
    openDatabase(backup, { migrationsFolder: migrations }).close();
    expect(count(backup, '__drizzle_migrations')).toBe(current - 1);

    const file = copyOf(approvedFile);
    const outcome = await restoreBackup(file, backup, FIXED_NOW, BY);
    expect(count(file, '__drizzle_migrations')).toBe(current);
    expect(count(file, 'ledger_entries')).toBe(0);
    const db = openReadOnly(file);
    try {
      expect(db.prepare("SELECT COUNT(*) FROM operator_log WHERE action = 'data.restore'").pluck().get()).toBe(1);
    } finally {
      db.close();
    }
    // The backup restored is the copy from before the migration: the folder holds only the file kept aside.
    expect(listBackups(file).map((b) => b.path)).toEqual([outcome.keptAside]);
    expect(readdirSync(join(file, '..')).filter((name) => name.includes('restoring'))).toEqual([]);
    expect(inspectDataFile(file).problems).toEqual([]);
  });

  it('puts a backup in place of a data file too damaged to open, keeping the damaged one aside as it was', async () => {
    const file = copyOf(approvedFile);
    writeFileSync(file, 'not a database any more');
    const outcome = await restoreBackup(file, copyOf(firstBackup), FIXED_NOW, BY);
    expect(readFileSync(outcome.keptAside, 'utf8')).toBe('not a database any more');
    expect(count(file, 'ledger_entries')).toBe(entriesAfterFirst);
  });
});

describe('a restore that goes back past a payout export', () => {
  /** A copy of the approved file whose October top-ups were exported, and its batch's reference. */
  async function exportedOctober(): Promise<{ file: string; batchRef: string; rowCount: number; sum: number }> {
    const file = copyOf(approvedFile);
    const store = openDatabase(file);
    try {
      const result = await exportPayouts({ store, actor: 'coordinator', now: () => FIXED_NOW }, '2026-10', 'xlsx');
      return {
        file,
        batchRef: result.batch.batchRef,
        rowCount: result.batch.rowCount,
        sum: result.batch.controlSumMinor,
      };
    } finally {
      store.close();
    }
  }

  it('is refused, naming the batch, and changes nothing: the restored file would offer those top-ups again', async () => {
    const { file, batchRef, rowCount, sum } = await exportedOctober();
    const before = sha(file);
    const error = await refusalAsync(() => restoreBackup(file, copyOf(firstBackup), FIXED_NOW, BY));
    expect(error).toMatchObject({
      code: 'RESTORE_LOSES_EXPORTS',
      details: {
        batches: [
          {
            batchRef,
            period: '2026-10',
            format: 'xlsx',
            rowCount,
            controlSumMinor: sum,
            currencyCode: 'PLN',
            currencyDigits: 2,
            createdBy: 'coordinator',
          },
        ],
      },
    });
    expect(error.message).toContain(batchRef);
    expect(sha(file)).toBe(before);
    expect(listBackups(file)).toEqual([]);
    // A blank reason is no reason.
    const blank = await refusalAsync(() =>
      restoreBackup(file, copyOf(firstBackup), FIXED_NOW, { ...BY, acceptLostExports: ' ' }),
    );
    expect(blank.code).toBe('RESTORE_LOSES_EXPORTS');
    expect(sha(file)).toBe(before);
  });

  it('goes ahead with a reason, which the restored file’s operator log keeps with the batches', async () => {
    const { file, batchRef } = await exportedOctober();
    const reason = 'The October file was never sent to the issuer';
    const outcome = await restoreBackup(file, copyOf(firstBackup), FIXED_NOW, {
      ...BY,
      acceptLostExports: ` ${reason} `,
    });
    expect(outcome.lostExports.map((b) => b.batchRef)).toEqual([batchRef]);
    expect(outcome.lostExportsReason).toBe(reason);
    expect(count(file, 'payout_batches')).toBe(0);
    // The file in use is kept aside with its batch.
    expect(count(outcome.keptAside, 'payout_batches')).toBe(1);
    // Noted in the restored file by the restore itself, in the same write.
    const db = openReadOnly(file);
    try {
      const logged = db
        .prepare("SELECT actor, reason, details_json FROM operator_log WHERE action = 'data.restore'")
        .all() as { actor: string; reason: string; details_json: string }[];
      expect(logged).toHaveLength(1);
      expect(logged[0]!.actor).toBe('coordinator');
      expect(logged[0]!.reason).toBe(reason);
      expect(JSON.parse(logged[0]!.details_json)).toMatchObject({ lostExports: [batchRef] });
    } finally {
      db.close();
    }
  });

  it('is not asked about when the backup holds every export the file holds', async () => {
    const { file } = await exportedOctober();
    const taken = copyOf(file);
    const outcome = await restoreBackup(file, taken, FIXED_NOW, BY);
    expect(outcome.lostExports).toEqual([]);
    expect(outcome.lostExportsReason).toBeNull();
    expect(count(file, 'payout_batches')).toBe(1);
  });
});

describe('the check at every start', () => {
  const originalTimeout = process.env.LOYALTY_BUSY_TIMEOUT_MS;
  afterEach(() => {
    if (originalTimeout === undefined) delete process.env.LOYALTY_BUSY_TIMEOUT_MS;
    else process.env.LOYALTY_BUSY_TIMEOUT_MS = originalTimeout;
  });

  /** The check, and the proof that it changed nothing in the file. */
  function inspectUnchanged(file: string) {
    const before = sha(file);
    try {
      return inspectDataFile(file);
    } finally {
      expect(sha(file)).toBe(before);
      // A read-only connection to a WAL file may leave an empty -wal beside it: nothing in it.
      if (existsSync(`${file}-wal`)) expect(statSync(`${file}-wal`).size).toBe(0);
    }
  }

  it('finds nothing wrong with a whole file, and nothing with a new one', () => {
    expect(inspectUnchanged(copyOf(approvedFile))).toMatchObject({ problems: [], integrity: 'integrity' });
    expect(inspectDataFile(join(makeTempDir('loyalty-new-'), 'loyalty.db')).problems).toEqual([]);
  });

  it('says a truncated file is damaged', () => {
    const file = copyOf(approvedFile);
    truncateSync(file, Math.floor(readFileSync(file).length / 2));
    let problems: unknown;
    try {
      problems = inspectUnchanged(file).problems;
    } catch (error) {
      problems = error;
    }
    // Cut short, SQLite either reports it in integrity_check or cannot read the schema at all.
    expect(problems).toSatisfy(
      (p: unknown) =>
        (Array.isArray(p) && p.some((x: { code: string }) => x.code === 'INTEGRITY')) ||
        (p as { code?: string }).code === 'DATABASE_DAMAGED',
    );
  });

  it('says a file that is not a database, and an SQLite file of another program, are not Loyalty Desk’s', () => {
    const text = join(makeTempDir('loyalty-start-'), 'loyalty.db');
    writeFileSync(text, 'Some spreadsheet, saved under the wrong name.');
    expect(() => inspectUnchanged(text)).toThrow(expect.objectContaining({ code: 'NOT_LOYALTY_DATABASE' }));
    const other = join(makeTempDir('loyalty-start-'), 'loyalty.db');
    const db = new Database(other);
    db.exec("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('pierogi')");
    db.close();
    expect(() => inspectUnchanged(other)).toThrow(expect.objectContaining({ code: 'NOT_LOYALTY_DATABASE' }));
  });

  it('says a file of a newer version is one', () => {
    const file = copyOf(approvedFile);
    const db = new Database(file);
    db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', 99999999999999);
    db.close();
    expect(() => inspectUnchanged(file)).toThrow(expect.objectContaining({ code: 'DATABASE_NEWER' }));
  });

  it('says a file another program holds locked is in use', () => {
    process.env.LOYALTY_BUSY_TIMEOUT_MS = '100';
    const file = copyOf(approvedFile);
    const holder = new Database(file);
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE');
    try {
      expect(() => inspectDataFile(file)).toThrow(expect.objectContaining({ code: 'DATABASE_BUSY' }));
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });

  it('names a missing append-only trigger', () => {
    const file = copyOf(approvedFile);
    const db = new Database(file);
    db.exec('DROP TRIGGER payouts_no_update');
    db.close();
    expect(inspectUnchanged(file).problems).toEqual([
      { code: 'GUARD_MISSING', table: 'payouts', name: 'payouts_no_update' },
    ]);
  });

  it('names the ledger entry where the chain after the last anchor breaks', () => {
    const file = copyOf(approvedFile);
    tamper(file, `UPDATE ledger_entries SET points = points + 1 WHERE id = ${entriesAfterSecond}`);
    expect(inspectUnchanged(file).problems).toEqual([
      { code: 'CHAIN_BROKEN', table: 'ledger_entries', entryId: entriesAfterSecond },
    ]);
    const gone = copyOf(approvedFile);
    tamper(gone, `DELETE FROM ledger_entries WHERE id = ${entriesAfterSecond}`);
    expect(inspectUnchanged(gone).problems).toEqual([
      { code: 'CHAIN_BROKEN', table: 'ledger_entries', entryId: entriesAfterSecond },
    ]);
  });
});
