// `audit export --out FILE.zip`: everything an auditor needs to recompute and check the program without the app's
// database, in one zip read in one deferred read transaction (one consistent moment, no write lock): every table as
// CSV (table-csv.ts), the ledger also as a workbook, each import batch's original file, each rule version's JSON, each
// payout file, a README and manifest.json (the heads of both chains, each file's size and SHA-256). Written whole
// through a temporary file beside FILE.
import { sealHead } from '../../db/record-seals';
import type { CoreContext } from '../context';
import { ledgerHead } from '../ledger/append-ledger';
import { progressEvery, reportProgress } from '../progress';
import { saveReportFile } from '../reports/save-report';
import { AUDIT_PACKAGE_FORMAT, type AuditExportResult, type AuditManifest, type AuditPackageFile } from './audit-views';
import { packageReadme } from './package-readme';
import { ledgerWorkbook } from './ledger-xlsx';
import { startLedgerWorkbook, type WorkbookRun } from './ledger-workbook-thread';
import { csvChunks } from './table-csv';
import { PackageZip } from './zip-writer';

/** Tables left out: SQLite's own, the migrations' bookkeeping (the verifier builds its tables from its own), and the
 * original files, which go in whole under files/. */
const NOT_PACKAGED = new Set(['__drizzle_migrations', 'import_files']);

/** A name safe in a zip on every system: no folders, no characters Windows refuses. */
export function safeFileName(name: string): string {
  const cleaned = [...name]
    .map((c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? '_' : c))
    .join('')
    .trim();
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'file' : cleaned;
}

function hasTable(sqlite: CoreContext['store']['sqlite'], name: string): boolean {
  return sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

export function packagedTables(sqlite: CoreContext['store']['sqlite']): string[] {
  return (
    sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[]
  ).filter((t) => !NOT_PACKAGED.has(t));
}

interface BuiltPackage {
  bytes: Buffer;
  manifest: AuditManifest;
  rows: number;
}

/** The package's bytes, read in one deferred read transaction. */
function buildAuditPackage(ctx: CoreContext): BuiltPackage {
  const sqlite = ctx.store.sqlite;
  // Closed whatever happens: its deflate thread must not outlive an export that fails (or is stopped) half way.
  const zip = new PackageZip();
  // Set inside the transaction, stopped here whatever happens.
  const threads: { workbook: WorkbookRun | null } = { workbook: null };
  try {
    return sqlite
      .transaction(() => {
        reportProgress('checking');
        const program = (sqlite
          .prepare('SELECT id, name, client, currency_code, currency_digits FROM programs ORDER BY id LIMIT 1')
          .raw()
          .get() ?? null) as [number, string, string, string, number] | null;
        const tables: AuditManifest['tables'] = [];
        let rows = 0;
        // The heads as this transaction sees them, read first: the ledger's workbook is made on another core meanwhile,
        // up to this head, while the tables are written here.
        const ledger = ledgerHead(sqlite);
        const seal = sealHead(sqlite);
        threads.workbook = startLedgerWorkbook(sqlite, ledger);
        const counts = new Map(
          packagedTables(sqlite).map((t) => [t, sqlite.prepare(`SELECT COUNT(*) FROM "${t}"`).pluck().get() as number]),
        );
        const total = [...counts.values()].reduce((a, b) => a + b, 0);
        const progress = progressEvery('packaging', total, 1);
        for (const [table, count] of counts) {
          const { header, chunks } = csvChunks(sqlite, table);
          const path = `tables/${table}.csv`;
          const file = zip.open(path);
          file.push(header);
          for (const chunk of chunks) file.push(chunk);
          file.end();
          rows += count;
          progress(rows);
          tables.push({ table, path, rows: count });
        }

        reportProgress('writingFile');
        zip.add('ledger.xlsx', threads.workbook?.take()?.bytes ?? ledgerWorkbook(sqlite, ledger.id), false);

        // The client's files as they came; a batch imported before files were kept is named in the manifest.
        const importFiles: AuditManifest['importFiles'] = [];
        // A file read without migrating it (the CLI's audit commands) may come from a version that kept no files.
        const keeps = hasTable(sqlite, 'import_files');
        const batches = sqlite
          .prepare(
            keeps
              ? 'SELECT b.id, b.file_name, b.sha256, f.batch_id IS NOT NULL FROM import_batches b LEFT JOIN import_files f ON f.batch_id = b.id ORDER BY b.id'
              : 'SELECT id, file_name, sha256, 0 FROM import_batches ORDER BY id',
          )
          .raw()
          .all() as [number, string, string, number][];
        const bytesOf = keeps ? sqlite.prepare('SELECT bytes FROM import_files WHERE batch_id = ?').pluck() : null;
        for (const [id, fileName, sha256, kept] of batches) {
          if (!kept) {
            importFiles.push({
              batchId: id,
              path: null,
              sha256,
              note: 'imported before Loyalty Desk kept the original files; its rows and SHA-256 are in the tables',
            });
            continue;
          }
          const path = `files/${id}-${safeFileName(fileName)}`;
          zip.add(path, bytesOf!.get(id) as Buffer, !/\.(xlsx|xlsm|zip|gz)$/i.test(fileName));
          importFiles.push({ batchId: id, path, sha256 });
        }
        for (const [version, json] of sqlite
          .prepare('SELECT version, rules_json FROM rule_versions ORDER BY id')
          .raw()
          .iterate() as IterableIterator<[number, string]>) {
          zip.add(`rules/version-${version}.json`, `${JSON.stringify(JSON.parse(json), null, 2)}\n`);
        }
        const payoutFiles = hasTable(sqlite, 'payout_batch_files')
          ? sqlite.prepare(
              'SELECT b.batch_ref, f.file_name, f.bytes FROM payout_batch_files f JOIN payout_batches b ON b.id = f.batch_id ORDER BY f.id',
            )
          : null;
        for (const [ref, fileName, bytes] of (payoutFiles?.raw().iterate() ?? []) as Iterable<
          [string, string, Buffer]
        >) {
          zip.add(`payout-files/${safeFileName(ref)}-${safeFileName(fileName)}`, bytes, !/\.xlsx$/i.test(fileName));
        }
        zip.add('README.txt', packageReadme());
        const manifest: AuditManifest = {
          format: AUDIT_PACKAGE_FORMAT,
          program: program && {
            id: program[0],
            name: program[1],
            client: program[2],
            currencyCode: program[3],
            currencyDigits: program[4],
          },
          madeAt: ctx.now().toISOString(),
          madeBy: ctx.actor,
          ledgerHead: { id: ledger.id, hash: ledger.hash },
          sealHead: { id: seal.id, hash: seal.hash },
          tables,
          importFiles,
          files: [...zip.files],
        };
        zip.add('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
        return {
          bytes: zip.finish(),
          manifest,
          rows,
        };
      })
      .deferred();
  } finally {
    threads.workbook?.close();
    zip.close();
  }
}

function summaryOf(built: BuiltPackage): Omit<AuditExportResult, 'path'> {
  return {
    bytes: built.bytes.byteLength,
    files: built.manifest.files.length + 1,
    tables: built.manifest.tables.length,
    rows: built.rows,
    originalFiles: built.manifest.importFiles.filter((f) => f.path !== null).length,
    batchesWithoutFile: built.manifest.importFiles.filter((f) => f.path === null).map((f) => f.batchId),
    ledgerHead: built.manifest.ledgerHead,
    sealHead: built.manifest.sealHead,
  };
}

/** `audit export --out FILE.zip`: the package written whole through a temporary file beside FILE. */
export function exportAuditPackage(ctx: CoreContext, out: string): AuditExportResult {
  const built = buildAuditPackage(ctx);
  reportProgress('writingFile');
  const path = saveReportFile(built.bytes, out);
  return { path, ...summaryOf(built) };
}

/** The package for the window to save where the coordinator says (audit.export). */
export function auditPackageFile(ctx: CoreContext): AuditPackageFile {
  const built = buildAuditPackage(ctx);
  const stamp = built.manifest.madeAt.slice(0, 10);
  return { fileName: `audit-package-${stamp}.zip`, bytes: built.bytes, summary: summaryOf(built) };
}
