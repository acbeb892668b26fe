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
CREATE TRIGGER sync_capture_business_days_insert AFTER INSERT ON "business_days"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('business_days', 'insert', CAST(NEW."hall_id" AS TEXT) || '|' || CAST(NEW."business_date" AS TEXT), json_object('hall_id', NEW."hall_id", 'business_date', NEW."business_date", 'closed_at', NEW."closed_at", 'closed_by', NEW."closed_by", 'close_no', NEW."close_no", 'summary', NEW."summary"), NEW."hall_id", COALESCE(NEW."business_date", gas_business_date()));
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_business_days_update AFTER UPDATE ON "business_days"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('business_days', 'update', CAST(NEW."hall_id" AS TEXT) || '|' || CAST(NEW."business_date" AS TEXT), json_object('hall_id', NEW."hall_id", 'business_date', NEW."business_date", 'closed_at', NEW."closed_at", 'closed_by', NEW."closed_by", 'close_no', NEW."close_no", 'summary', NEW."summary"), NEW."hall_id", COALESCE(NEW."business_date", gas_business_date()));
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
CREATE TRIGGER sync_capture_counter_day_markers_insert AFTER INSERT ON "counter_day_markers"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('counter_day_markers', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'hall_id', NEW."hall_id", 'business_date', NEW."business_date", 'device_id', NEW."device_id", 'counter_id', NEW."counter_id", 'payment_count', NEW."payment_count", 'total_fen', NEW."total_fen", 'through_seq', NEW."through_seq", 'head_seq', NEW."head_seq", 'head_hash', NEW."head_hash", 'reason', NEW."reason", 'ref', NEW."ref", 'created_at', NEW."created_at"), NEW."hall_id", COALESCE(NEW."business_date", gas_business_date()));
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_counter_day_markers_update AFTER UPDATE ON "counter_day_markers"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('counter_day_markers', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'hall_id', NEW."hall_id", 'business_date', NEW."business_date", 'device_id', NEW."device_id", 'counter_id', NEW."counter_id", 'payment_count', NEW."payment_count", 'total_fen', NEW."total_fen", 'through_seq', NEW."through_seq", 'head_seq', NEW."head_seq", 'head_hash', NEW."head_hash", 'reason', NEW."reason", 'ref', NEW."ref", 'created_at', NEW."created_at"), NEW."hall_id", COALESCE(NEW."business_date", gas_business_date()));
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
CREATE TRIGGER sync_capture_device_keys_insert AFTER INSERT ON "device_keys"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('device_keys', 'insert', CAST(NEW."device_id" AS TEXT), json_object('device_id', NEW."device_id", 'hall_id', NEW."hall_id", 'counter_id', NEW."counter_id", 'algorithm', NEW."algorithm", 'public_key_pem', NEW."public_key_pem", 'created_at', NEW."created_at"), NEW."hall_id", gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_device_keys_update AFTER UPDATE ON "device_keys"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('device_keys', 'update', CAST(NEW."device_id" AS TEXT), json_object('device_id', NEW."device_id", 'hall_id', NEW."hall_id", 'counter_id', NEW."counter_id", 'algorithm', NEW."algorithm", 'public_key_pem', NEW."public_key_pem", 'created_at', NEW."created_at"), NEW."hall_id", gas_business_date());
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
CREATE TRIGGER sync_capture_tariff_tiers_insert AFTER INSERT ON "tariff_tiers"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('tariff_tiers', 'insert', CAST(NEW."tariff_id" AS TEXT) || '|' || CAST(NEW."from_centi" AS TEXT), json_object('tariff_id', NEW."tariff_id", 'from_centi', NEW."from_centi", 'price_fen_per_m3', NEW."price_fen_per_m3"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_tariff_tiers_update AFTER UPDATE ON "tariff_tiers"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('tariff_tiers', 'update', CAST(NEW."tariff_id" AS TEXT) || '|' || CAST(NEW."from_centi" AS TEXT), json_object('tariff_id', NEW."tariff_id", 'from_centi', NEW."from_centi", 'price_fen_per_m3', NEW."price_fen_per_m3"), NULL, gas_business_date());
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
