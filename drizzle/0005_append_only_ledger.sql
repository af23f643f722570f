-- The points ledger and the periods' history are only ever added to; the database itself
-- refuses the rest. A correction is a new entry (an adjustment or a reversal), never an edit.
CREATE TRIGGER `ledger_entries_no_update` BEFORE UPDATE ON `ledger_entries`
BEGIN SELECT RAISE(ABORT, 'ledger_entries is append-only; post a reversal or an adjustment'); END;
--> statement-breakpoint
CREATE TRIGGER `ledger_entries_no_delete` BEFORE DELETE ON `ledger_entries`
BEGIN SELECT RAISE(ABORT, 'ledger_entries is append-only; post a reversal or an adjustment'); END;
--> statement-breakpoint
CREATE TRIGGER `period_events_no_update` BEFORE UPDATE ON `period_events`
BEGIN SELECT RAISE(ABORT, 'period_events is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `period_events_no_delete` BEFORE DELETE ON `period_events`
BEGIN SELECT RAISE(ABORT, 'period_events is append-only'); END;
