-- Issue 14 #1: outbox capture triggers generated from the schema by scripts/gen-outbox-triggers.ts (db/sync-capture.ts). Do not edit; regenerate.
CREATE TRIGGER sync_capture_complaint_settings_insert AFTER INSERT ON "complaint_settings"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('complaint_settings', 'insert', CAST(NEW."key" AS TEXT), json_object('key', NEW."key", 'phone', NEW."phone", 'answer_days', NEW."answer_days", 'category_days', NEW."category_days", 'updated_by', NEW."updated_by", 'updated_at', NEW."updated_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_complaint_settings_update AFTER UPDATE ON "complaint_settings"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('complaint_settings', 'update', CAST(NEW."key" AS TEXT), json_object('key', NEW."key", 'phone', NEW."phone", 'answer_days', NEW."answer_days", 'category_days', NEW."category_days", 'updated_by', NEW."updated_by", 'updated_at', NEW."updated_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_install_photos_insert AFTER INSERT ON "install_photos"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('install_photos', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'import_id', NEW."import_id", 'account_id', NEW."account_id", 'install_business_id', NEW."install_business_id", 'original_name', NEW."original_name", 'path', NEW."path", 'address', NEW."address", 'sha256', NEW."sha256", 'bytes', NEW."bytes", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_install_photos_update AFTER UPDATE ON "install_photos"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('install_photos', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'import_id', NEW."import_id", 'account_id', NEW."account_id", 'install_business_id', NEW."install_business_id", 'original_name', NEW."original_name", 'path', NEW."path", 'address', NEW."address", 'sha256', NEW."sha256", 'bytes', NEW."bytes", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_photo_imports_insert AFTER INSERT ON "photo_imports"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('photo_imports', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'hall_id', NEW."hall_id", 'batch', NEW."batch", 'year_month', NEW."year_month", 'source_dir', NEW."source_dir", 'technician', NEW."technician", 'photo_count', NEW."photo_count", 'household_count', NEW."household_count", 'archive_dir', NEW."archive_dir", 'local_dir', NEW."local_dir", 'manifest_path', NEW."manifest_path", 'manifest_sha256', NEW."manifest_sha256", 'handover', NEW."handover", 'imported_by', NEW."imported_by", 'created_at', NEW."created_at"), NEW."hall_id", gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_photo_imports_update AFTER UPDATE ON "photo_imports"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('photo_imports', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'hall_id', NEW."hall_id", 'batch', NEW."batch", 'year_month', NEW."year_month", 'source_dir', NEW."source_dir", 'technician', NEW."technician", 'photo_count', NEW."photo_count", 'household_count', NEW."household_count", 'archive_dir', NEW."archive_dir", 'local_dir', NEW."local_dir", 'manifest_path', NEW."manifest_path", 'manifest_sha256', NEW."manifest_sha256", 'handover', NEW."handover", 'imported_by', NEW."imported_by", 'created_at', NEW."created_at"), NEW."hall_id", gas_business_date());
END;
