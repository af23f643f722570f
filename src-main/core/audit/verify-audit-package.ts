// `audit verify FILE.zip`: an audit package checked with nothing but the zip. First the package itself (every file
// the manifest lists is there with its SHA-256, nothing else is, each original file is its batch's SHA-256), then its
// tables get the same checks as a live file: the ledger's hash chain, every seal, the payouts against their points and
// the point value (ledger/verify-ledger.ts), on a database rebuilt from its CSV files (the three largest tables checked
// as their CSV is read while a second thread recomputes: check-as-read.ts), and every approved period recomputed
// (recompute-approved.ts). `verifyLive` does the last two on a database file, reading only.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { openDatabaseReadOnly } from '../../db/open-database';
import { AppError } from '../app-error';
import { approvalHeads, verifyLedger, type ChainPass, type VerifyOptions } from '../ledger/verify-ledger';
import type { LedgerVerification } from '../ledger/ledger-views';
import { progressEvery, reportProgress } from '../progress';
import {
  AUDIT_PACKAGE_FORMAT,
  type AuditManifest,
  type AuditProblem,
  type AuditVerification,
  type RecomputeDifference,
} from './audit-views';
import { rebuildDatabase, type RebuildProblem, type RebuiltDatabase } from './rebuild-database';
import { CHECKED_AS_READ, checkTableAsRead, type SealOfTable } from './check-as-read';
import { readZipEntries, ZipUnreadable } from './zip-reader';
import { safeFileName } from './export-audit-package';
import { recomputeApprovedPeriods, type RecomputeCounts } from './recompute-approved';
import type { SalesLinesRead } from './read-sales-lines';
import { startRecompute, type RecomputeOutcome, type RecomputeRun, type TableFed } from './recompute-thread';

/** Tables the recomputation never reads, left out of the database its thread rebuilds. */
const NOT_RECOMPUTED = new Set([
  'operator_log',
  'import_problems',
  'statements',
  'approved_line_campaigns',
  'approved_anomalies',
  'approved_anomaly_lines',
  'payout_batch_files',
  'payout_batch_items',
  'payout_events',
]);

/** At most this many problems are listed; the count says how many were found. */
const MAX_PROBLEMS = 200;

export class Problems {
  readonly list: AuditProblem[] = [];
  found = 0;
  add(problem: AuditProblem): void {
    this.found++;
    if (this.list.length < MAX_PROBLEMS) this.list.push(problem);
  }
  /** Problems found meanwhile on another core, after these: told in the order of the checks. */
  addAll(other: { problems: AuditProblem[]; found: number }): void {
    for (const problem of other.problems) this.add(problem);
    this.found += other.found - other.problems.length;
  }
}

export interface RecomputeResult {
  counts: RecomputeCounts;
  differences: number;
  problems: AuditProblem[];
}

function describe(d: RecomputeDifference): string {
  const who = d.participant === null ? d.period : `${d.period}, participant ${d.participant}`;
  const where = d.table ? ` (${d.table} row ${d.rowId})` : '';
  return `${who}: ${d.field} is ${String(d.packaged)} as approved${where}, but ${String(d.recomputed)} recomputed from the data and rules.`;
}

/** Every approved period recomputed and compared, in one read transaction. */
export function recomputeAll(
  sqlite: Database.Database,
  problems: Problems = new Problems(),
  salesLines?: SalesLinesRead,
): RecomputeResult {
  reportProgress('recomputing');
  let differences = 0;
  const counts = sqlite.transaction(() =>
    recomputeApprovedPeriods(
      sqlite,
      {
        difference: (d) => {
          differences++;
          problems.add({
            code: 'RECOMPUTE_DIFFERENCE',
            message: describe(d),
            difference: d,
            ...(d.table ? { table: d.table, rowId: d.rowId ?? null } : {}),
          });
        },
        failed: (period, message) => {
          differences++;
          problems.add({ code: 'RECOMPUTE_FAILED', message: `${period} could not be recomputed: ${message}.` });
        },
      },
      salesLines,
    ),
  )();
  return { counts, differences, problems: problems.list };
}

/**
 * The thread's recomputation, or this thread's own when there was none or it failed, on the database `local` gives
 * (and lets go of after).
 */
function recomputeOutcome(
  run: RecomputeRun | null,
  local: () => { sqlite: Database.Database; done?: () => void },
): RecomputeOutcome {
  const outcome = run?.take()?.outcome ?? null;
  if (outcome) return outcome;
  const { sqlite, done } = local();
  try {
    const problems = new Problems();
    const result = recomputeAll(sqlite, problems);
    return { ...result, found: problems.found };
  } finally {
    done?.();
  }
}

/**
 * The tables taken as their CSV is read (check-as-read.ts): those found whole are left out of this database but for
 * the ledger entries the payouts name (their checks join them); any other is rebuilt here, to be checked as usual.
 */
function checkTablesAsRead(
  rebuilt: RebuiltDatabase,
  tables: { table: string; path: string; bytes: Uint8Array }[],
): { rows: number; chain?: ChainPass; tables: Map<string, number> } {
  const sqlite = rebuilt.store.sqlite;
  const whole = new Map<string, number>();
  const others: typeof tables = [];
  let chain: ChainPass | undefined;
  let rows = 0;
  const total = tables.reduce((n, t) => n + t.bytes.byteLength, 0);
  const progress = progressEvery('verifying', total, 1);
  let done = 0;
  const seals = sqlite.prepare(
    'SELECT id, columns, first_rowid, last_rowid, row_count, digest FROM record_seals WHERE table_name = ?',
  );
  const redeemed = new Set(sqlite.prepare('SELECT ledger_entry_id FROM payouts').pluck().all() as number[]);
  for (const [at, t] of tables.entries()) {
    const info = sqlite.prepare(`PRAGMA table_info("${t.table}")`).all() as {
      name: string;
      type: string;
      pk: number;
    }[];
    const keys = info.filter((c) => c.pk > 0);
    const result = checkTableAsRead({
      table: t.table,
      bytes: t.bytes,
      columns: info.map((c) => ({
        name: c.name,
        type: c.type,
        rowid: keys.length === 1 && c.pk === 1 && /^integer$/i.test(c.type),
      })),
      seals: seals.all(t.table) as SealOfTable[],
      keep: t.table === 'ledger_entries' ? redeemed : undefined,
      chainKept: t.table === 'ledger_entries' ? approvalHeads(sqlite).kept : undefined,
      progress: (bytes) => progress((done += bytes)),
    });
    if (!result.whole) {
      others.push(t);
      continue;
    }
    tables[at] = { ...t, bytes: new Uint8Array(0) };
    whole.set(t.table, result.rows);
    rows += result.rows;
    if (result.chain) chain = result.chain;
    if (result.kept.length > 0) {
      const columns = result.header.map((c) => (c === 'rowid' ? 'rowid' : `"${c}"`)).join(', ');
      const insert = sqlite.prepare(
        `INSERT INTO "${t.table}" (${columns}) VALUES (${result.header.map(() => '?').join(', ')})`,
      );
      sqlite.transaction(() => result.kept.forEach((values) => insert.run(values)))();
    }
  }
  progress(total);
  rebuilt.add(others);
  return { rows, tables: whole, ...(chain ? { chain } : {}) };
}

function ledgerProblems(result: LedgerVerification, problems: Problems): void {
  for (const p of result.problems)
    problems.add({
      code: p.kind,
      message: p.message,
      ...(p.table !== undefined ? { table: p.table } : p.entryId !== null ? { table: 'ledger_entries' } : {}),
      ...(p.rowId !== undefined ? { rowId: p.rowId } : p.entryId !== null ? { rowId: p.entryId } : {}),
    });
}

/** The recomputation of a database file in a thread of its own, reading the file itself; null for one in memory. */
function liveRecompute(sqlite: Database.Database): RecomputeRun | null {
  return sqlite.memory || sqlite.name === '' ? null : startRecompute({ kind: 'live', file: sqlite.name });
}

/** The live file's ledger and seal checks (as `audit verify` always made them) and the recomputation. */
export function verifyLiveDatabase(
  sqlite: Database.Database,
  options: VerifyOptions = {},
): { ledger: LedgerVerification; recompute: RecomputeResult } {
  const run = liveRecompute(sqlite);
  try {
    const ledger = verifyLedger(sqlite, options);
    const outcome = recomputeOutcome(run, () => ({ sqlite }));
    return {
      ledger,
      recompute: { counts: outcome.counts, differences: outcome.differences, problems: outcome.problems },
    };
  } finally {
    run?.close();
  }
}

function emptyCounts(): AuditVerification['counts'] {
  return {
    files: 0,
    tables: 0,
    rows: 0,
    ledgerEntries: 0,
    seals: 0,
    periodsRecomputed: 0,
    participantsCompared: 0,
    linesCompared: 0,
    payoutsCompared: 0,
  };
}

/** `audit verify --db FILE` as data, for the Audit screen: the same checks, reading only. */
export function verifyLive(dbFile: string, options: VerifyOptions = {}): AuditVerification {
  const store = openDatabaseReadOnly(dbFile);
  try {
    return verifyConnection(store.sqlite, options);
  } finally {
    store.close();
  }
}

/** The checks of verifyLive on a connection already open (the app's own, for audit.verify). */
export function verifyConnection(sqlite: Database.Database, options: VerifyOptions = {}): AuditVerification {
  const problems = new Problems();
  const run = liveRecompute(sqlite);
  let ledger: LedgerVerification;
  let recompute: RecomputeOutcome;
  try {
    ledger = verifyLedger(sqlite, options);
    recompute = recomputeOutcome(run, () => ({ sqlite }));
  } finally {
    run?.close();
  }
  ledgerProblems(ledger, problems);
  problems.addAll(recompute);
  return {
    ok: problems.found === 0,
    source: 'live',
    counts: {
      ...emptyCounts(),
      rows: ledger.seals?.rowsChecked ?? 0,
      ledgerEntries: ledger.entriesChecked,
      seals: ledger.seals?.sealsChecked ?? 0,
      ...recompute.counts,
    },
    ledgerHead: ledger.head,
    sealHead: ledger.seals?.head ?? { id: 0, hash: '0'.repeat(64) },
    problems: problems.list,
    truncated: problems.found > problems.list.length,
  };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function damaged(file: string, why: string): AppError {
  return new AppError('AUDIT_PACKAGE_DAMAGED', `${file} cannot be verified: ${why}.`, { path: file });
}

/** The zip's entries; a file that is not a whole zip is refused with one sentence. */
function readZip(
  file: string,
  bytes: Uint8Array,
  wanted?: (entry: string) => boolean,
  each?: (entry: string, content: Uint8Array) => Uint8Array,
): Record<string, Uint8Array> {
  try {
    return readZipEntries(bytes, wanted, each);
  } catch (error) {
    if (error instanceof ZipUnreadable) throw damaged(file, error.message);
    throw error;
  }
}

/**
 * The files made from the tables for a person (each rule version's JSON, each payout file) must say what the tables
 * say: a manifest recomputed after editing one of them would otherwise hide the edit.
 */
function checkDerivedFiles(sqlite: Database.Database, entries: Record<string, Uint8Array>, problems: Problems): void {
  const rules = new Map(
    (sqlite.prepare('SELECT version, rules_json FROM rule_versions').raw().all() as [number, string][]).map(
      ([v, json]) => [`rules/version-${v}.json`, json],
    ),
  );
  for (const path of Object.keys(entries).filter((p) => p.startsWith('rules/'))) {
    const json = rules.get(path);
    let same = false;
    try {
      same =
        json !== undefined &&
        JSON.stringify(JSON.parse(Buffer.from(entries[path]!).toString('utf8'))) === JSON.stringify(JSON.parse(json));
    } catch {
      same = false;
    }
    if (!same)
      problems.add({
        code: 'FILE_CHANGED',
        path,
        table: 'rule_versions',
        message: `${path} is not the rules version the package's rule_versions table holds.`,
      });
  }
  const payoutFiles = new Map(
    (
      sqlite
        .prepare(
          'SELECT b.batch_ref, f.file_name, f.bytes FROM payout_batch_files f JOIN payout_batches b ON b.id = f.batch_id',
        )
        .raw()
        .all() as [string, string, Buffer][]
    ).map(([ref, name, bytes]) => [`payout-files/${safeFileName(ref)}-${safeFileName(name)}`, bytes]),
  );
  for (const path of Object.keys(entries).filter((p) => p.startsWith('payout-files/'))) {
    const bytes = payoutFiles.get(path);
    if (!bytes || !Buffer.from(entries[path]!).equals(bytes))
      problems.add({
        code: 'FILE_CHANGED',
        path,
        table: 'payout_batch_files',
        message: `${path} is not the payout file the package's payout_batch_files table holds.`,
      });
  }
  // ledger.xlsx is left unchecked: it is for reading, and making it again would take as long as the rest of the
  // package's checks on a year's ledger. The README says that the CSV is the copy that counts.
}

/** `audit verify FILE.zip`. */
export function verifyAuditPackage(file: string, options: PackageVerifyOptions = {}): AuditVerification {
  reportProgress('checking');
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AppError(
      'FILE_UNREADABLE',
      `Cannot read ${file}: ${code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder' : String(code)}.`,
    );
  }
  return verifyPackageBytes(file, bytes, options);
}

export interface PackageVerifyOptions {
  /**
   * Check the largest tables as their CSV is read (check-as-read.ts) rather than rebuild them here. By default only
   * while the recomputation runs on its own thread, which rebuilds them anyway; without one it is work twice.
   */
  checkAsRead?: boolean;
}

/** A package given as bytes (the window's chosen file, audit.verify); `name` is how errors name it. */
export function verifyPackageBytes(
  name: string,
  bytes: Uint8Array,
  options: PackageVerifyOptions = {},
): AuditVerification {
  const manifest = readManifest(
    name,
    readZip(name, bytes, (entry) => entry === 'manifest.json'),
  );
  // The recomputation starts on the second core at once and rebuilds each table it reads as this thread inflates and
  // tells it (shared, not copied), while this thread goes on with the rest of the zip, then the chain and the seals.
  const recomputed = manifest.tables
    .filter((t) => !NOT_RECOMPUTED.has(t.table))
    .map(({ table, path }) => ({ table, path }));
  const run = startRecompute({ kind: 'package', tables: recomputed });
  try {
    const told = new Set(recomputed.map((t) => t.path));
    const entries = readZip(
      name,
      bytes,
      undefined,
      run
        ? (entry, content) => {
            if (!told.has(entry)) return content;
            const shared = new Uint8Array(new SharedArrayBuffer(content.byteLength));
            shared.set(content);
            run.tell({ path: entry, bytes: shared } satisfies TableFed);
            return shared;
          }
        : undefined,
    );
    run?.tell({ done: true } satisfies TableFed);
    const asRead = options.checkAsRead ?? run !== null;
    return verifyPackage(name, entries, manifest, run, {
      asRead: asRead ? CHECKED_AS_READ : new Set(),
      reread: (paths) => readZip(name, bytes, (entry) => paths.has(entry)),
    });
  } finally {
    run?.close();
  }
}

function readManifest(file: string, entries: Record<string, Uint8Array>): AuditManifest {
  const manifestBytes = entries['manifest.json'];
  if (!manifestBytes) throw damaged(file, 'it holds no manifest.json, so it is not a Loyalty Desk audit package');
  let manifest: AuditManifest;
  try {
    manifest = JSON.parse(Buffer.from(manifestBytes).toString('utf8')) as AuditManifest;
  } catch (error) {
    throw damaged(file, `its manifest.json is not valid JSON (${(error as Error).message})`);
  }
  if (manifest.format !== AUDIT_PACKAGE_FORMAT || !Array.isArray(manifest.files) || !Array.isArray(manifest.tables))
    throw damaged(file, `its manifest.json is not of the format ${AUDIT_PACKAGE_FORMAT}`);
  return manifest;
}

function verifyPackage(
  file: string,
  entries: Record<string, Uint8Array>,
  manifest: AuditManifest,
  run: RecomputeRun | null,
  read: { asRead: ReadonlySet<string>; reread: (paths: Set<string>) => Record<string, Uint8Array> },
): AuditVerification {
  const problems = new Problems();
  const counts = emptyCounts();
  // Every listed file present, whole; nothing unlisted.
  const listed = new Set<string>();
  for (const f of manifest.files) {
    listed.add(f.path);
    const found = entries[f.path];
    if (!found) {
      problems.add({
        code: 'FILE_MISSING',
        path: f.path,
        message: `${f.path}, listed in the manifest, is not in the package.`,
      });
      continue;
    }
    counts.files++;
    const digest = sha256(found);
    if (digest !== f.sha256 || found.byteLength !== f.size)
      problems.add({
        code: 'FILE_CHANGED',
        path: f.path,
        message: `${f.path} is not the file the manifest lists: its SHA-256 is ${digest} (${found.byteLength} bytes), the manifest says ${f.sha256} (${f.size} bytes).`,
      });
  }
  for (const path of Object.keys(entries)) {
    if (path === 'manifest.json' || path.endsWith('/') || listed.has(path)) continue;
    problems.add({ code: 'FILE_UNLISTED', path, message: `${path} is in the package but not in its manifest.` });
  }

  reportProgress('rebuilding');
  const tables = manifest.tables
    .filter((t) => entries[t.path] !== undefined)
    .map((t) => ({ table: t.table, path: t.path, bytes: entries[t.path]! }));
  // The rebuild lets each table's CSV go once it is in; nothing after it reads them here.
  for (const t of tables) delete entries[t.path];
  // Told in the manifest's order of tables, whichever of them was rebuilt first.
  const order = new Map(tables.map((t, i) => [t.path, i]));
  const unreadable: (RebuildProblem & { at: number })[] = [];
  const tell = (p: RebuildProblem) => unreadable.push({ ...p, at: order.get(p.path) ?? order.size });
  counts.tables = tables.length;
  const asRead = tables.filter((t) => read.asRead.has(t.table));
  const others = tables.filter((t) => !read.asRead.has(t.table));
  // Held only by the two lists from here, which the rebuild and the check empty table by table.
  tables.length = 0;
  const rebuilt = rebuildDatabase(others, tell);
  try {
    const sqlite = rebuilt.store.sqlite;
    const checked = checkTablesAsRead(rebuilt, asRead);
    for (const p of unreadable.sort((a, b) => a.at - b.at))
      problems.add({ code: 'TABLE_UNREADABLE', path: p.path, table: p.table, message: p.message });
    counts.rows = rebuilt.rows + checked.rows;
    // Each original file against its batch's SHA-256 as the (sealed) batch row holds it.
    const batchSha = sqlite.prepare('SELECT sha256 FROM import_batches WHERE id = ?').pluck();
    for (const f of manifest.importFiles ?? []) {
      if (f.path === null) continue;
      const found = entries[f.path];
      if (!found) continue;
      const expected = batchSha.get(f.batchId) as string | undefined;
      const digest = sha256(found);
      if (expected !== digest)
        problems.add({
          code: 'ORIGINAL_FILE_CHANGED',
          path: f.path,
          table: 'import_batches',
          rowId: f.batchId,
          message:
            expected === undefined
              ? `${f.path} is said to be the file of import batch ${f.batchId}, which the package's import_batches does not hold.`
              : `${f.path} is not the file import batch ${f.batchId} was made from: its SHA-256 is ${digest}, the batch's is ${expected}.`,
        });
    }

    checkDerivedFiles(sqlite, entries, problems);

    reportProgress('verifying');
    const ledger = verifyLedger(sqlite, { checkedAsRead: checked });
    ledgerProblems(ledger, problems);
    counts.ledgerEntries = ledger.entriesChecked;
    counts.seals = ledger.seals?.sealsChecked ?? 0;
    const sealHead = ledger.seals?.head ?? { id: 0, hash: '0'.repeat(64) };
    for (const [name, found, said] of [
      ['ledger', ledger.head, manifest.ledgerHead],
      ['seal chain', sealHead, manifest.sealHead],
    ] as const) {
      if (found.id !== said?.id || found.hash !== said?.hash)
        problems.add({
          code: 'HEAD_MISMATCH',
          path: 'manifest.json',
          message: `The ${name}'s head in the packaged tables is ${found.id} ${found.hash}, not the ${String(said?.id)} ${String(said?.hash)} the manifest names.`,
        });
    }
    // Its indexes only for a recomputation made here: the checks read by rowid. Where tables were checked as read,
    // this database lacks their rows: the recomputation made here rebuilds every table anew.
    const recompute = recomputeOutcome(run, () => {
      if (checked.tables.size === 0) {
        rebuilt.buildIndexes();
        return { sqlite };
      }
      const wanted = new Set(manifest.tables.map((t) => t.path));
      const again = read.reread(wanted);
      const whole = rebuildDatabase(
        manifest.tables.filter((t) => again[t.path] !== undefined).map((t) => ({ ...t, bytes: again[t.path]! })),
        () => undefined,
      );
      whole.buildIndexes();
      return { sqlite: whole.store.sqlite, done: () => whole.dispose() };
    });
    problems.addAll(recompute);
    Object.assign(counts, recompute.counts);
    return {
      ok: problems.found === 0,
      source: 'package',
      counts,
      ledgerHead: ledger.head,
      sealHead,
      manifest: {
        madeAt: manifest.madeAt,
        ledgerHead: manifest.ledgerHead,
        sealHead: manifest.sealHead,
        program: manifest.program,
      },
      problems: problems.list,
      truncated: problems.found > problems.list.length,
    };
  } finally {
    rebuilt.dispose();
  }
}
