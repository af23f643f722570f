CREATE TABLE `payout_batch_items` (
	`batch_id` integer NOT NULL,
	`payout_id` integer NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `payout_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`payout_id`) REFERENCES `payouts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payout_batch_items_payout` ON `payout_batch_items` (`payout_id`);--> statement-breakpoint
CREATE INDEX `payout_batch_items_batch` ON `payout_batch_items` (`batch_id`);--> statement-breakpoint
CREATE TABLE `payout_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`period` text NOT NULL,
	`batch_ref` text NOT NULL,
	`format` text NOT NULL,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`bytes` blob NOT NULL,
	`row_count` integer NOT NULL,
	`control_sum_minor` integer NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payout_batches_ref` ON `payout_batches` (`batch_ref`);--> statement-breakpoint
CREATE TABLE `payout_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`payout_id` integer NOT NULL,
	`event` text NOT NULL,
	`batch_id` integer,
	`reason` text,
	`details_json` text DEFAULT '{}' NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	FOREIGN KEY (`payout_id`) REFERENCES `payouts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `payout_events_payout` ON `payout_events` (`payout_id`);--> statement-breakpoint
CREATE TABLE `payouts` (
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
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payouts_reference` ON `payouts` (`reference`);--> statement-breakpoint
CREATE INDEX `payouts_period` ON `payouts` (`program_id`,`period`);--> statement-breakpoint
CREATE TABLE `verification_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`period` text NOT NULL,
	`anomaly_key` text NOT NULL,
	`action` text NOT NULL,
	`participant_code` text,
	`target_minor` integer,
	`line_ids_json` text DEFAULT '[]' NOT NULL,
	`reason` text NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `verification_decisions_period` ON `verification_decisions` (`program_id`,`period`);