// The README.txt of the audit package: what each file is and how to check it, for a person who has only the zip.
import { CSV_ENCODING_NOTE } from './table-csv';

export function packageReadme(): string {
  return `Loyalty Desk audit package
==========================

What is inside
- manifest.json: the package's format, the program, when and by whom it was made, the head of the ledger's hash chain
  (ledgerHead) and of the seal chain over every money input (sealHead), the row count of each table, each import
  batch's original file (or why there is none), and every other file of the zip with its size and SHA-256.
- tables/<table>.csv: every table of the program's database, all columns, every row in rowid order (see the encoding
  below). Among them: ledger_entries (the ledger, each entry hash-chained to the one before), import_batches and
  sales_lines (every imported line with its batch and source row), targets, participants, products and their change
  history, rule_versions, verification_decisions, approved_* (each period as approved), payouts, payout_batches,
  payout_batch_items, payout_batch_files, payout_events (confirmations), period_events, operator_log (who did what,
  why and when), record_seals (the seal chain).
- ledger.xlsx: the ledger for reading, one row per entry. The CSV is the exact copy and the one audit verify
  checks; ledger.xlsx is listed in the manifest with its SHA-256 but not compared with the CSV.
- files/<batch id>-<file name>: the file each import batch was made from, byte for byte (its SHA-256 is the batch's
  sha256 in import_batches). Batches imported before Loyalty Desk kept files are listed in manifest.json without one.
- rules/version-<n>.json: each version of the program's rules.
- payout-files/<batch>-<file name>: each payout file as it was handed over.

How to verify
  npx loyalty audit verify FILE.zip
checks that every file listed in manifest.json is present with its SHA-256 and nothing else is, that each original
file is its batch's SHA-256, rebuilds the database from the CSV files, checks the ledger's hash chain and every seal,
recomputes every approved period with the same rule engine and the rules version its approval used, and reports each
difference by period, participant and field, and each payout that is not its points at the point value. It needs
neither the coordinator's database nor a network, and exits with 3 when it finds anything. Compare sealHead with an
anchor kept outside the file (a payout file's "Audit anchor"): a chain rewritten whole has another head.

${CSV_ENCODING_NOTE}
`;
}
