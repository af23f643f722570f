import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, readdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase, DatabaseNewerError, DatabaseUnreadableError } from '../../src-main/db/open-database';
import { repoRoot } from '../fixtures/repo-paths';
import { makeTempDir } from '../fixtures/client-files';

const folder = () => makeTempDir('loyalty-db-');

const journal = () =>
  JSON.parse(readFileSync(join(repoRoot, 'drizzle', 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number; tag: string }[];
  };

describe('openDatabase', () => {
  it('creates a migrated file with WAL, commits synced to disk, and foreign keys on', () => {
    const file = join(folder(), 'nested', 'loyalty.db');
    const store = openDatabase(file);
    try {
      expect(existsSync(file)).toBe(true);
      expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      // FULL: 2.
      expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(2);
      expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      const applied = store.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number };
      expect(applied.n).toBe(journal().entries.length);
      const tables = (
        store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]
      ).map((t) => t.name);
      expect(tables).toEqual(
        expect.arrayContaining([
          'programs',
          'rule_versions',
          'participants',
          'import_batches',
          'operator_log',
          'settings',
        ]),
      );
    } finally {
      store.close();
    }
  });

  it('refuses a foreign key that points nowhere', () => {
    const store = openDatabase(join(folder(), 'fk.db'));
    try {
      expect(() =>
        store.sqlite
          .prepare(
            "INSERT INTO rule_versions (program_id, version, rules_json, note, created_at, created_by) VALUES (999, 1, '{}', '', '', '')",
          )
          .run(),
      ).toThrow(/FOREIGN KEY/);
    } finally {
      store.close();
    }
  });

  it('opens an up-to-date file again without a backup copy', () => {
    const dir = folder();
    const file = join(dir, 'loyalty.db');
    openDatabase(file).close();
    openDatabase(file).close();
    expect(readdirSync(dir).filter((f) => f.includes('backup'))).toEqual([]);
  });

  it('copies the file aside before applying a pending migration, and the copy keeps the data', () => {
    const dir = folder();
    const migrations = join(dir, 'drizzle');
    cpSync(join(repoRoot, 'drizzle'), migrations, { recursive: true });
    const file = join(dir, 'loyalty.db');
    const first = openDatabase(file, { migrationsFolder: migrations });
    first.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('language', 'pl')").run();
    first.close();

    // A later version of the app ships one more migration.
    const meta = JSON.parse(readFileSync(join(migrations, 'meta', '_journal.json'), 'utf8'));
    const last = meta.entries[meta.entries.length - 1];
    meta.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_test_extra' });
    writeFileSync(join(migrations, 'meta', '_journal.json'), JSON.stringify(meta));
    writeFileSync(join(migrations, '9999_test_extra.sql'), 'CREATE TABLE `extra` (`id` integer PRIMARY KEY);');

    const second = openDatabase(file, { migrationsFolder: migrations, backupPath: (f) => `${f}.before-upgrade.db` });
    try {
      expect(second.sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'extra'").get()).toBeTruthy();
    } finally {
      second.close();
    }
    const backup = new Database(`${file}.before-upgrade.db`, { readonly: true });
    try {
      expect(backup.prepare("SELECT value FROM settings WHERE key = 'language'").get()).toEqual({ value: 'pl' });
      expect(backup.prepare("SELECT name FROM sqlite_master WHERE name = 'extra'").get()).toBeUndefined();
    } finally {
      backup.close();
    }
  });

  it('rolls a failing migration back whole and leaves the data as it was', () => {
    const dir = folder();
    const migrations = join(dir, 'drizzle');
    cpSync(join(repoRoot, 'drizzle'), migrations, { recursive: true });
    const file = join(dir, 'loyalty.db');
    openDatabase(file, { migrationsFolder: migrations }).close();
    const meta = JSON.parse(readFileSync(join(migrations, 'meta', '_journal.json'), 'utf8'));
    const last = meta.entries[meta.entries.length - 1];
    meta.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_broken' });
    writeFileSync(join(migrations, 'meta', '_journal.json'), JSON.stringify(meta));
    writeFileSync(
      join(migrations, '9999_broken.sql'),
      'CREATE TABLE `half` (`id` integer PRIMARY KEY);\n--> statement-breakpoint\nTHIS IS NOT SQL;',
    );
    expect(() => openDatabase(file, { migrationsFolder: migrations, backupPath: (f) => `${f}.bak` })).toThrow();
    const check = new Database(file, { readonly: true });
    try {
      expect(check.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    } finally {
      check.close();
    }
  });

  it('refuses a database written by a newer version of the app, and does not change it', () => {
    const dir = folder();
    const file = join(dir, 'loyalty.db');
    const store = openDatabase(file);
    const future = journal().entries.at(-1)!.when + 10_000;
    store.sqlite.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('future', ?)").run(future);
    store.close();
    const before = readFileSync(file);
    let error: unknown;
    try {
      openDatabase(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseNewerError);
    expect((error as Error).message).toMatch(/newer version of Loyalty Desk/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not a database with one sentence', () => {
    const file = join(folder(), 'notes.db');
    writeFileSync(file, 'these are my notes, not a database\n'.repeat(100));
    expect(() => openDatabase(file)).toThrow(DatabaseUnreadableError);
    expect(readFileSync(file, 'utf8')).toMatch(/^these are my notes/);
  });
});

describe('history tables', () => {
  it('refuse UPDATE and DELETE in the database itself', () => {
    const store = openDatabase(join(folder(), 'history.db'));
    try {
      store.sqlite
        .prepare("INSERT INTO operator_log (at, actor, action) VALUES ('2026-11-01T10:00:00Z', 'test', 'x')")
        .run();
      expect(() => store.sqlite.prepare("UPDATE operator_log SET actor = 'someone else'").run()).toThrow(/append-only/);
      expect(() => store.sqlite.prepare('DELETE FROM operator_log').run()).toThrow(/append-only/);
      store.sqlite
        .prepare(
          "INSERT INTO programs (name, client, currency_code, currency_digits, locale, point_value_minor, first_period, created_at, created_by) VALUES ('p','c','PLN',2,'pl-PL',10,'2026-09','t','t')",
        )
        .run();
      store.sqlite
        .prepare(
          "INSERT INTO rule_versions (program_id, version, rules_json, note, created_at, created_by) VALUES (1, 1, '{}', '', '', '')",
        )
        .run();
      expect(() => store.sqlite.prepare('UPDATE rule_versions SET rules_json = \'{"x":1}\'').run()).toThrow(
        /never changed/,
      );
      store.sqlite
        .prepare(
          "INSERT INTO import_batches (program_id, kind, file_name, file_size, sha256, mapping_json, rows_read, accepted, rejected, skipped, created_at, created_by) VALUES (1,'participants','a.xlsx',1,'abc','{}',1,1,0,0,'t','t')",
        )
        .run();
      expect(() => store.sqlite.prepare("UPDATE import_batches SET sha256 = 'forged'").run()).toThrow(/provenance/);
      expect(() => store.sqlite.prepare('DELETE FROM import_batches').run()).toThrow(/never deleted/);
      expect(() => store.sqlite.prepare("UPDATE import_batches SET period = '2026-10'").run()).toThrow(/provenance/);
      // Marking a batch superseded by a later batch of its kind is the one change a batch may take, once.
      expect(() => store.sqlite.prepare('UPDATE import_batches SET superseded_by = 1').run()).toThrow(
        /superseded once/,
      );
      store.sqlite
        .prepare(
          "INSERT INTO import_batches (program_id, kind, file_name, file_size, sha256, mapping_json, rows_read, accepted, rejected, skipped, created_at, created_by) VALUES (1,'participants','b.xlsx',1,'abd','{}',1,1,0,0,'t','t')",
        )
        .run();
      store.sqlite.prepare('UPDATE import_batches SET superseded_by = 2 WHERE id = 1').run();
      expect(() => store.sqlite.prepare('UPDATE import_batches SET superseded_by = NULL WHERE id = 1').run()).toThrow(
        /superseded once/,
      );
      store.sqlite
        .prepare(
          "INSERT INTO sales_lines (program_id, batch_id, source_row, sale_date, period, participant_code, sku, quantity, net_minor, line_key) VALUES (1, 2, 2, '2026-10-01', '2026-10', 'R1', 'S1', 1, 100, 'k')",
        )
        .run();
      expect(() => store.sqlite.prepare('UPDATE sales_lines SET net_minor = 1').run()).toThrow(/append-only/);
      expect(() => store.sqlite.prepare('DELETE FROM sales_lines').run()).toThrow(/append-only/);
      store.sqlite
        .prepare(
          "INSERT INTO targets (program_id, participant_code, period, target_minor, batch_id, source_row) VALUES (1, 'R1', '2026-10', 100, 2, 2)",
        )
        .run();
      expect(() => store.sqlite.prepare('UPDATE targets SET target_minor = 1').run()).toThrow(/append-only/);
      expect(() => store.sqlite.prepare('DELETE FROM targets').run()).toThrow(/append-only/);
    } finally {
      store.close();
    }
  });
});
