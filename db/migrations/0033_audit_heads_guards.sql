-- Issue 10 #20: a recorded chain head is a row of the audit chain as it stands, and never changes afterwards.
CREATE TRIGGER audit_heads_in_chain BEFORE INSERT ON audit_heads
WHEN NOT EXISTS (SELECT 1 FROM audit_log l WHERE l.seq = NEW.seq AND l.hash = NEW.hash)
BEGIN
  SELECT RAISE(ABORT, 'an audit head must be a row of the audit chain');
END;
--> statement-breakpoint
CREATE TRIGGER audit_heads_no_update BEFORE UPDATE ON audit_heads
BEGIN
  SELECT RAISE(ABORT, 'append-only: audit heads cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER audit_heads_no_delete BEFORE DELETE ON audit_heads
BEGIN
  SELECT RAISE(ABORT, 'append-only: audit heads cannot be deleted');
END;
