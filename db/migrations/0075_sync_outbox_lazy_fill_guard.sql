-- Issue 13 #4: an event is still never changed, but for the one update that fills a lazy event's row (row = '', the
-- row as it stands in its table; db/sync-capture.ts LAZY_ROW) with a JSON object, once, every other column unchanged.
-- The fill triggers on the mutable lazy tables do that just before the row first changes.
DROP TRIGGER sync_outbox_no_update;
--> statement-breakpoint
CREATE TRIGGER sync_outbox_no_update BEFORE UPDATE ON sync_outbox
WHEN NOT (OLD.row = '' AND json_valid(NEW.row) AND json_type(NEW.row) = 'object'
  AND NEW.seq = OLD.seq AND NEW.tbl = OLD.tbl AND NEW.op = OLD.op AND NEW.row_id = OLD.row_id AND NEW.at = OLD.at
  AND NEW.hall_id IS OLD.hall_id AND NEW.business_date = OLD.business_date)
BEGIN
  SELECT RAISE(ABORT, 'sync_outbox is append-only');
END;
