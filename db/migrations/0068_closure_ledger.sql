-- Issue 15 #2 (R-SEC-06): the closure's removal fee (拆表费) and deposit (销户押金) on the payment ledger. The deposit
-- goes back (refunded, or offset against the final bill) as one negative 销户押金 row of exactly what is held.
DROP TRIGGER payments_total_balances;
--> statement-breakpoint
-- As migration 0020, with 销户押金 among the negative rows allowed (nothing tendered).
CREATE TRIGGER payments_total_balances BEFORE INSERT ON payments
WHEN NEW.total_fen <> NEW.gas_fen + NEW.late_fee_fen + NEW.fee_fen + NEW.ticket_cash_fen
  OR NEW.change_fen <> NEW.tendered_fen + NEW.ticket_fen - NEW.total_fen
  OR NEW.change_fen < 0 OR NEW.tendered_fen < 0
  OR (NEW.reverses_payment_id IS NULL AND (NEW.gas_fen < 0 OR NEW.late_fee_fen < 0 OR NEW.ticket_fen < 0 OR NEW.ticket_cash_fen < 0
      OR (NEW.fee_fen < 0 AND NOT (NEW.charge_type IN ('检测押金', '气费退补', '销户押金') AND NEW.tendered_fen = 0))))
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
-- A 拆表费 or 销户押金 row belongs to a closure of the same account (business_ref = account_closures.id).
CREATE TRIGGER payments_closure_ref BEFORE INSERT ON payments
WHEN NEW.charge_type IN ('拆表费', '销户押金') AND NOT EXISTS (
  SELECT 1 FROM account_closures c WHERE c.id = NEW.business_ref AND c.account_id = NEW.account_id)
BEGIN
  SELECT RAISE(ABORT, 'closure fee or deposit without its closure (R-SEC-06)');
END;
--> statement-breakpoint
-- The deposit goes back whole and once: a negative 销户押金 row (not a 冲正) is exactly the deposit held.
CREATE TRIGGER payments_closure_deposit_back BEFORE INSERT ON payments
WHEN NEW.charge_type = '销户押金' AND NEW.fee_fen < 0 AND NEW.reverses_payment_id IS NULL
  AND NEW.fee_fen + (SELECT coalesce(sum(p.fee_fen), 0) FROM payments p WHERE p.business_ref = NEW.business_ref AND p.charge_type = '销户押金') <> 0
BEGIN
  SELECT RAISE(ABORT, 'closure deposit refund must be exactly the deposit held (R-SEC-06)');
END;
--> statement-breakpoint
-- A closure is approved (销户 or 临时拆表 done) only with its deposit settled (refunded or offset).
CREATE TRIGGER account_closures_deposit_settled BEFORE UPDATE OF state ON account_closures
WHEN NEW.state IN ('已销户', '已临时拆表') AND OLD.state <> NEW.state
  AND (SELECT coalesce(sum(p.fee_fen), 0) FROM payments p WHERE p.business_ref = NEW.id AND p.charge_type = '销户押金') <> 0
BEGIN
  SELECT RAISE(ABORT, 'closure deposit not settled (R-SEC-06)');
END;
--> statement-breakpoint
-- The fee rows of one business or closure without a scan of the ledger (gas payments leave business_ref null).
CREATE INDEX payments_business_ref ON payments (business_ref) WHERE business_ref IS NOT NULL;
