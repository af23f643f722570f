CREATE TABLE `payout_batch_files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`format` text NOT NULL,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`bytes` blob NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `payout_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payout_batch_files_format` ON `payout_batch_files` (`batch_id`,`format`);--> statement-breakpoint
CREATE TRIGGER `payout_batch_files_no_update` BEFORE UPDATE ON `payout_batch_files`
BEGIN SELECT RAISE(ABORT, 'a payout file written in another format is never changed'); END;
--> statement-breakpoint
CREATE TRIGGER `payout_batch_files_no_delete` BEFORE DELETE ON `payout_batch_files`
BEGIN SELECT RAISE(ABORT, 'a payout file written in another format is never deleted'); END;
--> statement-breakpoint
-- The top-up state machine of src-main/core/payouts/payout-state-machine.ts, for whatever
-- writes to this file: approved (no event) -> exported -> paid | failed | voided, and nothing
-- after those. Every event names the batch that holds the top-up.
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
