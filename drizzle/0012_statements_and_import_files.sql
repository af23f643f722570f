CREATE TABLE `import_files` (
	`batch_id` integer PRIMARY KEY NOT NULL,
	`bytes` blob NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `statements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`kind` text NOT NULL,
	`period` text NOT NULL,
	`participant_code` text NOT NULL,
	`approval_id` integer,
	`rule_version` integer NOT NULL,
	`replaces_id` integer,
	`content_json` text NOT NULL,
	`content_sha256` text NOT NULL,
	`chain_head` text NOT NULL,
	`published_at` text NOT NULL,
	`published_by` text NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approval_id`) REFERENCES `approved_periods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`replaces_id`) REFERENCES `statements`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `statements_replaces` ON `statements` (`replaces_id`);--> statement-breakpoint
CREATE INDEX `statements_subject` ON `statements` (`program_id`,`kind`,`period`,`participant_code`);--> statement-breakpoint
-- One first statement per participant, period and kind: every later one replaces another.
CREATE UNIQUE INDEX `statements_first` ON `statements` (`program_id`,`kind`,`period`,`participant_code`) WHERE `replaces_id` IS NULL;--> statement-breakpoint
-- A published statement and a kept original file are never changed or removed: a correction is a new statement.
CREATE TRIGGER `statements_no_update` BEFORE UPDATE ON `statements`
BEGIN SELECT RAISE(ABORT, 'a published statement is never changed; publish one that replaces it'); END;
--> statement-breakpoint
CREATE TRIGGER `statements_no_delete` BEFORE DELETE ON `statements`
BEGIN SELECT RAISE(ABORT, 'a published statement is never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `import_files_no_update` BEFORE UPDATE ON `import_files`
BEGIN SELECT RAISE(ABORT, 'an imported file is kept as it was'); END;
--> statement-breakpoint
CREATE TRIGGER `import_files_no_delete` BEFORE DELETE ON `import_files`
BEGIN SELECT RAISE(ABORT, 'an imported file is kept as it was'); END;
