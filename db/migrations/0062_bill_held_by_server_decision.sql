-- Issue 14 (conflicts decided by money rules): the central server decides which of two payments of one bill holds
-- it (the first in server order; the later is a credit 预存 on the 异常 list). A counter that saw the payments in
-- another order takes that decision: a 收讫 bill moves from one payment to another, but only to a payment whose
-- item covers the bill, that is not itself a 冲正 and has not been reversed. Everything else stays as 0031 made it:
-- 未缴 → 收讫 through a covering payment item; 未缴 → 已拆分 by its two parts; 收讫 → 未缴 after the 冲正 of its
-- payment; 未缴 → 已更正 by its correction (issue 10 #5). A 收讫 bill without a covering payment item is refused.
DROP TRIGGER bills_paid_only_by_payment;
--> statement-breakpoint
CREATE TRIGGER bills_paid_only_by_payment BEFORE UPDATE OF status, paid_payment_id ON bills
WHEN NOT (
  (OLD.status = '未缴' AND NEW.status = '收讫' AND NEW.paid_payment_id IS NOT NULL
    AND EXISTS (SELECT 1 FROM payment_items i WHERE i.payment_id = NEW.paid_payment_id AND i.bill_id = NEW.id))
  OR (OLD.status = '收讫' AND NEW.status = '收讫' AND NEW.paid_payment_id IS NOT NULL AND NEW.paid_payment_id IS NOT OLD.paid_payment_id
    AND EXISTS (SELECT 1 FROM payment_items i JOIN payments p ON p.id = i.payment_id
      WHERE i.payment_id = NEW.paid_payment_id AND i.bill_id = NEW.id AND p.reverses_payment_id IS NULL)
    AND NOT EXISTS (SELECT 1 FROM payments r WHERE r.reverses_payment_id = NEW.paid_payment_id))
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
