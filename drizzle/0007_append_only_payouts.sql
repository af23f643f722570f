-- Verification decisions, top-ups, exported files and what happened to them are only ever
-- added to: a voided batch or a failed top-up is a new event (and a ledger reversal), never an edit.
CREATE TRIGGER `verification_decisions_no_update` BEFORE UPDATE ON `verification_decisions`
BEGIN SELECT RAISE(ABORT, 'verification_decisions is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `verification_decisions_no_delete` BEFORE DELETE ON `verification_decisions`
BEGIN SELECT RAISE(ABORT, 'verification_decisions is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `payouts_no_update` BEFORE UPDATE ON `payouts`
BEGIN SELECT RAISE(ABORT, 'payouts are never changed; their events say what happened'); END;
--> statement-breakpoint
CREATE TRIGGER `payouts_no_delete` BEFORE DELETE ON `payouts`
BEGIN SELECT RAISE(ABORT, 'payouts are never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `payout_batches_no_update` BEFORE UPDATE ON `payout_batches`
BEGIN SELECT RAISE(ABORT, 'an exported payout file is never changed'); END;
--> statement-breakpoint
CREATE TRIGGER `payout_batches_no_delete` BEFORE DELETE ON `payout_batches`
BEGIN SELECT RAISE(ABORT, 'an exported payout file is never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `payout_batch_items_no_update` BEFORE UPDATE ON `payout_batch_items`
BEGIN SELECT RAISE(ABORT, 'payout_batch_items is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `payout_batch_items_no_delete` BEFORE DELETE ON `payout_batch_items`
BEGIN SELECT RAISE(ABORT, 'payout_batch_items is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `payout_events_no_update` BEFORE UPDATE ON `payout_events`
BEGIN SELECT RAISE(ABORT, 'payout_events is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `payout_events_no_delete` BEFORE DELETE ON `payout_events`
BEGIN SELECT RAISE(ABORT, 'payout_events is append-only'); END;
