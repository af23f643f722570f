CREATE TABLE `approved_anomalies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`approval_id` integer NOT NULL,
	`code` text NOT NULL,
	`participant_code` text,
	`sku` text,
	`net_minor` integer NOT NULL,
	FOREIGN KEY (`approval_id`) REFERENCES `approved_periods`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `approved_anomalies_approval` ON `approved_anomalies` (`approval_id`);--> statement-breakpoint
CREATE TABLE `approved_anomaly_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`anomaly_id` integer NOT NULL,
	`sales_line_id` integer NOT NULL,
	`batch_id` integer NOT NULL,
	`source_row` integer NOT NULL,
	FOREIGN KEY (`anomaly_id`) REFERENCES `approved_anomalies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `approved_anomaly_lines_anomaly` ON `approved_anomaly_lines` (`anomaly_id`);--> statement-breakpoint
CREATE TABLE `approved_correction_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`approval_id` integer NOT NULL,
	`corrects_period` text NOT NULL,
	`role` text NOT NULL,
	`batch_id` integer NOT NULL,
	FOREIGN KEY (`approval_id`) REFERENCES `approved_periods`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `approved_correction_batches_approval` ON `approved_correction_batches` (`approval_id`);--> statement-breakpoint
CREATE TABLE `approved_corrections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`approval_id` integer NOT NULL,
	`corrects_period` text NOT NULL,
	`participant_code` text NOT NULL,
	`points` integer NOT NULL,
	FOREIGN KEY (`approval_id`) REFERENCES `approved_periods`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `approved_corrections_approval` ON `approved_corrections` (`approval_id`);--> statement-breakpoint
CREATE TABLE `approved_line_campaigns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`approval_id` integer NOT NULL,
	`sales_line_id` integer NOT NULL,
	`campaign_id` text NOT NULL,
	`bonus_pct` integer NOT NULL,
	`points` integer NOT NULL,
	FOREIGN KEY (`approval_id`) REFERENCES `approved_periods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sales_line_id`) REFERENCES `sales_lines`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `approved_line_campaigns_line` ON `approved_line_campaigns` (`approval_id`,`sales_line_id`);--> statement-breakpoint
CREATE TABLE `approved_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`approval_id` integer NOT NULL,
	`sales_line_id` integer NOT NULL,
	`participant_code` text NOT NULL,
	`rule` text NOT NULL,
	`points_per_unit` integer,
	`points` integer NOT NULL,
	`campaign_points` integer NOT NULL,
	`promoted` integer NOT NULL,
	FOREIGN KEY (`approval_id`) REFERENCES `approved_periods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sales_line_id`) REFERENCES `sales_lines`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `approved_lines_participant` ON `approved_lines` (`approval_id`,`participant_code`);--> statement-breakpoint
CREATE TABLE `approved_periods` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`period` text NOT NULL,
	`period_event_id` integer NOT NULL,
	`rule_version` integer NOT NULL,
	`approved_at` text NOT NULL,
	`approved_by` text NOT NULL,
	`reason` text,
	`over_budget_reason` text,
	`accepted_findings_reason` text,
	`fitted` integer NOT NULL,
	`budget_minor` integer,
	`participants` integer NOT NULL,
	`lines` integer NOT NULL,
	`earned` integer NOT NULL,
	`prizes` integer NOT NULL,
	`payable_points` integer NOT NULL,
	`payout_minor` integer NOT NULL,
	`held_participants` integer NOT NULL,
	`held_points` integer NOT NULL,
	`paid_points` integer NOT NULL,
	`paid_minor` integer NOT NULL,
	`proposed_payable_points` integer NOT NULL,
	`proposed_payable_minor` integer NOT NULL,
	`over_budget` integer NOT NULL,
	`open_anomalies` integer NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`period_event_id`) REFERENCES `period_events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `approved_periods_program_period` ON `approved_periods` (`program_id`,`period`);--> statement-breakpoint
CREATE UNIQUE INDEX `approved_periods_event` ON `approved_periods` (`period_event_id`);--> statement-breakpoint
CREATE TABLE `approved_prizes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`approval_id` integer NOT NULL,
	`participant_code` text NOT NULL,
	`contest_id` text NOT NULL,
	`place` integer NOT NULL,
	`points` integer NOT NULL,
	FOREIGN KEY (`approval_id`) REFERENCES `approved_periods`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `approved_prizes_approval` ON `approved_prizes` (`approval_id`,`participant_code`);--> statement-breakpoint
CREATE TABLE `approved_scores` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`approval_id` integer NOT NULL,
	`participant_code` text NOT NULL,
	`name` text NOT NULL,
	`volume_minor` integer NOT NULL,
	`previous_volume_minor` integer,
	`tier` text,
	`tier_bonus_pct` integer NOT NULL,
	`base` integer NOT NULL,
	`campaign` integer NOT NULL,
	`subtotal` integer NOT NULL,
	`tier_bonus` integer NOT NULL,
	`promoted_minor` integer NOT NULL,
	`target_minor` integer,
	`attainment_bp` integer,
	`target_bonus_pct` integer NOT NULL,
	`target_bonus` integer NOT NULL,
	`before_cap` integer NOT NULL,
	`cap_cut` integer NOT NULL,
	`earned` integer NOT NULL,
	`prize` integer NOT NULL,
	`total` integer NOT NULL,
	`carry` integer NOT NULL,
	`adjustments` integer NOT NULL,
	`corrections` integer NOT NULL,
	`payable_points` integer NOT NULL,
	`payout_minor` integer NOT NULL,
	`held` text,
	`line_count` integer NOT NULL,
	`proposed` integer NOT NULL,
	`method` text,
	`destination` text,
	`selected` integer,
	`paid_points` integer,
	`paid_minor` integer,
	`unpaid_points` integer,
	FOREIGN KEY (`approval_id`) REFERENCES `approved_periods`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `approved_scores_participant` ON `approved_scores` (`approval_id`,`participant_code`);--> statement-breakpoint
-- What was approved is never changed: a locked period is settled later as an adjustment in an
-- open one, never by editing its approval.
CREATE TRIGGER `approved_periods_no_update` BEFORE UPDATE ON `approved_periods`
BEGIN SELECT RAISE(ABORT, 'approved_periods is append-only: what was approved is never changed'); END;
--> statement-breakpoint
CREATE TRIGGER `approved_periods_no_delete` BEFORE DELETE ON `approved_periods`
BEGIN SELECT RAISE(ABORT, 'approved_periods is append-only: what was approved is never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `approved_scores_no_update` BEFORE UPDATE ON `approved_scores`
BEGIN SELECT RAISE(ABORT, 'approved_scores is append-only: what was approved is never changed'); END;
--> statement-breakpoint
CREATE TRIGGER `approved_scores_no_delete` BEFORE DELETE ON `approved_scores`
BEGIN SELECT RAISE(ABORT, 'approved_scores is append-only: what was approved is never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `approved_prizes_no_update` BEFORE UPDATE ON `approved_prizes`
BEGIN SELECT RAISE(ABORT, 'approved_prizes is append-only: what was approved is never changed'); END;
--> statement-breakpoint
CREATE TRIGGER `approved_prizes_no_delete` BEFORE DELETE ON `approved_prizes`
BEGIN SELECT RAISE(ABORT, 'approved_prizes is append-only: what was approved is never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `approved_lines_no_update` BEFORE UPDATE ON `approved_lines`
BEGIN SELECT RAISE(ABORT, 'approved_lines is append-only: what was approved is never changed'); END;
--> statement-breakpoint
CREATE TRIGGER `approved_lines_no_delete` BEFORE DELETE ON `approved_lines`
BEGIN SELECT RAISE(ABORT, 'approved_lines is append-only: what was approved is never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `approved_line_campaigns_no_update` BEFORE UPDATE ON `approved_line_campaigns`
BEGIN SELECT RAISE(ABORT, 'approved_line_campaigns is append-only: what was approved is never changed'); END;
--> statement-breakpoint
CREATE TRIGGER `approved_line_campaigns_no_delete` BEFORE DELETE ON `approved_line_campaigns`
BEGIN SELECT RAISE(ABORT, 'approved_line_campaigns is append-only: what was approved is never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `approved_anomalies_no_update` BEFORE UPDATE ON `approved_anomalies`
BEGIN SELECT RAISE(ABORT, 'approved_anomalies is append-only: what was approved is never changed'); END;
--> statement-breakpoint
CREATE TRIGGER `approved_anomalies_no_delete` BEFORE DELETE ON `approved_anomalies`
BEGIN SELECT RAISE(ABORT, 'approved_anomalies is append-only: what was approved is never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `approved_anomaly_lines_no_update` BEFORE UPDATE ON `approved_anomaly_lines`
BEGIN SELECT RAISE(ABORT, 'approved_anomaly_lines is append-only: what was approved is never changed'); END;
--> statement-breakpoint
CREATE TRIGGER `approved_anomaly_lines_no_delete` BEFORE DELETE ON `approved_anomaly_lines`
BEGIN SELECT RAISE(ABORT, 'approved_anomaly_lines is append-only: what was approved is never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `approved_corrections_no_update` BEFORE UPDATE ON `approved_corrections`
BEGIN SELECT RAISE(ABORT, 'approved_corrections is append-only: what was approved is never changed'); END;
--> statement-breakpoint
CREATE TRIGGER `approved_corrections_no_delete` BEFORE DELETE ON `approved_corrections`
BEGIN SELECT RAISE(ABORT, 'approved_corrections is append-only: what was approved is never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `approved_correction_batches_no_update` BEFORE UPDATE ON `approved_correction_batches`
BEGIN SELECT RAISE(ABORT, 'approved_correction_batches is append-only: what was approved is never changed'); END;
--> statement-breakpoint
CREATE TRIGGER `approved_correction_batches_no_delete` BEFORE DELETE ON `approved_correction_batches`
BEGIN SELECT RAISE(ABORT, 'approved_correction_batches is append-only: what was approved is never deleted'); END;
