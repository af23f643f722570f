CREATE TABLE `program_settings_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`version` integer NOT NULL,
	`name` text NOT NULL,
	`client` text NOT NULL,
	`currency_code` text NOT NULL,
	`currency_digits` integer NOT NULL,
	`locale` text NOT NULL,
	`payment_json` text NOT NULL,
	`point_value_minor` integer NOT NULL,
	`rule_version` integer NOT NULL,
	`reason` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `program_settings_versions_program_version` ON `program_settings_versions` (`program_id`,`version`);--> statement-breakpoint
-- A change of the program's settings is a new version: none is ever changed or removed.
CREATE TRIGGER `program_settings_versions_no_update` BEFORE UPDATE ON `program_settings_versions`
BEGIN SELECT RAISE(ABORT, 'program_settings_versions is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `program_settings_versions_no_delete` BEFORE DELETE ON `program_settings_versions`
BEGIN SELECT RAISE(ABORT, 'program_settings_versions is append-only'); END;
