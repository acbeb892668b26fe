-- Custom migration: append-only ledger, guarded bills, closed days, and the trigram search index.
-- ARCHITECTURE "Nothing lost"; R-PAY-09 (bills move 未缴 -> 收讫 only through a payment).
CREATE TRIGGER payments_no_update BEFORE UPDATE ON payments
BEGIN
  SELECT RAISE(ABORT, 'append-only: payments rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments
BEGIN
  SELECT RAISE(ABORT, 'append-only: payments rows cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER payment_items_no_update BEFORE UPDATE ON payment_items
BEGIN
  SELECT RAISE(ABORT, 'append-only: payment_items rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER payment_items_no_delete BEFORE DELETE ON payment_items
BEGIN
  SELECT RAISE(ABORT, 'append-only: payment_items rows cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER check_slips_no_update BEFORE UPDATE ON check_slips
BEGIN
  SELECT RAISE(ABORT, 'append-only: check_slips rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER check_slips_no_delete BEFORE DELETE ON check_slips
BEGIN
  SELECT RAISE(ABORT, 'append-only: check_slips rows cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER slip_prints_no_update BEFORE UPDATE ON slip_prints
BEGIN
  SELECT RAISE(ABORT, 'append-only: slip_prints rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER slip_prints_no_delete BEFORE DELETE ON slip_prints
BEGIN
  SELECT RAISE(ABORT, 'append-only: slip_prints rows cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'append-only: audit_log rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'append-only: audit_log rows cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER bills_no_delete BEFORE DELETE ON bills
BEGIN
  SELECT RAISE(ABORT, 'bills cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER bills_figures_frozen BEFORE UPDATE ON bills
WHEN NEW.account_id IS NOT OLD.account_id OR NEW.meter_id IS NOT OLD.meter_id
  OR NEW.reading_date IS NOT OLD.reading_date OR NEW.previous_reading_centi IS NOT OLD.previous_reading_centi
  OR NEW.this_reading_centi IS NOT OLD.this_reading_centi OR NEW.consumption_centi IS NOT OLD.consumption_centi
  OR NEW.price_fen_per_m3 IS NOT OLD.price_fen_per_m3 OR NEW.amount_fen IS NOT OLD.amount_fen
  OR NEW.due_date IS NOT OLD.due_date
BEGIN
  SELECT RAISE(ABORT, 'bill figures are frozen (R-VOL-07)');
END;
--> statement-breakpoint
CREATE TRIGGER bills_paid_only_by_payment BEFORE UPDATE OF status, paid_payment_id ON bills
WHEN NOT (OLD.status = '未缴' AND NEW.status = '收讫' AND NEW.paid_payment_id IS NOT NULL
          AND EXISTS (SELECT 1 FROM payment_items i WHERE i.payment_id = NEW.paid_payment_id AND i.bill_id = NEW.id))
BEGIN
  SELECT RAISE(ABORT, 'a bill becomes 收讫 only through a payment item that covers it');
END;
--> statement-breakpoint
CREATE TRIGGER payments_day_open BEFORE INSERT ON payments
WHEN EXISTS (SELECT 1 FROM business_days d WHERE d.hall_id = NEW.hall_id AND d.business_date = NEW.business_date AND d.closed_at IS NOT NULL)
BEGIN
  SELECT RAISE(ABORT, 'business day closed');
END;
--> statement-breakpoint
CREATE TRIGGER payments_total_balances BEFORE INSERT ON payments
WHEN NEW.total_fen <> NEW.gas_fen + NEW.late_fee_fen OR NEW.change_fen <> NEW.tendered_fen - NEW.total_fen OR NEW.change_fen < 0
BEGIN
  SELECT RAISE(ABORT, 'payment does not balance');
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE accounts_fts USING fts5(
  account_no, name, address, seq_no,
  content='accounts', content_rowid='rowid', tokenize='trigram'
);
--> statement-breakpoint
CREATE TRIGGER accounts_fts_insert AFTER INSERT ON accounts
BEGIN
  INSERT INTO accounts_fts(rowid, account_no, name, address, seq_no) VALUES (NEW.rowid, NEW.account_no, NEW.name, NEW.address, NEW.seq_no);
END;
--> statement-breakpoint
CREATE TRIGGER accounts_fts_delete AFTER DELETE ON accounts
BEGIN
  INSERT INTO accounts_fts(accounts_fts, rowid, account_no, name, address, seq_no) VALUES ('delete', OLD.rowid, OLD.account_no, OLD.name, OLD.address, OLD.seq_no);
END;
--> statement-breakpoint
CREATE TRIGGER accounts_fts_update AFTER UPDATE OF account_no, name, address, seq_no ON accounts
BEGIN
  INSERT INTO accounts_fts(accounts_fts, rowid, account_no, name, address, seq_no) VALUES ('delete', OLD.rowid, OLD.account_no, OLD.name, OLD.address, OLD.seq_no);
  INSERT INTO accounts_fts(rowid, account_no, name, address, seq_no) VALUES (NEW.rowid, NEW.account_no, NEW.name, NEW.address, NEW.seq_no);
END;
