CREATE TABLE `record_seals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`table_name` text NOT NULL,
	`columns` text NOT NULL,
	`first_rowid` integer NOT NULL,
	`last_rowid` integer NOT NULL,
	`row_count` integer NOT NULL,
	`digest` text NOT NULL,
	`checks` blob NOT NULL,
	`origin` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `record_seals_table` ON `record_seals` (`table_name`,`last_rowid`);--> statement-breakpoint
ALTER TABLE `payout_batches` ADD `audit_anchor` text;--> statement-breakpoint
-- The seal chain is only ever added to, like what it seals.
CREATE TRIGGER `record_seals_no_update` BEFORE UPDATE ON `record_seals`
BEGIN SELECT RAISE(ABORT, 'record_seals is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `record_seals_no_delete` BEFORE DELETE ON `record_seals`
BEGIN SELECT RAISE(ABORT, 'record_seals is append-only'); END;
--> statement-breakpoint
-- SQL cannot hash: the rows already in the file are sealed once, by the app, the first time it
-- opens the file after this migration (openDatabase -> sealBaseline), and only when this mark says so.
INSERT INTO `settings` (`key`, `value`) VALUES ('audit.sealBaseline', 'pending')
  ON CONFLICT (`key`) DO UPDATE SET `value` = 'pending';
