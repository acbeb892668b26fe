-- Issue 14 #1: outbox capture triggers generated from the schema by scripts/gen-outbox-triggers.ts (db/sync-capture.ts). Do not edit; regenerate.
DROP TRIGGER IF EXISTS sync_capture_meter_change_records_insert;
--> statement-breakpoint
DROP TRIGGER IF EXISTS sync_capture_meter_change_records_update;
--> statement-breakpoint
CREATE TRIGGER sync_capture_meter_change_records_insert AFTER INSERT ON "meter_change_records"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('meter_change_records', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'business_id', NEW."business_id", 'old_meter_id', NEW."old_meter_id", 'new_meter_id', NEW."new_meter_id", 'old_actual_reading_centi', NEW."old_actual_reading_centi", 'system_reading_centi', NEW."system_reading_centi", 'difference_bill_id', NEW."difference_bill_id", 'consumables', NEW."consumables", 'entered_by', NEW."entered_by", 'created_at', NEW."created_at", 'replacement_kind', NEW."replacement_kind", 'ic_actual_centi', NEW."ic_actual_centi", 'ic_recharged_centi', NEW."ic_recharged_centi", 'ic_compensate_centi', NEW."ic_compensate_centi", 'remark', NEW."remark", 'credited_centi', NEW."credited_centi", 'credit_approval_no', NEW."credit_approval_no", 'credit_approved_by', NEW."credit_approved_by"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_meter_change_records_update AFTER UPDATE ON "meter_change_records"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('meter_change_records', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'business_id', NEW."business_id", 'old_meter_id', NEW."old_meter_id", 'new_meter_id', NEW."new_meter_id", 'old_actual_reading_centi', NEW."old_actual_reading_centi", 'system_reading_centi', NEW."system_reading_centi", 'difference_bill_id', NEW."difference_bill_id", 'consumables', NEW."consumables", 'entered_by', NEW."entered_by", 'created_at', NEW."created_at", 'replacement_kind', NEW."replacement_kind", 'ic_actual_centi', NEW."ic_actual_centi", 'ic_recharged_centi', NEW."ic_recharged_centi", 'ic_compensate_centi', NEW."ic_compensate_centi", 'remark', NEW."remark", 'credited_centi', NEW."credited_centi", 'credit_approval_no', NEW."credit_approval_no", 'credit_approved_by', NEW."credit_approved_by"), NULL, gas_business_date());
END;
