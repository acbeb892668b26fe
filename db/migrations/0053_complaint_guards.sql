-- issue 15 #4 (R-SEC-12, R-SEC-20): complaints and their answers are append-only; a complaint names its handler
-- and content and promises an answer no earlier than the day it was logged; it is answered and closed once.
CREATE TRIGGER complaints_no_update BEFORE UPDATE ON complaints
BEGIN
  SELECT RAISE(ABORT, 'append-only: complaints rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER complaints_no_delete BEFORE DELETE ON complaints
BEGIN
  SELECT RAISE(ABORT, 'append-only: complaints rows cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER complaints_shape BEFORE INSERT ON complaints
WHEN length(trim(NEW.content)) < 2 OR NEW.promised_by < substr(NEW.created_at, 1, 10)
  OR NEW.promised_by NOT GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'
BEGIN
  SELECT RAISE(ABORT, 'a complaint states its content and promises an answer on or after the day it is logged');
END;
--> statement-breakpoint
CREATE TRIGGER complaint_answers_no_update BEFORE UPDATE ON complaint_answers
BEGIN
  SELECT RAISE(ABORT, 'append-only: complaint_answers rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER complaint_answers_no_delete BEFORE DELETE ON complaint_answers
BEGIN
  SELECT RAISE(ABORT, 'append-only: complaint_answers rows cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER complaint_answers_shape BEFORE INSERT ON complaint_answers
WHEN length(trim(NEW.answer)) < 2
BEGIN
  SELECT RAISE(ABORT, 'a complaint is closed with the answer given');
END;
