// What a restore would take away that money already followed: payout files exported after the backup was taken.
// The restored file would not know those top-ups were sent to the issuer or the bank, so Payouts would offer them
// again and the participants would be paid twice. A restore that goes back past an export is therefore refused
// unless the coordinator says why it is right (the file was never sent, say); the refusal names every such batch.
import type Database from 'better-sqlite3';
import { openReadOnly } from './backup-files';
import type { LostExport } from './backup-types';

function hasTable(sqlite: Database.Database, table: string): boolean {
  return (
    sqlite.prepare("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table) === 1
  );
}

/** The batch references a file holds (none for a file of a version before payout files). */
function batchRefsOf(sqlite: Database.Database): Set<string> {
  if (!hasTable(sqlite, 'payout_batches')) return new Set();
  return new Set(sqlite.prepare('SELECT batch_ref FROM payout_batches').pluck().all() as string[]);
}

/** A column of the program's currency as it reads now: its newest settings version, else what it was created with. */
function currencySql(sqlite: Database.Database, column: 'currency_code' | 'currency_digits'): string {
  return hasTable(sqlite, 'program_settings_versions')
    ? `COALESCE((SELECT v.${column} FROM program_settings_versions v WHERE v.program_id = b.program_id
         ORDER BY v.version DESC LIMIT 1), p.${column})`
    : `p.${column}`;
}

/**
 * The payout batches of `dataFile` that `backupFile` does not hold, oldest first. A data file that cannot be read
 * (damaged, not a database) has none that can be named: the restore of such a file is what the check at the start
 * offers, and the file is moved aside whole, batches and all.
 */
export function exportsLostByRestore(dataFile: string, backupFile: string): LostExport[] {
  let current: Database.Database;
  try {
    current = openReadOnly(dataFile);
  } catch {
    return [];
  }
  try {
    if (!hasTable(current, 'payout_batches')) return [];
    const backup = openReadOnly(backupFile);
    let kept: Set<string>;
    try {
      kept = batchRefsOf(backup);
    } finally {
      backup.close();
    }
    const rows = current
      .prepare(
        `SELECT b.batch_ref AS batchRef, b.period, b.format, b.file_name AS fileName, b.row_count AS rowCount,
                b.control_sum_minor AS controlSumMinor, ${currencySql(current, 'currency_code')} AS currencyCode,
                ${currencySql(current, 'currency_digits')} AS currencyDigits,
                b.created_at AS createdAt, b.created_by AS createdBy
           FROM payout_batches b JOIN programs p ON p.id = b.program_id
          ORDER BY b.id`,
      )
      .all() as LostExport[];
    return rows.filter((row) => !kept.has(row.batchRef));
  } catch {
    // A file whose tables cannot be read is not one whose batches can be named (see above).
    return [];
  } finally {
    current.close();
  }
}
