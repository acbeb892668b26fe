-- a refused row is listed once per source and position: applying the same page or day file again adds nothing
CREATE UNIQUE INDEX sync_problems_once ON sync_problems (source, position, table_name, row_id);
--> statement-breakpoint
-- Issue 14 #3: a conflict (异常) is never dropped or rewritten. No row is deleted. What was reported stays as
-- reported, except once: a finding of the applier (reported_by 'local', no server id) is taken over by the
-- server's report of the same conflict. The decision (refund 退款 / keep 保留预存 / acknowledged 已知悉) is
-- taken once with who and when; that it reached the server (sent_at) is recorded once.
CREATE TRIGGER sync_anomalies_no_delete BEFORE DELETE ON sync_anomalies
BEGIN
  SELECT RAISE(ABORT, 'sync anomalies are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER sync_anomalies_guard BEFORE UPDATE ON sync_anomalies
WHEN NOT (
  NEW.id = OLD.id
  AND (
    -- the server's report takes over the applier's own finding (its figures and text win)
    (OLD.server_id IS NULL AND OLD.reported_by = 'local' AND NEW.server_id IS NOT NULL AND NEW.reported_by = 'server'
      AND NEW.resolution IS OLD.resolution AND NEW.resolved_by IS OLD.resolved_by AND NEW.resolved_at IS OLD.resolved_at
      AND NEW.note IS OLD.note AND NEW.sent_at IS OLD.sent_at)
    OR (
      NEW.server_id IS OLD.server_id AND NEW.kind = OLD.kind AND NEW.hall_id IS OLD.hall_id AND NEW.counter_id IS OLD.counter_id
      AND NEW.device_id IS OLD.device_id AND NEW.table_name IS OLD.table_name AND NEW.row_id IS OLD.row_id
      AND NEW.other_row_id IS OLD.other_row_id AND NEW.account_id IS OLD.account_id AND NEW.bill_id IS OLD.bill_id
      AND NEW.payment_id IS OLD.payment_id AND NEW.other_payment_id IS OLD.other_payment_id AND NEW.amount_fen IS OLD.amount_fen
      AND NEW.business_date IS OLD.business_date AND NEW.detail = OLD.detail AND NEW.created_at = OLD.created_at
      AND NEW.reported_by = OLD.reported_by
      AND (
        -- the one decision, with who and when
        (OLD.resolution IS NULL AND NEW.resolution IS NOT NULL AND NEW.resolved_by IS NOT NULL AND NEW.resolved_at IS NOT NULL
          AND NEW.sent_at IS OLD.sent_at)
        -- the decision reached the server
        OR (OLD.sent_at IS NULL AND NEW.sent_at IS NOT NULL AND OLD.resolution IS NOT NULL AND NEW.resolution IS OLD.resolution
          AND NEW.resolved_by IS OLD.resolved_by AND NEW.resolved_at IS OLD.resolved_at AND NEW.note IS OLD.note)
      )
    )
  )
)
BEGIN
  SELECT RAISE(ABORT, 'a sync anomaly is decided once and otherwise kept as reported');
END;
--> statement-breakpoint
CREATE TRIGGER sync_problems_no_update BEFORE UPDATE ON sync_problems
BEGIN
  SELECT RAISE(ABORT, 'sync problems are kept as recorded');
END;
--> statement-breakpoint
CREATE TRIGGER sync_problems_no_delete BEFORE DELETE ON sync_problems
BEGIN
  SELECT RAISE(ABORT, 'sync problems are kept as recorded');
END;
