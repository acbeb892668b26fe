-- Issue 14 #1: outbox capture triggers generated from the schema by scripts/gen-outbox-triggers.ts (db/sync-capture.ts). Do not edit; regenerate.
DROP TRIGGER IF EXISTS sync_capture_bill_corrections_insert;
--> statement-breakpoint
DROP TRIGGER IF EXISTS sync_capture_bill_corrections_update;
--> statement-breakpoint
CREATE TRIGGER sync_capture_account_closures_insert AFTER INSERT ON "account_closures"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('account_closures', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'account_id', NEW."account_id", 'kind', NEW."kind", 'reason', NEW."reason", 'state', NEW."state", 'site_business_id', NEW."site_business_id", 'removal_business_id', NEW."removal_business_id", 'deposit_fen', NEW."deposit_fen", 'final_bill_id', NEW."final_bill_id", 'removed_on', NEW."removed_on", 'approved_by', NEW."approved_by", 'closed_on', NEW."closed_on", 'created_by', NEW."created_by", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_account_closures_update AFTER UPDATE ON "account_closures"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('account_closures', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'account_id', NEW."account_id", 'kind', NEW."kind", 'reason', NEW."reason", 'state', NEW."state", 'site_business_id', NEW."site_business_id", 'removal_business_id', NEW."removal_business_id", 'deposit_fen', NEW."deposit_fen", 'final_bill_id', NEW."final_bill_id", 'removed_on', NEW."removed_on", 'approved_by', NEW."approved_by", 'closed_on', NEW."closed_on", 'created_by', NEW."created_by", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_arrears_notices_insert AFTER INSERT ON "arrears_notices"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('arrears_notices', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'account_id', NEW."account_id", 'notice_date', NEW."notice_date", 'months', NEW."months", 'total_fen', NEW."total_fen", 'output', NEW."output", 'printed_by', NEW."printed_by", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_arrears_notices_update AFTER UPDATE ON "arrears_notices"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('arrears_notices', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'account_id', NEW."account_id", 'notice_date', NEW."notice_date", 'months', NEW."months", 'total_fen', NEW."total_fen", 'output', NEW."output", 'printed_by', NEW."printed_by", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_arrears_settings_insert AFTER INSERT ON "arrears_settings"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('arrears_settings', 'insert', CAST(NEW."key" AS TEXT), json_object('key', NEW."key", 'enabled', NEW."enabled", 'individual_months', NEW."individual_months", 'organisation_months', NEW."organisation_months", 'notice_days', NEW."notice_days", 'restore_hours', NEW."restore_hours", 'updated_by', NEW."updated_by", 'updated_at', NEW."updated_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_arrears_settings_update AFTER UPDATE ON "arrears_settings"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('arrears_settings', 'update', CAST(NEW."key" AS TEXT), json_object('key', NEW."key", 'enabled', NEW."enabled", 'individual_months', NEW."individual_months", 'organisation_months', NEW."organisation_months", 'notice_days', NEW."notice_days", 'restore_hours', NEW."restore_hours", 'updated_by', NEW."updated_by", 'updated_at', NEW."updated_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_bill_corrections_insert AFTER INSERT ON "bill_corrections"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('bill_corrections', 'insert', CAST(NEW."old_bill_id" AS TEXT), json_object('old_bill_id', NEW."old_bill_id", 'new_bill_id', NEW."new_bill_id", 'reason', NEW."reason", 'clerk_id', NEW."clerk_id", 'created_at', NEW."created_at", 'request_id', NEW."request_id"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_bill_corrections_update AFTER UPDATE ON "bill_corrections"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('bill_corrections', 'update', CAST(NEW."old_bill_id" AS TEXT), json_object('old_bill_id', NEW."old_bill_id", 'new_bill_id', NEW."new_bill_id", 'reason', NEW."reason", 'clerk_id', NEW."clerk_id", 'created_at', NEW."created_at", 'request_id', NEW."request_id"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_complaint_answers_insert AFTER INSERT ON "complaint_answers"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('complaint_answers', 'insert', CAST(NEW."complaint_id" AS TEXT), json_object('complaint_id', NEW."complaint_id", 'answer', NEW."answer", 'satisfaction', NEW."satisfaction", 'answered_by', NEW."answered_by", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_complaint_answers_update AFTER UPDATE ON "complaint_answers"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('complaint_answers', 'update', CAST(NEW."complaint_id" AS TEXT), json_object('complaint_id', NEW."complaint_id", 'answer', NEW."answer", 'satisfaction', NEW."satisfaction", 'answered_by', NEW."answered_by", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_complaints_insert AFTER INSERT ON "complaints"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('complaints', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'kind', NEW."kind", 'channel', NEW."channel", 'category', NEW."category", 'account_id', NEW."account_id", 'customer_name', NEW."customer_name", 'phone', NEW."phone", 'content', NEW."content", 'handler_id', NEW."handler_id", 'hall_id', NEW."hall_id", 'counter_id', NEW."counter_id", 'slip_no', NEW."slip_no", 'promised_by', NEW."promised_by", 'created_at', NEW."created_at"), NEW."hall_id", gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_complaints_update AFTER UPDATE ON "complaints"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('complaints', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'kind', NEW."kind", 'channel', NEW."channel", 'category', NEW."category", 'account_id', NEW."account_id", 'customer_name', NEW."customer_name", 'phone', NEW."phone", 'content', NEW."content", 'handler_id', NEW."handler_id", 'hall_id', NEW."hall_id", 'counter_id', NEW."counter_id", 'slip_no', NEW."slip_no", 'promised_by', NEW."promised_by", 'created_at', NEW."created_at"), NEW."hall_id", gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_correction_decisions_insert AFTER INSERT ON "correction_decisions"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('correction_decisions', 'insert', CAST(NEW."request_id" AS TEXT), json_object('request_id', NEW."request_id", 'decision', NEW."decision", 'decider_id', NEW."decider_id", 'note', NEW."note", 'new_bill_id', NEW."new_bill_id", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_correction_decisions_update AFTER UPDATE ON "correction_decisions"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('correction_decisions', 'update', CAST(NEW."request_id" AS TEXT), json_object('request_id', NEW."request_id", 'decision', NEW."decision", 'decider_id', NEW."decider_id", 'note', NEW."note", 'new_bill_id', NEW."new_bill_id", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_correction_requests_insert AFTER INSERT ON "correction_requests"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('correction_requests', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'kind', NEW."kind", 'account_id', NEW."account_id", 'bill_id', NEW."bill_id", 'reading_centi', NEW."reading_centi", 'estimated', NEW."estimated", 'payment_id', NEW."payment_id", 'from_method', NEW."from_method", 'to_method', NEW."to_method", 'reason', NEW."reason", 'requester_id', NEW."requester_id", 'hall_id', NEW."hall_id", 'counter_id', NEW."counter_id", 'created_at', NEW."created_at"), NEW."hall_id", gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_correction_requests_update AFTER UPDATE ON "correction_requests"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('correction_requests', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'kind', NEW."kind", 'account_id', NEW."account_id", 'bill_id', NEW."bill_id", 'reading_centi', NEW."reading_centi", 'estimated', NEW."estimated", 'payment_id', NEW."payment_id", 'from_method', NEW."from_method", 'to_method', NEW."to_method", 'reason', NEW."reason", 'requester_id', NEW."requester_id", 'hall_id', NEW."hall_id", 'counter_id', NEW."counter_id", 'created_at', NEW."created_at"), NEW."hall_id", gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_payment_method_corrections_insert AFTER INSERT ON "payment_method_corrections"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('payment_method_corrections', 'insert', CAST(NEW."request_id" AS TEXT), json_object('request_id', NEW."request_id", 'original_payment_id', NEW."original_payment_id", 'reversal_payment_id', NEW."reversal_payment_id", 'new_payment_id', NEW."new_payment_id", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_payment_method_corrections_update AFTER UPDATE ON "payment_method_corrections"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('payment_method_corrections', 'update', CAST(NEW."request_id" AS TEXT), json_object('request_id', NEW."request_id", 'original_payment_id', NEW."original_payment_id", 'reversal_payment_id', NEW."reversal_payment_id", 'new_payment_id', NEW."new_payment_id", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_repayment_agreements_insert AFTER INSERT ON "repayment_agreements"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('repayment_agreements', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'stop_id', NEW."stop_id", 'owed_fen', NEW."owed_fen", 'terms', NEW."terms", 'pay_by', NEW."pay_by", 'clerk_id', NEW."clerk_id", 'approved_by', NEW."approved_by", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_repayment_agreements_update AFTER UPDATE ON "repayment_agreements"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('repayment_agreements', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'stop_id', NEW."stop_id", 'owed_fen', NEW."owed_fen", 'terms', NEW."terms", 'pay_by', NEW."pay_by", 'clerk_id', NEW."clerk_id", 'approved_by', NEW."approved_by", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_shift_handovers_insert AFTER INSERT ON "shift_handovers"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('shift_handovers', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'hall_id', NEW."hall_id", 'counter_id', NEW."counter_id", 'business_date', NEW."business_date", 'outgoing_id', NEW."outgoing_id", 'incoming_id', NEW."incoming_id", 'system_fen', NEW."system_fen", 'held_fen', NEW."held_fen", 'difference_fen', NEW."difference_fen", 'reason', NEW."reason", 'created_at', NEW."created_at"), NEW."hall_id", COALESCE(NEW."business_date", gas_business_date()));
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_shift_handovers_update AFTER UPDATE ON "shift_handovers"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('shift_handovers', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'hall_id', NEW."hall_id", 'counter_id', NEW."counter_id", 'business_date', NEW."business_date", 'outgoing_id', NEW."outgoing_id", 'incoming_id', NEW."incoming_id", 'system_fen', NEW."system_fen", 'held_fen', NEW."held_fen", 'difference_fen', NEW."difference_fen", 'reason', NEW."reason", 'created_at', NEW."created_at"), NEW."hall_id", COALESCE(NEW."business_date", gas_business_date()));
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_stop_rechecks_insert AFTER INSERT ON "stop_rechecks"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('stop_rechecks', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'stop_id', NEW."stop_id", 'checked_on', NEW."checked_on", 'result', NEW."result", 'note', NEW."note", 'entered_by', NEW."entered_by", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_stop_rechecks_update AFTER UPDATE ON "stop_rechecks"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('stop_rechecks', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'stop_id', NEW."stop_id", 'checked_on', NEW."checked_on", 'result', NEW."result", 'note', NEW."note", 'entered_by', NEW."entered_by", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_supply_stops_insert AFTER INSERT ON "supply_stops"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('supply_stops', 'insert', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'account_id', NEW."account_id", 'notice_id', NEW."notice_id", 'months', NEW."months", 'owed_fen', NEW."owed_fen", 'requested_by', NEW."requested_by", 'approved_by', NEW."approved_by", 'seal_business_id', NEW."seal_business_id", 'restore_business_id', NEW."restore_business_id", 'restore_issued_at', NEW."restore_issued_at", 'restore_due_at', NEW."restore_due_at", 'restore_reason', NEW."restore_reason", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
--> statement-breakpoint
CREATE TRIGGER sync_capture_supply_stops_update AFTER UPDATE ON "supply_stops"
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
BEGIN
  INSERT INTO sync_outbox (tbl, op, row_id, row, hall_id, business_date)
  VALUES ('supply_stops', 'update', CAST(NEW."id" AS TEXT), json_object('id', NEW."id", 'account_id', NEW."account_id", 'notice_id', NEW."notice_id", 'months', NEW."months", 'owed_fen', NEW."owed_fen", 'requested_by', NEW."requested_by", 'approved_by', NEW."approved_by", 'seal_business_id', NEW."seal_business_id", 'restore_business_id', NEW."restore_business_id", 'restore_issued_at', NEW."restore_issued_at", 'restore_due_at', NEW."restore_due_at", 'restore_reason', NEW."restore_reason", 'created_at', NEW."created_at"), NULL, gas_business_date());
END;
