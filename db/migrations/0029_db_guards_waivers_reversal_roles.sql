-- issue 10 #9, R-LATE-05 / A-28: the database refuses a late-fee waiver the service would refuse. A clerk alone
-- may waive only the late fee of an estimated reading (估抄) that is at most 20 yuan (2000 fen,
-- CLERK_WAIVER_LIMIT_FEN in main/domain/late-fee.ts); any other waiver needs an approver who is another
-- person with the manager role (营业厅主任). The amount waived is positive and never more than the late fee.
CREATE TRIGGER late_fee_waivers_approval BEFORE INSERT ON late_fee_waivers
WHEN NOT (
  (NEW.late_fee_fen <= 2000 AND EXISTS (SELECT 1 FROM bills b WHERE b.id = NEW.bill_id AND b.estimated = 1))
  OR (NEW.approver_id IS NOT NULL AND NEW.approver_id <> NEW.clerk_id
      AND EXISTS (SELECT 1 FROM staff s WHERE s.id = NEW.approver_id AND s.role = 'manager'))
)
BEGIN
  SELECT RAISE(ABORT, 'a late-fee waiver above the clerk''s limit needs another person with the manager role');
END;
--> statement-breakpoint
CREATE TRIGGER late_fee_waivers_amount BEFORE INSERT ON late_fee_waivers
WHEN NEW.waived_fen <= 0 OR NEW.waived_fen > NEW.late_fee_fen
BEGIN
  SELECT RAISE(ABORT, 'a waiver is more than zero and at most the late fee');
END;
--> statement-breakpoint
-- issue 10 #18: a reversal's approver is another person AND a hall manager (APPROVER_ROLES in
-- main/services/reversals.ts: manager or admin), not only "someone else".
DROP TRIGGER reversals_two_people;
--> statement-breakpoint
CREATE TRIGGER reversals_two_people BEFORE INSERT ON reversals
WHEN NEW.approver_id = NEW.clerk_id
  OR NOT EXISTS (SELECT 1 FROM staff s WHERE s.id = NEW.approver_id AND s.role IN ('manager', 'admin'))
BEGIN
  SELECT RAISE(ABORT, 'a reversal needs a second person''s approval by a hall manager');
END;
