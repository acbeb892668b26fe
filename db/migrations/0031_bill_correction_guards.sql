-- issue 10 #5: a counter reading is corrected before payment by replacing its bill. The old bill keeps its
-- figures and becomes 已更正 only when its correction row names the replacement, which continues from the
-- same reading on the same meter and account; a paid bill is corrected only after its reversal (收讫 → 未缴).
DROP TRIGGER bills_paid_only_by_payment;
--> statement-breakpoint
-- A bill changes state only: 未缴 → 收讫 through a payment item; 未缴 → 已拆分 once its two parts exist
-- and add up to it exactly (R-TKT-10); 收讫 → 未缴 when its payment has been reversed; 未缴 → 已更正 once its
-- correction row and replacement bill exist (issue 10 #5).
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
  OR (OLD.status = '未缴' AND NEW.status = '已更正' AND NEW.paid_payment_id IS NULL
    AND EXISTS (SELECT 1 FROM bill_corrections c JOIN bills n ON n.id = c.new_bill_id
      WHERE c.old_bill_id = NEW.id AND n.account_id = OLD.account_id AND n.meter_id = OLD.meter_id
        AND n.previous_reading_centi = OLD.previous_reading_centi AND n.status = '未缴'))
)
BEGIN
  SELECT RAISE(ABORT, 'a bill becomes 收讫 only through a payment item that covers it');
END;
--> statement-breakpoint
CREATE TRIGGER bills_confirmation_frozen BEFORE UPDATE OF confirmation ON bills
WHEN NEW.confirmation IS NOT OLD.confirmation
BEGIN
  SELECT RAISE(ABORT, 'bill figures are frozen (R-VOL-07)');
END;
--> statement-breakpoint
CREATE TRIGGER bill_corrections_no_update BEFORE UPDATE ON bill_corrections
BEGIN
  SELECT RAISE(ABORT, 'append-only: bill_corrections rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER bill_corrections_no_delete BEFORE DELETE ON bill_corrections
BEGIN
  SELECT RAISE(ABORT, 'append-only: bill_corrections rows cannot be deleted');
END;
