CREATE TABLE `decision_withdrawals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`period` text NOT NULL,
	`decision_id` integer NOT NULL,
	`reason` text NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decision_id`) REFERENCES `verification_decisions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `decision_withdrawals_decision` ON `decision_withdrawals` (`decision_id`);--> statement-breakpoint
CREATE TABLE `standing_decision_ends` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`standing_id` integer NOT NULL,
	`last_period` text NOT NULL,
	`reason` text NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	FOREIGN KEY (`standing_id`) REFERENCES `standing_decisions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `standing_decision_ends_standing` ON `standing_decision_ends` (`standing_id`);--> statement-breakpoint
CREATE TABLE `standing_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`from_period` text NOT NULL,
	`until_period` text,
	`anomaly_key` text NOT NULL,
	`action` text NOT NULL,
	`participant_code` text,
	`decision_id` integer NOT NULL,
	`reason` text NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decision_id`) REFERENCES `verification_decisions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `standing_decisions_program` ON `standing_decisions` (`program_id`);--> statement-breakpoint
-- A withdrawal, a standing decision and its end are decisions too: only ever added to.
CREATE TRIGGER `decision_withdrawals_no_update` BEFORE UPDATE ON `decision_withdrawals`
BEGIN SELECT RAISE(ABORT, 'decision_withdrawals is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `decision_withdrawals_no_delete` BEFORE DELETE ON `decision_withdrawals`
BEGIN SELECT RAISE(ABORT, 'decision_withdrawals is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `standing_decisions_no_update` BEFORE UPDATE ON `standing_decisions`
BEGIN SELECT RAISE(ABORT, 'standing_decisions is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `standing_decisions_no_delete` BEFORE DELETE ON `standing_decisions`
BEGIN SELECT RAISE(ABORT, 'standing_decisions is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `standing_decision_ends_no_update` BEFORE UPDATE ON `standing_decision_ends`
BEGIN SELECT RAISE(ABORT, 'standing_decision_ends is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `standing_decision_ends_no_delete` BEFORE DELETE ON `standing_decision_ends`
BEGIN SELECT RAISE(ABORT, 'standing_decision_ends is append-only'); END;
