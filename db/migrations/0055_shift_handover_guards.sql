-- Issue 15 #6 (R-SEC-21): the shift-handover record is append-only; a row's difference is held − system and
-- the incoming clerk is another person.
CREATE TRIGGER shift_handovers_no_update BEFORE UPDATE ON shift_handovers
BEGIN SELECT RAISE(ABORT, 'shift handovers are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER shift_handovers_no_delete BEFORE DELETE ON shift_handovers
BEGIN SELECT RAISE(ABORT, 'shift handovers are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER shift_handovers_check BEFORE INSERT ON shift_handovers
WHEN NEW.difference_fen <> NEW.held_fen - NEW.system_fen OR NEW.outgoing_id = NEW.incoming_id OR NEW.held_fen < 0
BEGIN SELECT RAISE(ABORT, 'shift handover: difference must be held - system, by two different clerks'); END;
