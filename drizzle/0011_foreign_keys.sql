-- Foreign keys where rows point at rows that had none: a ledger entry's sales line, batch and
-- the entry it reverses, a top-up's redemption entry, a payout event's batch, an approved
-- anomaly line's sales line and batch, a corrected period's batches, the batch that supersedes a
-- batch. SQLite adds a foreign key only by rebuilding the table (new table, copy, drop, rename),
-- which openDatabase runs with foreign_keys OFF and follows with PRAGMA foreign_key_check inside
-- the same transaction, so a dangling reference fails the migration and nothing is changed.
-- Every row keeps its id (seals and other tables name rows by id); the AUTOINCREMENT sequence
-- is carried over (a copy would restart it at the largest id); the indexes and the append-only
-- triggers, which DROP TABLE takes with it, are created again exactly as their migrations wrote them.
CREATE TABLE `__new_approved_anomaly_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`anomaly_id` integer NOT NULL,
	`sales_line_id` integer NOT NULL,
	`batch_id` integer NOT NULL,
	`source_row` integer NOT NULL,
	FOREIGN KEY (`anomaly_id`) REFERENCES `approved_anomalies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sales_line_id`) REFERENCES `sales_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_approved_anomaly_lines`("id", "anomaly_id", "sales_line_id", "batch_id", "source_row") SELECT "id", "anomaly_id", "sales_line_id", "batch_id", "source_row" FROM `approved_anomaly_lines`;
--> statement-breakpoint
DELETE FROM `sqlite_sequence` WHERE `name` = '__new_approved_anomaly_lines';
--> statement-breakpoint
INSERT INTO `sqlite_sequence` (`name`, `seq`) SELECT '__new_approved_anomaly_lines', `seq` FROM `sqlite_sequence` WHERE `name` = 'approved_anomaly_lines';
--> statement-breakpoint
DROP TABLE `approved_anomaly_lines`;
--> statement-breakpoint
ALTER TABLE `__new_approved_anomaly_lines` RENAME TO `approved_anomaly_lines`;
--> statement-breakpoint
CREATE INDEX `approved_anomaly_lines_anomaly` ON `approved_anomaly_lines` (`anomaly_id`);
--> statement-breakpoint
CREATE TRIGGER `approved_anomaly_lines_no_update` BEFORE UPDATE ON `approved_anomaly_lines`
BEGIN SELECT RAISE(ABORT, 'approved_anomaly_lines is append-only: what was approved is never changed'); END;
--> statement-breakpoint
CREATE TRIGGER `approved_anomaly_lines_no_delete` BEFORE DELETE ON `approved_anomaly_lines`
BEGIN SELECT RAISE(ABORT, 'approved_anomaly_lines is append-only: what was approved is never deleted'); END;
--> statement-breakpoint
CREATE TABLE `__new_approved_correction_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`approval_id` integer NOT NULL,
	`corrects_period` text NOT NULL,
	`role` text NOT NULL,
	`batch_id` integer NOT NULL,
	FOREIGN KEY (`approval_id`) REFERENCES `approved_periods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_approved_correction_batches`("id", "approval_id", "corrects_period", "role", "batch_id") SELECT "id", "approval_id", "corrects_period", "role", "batch_id" FROM `approved_correction_batches`;
--> statement-breakpoint
DELETE FROM `sqlite_sequence` WHERE `name` = '__new_approved_correction_batches';
--> statement-breakpoint
INSERT INTO `sqlite_sequence` (`name`, `seq`) SELECT '__new_approved_correction_batches', `seq` FROM `sqlite_sequence` WHERE `name` = 'approved_correction_batches';
--> statement-breakpoint
DROP TABLE `approved_correction_batches`;
--> statement-breakpoint
ALTER TABLE `__new_approved_correction_batches` RENAME TO `approved_correction_batches`;
--> statement-breakpoint
CREATE INDEX `approved_correction_batches_approval` ON `approved_correction_batches` (`approval_id`);
--> statement-breakpoint
CREATE TRIGGER `approved_correction_batches_no_update` BEFORE UPDATE ON `approved_correction_batches`
BEGIN SELECT RAISE(ABORT, 'approved_correction_batches is append-only: what was approved is never changed'); END;
--> statement-breakpoint
CREATE TRIGGER `approved_correction_batches_no_delete` BEFORE DELETE ON `approved_correction_batches`
BEGIN SELECT RAISE(ABORT, 'approved_correction_batches is append-only: what was approved is never deleted'); END;
--> statement-breakpoint
CREATE TABLE `__new_import_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`file_size` integer NOT NULL,
	`sha256` text NOT NULL,
	`sheet` text,
	`header_row` integer,
	`mapping_json` text NOT NULL,
	`rows_read` integer NOT NULL,
	`accepted` integer NOT NULL,
	`rejected` integer NOT NULL,
	`skipped` integer NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`superseded_by` integer,
	`period` text,
	`headers_json` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`superseded_by`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_import_batches`("id", "program_id", "kind", "file_name", "file_size", "sha256", "sheet", "header_row", "mapping_json", "rows_read", "accepted", "rejected", "skipped", "created_at", "created_by", "superseded_by", "period", "headers_json") SELECT "id", "program_id", "kind", "file_name", "file_size", "sha256", "sheet", "header_row", "mapping_json", "rows_read", "accepted", "rejected", "skipped", "created_at", "created_by", "superseded_by", "period", "headers_json" FROM `import_batches`;
--> statement-breakpoint
DELETE FROM `sqlite_sequence` WHERE `name` = '__new_import_batches';
--> statement-breakpoint
INSERT INTO `sqlite_sequence` (`name`, `seq`) SELECT '__new_import_batches', `seq` FROM `sqlite_sequence` WHERE `name` = 'import_batches';
--> statement-breakpoint
DROP TABLE `import_batches`;
--> statement-breakpoint
ALTER TABLE `__new_import_batches` RENAME TO `import_batches`;
--> statement-breakpoint
CREATE INDEX `import_batches_sha` ON `import_batches` (`program_id`,`kind`,`sha256`);
--> statement-breakpoint
CREATE TRIGGER `import_batches_no_delete` BEFORE DELETE ON `import_batches`
BEGIN SELECT RAISE(ABORT, 'import batches are never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `import_batches_provenance_fixed` BEFORE UPDATE OF `kind`, `file_name`, `file_size`, `sha256`, `sheet`, `header_row`, `mapping_json`, `rows_read`, `accepted`, `rejected`, `skipped`, `created_at`, `created_by` ON `import_batches`
BEGIN SELECT RAISE(ABORT, 'an import batch''s provenance is never changed'); END;
--> statement-breakpoint
CREATE TRIGGER `import_batches_period_headers_fixed` BEFORE UPDATE OF `period`, `headers_json` ON `import_batches`
BEGIN SELECT RAISE(ABORT, 'an import batch''s provenance is never changed'); END;
--> statement-breakpoint
CREATE TRIGGER `import_batches_superseded_once` BEFORE UPDATE OF `superseded_by` ON `import_batches`
WHEN OLD.`superseded_by` IS NOT NULL
  OR NEW.`superseded_by` IS NULL
  OR NEW.`superseded_by` <= OLD.`id`
  OR NOT EXISTS (SELECT 1 FROM `import_batches` b WHERE b.`id` = NEW.`superseded_by` AND b.`program_id` = OLD.`program_id` AND b.`kind` = OLD.`kind`)
BEGIN SELECT RAISE(ABORT, 'a batch is superseded once, by a later batch of the same kind'); END;
--> statement-breakpoint
CREATE TABLE `__new_ledger_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`participant_code` text NOT NULL,
	`period` text NOT NULL,
	`kind` text NOT NULL,
	`points` integer NOT NULL,
	`sales_line_id` integer,
	`batch_id` integer,
	`source_row` integer,
	`rule` text,
	`rule_version` integer,
	`note` text,
	`reverses_id` integer,
	`corrects_period` text,
	`reference` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sales_line_id`) REFERENCES `sales_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reverses_id`) REFERENCES `ledger_entries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_ledger_entries`("id", "program_id", "participant_code", "period", "kind", "points", "sales_line_id", "batch_id", "source_row", "rule", "rule_version", "note", "reverses_id", "corrects_period", "reference", "created_at", "created_by", "prev_hash", "hash") SELECT "id", "program_id", "participant_code", "period", "kind", "points", "sales_line_id", "batch_id", "source_row", "rule", "rule_version", "note", "reverses_id", "corrects_period", "reference", "created_at", "created_by", "prev_hash", "hash" FROM `ledger_entries`;
--> statement-breakpoint
DELETE FROM `sqlite_sequence` WHERE `name` = '__new_ledger_entries';
--> statement-breakpoint
INSERT INTO `sqlite_sequence` (`name`, `seq`) SELECT '__new_ledger_entries', `seq` FROM `sqlite_sequence` WHERE `name` = 'ledger_entries';
--> statement-breakpoint
DROP TABLE `ledger_entries`;
--> statement-breakpoint
ALTER TABLE `__new_ledger_entries` RENAME TO `ledger_entries`;
--> statement-breakpoint
CREATE INDEX `ledger_program_period` ON `ledger_entries` (`program_id`,`period`,`participant_code`);
--> statement-breakpoint
CREATE INDEX `ledger_program_participant` ON `ledger_entries` (`program_id`,`participant_code`);
--> statement-breakpoint
CREATE TRIGGER `ledger_entries_no_update` BEFORE UPDATE ON `ledger_entries`
BEGIN SELECT RAISE(ABORT, 'ledger_entries is append-only; post a reversal or an adjustment'); END;
--> statement-breakpoint
CREATE TRIGGER `ledger_entries_no_delete` BEFORE DELETE ON `ledger_entries`
BEGIN SELECT RAISE(ABORT, 'ledger_entries is append-only; post a reversal or an adjustment'); END;
--> statement-breakpoint
CREATE TABLE `__new_payout_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`payout_id` integer NOT NULL,
	`event` text NOT NULL,
	`batch_id` integer,
	`reason` text,
	`details_json` text DEFAULT '{}' NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	FOREIGN KEY (`payout_id`) REFERENCES `payouts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `payout_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_payout_events`("id", "payout_id", "event", "batch_id", "reason", "details_json", "at", "actor") SELECT "id", "payout_id", "event", "batch_id", "reason", "details_json", "at", "actor" FROM `payout_events`;
--> statement-breakpoint
DELETE FROM `sqlite_sequence` WHERE `name` = '__new_payout_events';
--> statement-breakpoint
INSERT INTO `sqlite_sequence` (`name`, `seq`) SELECT '__new_payout_events', `seq` FROM `sqlite_sequence` WHERE `name` = 'payout_events';
--> statement-breakpoint
DROP TABLE `payout_events`;
--> statement-breakpoint
ALTER TABLE `__new_payout_events` RENAME TO `payout_events`;
--> statement-breakpoint
CREATE INDEX `payout_events_payout` ON `payout_events` (`payout_id`);
--> statement-breakpoint
CREATE TRIGGER `payout_events_no_update` BEFORE UPDATE ON `payout_events`
BEGIN SELECT RAISE(ABORT, 'payout_events is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `payout_events_no_delete` BEFORE DELETE ON `payout_events`
BEGIN SELECT RAISE(ABORT, 'payout_events is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `payout_events_state_machine` BEFORE INSERT ON `payout_events`
WHEN NOT (
  EXISTS (SELECT 1 FROM `payout_batch_items` i WHERE i.`payout_id` = NEW.`payout_id` AND i.`batch_id` IS NEW.`batch_id`)
  AND (
    (NEW.`event` IS 'exported' AND NOT EXISTS (SELECT 1 FROM `payout_events` e WHERE e.`payout_id` = NEW.`payout_id`))
    OR (NEW.`event` IN ('paid', 'failed', 'voided')
        AND (SELECT e.`event` FROM `payout_events` e WHERE e.`payout_id` = NEW.`payout_id` ORDER BY e.`id` DESC LIMIT 1) IS 'exported')
  )
)
BEGIN SELECT RAISE(ABORT, 'payout_events: a top-up moves only from approved to exported (in the batch that holds it), then to paid, failed or voided, and never after'); END;
--> statement-breakpoint
CREATE TABLE `__new_payouts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`period` text NOT NULL,
	`participant_code` text NOT NULL,
	`participant_name` text NOT NULL,
	`reference` text NOT NULL,
	`points` integer NOT NULL,
	`amount_minor` integer NOT NULL,
	`method` text NOT NULL,
	`card_ref` text,
	`iban` text,
	`ledger_entry_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ledger_entry_id`) REFERENCES `ledger_entries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_payouts`("id", "program_id", "period", "participant_code", "participant_name", "reference", "points", "amount_minor", "method", "card_ref", "iban", "ledger_entry_id", "created_at", "created_by") SELECT "id", "program_id", "period", "participant_code", "participant_name", "reference", "points", "amount_minor", "method", "card_ref", "iban", "ledger_entry_id", "created_at", "created_by" FROM `payouts`;
--> statement-breakpoint
DELETE FROM `sqlite_sequence` WHERE `name` = '__new_payouts';
--> statement-breakpoint
INSERT INTO `sqlite_sequence` (`name`, `seq`) SELECT '__new_payouts', `seq` FROM `sqlite_sequence` WHERE `name` = 'payouts';
--> statement-breakpoint
DROP TABLE `payouts`;
--> statement-breakpoint
ALTER TABLE `__new_payouts` RENAME TO `payouts`;
--> statement-breakpoint
CREATE UNIQUE INDEX `payouts_reference` ON `payouts` (`reference`);
--> statement-breakpoint
CREATE INDEX `payouts_period` ON `payouts` (`program_id`,`period`);
--> statement-breakpoint
CREATE TRIGGER `payouts_no_update` BEFORE UPDATE ON `payouts`
BEGIN SELECT RAISE(ABORT, 'payouts are never changed; their events say what happened'); END;
--> statement-breakpoint
CREATE TRIGGER `payouts_no_delete` BEFORE DELETE ON `payouts`
BEGIN SELECT RAISE(ABORT, 'payouts are never deleted'); END;
