-- The lines, targets and product history that imports bring are never edited or deleted: a
-- corrected sales file supersedes its batch (import_batches.superseded_by), a new targets
-- file adds newer targets, a products file records each change it makes.
CREATE TRIGGER `sales_lines_no_update` BEFORE UPDATE ON `sales_lines`
BEGIN SELECT RAISE(ABORT, 'sales_lines is append-only; a corrected file supersedes its batch'); END;
--> statement-breakpoint
CREATE TRIGGER `sales_lines_no_delete` BEFORE DELETE ON `sales_lines`
BEGIN SELECT RAISE(ABORT, 'sales_lines is append-only; a corrected file supersedes its batch'); END;
--> statement-breakpoint
CREATE TRIGGER `targets_no_update` BEFORE UPDATE ON `targets`
BEGIN SELECT RAISE(ABORT, 'targets is append-only; a newer targets file adds newer targets'); END;
--> statement-breakpoint
CREATE TRIGGER `targets_no_delete` BEFORE DELETE ON `targets`
BEGIN SELECT RAISE(ABORT, 'targets is append-only; a newer targets file adds newer targets'); END;
--> statement-breakpoint
CREATE TRIGGER `product_changes_no_update` BEFORE UPDATE ON `product_changes`
BEGIN SELECT RAISE(ABORT, 'product_changes is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `product_changes_no_delete` BEFORE DELETE ON `product_changes`
BEGIN SELECT RAISE(ABORT, 'product_changes is append-only'); END;
--> statement-breakpoint
-- The new provenance columns are as fixed as the others.
CREATE TRIGGER `import_batches_period_headers_fixed` BEFORE UPDATE OF `period`, `headers_json` ON `import_batches`
BEGIN SELECT RAISE(ABORT, 'an import batch''s provenance is never changed'); END;
--> statement-breakpoint
-- A batch is superseded once, by one later batch of the same program and kind; it never comes back.
CREATE TRIGGER `import_batches_superseded_once` BEFORE UPDATE OF `superseded_by` ON `import_batches`
WHEN OLD.`superseded_by` IS NOT NULL
  OR NEW.`superseded_by` IS NULL
  OR NEW.`superseded_by` <= OLD.`id`
  OR NOT EXISTS (SELECT 1 FROM `import_batches` b WHERE b.`id` = NEW.`superseded_by` AND b.`program_id` = OLD.`program_id` AND b.`kind` = OLD.`kind`)
BEGIN SELECT RAISE(ABORT, 'a batch is superseded once, by a later batch of the same kind'); END;
