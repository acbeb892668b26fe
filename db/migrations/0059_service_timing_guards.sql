-- Issue 15 #5 (R-SEC-13, R-SEC-16). A 暂停营业 of a counter is approved by an active hall director (营业厅主任, the
-- manager role) who is not the requester (two-person rule); one open pause per counter; the pause itself never changes,
-- its end (恢复营业) is written once; never deleted.
CREATE TRIGGER counter_pauses_two_person BEFORE INSERT ON counter_pauses
WHEN NEW.approved_by = NEW.requested_by
  OR NOT EXISTS (SELECT 1 FROM staff s WHERE s.id = NEW.approved_by AND s.role = 'manager' AND s.active = 1)
BEGIN
  SELECT RAISE(ABORT, 'two-person rule: 暂停营业 is approved by an active hall director other than the requester (R-SEC-16)');
END;
--> statement-breakpoint
CREATE TRIGGER counter_pauses_open_shape BEFORE INSERT ON counter_pauses
WHEN NEW.resumed_at IS NOT NULL OR NEW.resumed_by IS NOT NULL OR length(trim(NEW.reason)) < 2
BEGIN
  SELECT RAISE(ABORT, 'a 暂停营业 starts open and states its reason (R-SEC-16)');
END;
--> statement-breakpoint
CREATE UNIQUE INDEX counter_pauses_one_open ON counter_pauses (counter_id) WHERE resumed_at IS NULL;
--> statement-breakpoint
CREATE TRIGGER counter_pauses_resume_once BEFORE UPDATE ON counter_pauses
WHEN OLD.resumed_at IS NOT NULL OR NEW.resumed_at IS NULL OR NEW.resumed_by IS NULL OR NEW.resumed_at < OLD.started_at
  OR NEW.id IS NOT OLD.id OR NEW.hall_id IS NOT OLD.hall_id OR NEW.counter_id IS NOT OLD.counter_id
  OR NEW.business_date IS NOT OLD.business_date OR NEW.reason IS NOT OLD.reason OR NEW.requested_by IS NOT OLD.requested_by
  OR NEW.approved_by IS NOT OLD.approved_by OR NEW.started_at IS NOT OLD.started_at OR NEW.created_at IS NOT OLD.created_at
BEGIN
  SELECT RAISE(ABORT, 'counter_pauses: the pause is fixed and its end (恢复营业) is written once (R-SEC-16)');
END;
--> statement-breakpoint
CREATE TRIGGER counter_pauses_no_delete BEFORE DELETE ON counter_pauses
BEGIN
  SELECT RAISE(ABORT, 'append-only: counter_pauses rows cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER service_timings_no_update BEFORE UPDATE ON service_timings
BEGIN
  SELECT RAISE(ABORT, 'append-only: service_timings rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER service_timings_no_delete BEFORE DELETE ON service_timings
BEGIN
  SELECT RAISE(ABORT, 'append-only: service_timings rows cannot be deleted');
END;
--> statement-breakpoint
-- R-SEC-16: a paused counter takes no new transaction, whichever code path writes it (a gas or fee payment, a card
-- purchase, a business). A 冲正, the settlement of a card write already begun (the card carries the gas) and rows the
-- change feed brings from other counters pass. The message starts with its error code; the router answers it typed.
CREATE TRIGGER payments_counter_paused BEFORE INSERT ON payments
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
  AND NEW.reverses_payment_id IS NULL AND NEW.late_card_write_id IS NULL AND NEW.charge_type <> '充值费'
  AND EXISTS (SELECT 1 FROM counter_pauses c WHERE c.counter_id = NEW.counter_id AND c.resumed_at IS NULL)
BEGIN
  SELECT RAISE(ABORT, 'COUNTER_PAUSED: 本柜台暂停营业中，不能办理新业务；主任批准的暂停结束后请先“恢复营业” (R-SEC-16)');
END;
--> statement-breakpoint
CREATE TRIGGER card_writes_counter_paused BEFORE INSERT ON card_writes
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1 AND NEW.kind = 'recharge'
  AND EXISTS (SELECT 1 FROM counter_pauses c WHERE c.counter_id = NEW.counter_id AND c.resumed_at IS NULL)
BEGIN
  SELECT RAISE(ABORT, 'COUNTER_PAUSED: 本柜台暂停营业中，不能办理新业务；主任批准的暂停结束后请先“恢复营业” (R-SEC-16)');
END;
--> statement-breakpoint
CREATE TRIGGER businesses_counter_paused BEFORE INSERT ON businesses
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
  AND EXISTS (SELECT 1 FROM counter_pauses c WHERE c.counter_id = NEW.counter_id AND c.resumed_at IS NULL)
BEGIN
  SELECT RAISE(ABORT, 'COUNTER_PAUSED: 本柜台暂停营业中，不能办理新业务；主任批准的暂停结束后请先“恢复营业” (R-SEC-16)');
END;
--> statement-breakpoint
-- R-SEC-13: the first slip of the customer being served at the counter (its active pick) ends its transaction: the timing is written from the
-- pick's time (stamped by the main process at timing.pick) to the slip's own time (the service clock), both in the
-- main process; the renderer only named the customer. A gas payment or card purchase is 收费 (limit: fee), anything
-- else 其它业务 (limit: other); the limit in force is kept with the row. A 冲正 and rows from the feed end nothing.
CREATE TRIGGER service_timings_end_on_payment AFTER INSERT ON payments
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1 AND NEW.reverses_payment_id IS NULL
  AND EXISTS (SELECT 1 FROM counter_picks p WHERE p.counter_id = NEW.counter_id AND p.account_id = NEW.account_id AND p.released_at IS NULL)
BEGIN
  INSERT INTO service_timings (id, hall_id, counter_id, clerk_id, account_id, business_date, kind, slip_ref, started_at, ended_at, duration_ms, limit_seconds)
  SELECT p.pick_id, p.hall_id, NEW.counter_id, NEW.clerk_id, NEW.account_id, NEW.business_date,
    CASE WHEN NEW.charge_type IN ('燃气费', '充值费') THEN '收费' ELSE '其它业务' END,
    NEW.slip_no, p.picked_at, NEW.created_at,
    max(0, CAST(round((julianday(NEW.created_at) - julianday(p.picked_at)) * 86400000.0) AS INTEGER)),
    CASE WHEN NEW.charge_type IN ('燃气费', '充值费')
      THEN coalesce((SELECT t.fee_limit_seconds FROM timing_settings t WHERE t.key = 'timing'), 180)
      ELSE coalesce((SELECT t.other_limit_seconds FROM timing_settings t WHERE t.key = 'timing'), 600) END
  FROM counter_picks p WHERE p.counter_id = NEW.counter_id AND p.account_id = NEW.account_id AND p.released_at IS NULL;
  DELETE FROM counter_picks WHERE counter_id = NEW.counter_id AND account_id = NEW.account_id;
END;
--> statement-breakpoint
CREATE TRIGGER service_timings_end_on_business AFTER INSERT ON businesses
WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) IS NOT 1
  AND EXISTS (SELECT 1 FROM counter_picks p WHERE p.counter_id = NEW.counter_id AND p.account_id = NEW.account_id AND p.released_at IS NULL)
BEGIN
  INSERT INTO service_timings (id, hall_id, counter_id, clerk_id, account_id, business_date, kind, slip_ref, started_at, ended_at, duration_ms, limit_seconds)
  SELECT p.pick_id, p.hall_id, NEW.counter_id, NEW.accepted_by, NEW.account_id, NEW.accepted_on, '其它业务',
    NEW.business_no, p.picked_at, NEW.created_at,
    max(0, CAST(round((julianday(NEW.created_at) - julianday(p.picked_at)) * 86400000.0) AS INTEGER)),
    coalesce((SELECT t.other_limit_seconds FROM timing_settings t WHERE t.key = 'timing'), 600)
  FROM counter_picks p WHERE p.counter_id = NEW.counter_id AND p.account_id = NEW.account_id AND p.released_at IS NULL;
  DELETE FROM counter_picks WHERE counter_id = NEW.counter_id AND account_id = NEW.account_id;
END;
