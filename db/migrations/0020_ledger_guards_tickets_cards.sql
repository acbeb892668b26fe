-- Issue 4: tickets as tenders, split bills, reversals (冲正) and two-phase IC-card writes.
DROP TRIGGER payments_total_balances;
--> statement-breakpoint
-- A payment balances: total = gas + late fee + fee + face-value ticket cash; change = cash tendered +
-- ticket value − total. Negative amounts only for a deposit refund / gas-fee credit (nothing tendered),
-- or for a reversal that mirrors its original exactly: same account, hall, business day and charge,
-- not bank-paid, not itself a reversal (R-REV, DOMAIN §10.5).
CREATE TRIGGER payments_total_balances BEFORE INSERT ON payments
WHEN NEW.total_fen <> NEW.gas_fen + NEW.late_fee_fen + NEW.fee_fen + NEW.ticket_cash_fen
  OR NEW.change_fen <> NEW.tendered_fen + NEW.ticket_fen - NEW.total_fen
  OR NEW.change_fen < 0 OR NEW.tendered_fen < 0
  OR (NEW.reverses_payment_id IS NULL AND (NEW.gas_fen < 0 OR NEW.late_fee_fen < 0 OR NEW.ticket_fen < 0 OR NEW.ticket_cash_fen < 0
      OR (NEW.fee_fen < 0 AND NOT (NEW.charge_type IN ('检测押金', '气费退补') AND NEW.tendered_fen = 0))))
  OR (NEW.reverses_payment_id IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM payments o WHERE o.id = NEW.reverses_payment_id AND o.reverses_payment_id IS NULL
        AND o.account_id = NEW.account_id AND o.hall_id = NEW.hall_id AND o.business_date = NEW.business_date
        AND o.method NOT IN ('银行代缴', '银行托收') AND o.charge_type = NEW.charge_type AND o.method = NEW.method
        AND NEW.gas_fen = -o.gas_fen AND NEW.late_fee_fen = -o.late_fee_fen AND NEW.fee_fen = -o.fee_fen
        AND NEW.ticket_fen = -o.ticket_fen AND NEW.ticket_cash_fen = -o.ticket_cash_fen AND NEW.total_fen = -o.total_fen
        AND NEW.prepaid_delta_centi = -o.prepaid_delta_centi AND NEW.tendered_fen = 0))
BEGIN
  SELECT RAISE(ABORT, 'payment does not balance');
END;
--> statement-breakpoint
DROP TRIGGER bills_paid_only_by_payment;
--> statement-breakpoint
-- A bill changes state only: 未缴 → 收讫 through a payment item; 未缴 → 已拆分 once its two parts exist
-- and add up to it exactly (R-TKT-10); 收讫 → 未缴 when its payment has been reversed.
CREATE TRIGGER bills_paid_only_by_payment BEFORE UPDATE OF status, paid_payment_id ON bills
WHEN NOT (
  (OLD.status = '未缴' AND NEW.status = '收讫' AND NEW.paid_payment_id IS NOT NULL
    AND EXISTS (SELECT 1 FROM payment_items i WHERE i.payment_id = NEW.paid_payment_id AND i.bill_id = NEW.id))
  OR (OLD.status = '未缴' AND NEW.status = '已拆分' AND NEW.paid_payment_id IS NULL
    AND (SELECT count(*) FROM bills c WHERE c.split_from = NEW.id) = 2
    AND (SELECT sum(c.consumption_centi) FROM bills c WHERE c.split_from = NEW.id) = OLD.consumption_centi
    AND (SELECT sum(c.amount_fen) FROM bills c WHERE c.split_from = NEW.id) = OLD.amount_fen)
  OR (OLD.status = '收讫' AND NEW.status = '未缴' AND NEW.paid_payment_id IS NULL
    AND EXISTS (SELECT 1 FROM payments r WHERE r.reverses_payment_id = OLD.paid_payment_id))
)
BEGIN
  SELECT RAISE(ABORT, 'a bill becomes 收讫 only through a payment item that covers it');
END;
--> statement-breakpoint
CREATE TRIGGER bills_split_from_frozen BEFORE UPDATE OF split_from ON bills
WHEN NEW.split_from IS NOT OLD.split_from
BEGIN
  SELECT RAISE(ABORT, 'bill figures are frozen (R-VOL-07)');
END;
--> statement-breakpoint
CREATE TRIGGER ic_cards_no_delete BEFORE DELETE ON ic_cards
BEGIN
  SELECT RAISE(ABORT, 'append-only: ic_cards rows cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER ic_cards_only_deactivate BEFORE UPDATE ON ic_cards
WHEN NOT (OLD.active = 1 AND NEW.active = 0 AND NEW.card_no = OLD.card_no AND NEW.account_id = OLD.account_id
  AND NEW.issue_type = OLD.issue_type AND NEW.fee_payment_id IS OLD.fee_payment_id AND NEW.remark = OLD.remark
  AND NEW.clerk_id = OLD.clerk_id AND NEW.created_at = OLD.created_at)
BEGIN
  SELECT RAISE(ABORT, 'an IC card can only be deactivated');
END;
--> statement-breakpoint
CREATE TRIGGER ticket_tenders_no_update BEFORE UPDATE ON ticket_tenders
BEGIN
  SELECT RAISE(ABORT, 'append-only: ticket_tenders rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER ticket_tenders_no_delete BEFORE DELETE ON ticket_tenders
BEGIN
  SELECT RAISE(ABORT, 'append-only: ticket_tenders rows cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER ticket_bill_items_no_update BEFORE UPDATE ON ticket_bill_items
BEGIN
  SELECT RAISE(ABORT, 'append-only: ticket_bill_items rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER ticket_bill_items_no_delete BEFORE DELETE ON ticket_bill_items
BEGIN
  SELECT RAISE(ABORT, 'append-only: ticket_bill_items rows cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER rule_overrides_no_update BEFORE UPDATE ON rule_overrides
BEGIN
  SELECT RAISE(ABORT, 'append-only: rule_overrides rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER rule_overrides_no_delete BEFORE DELETE ON rule_overrides
BEGIN
  SELECT RAISE(ABORT, 'append-only: rule_overrides rows cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER card_writes_no_update BEFORE UPDATE ON card_writes
BEGIN
  SELECT RAISE(ABORT, 'append-only: card_writes rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER card_writes_no_delete BEFORE DELETE ON card_writes
BEGIN
  SELECT RAISE(ABORT, 'append-only: card_writes rows cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER card_write_outcomes_no_update BEFORE UPDATE ON card_write_outcomes
BEGIN
  SELECT RAISE(ABORT, 'append-only: card_write_outcomes rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER card_write_outcomes_no_delete BEFORE DELETE ON card_write_outcomes
BEGIN
  SELECT RAISE(ABORT, 'append-only: card_write_outcomes rows cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER reversals_no_update BEFORE UPDATE ON reversals
BEGIN
  SELECT RAISE(ABORT, 'append-only: reversals rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER reversals_no_delete BEFORE DELETE ON reversals
BEGIN
  SELECT RAISE(ABORT, 'append-only: reversals rows cannot be deleted');
END;
--> statement-breakpoint
-- A reversal needs a second person: the approver is never the clerk who reverses (R-SEC, issue 6 two-person rule).
CREATE TRIGGER reversals_two_people BEFORE INSERT ON reversals
WHEN NEW.approver_id = NEW.clerk_id
BEGIN
  SELECT RAISE(ABORT, 'a reversal needs a second person''s approval');
END;
