-- Issue 14 #1: outbox capture triggers generated from the schema by scripts/gen-outbox-triggers.ts (db/sync-capture.ts). Do not edit; regenerate.
CREATE TRIGGER sync_capture_counter_pauses_insert AFTER INSERT ON "counter_pauses"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('counter_pauses', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'hall_id', NEW."hall_id", 'counter_id', NEW."counter_id", 'business_date', NEW."business_date", 'reason', NEW."reason", 'requested_by', NEW."requested_by", 'approved_by', NEW."approved_by", 'started_at', NEW."started_at", 'resumed_at', NEW."resumed_at", 'resumed_by', NEW."resumed_by", 'created_at', NEW."created_at"), NEW."hall_id", COALESCE(NEW."business_date", gas_business_date()));
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_counter_pauses_update AFTER UPDATE ON "counter_pauses"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('counter_pauses', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'hall_id', NEW."hall_id", 'counter_id', NEW."counter_id", 'business_date', NEW."business_date", 'reason', NEW."reason", 'requested_by', NEW."requested_by", 'approved_by', NEW."approved_by", 'started_at', NEW."started_at", 'resumed_at', NEW."resumed_at", 'resumed_by', NEW."resumed_by", 'created_at', NEW."created_at"), NEW."hall_id", COALESCE(NEW."business_date", gas_business_date()));
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_service_timings_insert AFTER INSERT ON "service_timings"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('service_timings', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'hall_id', NEW."hall_id", 'counter_id', NEW."counter_id", 'clerk_id', NEW."clerk_id", 'account_id', NEW."account_id", 'business_date', NEW."business_date", 'kind', NEW."kind", 'slip_ref', NEW."slip_ref", 'started_at', NEW."started_at", 'ended_at', NEW."ended_at", 'duration_ms', NEW."duration_ms", 'limit_seconds', NEW."limit_seconds", 'created_at', NEW."created_at"), NEW."hall_id", COALESCE(NEW."business_date", gas_business_date()));
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_service_timings_update AFTER UPDATE ON "service_timings"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('service_timings', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'hall_id', NEW."hall_id", 'counter_id', NEW."counter_id", 'clerk_id', NEW."clerk_id", 'account_id', NEW."account_id", 'business_date', NEW."business_date", 'kind', NEW."kind", 'slip_ref', NEW."slip_ref", 'started_at', NEW."started_at", 'ended_at', NEW."ended_at", 'duration_ms', NEW."duration_ms", 'limit_seconds', NEW."limit_seconds", 'created_at', NEW."created_at"), NEW."hall_id", COALESCE(NEW."business_date", gas_business_date()));
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_timing_settings_insert AFTER INSERT ON "timing_settings"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('timing_settings', 'insert', CAST(NEW."key" AS TEXT), json_object('key', NEW."key", 'enabled', NEW."enabled", 'fee_limit_seconds', NEW."fee_limit_seconds", 'other_limit_seconds', NEW."other_limit_seconds", 'updated_by', NEW."updated_by", 'updated_at', NEW."updated_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_timing_settings_update AFTER UPDATE ON "timing_settings"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('timing_settings', 'update', CAST(NEW."key" AS TEXT), json_object('key', NEW."key", 'enabled', NEW."enabled", 'fee_limit_seconds', NEW."fee_limit_seconds", 'other_limit_seconds', NEW."other_limit_seconds", 'updated_by', NEW."updated_by", 'updated_at', NEW."updated_at"), NULL, gas_business_date());
END;
