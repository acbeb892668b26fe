-- issue 15 #3 (R-SEC-09, R-PAY-10, A-32): correction requests and decisions are append-only facts. A request is
-- decided once (the decision's key), never by its requester (two-person rule), only by an active hall manager or
-- administrator; a bill is corrected and a payment's method changed only through an approved request.
CREATE TRIGGER correction_requests_no_update BEFORE UPDATE ON correction_requests
BEGIN
  SELECT RAISE(ABORT, 'append-only: correction_requests rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER correction_requests_no_delete BEFORE DELETE ON correction_requests
BEGIN
  SELECT RAISE(ABORT, 'append-only: correction_requests rows cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER correction_requests_shape BEFORE INSERT ON correction_requests
WHEN NOT (
  (NEW.kind = 'reading' AND NEW.bill_id IS NOT NULL AND NEW.reading_centi IS NOT NULL AND NEW.payment_id IS NULL)
  OR (NEW.kind = 'method' AND NEW.payment_id IS NOT NULL AND NEW.to_method IS NOT NULL AND NEW.bill_id IS NULL)
) OR length(trim(NEW.reason)) < 2
BEGIN
  SELECT RAISE(ABORT, 'a correction request names its bill and reading, or its payment and method, and a reason');
END;
--> statement-breakpoint
CREATE TRIGGER correction_decisions_no_update BEFORE UPDATE ON correction_decisions
BEGIN
  SELECT RAISE(ABORT, 'append-only: correction_decisions rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER correction_decisions_no_delete BEFORE DELETE ON correction_decisions
BEGIN
  SELECT RAISE(ABORT, 'append-only: correction_decisions rows cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER correction_decisions_two_person BEFORE INSERT ON correction_decisions
WHEN NEW.decider_id = (SELECT r.requester_id FROM correction_requests r WHERE r.id = NEW.request_id)
BEGIN
  SELECT RAISE(ABORT, 'two-person rule: a correction request is not decided by its requester');
END;
--> statement-breakpoint
CREATE TRIGGER correction_decisions_by_manager BEFORE INSERT ON correction_decisions
WHEN NOT EXISTS (SELECT 1 FROM staff s WHERE s.id = NEW.decider_id AND s.role IN ('manager', 'admin') AND s.active = 1)
BEGIN
  SELECT RAISE(ABORT, 'a correction request is decided by an active hall manager or administrator');
END;
--> statement-breakpoint
CREATE TRIGGER correction_decisions_refused_plain BEFORE INSERT ON correction_decisions
WHEN NEW.decision = 'refused' AND NEW.new_bill_id IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'a refused correction request changes nothing');
END;
--> statement-breakpoint
CREATE TRIGGER bill_corrections_need_approval BEFORE INSERT ON bill_corrections
WHEN NEW.request_id IS NULL OR NOT EXISTS (
  SELECT 1 FROM correction_requests r JOIN correction_decisions d ON d.request_id = r.id
  WHERE r.id = NEW.request_id AND r.kind = 'reading' AND r.bill_id = NEW.old_bill_id
    AND d.decision = 'approved' AND d.new_bill_id = NEW.new_bill_id
)
BEGIN
  SELECT RAISE(ABORT, 'A-32: a bill is corrected only through an approved correction request');
END;
--> statement-breakpoint
CREATE TRIGGER payment_method_corrections_need_approval BEFORE INSERT ON payment_method_corrections
WHEN NOT EXISTS (
  SELECT 1 FROM correction_requests r JOIN correction_decisions d ON d.request_id = r.id
    JOIN payments rev ON rev.id = NEW.reversal_payment_id
    JOIN payments n ON n.id = NEW.new_payment_id
  WHERE r.id = NEW.request_id AND r.kind = 'method' AND r.payment_id = NEW.original_payment_id
    AND d.decision = 'approved' AND rev.reverses_payment_id = NEW.original_payment_id
    AND n.account_id = r.account_id AND n.method = r.to_method AND n.reverses_payment_id IS NULL
)
BEGIN
  SELECT RAISE(ABORT, 'R-PAY-10: a payment method is corrected only by an approved request, a reversal and a new payment');
END;
--> statement-breakpoint
CREATE TRIGGER payment_method_corrections_no_update BEFORE UPDATE ON payment_method_corrections
BEGIN
  SELECT RAISE(ABORT, 'append-only: payment_method_corrections rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER payment_method_corrections_no_delete BEFORE DELETE ON payment_method_corrections
BEGIN
  SELECT RAISE(ABORT, 'append-only: payment_method_corrections rows cannot be deleted');
END;
