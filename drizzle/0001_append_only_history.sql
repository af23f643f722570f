-- History is never edited in place: the operator's decisions, the imports' provenance and
-- the changes they made can only be added to. The database itself refuses the rest.
CREATE TRIGGER `operator_log_no_update` BEFORE UPDATE ON `operator_log`
BEGIN SELECT RAISE(ABORT, 'operator_log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `operator_log_no_delete` BEFORE DELETE ON `operator_log`
BEGIN SELECT RAISE(ABORT, 'operator_log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `participant_changes_no_update` BEFORE UPDATE ON `participant_changes`
BEGIN SELECT RAISE(ABORT, 'participant_changes is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `participant_changes_no_delete` BEFORE DELETE ON `participant_changes`
BEGIN SELECT RAISE(ABORT, 'participant_changes is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `import_problems_no_update` BEFORE UPDATE ON `import_problems`
BEGIN SELECT RAISE(ABORT, 'import_problems is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `import_problems_no_delete` BEFORE DELETE ON `import_problems`
BEGIN SELECT RAISE(ABORT, 'import_problems is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `import_batches_no_delete` BEFORE DELETE ON `import_batches`
BEGIN SELECT RAISE(ABORT, 'import batches are never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `import_batches_provenance_fixed` BEFORE UPDATE OF `kind`, `file_name`, `file_size`, `sha256`, `sheet`, `header_row`, `mapping_json`, `rows_read`, `accepted`, `rejected`, `skipped`, `created_at`, `created_by` ON `import_batches`
BEGIN SELECT RAISE(ABORT, 'an import batch''s provenance is never changed'); END;
--> statement-breakpoint
CREATE TRIGGER `rule_versions_no_update` BEFORE UPDATE ON `rule_versions`
BEGIN SELECT RAISE(ABORT, 'rule versions are never changed; add a new version'); END;
--> statement-breakpoint
CREATE TRIGGER `rule_versions_no_delete` BEFORE DELETE ON `rule_versions`
BEGIN SELECT RAISE(ABORT, 'rule versions are never deleted'); END;
