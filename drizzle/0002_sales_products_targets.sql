CREATE TABLE `product_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`product_id` integer NOT NULL,
	`batch_id` integer NOT NULL,
	`source_row` integer,
	`field` text NOT NULL,
	`old_value` text,
	`new_value` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `product_changes_product` ON `product_changes` (`product_id`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`sku` text NOT NULL,
	`name` text NOT NULL,
	`product_group` text,
	`promoted` integer NOT NULL,
	`points_per_unit` integer,
	`created_batch_id` integer,
	`updated_batch_id` integer,
	`source_row` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_program_sku` ON `products` (`program_id`,`sku`);--> statement-breakpoint
CREATE TABLE `sales_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`batch_id` integer NOT NULL,
	`source_row` integer NOT NULL,
	`sale_date` text NOT NULL,
	`period` text NOT NULL,
	`participant_code` text NOT NULL,
	`sku` text NOT NULL,
	`quantity` integer NOT NULL,
	`net_minor` integer NOT NULL,
	`document_no` text,
	`line_no` text,
	`participant_name` text,
	`product_name` text,
	`line_key` text NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sales_lines_program_period` ON `sales_lines` (`program_id`,`period`);--> statement-breakpoint
CREATE INDEX `sales_lines_program_key` ON `sales_lines` (`program_id`,`line_key`);--> statement-breakpoint
CREATE INDEX `sales_lines_batch` ON `sales_lines` (`batch_id`);--> statement-breakpoint
CREATE TABLE `targets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`participant_code` text NOT NULL,
	`period` text NOT NULL,
	`target_minor` integer NOT NULL,
	`batch_id` integer NOT NULL,
	`source_row` integer NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `targets_program_period` ON `targets` (`program_id`,`period`,`participant_code`);--> statement-breakpoint
ALTER TABLE `import_batches` ADD `period` text;--> statement-breakpoint
ALTER TABLE `import_batches` ADD `headers_json` text DEFAULT '[]' NOT NULL;