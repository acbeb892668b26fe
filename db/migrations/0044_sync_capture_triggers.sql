-- Issue 14 #1: outbox capture triggers generated from the schema by scripts/gen-outbox-triggers.ts (db/sync-capture.ts). Do not edit; regenerate.
CREATE TRIGGER sync_capture_account_phones_insert AFTER INSERT ON "account_phones"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('account_phones', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'account_id', NEW."account_id", 'phone', NEW."phone", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_account_phones_update AFTER UPDATE ON "account_phones"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('account_phones', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'account_id', NEW."account_id", 'phone', NEW."phone", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_account_phones_delete AFTER DELETE ON "account_phones"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('account_phones', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'account_id', OLD."account_id", 'phone', OLD."phone", 'created_at', OLD."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_accounts_insert AFTER INSERT ON "accounts"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('accounts', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'account_no', NEW."account_no", 'name', NEW."name", 'address', NEW."address", 'community', NEW."community", 'customer_type', NEW."customer_type", 'payment_method', NEW."payment_method", 'bank_card_no', NEW."bank_card_no", 'bank_name', NEW."bank_name", 'card_holder', NEW."card_holder", 'sms_number', NEW."sms_number", 'sms_company', NEW."sms_company", 'application_nature', NEW."application_nature", 'application_date', NEW."application_date", 'invoice_date', NEW."invoice_date", 'install_requirements', NEW."install_requirements", 'seq_book', NEW."seq_book", 'seq_building', NEW."seq_building", 'seq_unit', NEW."seq_unit", 'seq_room', NEW."seq_room", 'seq_no', NEW."seq_no", 'area_type', NEW."area_type", 'building_type', NEW."building_type", 'connection_fee_fen', NEW."connection_fee_fen", 'area', NEW."area", 'meter_reader', NEW."meter_reader", 'reading_cycle', NEW."reading_cycle", 'home_hall_id', NEW."home_hall_id", 'category', NEW."category", 'hose_info', NEW."hose_info", 'connection_invoice_no', NEW."connection_invoice_no", 'settled_reading_centi', NEW."settled_reading_centi", 'prepaid_volume_centi', NEW."prepaid_volume_centi", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_accounts_update AFTER UPDATE ON "accounts"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('accounts', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'account_no', NEW."account_no", 'name', NEW."name", 'address', NEW."address", 'community', NEW."community", 'customer_type', NEW."customer_type", 'payment_method', NEW."payment_method", 'bank_card_no', NEW."bank_card_no", 'bank_name', NEW."bank_name", 'card_holder', NEW."card_holder", 'sms_number', NEW."sms_number", 'sms_company', NEW."sms_company", 'application_nature', NEW."application_nature", 'application_date', NEW."application_date", 'invoice_date', NEW."invoice_date", 'install_requirements', NEW."install_requirements", 'seq_book', NEW."seq_book", 'seq_building', NEW."seq_building", 'seq_unit', NEW."seq_unit", 'seq_room', NEW."seq_room", 'seq_no', NEW."seq_no", 'area_type', NEW."area_type", 'building_type', NEW."building_type", 'connection_fee_fen', NEW."connection_fee_fen", 'area', NEW."area", 'meter_reader', NEW."meter_reader", 'reading_cycle', NEW."reading_cycle", 'home_hall_id', NEW."home_hall_id", 'category', NEW."category", 'hose_info', NEW."hose_info", 'connection_invoice_no', NEW."connection_invoice_no", 'settled_reading_centi', NEW."settled_reading_centi", 'prepaid_volume_centi', NEW."prepaid_volume_centi", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_accounts_delete AFTER DELETE ON "accounts"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('accounts', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'account_no', OLD."account_no", 'name', OLD."name", 'address', OLD."address", 'community', OLD."community", 'customer_type', OLD."customer_type", 'payment_method', OLD."payment_method", 'bank_card_no', OLD."bank_card_no", 'bank_name', OLD."bank_name", 'card_holder', OLD."card_holder", 'sms_number', OLD."sms_number", 'sms_company', OLD."sms_company", 'application_nature', OLD."application_nature", 'application_date', OLD."application_date", 'invoice_date', OLD."invoice_date", 'install_requirements', OLD."install_requirements", 'seq_book', OLD."seq_book", 'seq_building', OLD."seq_building", 'seq_unit', OLD."seq_unit", 'seq_room', OLD."seq_room", 'seq_no', OLD."seq_no", 'area_type', OLD."area_type", 'building_type', OLD."building_type", 'connection_fee_fen', OLD."connection_fee_fen", 'area', OLD."area", 'meter_reader', OLD."meter_reader", 'reading_cycle', OLD."reading_cycle", 'home_hall_id', OLD."home_hall_id", 'category', OLD."category", 'hose_info', OLD."hose_info", 'connection_invoice_no', OLD."connection_invoice_no", 'settled_reading_centi', OLD."settled_reading_centi", 'prepaid_volume_centi', OLD."prepaid_volume_centi", 'created_at', OLD."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_audit_heads_insert AFTER INSERT ON "audit_heads"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('audit_heads', 'insert', CAST(NEW."seq" AS TEXT), json_object('seq', NEW."seq", 'hash', NEW."hash", 'hall_id', NEW."hall_id", 'business_date', NEW."business_date", 'kind', NEW."kind", 'ref', NEW."ref", 'created_at', NEW."created_at"), NEW."hall_id", COALESCE(NEW."business_date", gas_business_date()));
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_audit_heads_update AFTER UPDATE ON "audit_heads"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('audit_heads', 'update', CAST(NEW."seq" AS TEXT), json_object('seq', NEW."seq", 'hash', NEW."hash", 'hall_id', NEW."hall_id", 'business_date', NEW."business_date", 'kind', NEW."kind", 'ref', NEW."ref", 'created_at', NEW."created_at"), NEW."hall_id", COALESCE(NEW."business_date", gas_business_date()));
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_audit_heads_delete AFTER DELETE ON "audit_heads"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('audit_heads', 'delete', CAST(OLD."seq" AS TEXT), json_object('seq', OLD."seq", 'hash', OLD."hash", 'hall_id', OLD."hall_id", 'business_date', OLD."business_date", 'kind', OLD."kind", 'ref', OLD."ref", 'created_at', OLD."created_at"), OLD."hall_id", COALESCE(OLD."business_date", gas_business_date()));
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_audit_log_insert AFTER INSERT ON "audit_log"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('audit_log', 'insert', CAST(NEW."seq" AS TEXT), json_object('seq', NEW."seq", 'at', NEW."at", 'actor_id', NEW."actor_id", 'action', NEW."action", 'entity', NEW."entity", 'entity_id', NEW."entity_id", 'detail', NEW."detail", 'prev_hash', NEW."prev_hash", 'hash', NEW."hash"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_audit_log_update AFTER UPDATE ON "audit_log"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('audit_log', 'update', CAST(NEW."seq" AS TEXT), json_object('seq', NEW."seq", 'at', NEW."at", 'actor_id', NEW."actor_id", 'action', NEW."action", 'entity', NEW."entity", 'entity_id', NEW."entity_id", 'detail', NEW."detail", 'prev_hash', NEW."prev_hash", 'hash', NEW."hash"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_audit_log_delete AFTER DELETE ON "audit_log"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('audit_log', 'delete', CAST(OLD."seq" AS TEXT), json_object('seq', OLD."seq", 'at', OLD."at", 'actor_id', OLD."actor_id", 'action', OLD."action", 'entity', OLD."entity", 'entity_id', OLD."entity_id", 'detail', OLD."detail", 'prev_hash', OLD."prev_hash", 'hash', OLD."hash"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_bank_run_items_insert AFTER INSERT ON "bank_run_items"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('bank_run_items', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'run_id', NEW."run_id", 'line_no', NEW."line_no", 'account_id', NEW."account_id", 'bill_id', NEW."bill_id", 'card_no', NEW."card_no", 'amount_fen', NEW."amount_fen", 'result', NEW."result", 'reason', NEW."reason", 'payment_id', NEW."payment_id"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_bank_run_items_update AFTER UPDATE ON "bank_run_items"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('bank_run_items', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'run_id', NEW."run_id", 'line_no', NEW."line_no", 'account_id', NEW."account_id", 'bill_id', NEW."bill_id", 'card_no', NEW."card_no", 'amount_fen', NEW."amount_fen", 'result', NEW."result", 'reason', NEW."reason", 'payment_id', NEW."payment_id"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_bank_run_items_delete AFTER DELETE ON "bank_run_items"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('bank_run_items', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'run_id', OLD."run_id", 'line_no', OLD."line_no", 'account_id', OLD."account_id", 'bill_id', OLD."bill_id", 'card_no', OLD."card_no", 'amount_fen', OLD."amount_fen", 'result', OLD."result", 'reason', OLD."reason", 'payment_id', OLD."payment_id"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_bank_runs_insert AFTER INSERT ON "bank_runs"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('bank_runs', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'bank_name', NEW."bank_name", 'business_date', NEW."business_date", 'status', NEW."status", 'item_count', NEW."item_count", 'total_fen', NEW."total_fen", 'file_name', NEW."file_name", 'return_sha256', NEW."return_sha256", 'ok_count', NEW."ok_count", 'ok_fen', NEW."ok_fen", 'clerk_id', NEW."clerk_id", 'created_at', NEW."created_at", 'returned_at', NEW."returned_at"), NULL, COALESCE(NEW."business_date", gas_business_date()));
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_bank_runs_update AFTER UPDATE ON "bank_runs"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('bank_runs', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'bank_name', NEW."bank_name", 'business_date', NEW."business_date", 'status', NEW."status", 'item_count', NEW."item_count", 'total_fen', NEW."total_fen", 'file_name', NEW."file_name", 'return_sha256', NEW."return_sha256", 'ok_count', NEW."ok_count", 'ok_fen', NEW."ok_fen", 'clerk_id', NEW."clerk_id", 'created_at', NEW."created_at", 'returned_at', NEW."returned_at"), NULL, COALESCE(NEW."business_date", gas_business_date()));
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_bank_runs_delete AFTER DELETE ON "bank_runs"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('bank_runs', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'bank_name', OLD."bank_name", 'business_date', OLD."business_date", 'status', OLD."status", 'item_count', OLD."item_count", 'total_fen', OLD."total_fen", 'file_name', OLD."file_name", 'return_sha256', OLD."return_sha256", 'ok_count', OLD."ok_count", 'ok_fen', OLD."ok_fen", 'clerk_id', OLD."clerk_id", 'created_at', OLD."created_at", 'returned_at', OLD."returned_at"), NULL, COALESCE(OLD."business_date", gas_business_date()));
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_bill_corrections_insert AFTER INSERT ON "bill_corrections"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('bill_corrections', 'insert', CAST(NEW."old_bill_id" AS TEXT), json_object('old_bill_id', NEW."old_bill_id", 'new_bill_id', NEW."new_bill_id", 'reason', NEW."reason", 'clerk_id', NEW."clerk_id", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_bill_corrections_update AFTER UPDATE ON "bill_corrections"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('bill_corrections', 'update', CAST(NEW."old_bill_id" AS TEXT), json_object('old_bill_id', NEW."old_bill_id", 'new_bill_id', NEW."new_bill_id", 'reason', NEW."reason", 'clerk_id', NEW."clerk_id", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_bill_corrections_delete AFTER DELETE ON "bill_corrections"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('bill_corrections', 'delete', CAST(OLD."old_bill_id" AS TEXT), json_object('old_bill_id', OLD."old_bill_id", 'new_bill_id', OLD."new_bill_id", 'reason', OLD."reason", 'clerk_id', OLD."clerk_id", 'created_at', OLD."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_bills_insert AFTER INSERT ON "bills"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('bills', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'account_id', NEW."account_id", 'meter_id', NEW."meter_id", 'reading_date', NEW."reading_date", 'previous_reading_centi', NEW."previous_reading_centi", 'this_reading_centi', NEW."this_reading_centi", 'consumption_centi', NEW."consumption_centi", 'price_fen_per_m3', NEW."price_fen_per_m3", 'amount_fen', NEW."amount_fen", 'due_date', NEW."due_date", 'source', NEW."source", 'estimated', NEW."estimated", 'reader', NEW."reader", 'status', NEW."status", 'paid_payment_id', NEW."paid_payment_id", 'split_from', NEW."split_from", 'pricing', NEW."pricing", 'confirmation', NEW."confirmation", 'created_by', NEW."created_by", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_bills_update AFTER UPDATE ON "bills"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('bills', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'account_id', NEW."account_id", 'meter_id', NEW."meter_id", 'reading_date', NEW."reading_date", 'previous_reading_centi', NEW."previous_reading_centi", 'this_reading_centi', NEW."this_reading_centi", 'consumption_centi', NEW."consumption_centi", 'price_fen_per_m3', NEW."price_fen_per_m3", 'amount_fen', NEW."amount_fen", 'due_date', NEW."due_date", 'source', NEW."source", 'estimated', NEW."estimated", 'reader', NEW."reader", 'status', NEW."status", 'paid_payment_id', NEW."paid_payment_id", 'split_from', NEW."split_from", 'pricing', NEW."pricing", 'confirmation', NEW."confirmation", 'created_by', NEW."created_by", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_bills_delete AFTER DELETE ON "bills"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('bills', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'account_id', OLD."account_id", 'meter_id', OLD."meter_id", 'reading_date', OLD."reading_date", 'previous_reading_centi', OLD."previous_reading_centi", 'this_reading_centi', OLD."this_reading_centi", 'consumption_centi', OLD."consumption_centi", 'price_fen_per_m3', OLD."price_fen_per_m3", 'amount_fen', OLD."amount_fen", 'due_date', OLD."due_date", 'source', OLD."source", 'estimated', OLD."estimated", 'reader', OLD."reader", 'status', OLD."status", 'paid_payment_id', OLD."paid_payment_id", 'split_from', OLD."split_from", 'pricing', OLD."pricing", 'confirmation', OLD."confirmation", 'created_by', OLD."created_by", 'created_at', OLD."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_business_days_insert AFTER INSERT ON "business_days"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('business_days', 'insert', json_array(NEW."hall_id", NEW."business_date"), json_object('hall_id', NEW."hall_id", 'business_date', NEW."business_date", 'closed_at', NEW."closed_at", 'closed_by', NEW."closed_by", 'close_no', NEW."close_no", 'summary', NEW."summary"), NEW."hall_id", COALESCE(NEW."business_date", gas_business_date()));
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_business_days_update AFTER UPDATE ON "business_days"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('business_days', 'update', json_array(NEW."hall_id", NEW."business_date"), json_object('hall_id', NEW."hall_id", 'business_date', NEW."business_date", 'closed_at', NEW."closed_at", 'closed_by', NEW."closed_by", 'close_no', NEW."close_no", 'summary', NEW."summary"), NEW."hall_id", COALESCE(NEW."business_date", gas_business_date()));
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_business_days_delete AFTER DELETE ON "business_days"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('business_days', 'delete', json_array(OLD."hall_id", OLD."business_date"), json_object('hall_id', OLD."hall_id", 'business_date', OLD."business_date", 'closed_at', OLD."closed_at", 'closed_by', OLD."closed_by", 'close_no', OLD."close_no", 'summary', OLD."summary"), OLD."hall_id", COALESCE(OLD."business_date", gas_business_date()));
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_business_visits_insert AFTER INSERT ON "business_visits"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('business_visits', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'business_id', NEW."business_id", 'note', NEW."note", 'visited_on', NEW."visited_on", 'entered_by', NEW."entered_by", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_business_visits_update AFTER UPDATE ON "business_visits"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('business_visits', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'business_id', NEW."business_id", 'note', NEW."note", 'visited_on', NEW."visited_on", 'entered_by', NEW."entered_by", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_business_visits_delete AFTER DELETE ON "business_visits"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('business_visits', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'business_id', OLD."business_id", 'note', OLD."note", 'visited_on', OLD."visited_on", 'entered_by', OLD."entered_by", 'created_at', OLD."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_businesses_insert AFTER INSERT ON "businesses"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('businesses', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'business_no', NEW."business_no", 'type', NEW."type", 'account_id', NEW."account_id", 'requirement', NEW."requirement", 'contact_phone', NEW."contact_phone", 'priority', NEW."priority", 'accepted_on', NEW."accepted_on", 'promised_on', NEW."promised_on", 'deferred_to', NEW."deferred_to", 'deferral_remark', NEW."deferral_remark", 'state', NEW."state", 'channel', NEW."channel", 'accepted_by', NEW."accepted_by", 'hall_id', NEW."hall_id", 'counter_id', NEW."counter_id", 'void_reason', NEW."void_reason", 'created_at', NEW."created_at"), NEW."hall_id", gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_businesses_update AFTER UPDATE ON "businesses"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('businesses', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'business_no', NEW."business_no", 'type', NEW."type", 'account_id', NEW."account_id", 'requirement', NEW."requirement", 'contact_phone', NEW."contact_phone", 'priority', NEW."priority", 'accepted_on', NEW."accepted_on", 'promised_on', NEW."promised_on", 'deferred_to', NEW."deferred_to", 'deferral_remark', NEW."deferral_remark", 'state', NEW."state", 'channel', NEW."channel", 'accepted_by', NEW."accepted_by", 'hall_id', NEW."hall_id", 'counter_id', NEW."counter_id", 'void_reason', NEW."void_reason", 'created_at', NEW."created_at"), NEW."hall_id", gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_businesses_delete AFTER DELETE ON "businesses"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('businesses', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'business_no', OLD."business_no", 'type', OLD."type", 'account_id', OLD."account_id", 'requirement', OLD."requirement", 'contact_phone', OLD."contact_phone", 'priority', OLD."priority", 'accepted_on', OLD."accepted_on", 'promised_on', OLD."promised_on", 'deferred_to', OLD."deferred_to", 'deferral_remark', OLD."deferral_remark", 'state', OLD."state", 'channel', OLD."channel", 'accepted_by', OLD."accepted_by", 'hall_id', OLD."hall_id", 'counter_id', OLD."counter_id", 'void_reason', OLD."void_reason", 'created_at', OLD."created_at"), OLD."hall_id", gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_calendar_days_insert AFTER INSERT ON "calendar_days"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('calendar_days', 'insert', CAST(NEW."date" AS TEXT), json_object('date', NEW."date", 'kind', NEW."kind", 'note', NEW."note"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_calendar_days_update AFTER UPDATE ON "calendar_days"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('calendar_days', 'update', CAST(NEW."date" AS TEXT), json_object('date', NEW."date", 'kind', NEW."kind", 'note', NEW."note"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_calendar_days_delete AFTER DELETE ON "calendar_days"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('calendar_days', 'delete', CAST(OLD."date" AS TEXT), json_object('date', OLD."date", 'kind', OLD."kind", 'note', OLD."note"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_card_write_outcomes_insert AFTER INSERT ON "card_write_outcomes"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('card_write_outcomes', 'insert', CAST(NEW."write_id" AS TEXT), json_object('write_id', NEW."write_id", 'outcome', NEW."outcome", 'payment_id', NEW."payment_id", 'note', NEW."note", 'clerk_id', NEW."clerk_id", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_card_write_outcomes_update AFTER UPDATE ON "card_write_outcomes"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('card_write_outcomes', 'update', CAST(NEW."write_id" AS TEXT), json_object('write_id', NEW."write_id", 'outcome', NEW."outcome", 'payment_id', NEW."payment_id", 'note', NEW."note", 'clerk_id', NEW."clerk_id", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_card_write_outcomes_delete AFTER DELETE ON "card_write_outcomes"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('card_write_outcomes', 'delete', CAST(OLD."write_id" AS TEXT), json_object('write_id', OLD."write_id", 'outcome', OLD."outcome", 'payment_id', OLD."payment_id", 'note', OLD."note", 'clerk_id', OLD."clerk_id", 'created_at', OLD."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_card_writes_insert AFTER INSERT ON "card_writes"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('card_writes', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'kind', NEW."kind", 'card_no', NEW."card_no", 'account_id', NEW."account_id", 'counter_before', NEW."counter_before", 'counter_after', NEW."counter_after", 'volume_centi', NEW."volume_centi", 'price_fen_per_m3', NEW."price_fen_per_m3", 'amount_fen', NEW."amount_fen", 'tendered_fen', NEW."tendered_fen", 'method', NEW."method", 'ticket_fen', NEW."ticket_fen", 'ticket_cash_fen', NEW."ticket_cash_fen", 'tickets_json', NEW."tickets_json", 'reverses_payment_id', NEW."reverses_payment_id", 'reason', NEW."reason", 'approver_id', NEW."approver_id", 'clerk_id', NEW."clerk_id", 'counter_id', NEW."counter_id", 'confirmation', NEW."confirmation", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_card_writes_update AFTER UPDATE ON "card_writes"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('card_writes', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'kind', NEW."kind", 'card_no', NEW."card_no", 'account_id', NEW."account_id", 'counter_before', NEW."counter_before", 'counter_after', NEW."counter_after", 'volume_centi', NEW."volume_centi", 'price_fen_per_m3', NEW."price_fen_per_m3", 'amount_fen', NEW."amount_fen", 'tendered_fen', NEW."tendered_fen", 'method', NEW."method", 'ticket_fen', NEW."ticket_fen", 'ticket_cash_fen', NEW."ticket_cash_fen", 'tickets_json', NEW."tickets_json", 'reverses_payment_id', NEW."reverses_payment_id", 'reason', NEW."reason", 'approver_id', NEW."approver_id", 'clerk_id', NEW."clerk_id", 'counter_id', NEW."counter_id", 'confirmation', NEW."confirmation", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_card_writes_delete AFTER DELETE ON "card_writes"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('card_writes', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'kind', OLD."kind", 'card_no', OLD."card_no", 'account_id', OLD."account_id", 'counter_before', OLD."counter_before", 'counter_after', OLD."counter_after", 'volume_centi', OLD."volume_centi", 'price_fen_per_m3', OLD."price_fen_per_m3", 'amount_fen', OLD."amount_fen", 'tendered_fen', OLD."tendered_fen", 'method', OLD."method", 'ticket_fen', OLD."ticket_fen", 'ticket_cash_fen', OLD."ticket_cash_fen", 'tickets_json', OLD."tickets_json", 'reverses_payment_id', OLD."reverses_payment_id", 'reason', OLD."reason", 'approver_id', OLD."approver_id", 'clerk_id', OLD."clerk_id", 'counter_id', OLD."counter_id", 'confirmation', OLD."confirmation", 'created_at', OLD."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_cash_reports_insert AFTER INSERT ON "cash_reports"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('cash_reports', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'clerk_id', NEW."clerk_id", 'hall_id', NEW."hall_id", 'business_date', NEW."business_date", 'previous_balance_fen', NEW."previous_balance_fen", 'income_fen', NEW."income_fen", 'deposited_fen', NEW."deposited_fen", 'balance_fen', NEW."balance_fen", 'counted_fen', NEW."counted_fen", 'denominations', NEW."denominations", 'difference_fen', NEW."difference_fen", 'difference_reason', NEW."difference_reason", 'lines', NEW."lines", 'reviewer_id', NEW."reviewer_id", 'reviewed_at', NEW."reviewed_at", 'created_at', NEW."created_at"), NEW."hall_id", COALESCE(NEW."business_date", gas_business_date()));
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_cash_reports_update AFTER UPDATE ON "cash_reports"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('cash_reports', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'clerk_id', NEW."clerk_id", 'hall_id', NEW."hall_id", 'business_date', NEW."business_date", 'previous_balance_fen', NEW."previous_balance_fen", 'income_fen', NEW."income_fen", 'deposited_fen', NEW."deposited_fen", 'balance_fen', NEW."balance_fen", 'counted_fen', NEW."counted_fen", 'denominations', NEW."denominations", 'difference_fen', NEW."difference_fen", 'difference_reason', NEW."difference_reason", 'lines', NEW."lines", 'reviewer_id', NEW."reviewer_id", 'reviewed_at', NEW."reviewed_at", 'created_at', NEW."created_at"), NEW."hall_id", COALESCE(NEW."business_date", gas_business_date()));
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_cash_reports_delete AFTER DELETE ON "cash_reports"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('cash_reports', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'clerk_id', OLD."clerk_id", 'hall_id', OLD."hall_id", 'business_date', OLD."business_date", 'previous_balance_fen', OLD."previous_balance_fen", 'income_fen', OLD."income_fen", 'deposited_fen', OLD."deposited_fen", 'balance_fen', OLD."balance_fen", 'counted_fen', OLD."counted_fen", 'denominations', OLD."denominations", 'difference_fen', OLD."difference_fen", 'difference_reason', OLD."difference_reason", 'lines', OLD."lines", 'reviewer_id', OLD."reviewer_id", 'reviewed_at', OLD."reviewed_at", 'created_at', OLD."created_at"), OLD."hall_id", COALESCE(OLD."business_date", gas_business_date()));
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_check_slips_insert AFTER INSERT ON "check_slips"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('check_slips', 'insert', CAST(NEW."slip_no" AS TEXT), json_object('slip_no', NEW."slip_no", 'counter_id', NEW."counter_id", 'seq', NEW."seq", 'hall_id', NEW."hall_id", 'business_date', NEW."business_date", 'handwritten', NEW."handwritten", 'late_card_write_id', NEW."late_card_write_id", 'created_at', NEW."created_at"), NEW."hall_id", COALESCE(NEW."business_date", gas_business_date()));
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_check_slips_update AFTER UPDATE ON "check_slips"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('check_slips', 'update', CAST(NEW."slip_no" AS TEXT), json_object('slip_no', NEW."slip_no", 'counter_id', NEW."counter_id", 'seq', NEW."seq", 'hall_id', NEW."hall_id", 'business_date', NEW."business_date", 'handwritten', NEW."handwritten", 'late_card_write_id', NEW."late_card_write_id", 'created_at', NEW."created_at"), NEW."hall_id", COALESCE(NEW."business_date", gas_business_date()));
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_check_slips_delete AFTER DELETE ON "check_slips"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('check_slips', 'delete', CAST(OLD."slip_no" AS TEXT), json_object('slip_no', OLD."slip_no", 'counter_id', OLD."counter_id", 'seq', OLD."seq", 'hall_id', OLD."hall_id", 'business_date', OLD."business_date", 'handwritten', OLD."handwritten", 'late_card_write_id', OLD."late_card_write_id", 'created_at', OLD."created_at"), OLD."hall_id", COALESCE(OLD."business_date", gas_business_date()));
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_company_insert AFTER INSERT ON "company"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('company', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'name', NEW."name", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_company_update AFTER UPDATE ON "company"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('company', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'name', NEW."name", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_company_delete AFTER DELETE ON "company"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('company', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'name', OLD."name", 'created_at', OLD."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_consumable_additions_insert AFTER INSERT ON "consumable_additions"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('consumable_additions', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'business_id', NEW."business_id", 'related_business_id', NEW."related_business_id", 'consumables', NEW."consumables", 'entered_by', NEW."entered_by", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_consumable_additions_update AFTER UPDATE ON "consumable_additions"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('consumable_additions', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'business_id', NEW."business_id", 'related_business_id', NEW."related_business_id", 'consumables', NEW."consumables", 'entered_by', NEW."entered_by", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_consumable_additions_delete AFTER DELETE ON "consumable_additions"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('consumable_additions', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'business_id', OLD."business_id", 'related_business_id', OLD."related_business_id", 'consumables', OLD."consumables", 'entered_by', OLD."entered_by", 'created_at', OLD."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_counter_day_markers_insert AFTER INSERT ON "counter_day_markers"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('counter_day_markers', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'hall_id', NEW."hall_id", 'business_date', NEW."business_date", 'device_id', NEW."device_id", 'counter_ids', NEW."counter_ids", 'payment_count', NEW."payment_count", 'total_fen', NEW."total_fen", 'through_seq', NEW."through_seq", 'head_seq', NEW."head_seq", 'head_hash', NEW."head_hash", 'reason', NEW."reason", 'ref', NEW."ref", 'created_at', NEW."created_at"), NEW."hall_id", COALESCE(NEW."business_date", gas_business_date()));
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_counter_day_markers_update AFTER UPDATE ON "counter_day_markers"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('counter_day_markers', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'hall_id', NEW."hall_id", 'business_date', NEW."business_date", 'device_id', NEW."device_id", 'counter_ids', NEW."counter_ids", 'payment_count', NEW."payment_count", 'total_fen', NEW."total_fen", 'through_seq', NEW."through_seq", 'head_seq', NEW."head_seq", 'head_hash', NEW."head_hash", 'reason', NEW."reason", 'ref', NEW."ref", 'created_at', NEW."created_at"), NEW."hall_id", COALESCE(NEW."business_date", gas_business_date()));
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_counter_day_markers_delete AFTER DELETE ON "counter_day_markers"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('counter_day_markers', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'hall_id', OLD."hall_id", 'business_date', OLD."business_date", 'device_id', OLD."device_id", 'counter_ids', OLD."counter_ids", 'payment_count', OLD."payment_count", 'total_fen', OLD."total_fen", 'through_seq', OLD."through_seq", 'head_seq', OLD."head_seq", 'head_hash', OLD."head_hash", 'reason', OLD."reason", 'ref', OLD."ref", 'created_at', OLD."created_at"), OLD."hall_id", COALESCE(OLD."business_date", gas_business_date()));
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_counters_insert AFTER INSERT ON "counters"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('counters', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'hall_id', NEW."hall_id", 'code', NEW."code", 'name', NEW."name"), NEW."hall_id", gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_counters_update AFTER UPDATE ON "counters"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('counters', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'hall_id', NEW."hall_id", 'code', NEW."code", 'name', NEW."name"), NEW."hall_id", gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_counters_delete AFTER DELETE ON "counters"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('counters', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'hall_id', OLD."hall_id", 'code', OLD."code", 'name', OLD."name"), OLD."hall_id", gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_halls_insert AFTER INSERT ON "halls"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('halls', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'code', NEW."code", 'name', NEW."name"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_halls_update AFTER UPDATE ON "halls"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('halls', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'code', NEW."code", 'name', NEW."name"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_halls_delete AFTER DELETE ON "halls"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('halls', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'code', OLD."code", 'name', OLD."name"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_hazard_rectifications_insert AFTER INSERT ON "hazard_rectifications"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('hazard_rectifications', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'account_id', NEW."account_id", 'inspection_year', NEW."inspection_year", 'arrival_date', NEW."arrival_date", 'rectification_type', NEW."rectification_type", 'rectification_date', NEW."rectification_date", 'result', NEW."result", 'conclusion', NEW."conclusion", 'rectifier', NEW."rectifier", 'consumables', NEW."consumables", 'entered_by', NEW."entered_by", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_hazard_rectifications_update AFTER UPDATE ON "hazard_rectifications"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('hazard_rectifications', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'account_id', NEW."account_id", 'inspection_year', NEW."inspection_year", 'arrival_date', NEW."arrival_date", 'rectification_type', NEW."rectification_type", 'rectification_date', NEW."rectification_date", 'result', NEW."result", 'conclusion', NEW."conclusion", 'rectifier', NEW."rectifier", 'consumables', NEW."consumables", 'entered_by', NEW."entered_by", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_hazard_rectifications_delete AFTER DELETE ON "hazard_rectifications"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('hazard_rectifications', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'account_id', OLD."account_id", 'inspection_year', OLD."inspection_year", 'arrival_date', OLD."arrival_date", 'rectification_type', OLD."rectification_type", 'rectification_date', OLD."rectification_date", 'result', OLD."result", 'conclusion', OLD."conclusion", 'rectifier', OLD."rectifier", 'consumables', OLD."consumables", 'entered_by', OLD."entered_by", 'created_at', OLD."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_ic_cards_insert AFTER INSERT ON "ic_cards"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('ic_cards', 'insert', CAST(NEW."card_no" AS TEXT), json_object('card_no', NEW."card_no", 'account_id', NEW."account_id", 'issue_type', NEW."issue_type", 'fee_payment_id', NEW."fee_payment_id", 'remark', NEW."remark", 'active', NEW."active", 'clerk_id', NEW."clerk_id", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_ic_cards_update AFTER UPDATE ON "ic_cards"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('ic_cards', 'update', CAST(NEW."card_no" AS TEXT), json_object('card_no', NEW."card_no", 'account_id', NEW."account_id", 'issue_type', NEW."issue_type", 'fee_payment_id', NEW."fee_payment_id", 'remark', NEW."remark", 'active', NEW."active", 'clerk_id', NEW."clerk_id", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_ic_cards_delete AFTER DELETE ON "ic_cards"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('ic_cards', 'delete', CAST(OLD."card_no" AS TEXT), json_object('card_no', OLD."card_no", 'account_id', OLD."account_id", 'issue_type', OLD."issue_type", 'fee_payment_id', OLD."fee_payment_id", 'remark', OLD."remark", 'active', OLD."active", 'clerk_id', OLD."clerk_id", 'created_at', OLD."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_ignition_records_insert AFTER INSERT ON "ignition_records"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('ignition_records', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'business_id', NEW."business_id", 'latest_reading_centi', NEW."latest_reading_centi", 'cooker_brand', NEW."cooker_brand", 'flame_failure_device', NEW."flame_failure_device", 'cooker_year', NEW."cooker_year", 'heater_brand', NEW."heater_brand", 'heater_output', NEW."heater_output", 'heater_year', NEW."heater_year", 'heating_brand', NEW."heating_brand", 'heating_power', NEW."heating_power", 'heating_year', NEW."heating_year", 'entered_by', NEW."entered_by", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_ignition_records_update AFTER UPDATE ON "ignition_records"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('ignition_records', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'business_id', NEW."business_id", 'latest_reading_centi', NEW."latest_reading_centi", 'cooker_brand', NEW."cooker_brand", 'flame_failure_device', NEW."flame_failure_device", 'cooker_year', NEW."cooker_year", 'heater_brand', NEW."heater_brand", 'heater_output', NEW."heater_output", 'heater_year', NEW."heater_year", 'heating_brand', NEW."heating_brand", 'heating_power', NEW."heating_power", 'heating_year', NEW."heating_year", 'entered_by', NEW."entered_by", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_ignition_records_delete AFTER DELETE ON "ignition_records"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('ignition_records', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'business_id', OLD."business_id", 'latest_reading_centi', OLD."latest_reading_centi", 'cooker_brand', OLD."cooker_brand", 'flame_failure_device', OLD."flame_failure_device", 'cooker_year', OLD."cooker_year", 'heater_brand', OLD."heater_brand", 'heater_output', OLD."heater_output", 'heater_year', OLD."heater_year", 'heating_brand', OLD."heating_brand", 'heating_power', OLD."heating_power", 'heating_year', OLD."heating_year", 'entered_by', OLD."entered_by", 'created_at', OLD."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_install_records_insert AFTER INSERT ON "install_records"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('install_records', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'business_id', NEW."business_id", 'model', NEW."model", 'meter_no', NEW."meter_no", 'direction', NEW."direction", 'base_reading_centi', NEW."base_reading_centi", 'consumables', NEW."consumables", 'entered_by', NEW."entered_by", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_install_records_update AFTER UPDATE ON "install_records"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('install_records', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'business_id', NEW."business_id", 'model', NEW."model", 'meter_no', NEW."meter_no", 'direction', NEW."direction", 'base_reading_centi', NEW."base_reading_centi", 'consumables', NEW."consumables", 'entered_by', NEW."entered_by", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_install_records_delete AFTER DELETE ON "install_records"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('install_records', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'business_id', OLD."business_id", 'model', OLD."model", 'meter_no', OLD."meter_no", 'direction', OLD."direction", 'base_reading_centi', OLD."base_reading_centi", 'consumables', OLD."consumables", 'entered_by', OLD."entered_by", 'created_at', OLD."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_invoice_books_insert AFTER INSERT ON "invoice_books"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('invoice_books', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'clerk_id', NEW."clerk_id", 'category', NEW."category", 'prefix', NEW."prefix", 'first_no', NEW."first_no", 'last_no', NEW."last_no", 'next_no', NEW."next_no", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_invoice_books_update AFTER UPDATE ON "invoice_books"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('invoice_books', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'clerk_id', NEW."clerk_id", 'category', NEW."category", 'prefix', NEW."prefix", 'first_no', NEW."first_no", 'last_no', NEW."last_no", 'next_no', NEW."next_no", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_invoice_books_delete AFTER DELETE ON "invoice_books"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('invoice_books', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'clerk_id', OLD."clerk_id", 'category', OLD."category", 'prefix', OLD."prefix", 'first_no', OLD."first_no", 'last_no', OLD."last_no", 'next_no', OLD."next_no", 'created_at', OLD."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_invoices_insert AFTER INSERT ON "invoices"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('invoices', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'invoice_no', NEW."invoice_no", 'slip_no', NEW."slip_no", 'book_id', NEW."book_id", 'category', NEW."category", 'amount_fen', NEW."amount_fen", 'clerk_id', NEW."clerk_id", 'business_date', NEW."business_date", 'created_at', NEW."created_at"), NULL, COALESCE(NEW."business_date", gas_business_date()));
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_invoices_update AFTER UPDATE ON "invoices"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('invoices', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'invoice_no', NEW."invoice_no", 'slip_no', NEW."slip_no", 'book_id', NEW."book_id", 'category', NEW."category", 'amount_fen', NEW."amount_fen", 'clerk_id', NEW."clerk_id", 'business_date', NEW."business_date", 'created_at', NEW."created_at"), NULL, COALESCE(NEW."business_date", gas_business_date()));
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_invoices_delete AFTER DELETE ON "invoices"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('invoices', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'invoice_no', OLD."invoice_no", 'slip_no', OLD."slip_no", 'book_id', OLD."book_id", 'category', OLD."category", 'amount_fen', OLD."amount_fen", 'clerk_id', OLD."clerk_id", 'business_date', OLD."business_date", 'created_at', OLD."created_at"), NULL, COALESCE(OLD."business_date", gas_business_date()));
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_late_fee_waivers_insert AFTER INSERT ON "late_fee_waivers"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('late_fee_waivers', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'payment_id', NEW."payment_id", 'bill_id', NEW."bill_id", 'late_fee_fen', NEW."late_fee_fen", 'waived_fen', NEW."waived_fen", 'reason', NEW."reason", 'clerk_id', NEW."clerk_id", 'approver_id', NEW."approver_id", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_late_fee_waivers_update AFTER UPDATE ON "late_fee_waivers"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('late_fee_waivers', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'payment_id', NEW."payment_id", 'bill_id', NEW."bill_id", 'late_fee_fen', NEW."late_fee_fen", 'waived_fen', NEW."waived_fen", 'reason', NEW."reason", 'clerk_id', NEW."clerk_id", 'approver_id', NEW."approver_id", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_late_fee_waivers_delete AFTER DELETE ON "late_fee_waivers"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('late_fee_waivers', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'payment_id', OLD."payment_id", 'bill_id', OLD."bill_id", 'late_fee_fen', OLD."late_fee_fen", 'waived_fen', OLD."waived_fen", 'reason', OLD."reason", 'clerk_id', OLD."clerk_id", 'approver_id', OLD."approver_id", 'created_at', OLD."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_manual_slips_insert AFTER INSERT ON "manual_slips"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('manual_slips', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'manual_slip_no', NEW."manual_slip_no", 'account_id', NEW."account_id", 'bill_id', NEW."bill_id", 'amount_fen', NEW."amount_fen", 'clerk_id', NEW."clerk_id", 'payment_id', NEW."payment_id", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_manual_slips_update AFTER UPDATE ON "manual_slips"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('manual_slips', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'manual_slip_no', NEW."manual_slip_no", 'account_id', NEW."account_id", 'bill_id', NEW."bill_id", 'amount_fen', NEW."amount_fen", 'clerk_id', NEW."clerk_id", 'payment_id', NEW."payment_id", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_manual_slips_delete AFTER DELETE ON "manual_slips"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('manual_slips', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'manual_slip_no', OLD."manual_slip_no", 'account_id', OLD."account_id", 'bill_id', OLD."bill_id", 'amount_fen', OLD."amount_fen", 'clerk_id', OLD."clerk_id", 'payment_id', OLD."payment_id", 'created_at', OLD."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_meter_change_records_insert AFTER INSERT ON "meter_change_records"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('meter_change_records', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'business_id', NEW."business_id", 'old_meter_id', NEW."old_meter_id", 'new_meter_id', NEW."new_meter_id", 'old_actual_reading_centi', NEW."old_actual_reading_centi", 'system_reading_centi', NEW."system_reading_centi", 'difference_bill_id', NEW."difference_bill_id", 'consumables', NEW."consumables", 'entered_by', NEW."entered_by", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_meter_change_records_update AFTER UPDATE ON "meter_change_records"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('meter_change_records', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'business_id', NEW."business_id", 'old_meter_id', NEW."old_meter_id", 'new_meter_id', NEW."new_meter_id", 'old_actual_reading_centi', NEW."old_actual_reading_centi", 'system_reading_centi', NEW."system_reading_centi", 'difference_bill_id', NEW."difference_bill_id", 'consumables', NEW."consumables", 'entered_by', NEW."entered_by", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_meter_change_records_delete AFTER DELETE ON "meter_change_records"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('meter_change_records', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'business_id', OLD."business_id", 'old_meter_id', OLD."old_meter_id", 'new_meter_id', OLD."new_meter_id", 'old_actual_reading_centi', OLD."old_actual_reading_centi", 'system_reading_centi', OLD."system_reading_centi", 'difference_bill_id', OLD."difference_bill_id", 'consumables', OLD."consumables", 'entered_by', OLD."entered_by", 'created_at', OLD."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_meter_test_corrections_insert AFTER INSERT ON "meter_test_corrections"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('meter_test_corrections', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'business_id', NEW."business_id", 'bill_id', NEW."bill_id", 'consumption_centi', NEW."consumption_centi", 'price_fen_per_m3', NEW."price_fen_per_m3", 'error_basis_points', NEW."error_basis_points", 'amount_fen', NEW."amount_fen", 'payment_id', NEW."payment_id", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_meter_test_corrections_update AFTER UPDATE ON "meter_test_corrections"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('meter_test_corrections', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'business_id', NEW."business_id", 'bill_id', NEW."bill_id", 'consumption_centi', NEW."consumption_centi", 'price_fen_per_m3', NEW."price_fen_per_m3", 'error_basis_points', NEW."error_basis_points", 'amount_fen', NEW."amount_fen", 'payment_id', NEW."payment_id", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_meter_test_corrections_delete AFTER DELETE ON "meter_test_corrections"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('meter_test_corrections', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'business_id', OLD."business_id", 'bill_id', OLD."bill_id", 'consumption_centi', OLD."consumption_centi", 'price_fen_per_m3', OLD."price_fen_per_m3", 'error_basis_points', OLD."error_basis_points", 'amount_fen', OLD."amount_fen", 'payment_id', OLD."payment_id", 'created_at', OLD."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_meter_test_records_insert AFTER INSERT ON "meter_test_records"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('meter_test_records', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'business_id', NEW."business_id", 'reading_before_test_centi', NEW."reading_before_test_centi", 'settled_reading_centi', NEW."settled_reading_centi", 'signed_on', NEW."signed_on", 'sent_on', NEW."sent_on", 'installer', NEW."installer", 'temp_meter_model', NEW."temp_meter_model", 'temp_meter_no', NEW."temp_meter_no", 'result', NEW."result", 'error_percent', NEW."error_percent", 'handling', NEW."handling", 'charge_payment_id', NEW."charge_payment_id", 'refund_payment_id', NEW."refund_payment_id", 'confirmed_by', NEW."confirmed_by", 'entered_by', NEW."entered_by", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_meter_test_records_update AFTER UPDATE ON "meter_test_records"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('meter_test_records', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'business_id', NEW."business_id", 'reading_before_test_centi', NEW."reading_before_test_centi", 'settled_reading_centi', NEW."settled_reading_centi", 'signed_on', NEW."signed_on", 'sent_on', NEW."sent_on", 'installer', NEW."installer", 'temp_meter_model', NEW."temp_meter_model", 'temp_meter_no', NEW."temp_meter_no", 'result', NEW."result", 'error_percent', NEW."error_percent", 'handling', NEW."handling", 'charge_payment_id', NEW."charge_payment_id", 'refund_payment_id', NEW."refund_payment_id", 'confirmed_by', NEW."confirmed_by", 'entered_by', NEW."entered_by", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_meter_test_records_delete AFTER DELETE ON "meter_test_records"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('meter_test_records', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'business_id', OLD."business_id", 'reading_before_test_centi', OLD."reading_before_test_centi", 'settled_reading_centi', OLD."settled_reading_centi", 'signed_on', OLD."signed_on", 'sent_on', OLD."sent_on", 'installer', OLD."installer", 'temp_meter_model', OLD."temp_meter_model", 'temp_meter_no', OLD."temp_meter_no", 'result', OLD."result", 'error_percent', OLD."error_percent", 'handling', OLD."handling", 'charge_payment_id', OLD."charge_payment_id", 'refund_payment_id', OLD."refund_payment_id", 'confirmed_by', OLD."confirmed_by", 'entered_by', OLD."entered_by", 'created_at', OLD."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_meters_insert AFTER INSERT ON "meters"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('meters', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'account_id', NEW."account_id", 'kind', NEW."kind", 'model', NEW."model", 'meter_no', NEW."meter_no", 'direction', NEW."direction", 'base_reading_centi', NEW."base_reading_centi", 'latest_reading_centi', NEW."latest_reading_centi", 'installed_on', NEW."installed_on", 'status', NEW."status", 'active', NEW."active"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_meters_update AFTER UPDATE ON "meters"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('meters', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'account_id', NEW."account_id", 'kind', NEW."kind", 'model', NEW."model", 'meter_no', NEW."meter_no", 'direction', NEW."direction", 'base_reading_centi', NEW."base_reading_centi", 'latest_reading_centi', NEW."latest_reading_centi", 'installed_on', NEW."installed_on", 'status', NEW."status", 'active', NEW."active"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_meters_delete AFTER DELETE ON "meters"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('meters', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'account_id', OLD."account_id", 'kind', OLD."kind", 'model', OLD."model", 'meter_no', OLD."meter_no", 'direction', OLD."direction", 'base_reading_centi', OLD."base_reading_centi", 'latest_reading_centi', OLD."latest_reading_centi", 'installed_on', OLD."installed_on", 'status', OLD."status", 'active', OLD."active"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_modification_records_insert AFTER INSERT ON "modification_records"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('modification_records', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'business_id', NEW."business_id", 'fee_fen', NEW."fee_fen", 'payment_id', NEW."payment_id", 'invoice_no', NEW."invoice_no", 'consumables', NEW."consumables", 'entered_by', NEW."entered_by", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_modification_records_update AFTER UPDATE ON "modification_records"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('modification_records', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'business_id', NEW."business_id", 'fee_fen', NEW."fee_fen", 'payment_id', NEW."payment_id", 'invoice_no', NEW."invoice_no", 'consumables', NEW."consumables", 'entered_by', NEW."entered_by", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_modification_records_delete AFTER DELETE ON "modification_records"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('modification_records', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'business_id', OLD."business_id", 'fee_fen', OLD."fee_fen", 'payment_id', OLD."payment_id", 'invoice_no', OLD."invoice_no", 'consumables', OLD."consumables", 'entered_by', OLD."entered_by", 'created_at', OLD."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_ownership_transfers_insert AFTER INSERT ON "ownership_transfers"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('ownership_transfers', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'account_id', NEW."account_id", 'previous_name', NEW."previous_name", 'new_name', NEW."new_name", 'transfer_date', NEW."transfer_date", 'settled_reading_centi', NEW."settled_reading_centi", 'fee_fen', NEW."fee_fen", 'waiver_proof', NEW."waiver_proof", 'invoice_lost', NEW."invoice_lost", 'payment_id', NEW."payment_id", 'entered_by', NEW."entered_by", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_ownership_transfers_update AFTER UPDATE ON "ownership_transfers"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('ownership_transfers', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'account_id', NEW."account_id", 'previous_name', NEW."previous_name", 'new_name', NEW."new_name", 'transfer_date', NEW."transfer_date", 'settled_reading_centi', NEW."settled_reading_centi", 'fee_fen', NEW."fee_fen", 'waiver_proof', NEW."waiver_proof", 'invoice_lost', NEW."invoice_lost", 'payment_id', NEW."payment_id", 'entered_by', NEW."entered_by", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_ownership_transfers_delete AFTER DELETE ON "ownership_transfers"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('ownership_transfers', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'account_id', OLD."account_id", 'previous_name', OLD."previous_name", 'new_name', OLD."new_name", 'transfer_date', OLD."transfer_date", 'settled_reading_centi', OLD."settled_reading_centi", 'fee_fen', OLD."fee_fen", 'waiver_proof', OLD."waiver_proof", 'invoice_lost', OLD."invoice_lost", 'payment_id', OLD."payment_id", 'entered_by', OLD."entered_by", 'created_at', OLD."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_payment_items_insert AFTER INSERT ON "payment_items"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('payment_items', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'payment_id', NEW."payment_id", 'bill_id', NEW."bill_id", 'gas_fen', NEW."gas_fen", 'late_fee_fen', NEW."late_fee_fen", 'overdue_days', NEW."overdue_days"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_payment_items_update AFTER UPDATE ON "payment_items"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('payment_items', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'payment_id', NEW."payment_id", 'bill_id', NEW."bill_id", 'gas_fen', NEW."gas_fen", 'late_fee_fen', NEW."late_fee_fen", 'overdue_days', NEW."overdue_days"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_payment_items_delete AFTER DELETE ON "payment_items"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('payment_items', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'payment_id', OLD."payment_id", 'bill_id', OLD."bill_id", 'gas_fen', OLD."gas_fen", 'late_fee_fen', OLD."late_fee_fen", 'overdue_days', OLD."overdue_days"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_payments_insert AFTER INSERT ON "payments"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('payments', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'slip_no', NEW."slip_no", 'account_id', NEW."account_id", 'hall_id', NEW."hall_id", 'counter_id', NEW."counter_id", 'clerk_id', NEW."clerk_id", 'business_date', NEW."business_date", 'method', NEW."method", 'charge_type', NEW."charge_type", 'invoice_category', NEW."invoice_category", 'business_ref', NEW."business_ref", 'fee_fen', NEW."fee_fen", 'gas_fen', NEW."gas_fen", 'late_fee_fen', NEW."late_fee_fen", 'total_fen', NEW."total_fen", 'tendered_fen', NEW."tendered_fen", 'change_fen', NEW."change_fen", 'ticket_fen', NEW."ticket_fen", 'ticket_cash_fen', NEW."ticket_cash_fen", 'reverses_payment_id', NEW."reverses_payment_id", 'prepaid_delta_centi', NEW."prepaid_delta_centi", 'channel_ref', NEW."channel_ref", 'late_card_write_id', NEW."late_card_write_id", 'confirmation', NEW."confirmation", 'created_at', NEW."created_at"), NEW."hall_id", COALESCE(NEW."business_date", gas_business_date()));
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_payments_update AFTER UPDATE ON "payments"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('payments', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'slip_no', NEW."slip_no", 'account_id', NEW."account_id", 'hall_id', NEW."hall_id", 'counter_id', NEW."counter_id", 'clerk_id', NEW."clerk_id", 'business_date', NEW."business_date", 'method', NEW."method", 'charge_type', NEW."charge_type", 'invoice_category', NEW."invoice_category", 'business_ref', NEW."business_ref", 'fee_fen', NEW."fee_fen", 'gas_fen', NEW."gas_fen", 'late_fee_fen', NEW."late_fee_fen", 'total_fen', NEW."total_fen", 'tendered_fen', NEW."tendered_fen", 'change_fen', NEW."change_fen", 'ticket_fen', NEW."ticket_fen", 'ticket_cash_fen', NEW."ticket_cash_fen", 'reverses_payment_id', NEW."reverses_payment_id", 'prepaid_delta_centi', NEW."prepaid_delta_centi", 'channel_ref', NEW."channel_ref", 'late_card_write_id', NEW."late_card_write_id", 'confirmation', NEW."confirmation", 'created_at', NEW."created_at"), NEW."hall_id", COALESCE(NEW."business_date", gas_business_date()));
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_payments_delete AFTER DELETE ON "payments"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('payments', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'slip_no', OLD."slip_no", 'account_id', OLD."account_id", 'hall_id', OLD."hall_id", 'counter_id', OLD."counter_id", 'clerk_id', OLD."clerk_id", 'business_date', OLD."business_date", 'method', OLD."method", 'charge_type', OLD."charge_type", 'invoice_category', OLD."invoice_category", 'business_ref', OLD."business_ref", 'fee_fen', OLD."fee_fen", 'gas_fen', OLD."gas_fen", 'late_fee_fen', OLD."late_fee_fen", 'total_fen', OLD."total_fen", 'tendered_fen', OLD."tendered_fen", 'change_fen', OLD."change_fen", 'ticket_fen', OLD."ticket_fen", 'ticket_cash_fen', OLD."ticket_cash_fen", 'reverses_payment_id', OLD."reverses_payment_id", 'prepaid_delta_centi', OLD."prepaid_delta_centi", 'channel_ref', OLD."channel_ref", 'late_card_write_id', OLD."late_card_write_id", 'confirmation', OLD."confirmation", 'created_at', OLD."created_at"), OLD."hall_id", COALESCE(OLD."business_date", gas_business_date()));
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_provisional_ignitions_insert AFTER INSERT ON "provisional_ignitions"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('provisional_ignitions', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'account_id', NEW."account_id", 'business_id', NEW."business_id", 'latest_reading_centi', NEW."latest_reading_centi", 'entered_by', NEW."entered_by", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_provisional_ignitions_update AFTER UPDATE ON "provisional_ignitions"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('provisional_ignitions', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'account_id', NEW."account_id", 'business_id', NEW."business_id", 'latest_reading_centi', NEW."latest_reading_centi", 'entered_by', NEW."entered_by", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_provisional_ignitions_delete AFTER DELETE ON "provisional_ignitions"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('provisional_ignitions', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'account_id', OLD."account_id", 'business_id', OLD."business_id", 'latest_reading_centi', OLD."latest_reading_centi", 'entered_by', OLD."entered_by", 'created_at', OLD."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_reversals_insert AFTER INSERT ON "reversals"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('reversals', 'insert', CAST(NEW."payment_id" AS TEXT), json_object('payment_id', NEW."payment_id", 'original_payment_id', NEW."original_payment_id", 'reason', NEW."reason", 'clerk_id', NEW."clerk_id", 'approver_id', NEW."approver_id", 'card_write_id', NEW."card_write_id", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_reversals_update AFTER UPDATE ON "reversals"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('reversals', 'update', CAST(NEW."payment_id" AS TEXT), json_object('payment_id', NEW."payment_id", 'original_payment_id', NEW."original_payment_id", 'reason', NEW."reason", 'clerk_id', NEW."clerk_id", 'approver_id', NEW."approver_id", 'card_write_id', NEW."card_write_id", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_reversals_delete AFTER DELETE ON "reversals"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('reversals', 'delete', CAST(OLD."payment_id" AS TEXT), json_object('payment_id', OLD."payment_id", 'original_payment_id', OLD."original_payment_id", 'reason', OLD."reason", 'clerk_id', OLD."clerk_id", 'approver_id', OLD."approver_id", 'card_write_id', OLD."card_write_id", 'created_at', OLD."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_rule_overrides_insert AFTER INSERT ON "rule_overrides"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('rule_overrides', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'payment_id', NEW."payment_id", 'rule', NEW."rule", 'reason', NEW."reason", 'clerk_id', NEW."clerk_id", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_rule_overrides_update AFTER UPDATE ON "rule_overrides"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('rule_overrides', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'payment_id', NEW."payment_id", 'rule', NEW."rule", 'reason', NEW."reason", 'clerk_id', NEW."clerk_id", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_rule_overrides_delete AFTER DELETE ON "rule_overrides"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('rule_overrides', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'payment_id', OLD."payment_id", 'rule', OLD."rule", 'reason', OLD."reason", 'clerk_id', OLD."clerk_id", 'created_at', OLD."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_satisfaction_ratings_insert AFTER INSERT ON "satisfaction_ratings"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('satisfaction_ratings', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'slip_no', NEW."slip_no", 'counter_id', NEW."counter_id", 'clerk_id', NEW."clerk_id", 'score', NEW."score", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_satisfaction_ratings_update AFTER UPDATE ON "satisfaction_ratings"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('satisfaction_ratings', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'slip_no', NEW."slip_no", 'counter_id', NEW."counter_id", 'clerk_id', NEW."clerk_id", 'score', NEW."score", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_satisfaction_ratings_delete AFTER DELETE ON "satisfaction_ratings"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('satisfaction_ratings', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'slip_no', OLD."slip_no", 'counter_id', OLD."counter_id", 'clerk_id', OLD."clerk_id", 'score', OLD."score", 'created_at', OLD."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_seal_records_insert AFTER INSERT ON "seal_records"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('seal_records', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'business_id', NEW."business_id", 'settled_reading_centi', NEW."settled_reading_centi", 'resulting_status', NEW."resulting_status", 'reason', NEW."reason", 'entered_by', NEW."entered_by", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_seal_records_update AFTER UPDATE ON "seal_records"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('seal_records', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'business_id', NEW."business_id", 'settled_reading_centi', NEW."settled_reading_centi", 'resulting_status', NEW."resulting_status", 'reason', NEW."reason", 'entered_by', NEW."entered_by", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_seal_records_delete AFTER DELETE ON "seal_records"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('seal_records', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'business_id', OLD."business_id", 'settled_reading_centi', OLD."settled_reading_centi", 'resulting_status', OLD."resulting_status", 'reason', OLD."reason", 'entered_by', OLD."entered_by", 'created_at', OLD."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_slip_prints_insert AFTER INSERT ON "slip_prints"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('slip_prints', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'slip_no', NEW."slip_no", 'copy', NEW."copy", 'clerk_id', NEW."clerk_id", 'outcome', NEW."outcome", 'error', NEW."error", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_slip_prints_update AFTER UPDATE ON "slip_prints"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('slip_prints', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'slip_no', NEW."slip_no", 'copy', NEW."copy", 'clerk_id', NEW."clerk_id", 'outcome', NEW."outcome", 'error', NEW."error", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_slip_prints_delete AFTER DELETE ON "slip_prints"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('slip_prints', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'slip_no', OLD."slip_no", 'copy', OLD."copy", 'clerk_id', OLD."clerk_id", 'outcome', OLD."outcome", 'error', OLD."error", 'created_at', OLD."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_staff_insert AFTER INSERT ON "staff"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('staff', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'login', NEW."login", 'name', NEW."name", 'role', NEW."role", 'hall_id', NEW."hall_id", 'password_hash', NEW."password_hash", 'active', NEW."active", 'can_dispatch', NEW."can_dispatch", 'must_change_password', NEW."must_change_password", 'created_at', NEW."created_at"), NEW."hall_id", gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_staff_update AFTER UPDATE ON "staff"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('staff', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'login', NEW."login", 'name', NEW."name", 'role', NEW."role", 'hall_id', NEW."hall_id", 'password_hash', NEW."password_hash", 'active', NEW."active", 'can_dispatch', NEW."can_dispatch", 'must_change_password', NEW."must_change_password", 'created_at', NEW."created_at"), NEW."hall_id", gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_staff_delete AFTER DELETE ON "staff"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('staff', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'login', OLD."login", 'name', OLD."name", 'role', OLD."role", 'hall_id', OLD."hall_id", 'password_hash', OLD."password_hash", 'active', OLD."active", 'can_dispatch', OLD."can_dispatch", 'must_change_password', OLD."must_change_password", 'created_at', OLD."created_at"), OLD."hall_id", gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_tariff_tiers_insert AFTER INSERT ON "tariff_tiers"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('tariff_tiers', 'insert', json_array(NEW."tariff_id", NEW."from_centi"), json_object('tariff_id', NEW."tariff_id", 'from_centi', NEW."from_centi", 'price_fen_per_m3', NEW."price_fen_per_m3"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_tariff_tiers_update AFTER UPDATE ON "tariff_tiers"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('tariff_tiers', 'update', json_array(NEW."tariff_id", NEW."from_centi"), json_object('tariff_id', NEW."tariff_id", 'from_centi', NEW."from_centi", 'price_fen_per_m3', NEW."price_fen_per_m3"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_tariff_tiers_delete AFTER DELETE ON "tariff_tiers"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('tariff_tiers', 'delete', json_array(OLD."tariff_id", OLD."from_centi"), json_object('tariff_id', OLD."tariff_id", 'from_centi', OLD."from_centi", 'price_fen_per_m3', OLD."price_fen_per_m3"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_tariffs_insert AFTER INSERT ON "tariffs"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('tariffs', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'category', NEW."category", 'price_fen_per_m3', NEW."price_fen_per_m3", 'effective_from', NEW."effective_from"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_tariffs_update AFTER UPDATE ON "tariffs"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('tariffs', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'category', NEW."category", 'price_fen_per_m3', NEW."price_fen_per_m3", 'effective_from', NEW."effective_from"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_tariffs_delete AFTER DELETE ON "tariffs"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('tariffs', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'category', OLD."category", 'price_fen_per_m3', OLD."price_fen_per_m3", 'effective_from', OLD."effective_from"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_ticket_bill_items_insert AFTER INSERT ON "ticket_bill_items"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('ticket_bill_items', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'payment_id', NEW."payment_id", 'bill_id', NEW."bill_id", 'ticket_count', NEW."ticket_count", 'volume_centi', NEW."volume_centi", 'ticket_fen', NEW."ticket_fen"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_ticket_bill_items_update AFTER UPDATE ON "ticket_bill_items"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('ticket_bill_items', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'payment_id', NEW."payment_id", 'bill_id', NEW."bill_id", 'ticket_count', NEW."ticket_count", 'volume_centi', NEW."volume_centi", 'ticket_fen', NEW."ticket_fen"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_ticket_bill_items_delete AFTER DELETE ON "ticket_bill_items"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('ticket_bill_items', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'payment_id', OLD."payment_id", 'bill_id', OLD."bill_id", 'ticket_count', OLD."ticket_count", 'volume_centi', OLD."volume_centi", 'ticket_fen', OLD."ticket_fen"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_ticket_tenders_insert AFTER INSERT ON "ticket_tenders"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('ticket_tenders', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'payment_id', NEW."payment_id", 'kind', NEW."kind", 'year', NEW."year", 'quarter', NEW."quarter", 'count', NEW."count", 'face_value_fen', NEW."face_value_fen", 'volume_centi', NEW."volume_centi", 'value_fen', NEW."value_fen", 'back_name', NEW."back_name", 'back_address', NEW."back_address"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_ticket_tenders_update AFTER UPDATE ON "ticket_tenders"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('ticket_tenders', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'payment_id', NEW."payment_id", 'kind', NEW."kind", 'year', NEW."year", 'quarter', NEW."quarter", 'count', NEW."count", 'face_value_fen', NEW."face_value_fen", 'volume_centi', NEW."volume_centi", 'value_fen', NEW."value_fen", 'back_name', NEW."back_name", 'back_address', NEW."back_address"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_ticket_tenders_delete AFTER DELETE ON "ticket_tenders"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('ticket_tenders', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'payment_id', OLD."payment_id", 'kind', OLD."kind", 'year', OLD."year", 'quarter', OLD."quarter", 'count', OLD."count", 'face_value_fen', OLD."face_value_fen", 'volume_centi', OLD."volume_centi", 'value_fen', OLD."value_fen", 'back_name', OLD."back_name", 'back_address', OLD."back_address"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_unregistered_premises_insert AFTER INSERT ON "unregistered_premises"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('unregistered_premises', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'address', NEW."address", 'householder', NEW."householder", 'phone', NEW."phone", 'request', NEW."request", 'recorded_on', NEW."recorded_on", 'contact_by', NEW."contact_by", 'hall_id', NEW."hall_id", 'entered_by', NEW."entered_by", 'created_at', NEW."created_at"), NEW."hall_id", gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_unregistered_premises_update AFTER UPDATE ON "unregistered_premises"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('unregistered_premises', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'address', NEW."address", 'householder', NEW."householder", 'phone', NEW."phone", 'request', NEW."request", 'recorded_on', NEW."recorded_on", 'contact_by', NEW."contact_by", 'hall_id', NEW."hall_id", 'entered_by', NEW."entered_by", 'created_at', NEW."created_at"), NEW."hall_id", gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_unregistered_premises_delete AFTER DELETE ON "unregistered_premises"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('unregistered_premises', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'address', OLD."address", 'householder', OLD."householder", 'phone', OLD."phone", 'request', OLD."request", 'recorded_on', OLD."recorded_on", 'contact_by', OLD."contact_by", 'hall_id', OLD."hall_id", 'entered_by', OLD."entered_by", 'created_at', OLD."created_at"), OLD."hall_id", gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_work_order_receipts_insert AFTER INSERT ON "work_order_receipts"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('work_order_receipts', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'work_order_id', NEW."work_order_id", 'arrived_at', NEW."arrived_at", 'implemented_at', NEW."implemented_at", 'left_at', NEW."left_at", 'result', NEW."result", 'business_valid', NEW."business_valid", 'site_remark', NEW."site_remark", 'entered_by', NEW."entered_by", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_work_order_receipts_update AFTER UPDATE ON "work_order_receipts"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('work_order_receipts', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'work_order_id', NEW."work_order_id", 'arrived_at', NEW."arrived_at", 'implemented_at', NEW."implemented_at", 'left_at', NEW."left_at", 'result', NEW."result", 'business_valid', NEW."business_valid", 'site_remark', NEW."site_remark", 'entered_by', NEW."entered_by", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_work_order_receipts_delete AFTER DELETE ON "work_order_receipts"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('work_order_receipts', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'work_order_id', OLD."work_order_id", 'arrived_at', OLD."arrived_at", 'implemented_at', OLD."implemented_at", 'left_at', OLD."left_at", 'result', OLD."result", 'business_valid', OLD."business_valid", 'site_remark', OLD."site_remark", 'entered_by', OLD."entered_by", 'created_at', OLD."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_work_orders_insert AFTER INSERT ON "work_orders"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('work_orders', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'work_order_no', NEW."work_order_no", 'business_id', NEW."business_id", 'kind', NEW."kind", 'technician', NEW."technician", 'remark', NEW."remark", 'dispatched_by', NEW."dispatched_by", 'dispatched_on', NEW."dispatched_on", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_work_orders_update AFTER UPDATE ON "work_orders"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('work_orders', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'work_order_no', NEW."work_order_no", 'business_id', NEW."business_id", 'kind', NEW."kind", 'technician', NEW."technician", 'remark', NEW."remark", 'dispatched_by', NEW."dispatched_by", 'dispatched_on', NEW."dispatched_on", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_work_orders_delete AFTER DELETE ON "work_orders"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('work_orders', 'delete', CAST(OLD."id" AS TEXT), json_object('id', OLD."id", 'work_order_no', OLD."work_order_no", 'business_id', OLD."business_id", 'kind', OLD."kind", 'technician', OLD."technician", 'remark', OLD."remark", 'dispatched_by', OLD."dispatched_by", 'dispatched_on', OLD."dispatched_on", 'created_at', OLD."created_at"), NULL, gas_business_date());
END;
