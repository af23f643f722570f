CREATE TABLE `ledger_entries` (
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
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ledger_program_period` ON `ledger_entries` (`program_id`,`period`,`participant_code`);--> statement-breakpoint
CREATE INDEX `ledger_program_participant` ON `ledger_entries` (`program_id`,`participant_code`);--> statement-breakpoint
CREATE TABLE `period_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`period` text NOT NULL,
	`state` text NOT NULL,
	`rule_version` integer NOT NULL,
	`reason` text,
	`details_json` text DEFAULT '{}' NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `period_events_program_period` ON `period_events` (`program_id`,`period`);