-- Work orders, receipts and follow-up forms are append-only; corrections are new rows (ARCHITECTURE).
CREATE TRIGGER work_orders_no_update BEFORE UPDATE ON work_orders
BEGIN
  SELECT RAISE(ABORT, 'append-only: work_orders rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER work_orders_no_delete BEFORE DELETE ON work_orders
BEGIN
  SELECT RAISE(ABORT, 'append-only: work_orders rows cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER work_order_receipts_no_update BEFORE UPDATE ON work_order_receipts
BEGIN
  SELECT RAISE(ABORT, 'append-only: work_order_receipts rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER work_order_receipts_no_delete BEFORE DELETE ON work_order_receipts
BEGIN
  SELECT RAISE(ABORT, 'append-only: work_order_receipts rows cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER ignition_records_no_update BEFORE UPDATE ON ignition_records
BEGIN
  SELECT RAISE(ABORT, 'append-only: ignition_records rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER ignition_records_no_delete BEFORE DELETE ON ignition_records
BEGIN
  SELECT RAISE(ABORT, 'append-only: ignition_records rows cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER seal_records_no_update BEFORE UPDATE ON seal_records
BEGIN
  SELECT RAISE(ABORT, 'append-only: seal_records rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER seal_records_no_delete BEFORE DELETE ON seal_records
BEGIN
  SELECT RAISE(ABORT, 'append-only: seal_records rows cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER businesses_no_delete BEFORE DELETE ON businesses
BEGIN
  SELECT RAISE(ABORT, 'businesses cannot be deleted; void them');
END;
