-- Issue 15 #1 (R-SEC-04, R-SEC-03): the stop for arrears (停气, carried out as a 封表, A-46) is approved by an active hall
-- director (营业厅主任 / station head, the manager role) who is not the clerk asking for it (two-person rule), whichever
-- code path writes the stop record; the same for the repayment agreement (还欠协议) that lets the restore be issued.
-- The services refuse first with a message for the clerk (arrears-collection.ts verify the signed-in approver).
CREATE TRIGGER supply_stops_two_person BEFORE INSERT ON supply_stops
WHEN NEW.approved_by = NEW.requested_by
  OR NOT EXISTS (SELECT 1 FROM staff s WHERE s.id = NEW.approved_by AND s.role = 'manager' AND s.active = 1)
BEGIN
  SELECT RAISE(ABORT, 'two-person rule: a stop for arrears is approved by an active hall director other than the requester (R-SEC-04)');
END;
--> statement-breakpoint
CREATE TRIGGER repayment_agreements_two_person BEFORE INSERT ON repayment_agreements
WHEN NEW.approved_by = NEW.clerk_id
  OR NOT EXISTS (SELECT 1 FROM staff s WHERE s.id = NEW.approved_by AND s.role = 'manager' AND s.active = 1)
BEGIN
  SELECT RAISE(ABORT, 'two-person rule: a repayment agreement is approved by an active hall director other than the clerk (R-SEC-03)');
END;
