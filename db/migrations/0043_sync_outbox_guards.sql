-- Issue 14 #1: the outbox's one-row states and its guards. The capture triggers themselves are generated from the
-- schema (scripts/gen-outbox-triggers.ts, db/sync-capture.ts) in the migrations that follow.
INSERT INTO sync_apply_state (id, applying) VALUES (1, 0);
--> statement-breakpoint
INSERT INTO sync_push_state (id, acked_seq) VALUES (1, 0);
--> statement-breakpoint
-- The outbox is append-only: an event is never changed, and only an event the server has acknowledged may go
-- (pruned after the retention period, main/sync/outbox.ts).
CREATE TRIGGER sync_outbox_no_update BEFORE UPDATE ON sync_outbox
BEGIN
  SELECT RAISE(ABORT, 'sync_outbox is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER sync_outbox_no_unacked_delete BEFORE DELETE ON sync_outbox
WHEN OLD.seq > (SELECT acked_seq FROM sync_push_state WHERE id = 1)
BEGIN
  SELECT RAISE(ABORT, 'sync_outbox: an event the server has not acknowledged cannot be deleted');
END;
--> statement-breakpoint
-- The acknowledged position only moves forward and never past the last event written.
CREATE TRIGGER sync_push_state_ack_forward BEFORE UPDATE OF acked_seq ON sync_push_state
WHEN NEW.acked_seq < OLD.acked_seq OR NEW.acked_seq > COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'sync_outbox'), 0)
BEGIN
  SELECT RAISE(ABORT, 'sync_push_state: acked_seq only moves forward, up to the last outbox event');
END;
--> statement-breakpoint
-- The one-row states stay one row each.
CREATE TRIGGER sync_apply_state_one_row BEFORE INSERT ON sync_apply_state
BEGIN
  SELECT RAISE(ABORT, 'sync_apply_state has one row');
END;
--> statement-breakpoint
CREATE TRIGGER sync_apply_state_keep BEFORE DELETE ON sync_apply_state
BEGIN
  SELECT RAISE(ABORT, 'sync_apply_state has one row');
END;
--> statement-breakpoint
CREATE TRIGGER sync_push_state_one_row BEFORE INSERT ON sync_push_state
BEGIN
  SELECT RAISE(ABORT, 'sync_push_state has one row');
END;
--> statement-breakpoint
CREATE TRIGGER sync_push_state_keep BEFORE DELETE ON sync_push_state
BEGIN
  SELECT RAISE(ABORT, 'sync_push_state has one row');
END;
--> statement-breakpoint
-- A counter's end-of-day marker is a fact: append-only.
CREATE TRIGGER counter_day_markers_no_update BEFORE UPDATE ON counter_day_markers
BEGIN
  SELECT RAISE(ABORT, 'counter_day_markers is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER counter_day_markers_no_delete BEFORE DELETE ON counter_day_markers
BEGIN
  SELECT RAISE(ABORT, 'counter_day_markers is append-only');
END;
--> statement-breakpoint
-- A device's public key is a fact: never changed or deleted (a re-enrolled PC gets a new device id and key).
CREATE TRIGGER device_keys_no_update BEFORE UPDATE ON device_keys
BEGIN
  SELECT RAISE(ABORT, 'device_keys is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER device_keys_no_delete BEFORE DELETE ON device_keys
BEGIN
  SELECT RAISE(ABORT, 'device_keys is append-only');
END;
