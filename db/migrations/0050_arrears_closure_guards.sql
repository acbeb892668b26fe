-- Issue 15 #2 (R-SEC-06): a closed account (销户) cannot be reconnected and takes no later business: nothing new is
-- written for it, whichever code path tries (the services refuse first with a message for the clerk).
CREATE TRIGGER businesses_closed_account BEFORE INSERT ON businesses
WHEN EXISTS (SELECT 1 FROM account_closures c WHERE c.account_id = NEW.account_id AND c.state = '已销户')
BEGIN
  SELECT RAISE(ABORT, 'account closed: no business after 销户 (R-SEC-06)');
END;
--> statement-breakpoint
CREATE TRIGGER payments_closed_account BEFORE INSERT ON payments
WHEN EXISTS (SELECT 1 FROM account_closures c WHERE c.account_id = NEW.account_id AND c.state = '已销户')
BEGIN
  SELECT RAISE(ABORT, 'account closed: no business after 销户 (R-SEC-06)');
END;
--> statement-breakpoint
CREATE TRIGGER bills_closed_account BEFORE INSERT ON bills
WHEN EXISTS (SELECT 1 FROM account_closures c WHERE c.account_id = NEW.account_id AND c.state = '已销户')
BEGIN
  SELECT RAISE(ABORT, 'account closed: no business after 销户 (R-SEC-06)');
END;
--> statement-breakpoint
CREATE TRIGGER ic_cards_closed_account BEFORE INSERT ON ic_cards
WHEN EXISTS (SELECT 1 FROM account_closures c WHERE c.account_id = NEW.account_id AND c.state = '已销户')
BEGIN
  SELECT RAISE(ABORT, 'account closed: no business after 销户 (R-SEC-06)');
END;
--> statement-breakpoint
CREATE TRIGGER ownership_transfers_closed_account BEFORE INSERT ON ownership_transfers
WHEN EXISTS (SELECT 1 FROM account_closures c WHERE c.account_id = NEW.account_id AND c.state = '已销户')
BEGIN
  SELECT RAISE(ABORT, 'account closed: no business after 销户 (R-SEC-06)');
END;
--> statement-breakpoint
CREATE TRIGGER meters_closed_account BEFORE UPDATE ON meters
WHEN EXISTS (SELECT 1 FROM account_closures c WHERE c.account_id = NEW.account_id AND c.state = '已销户')
BEGIN
  SELECT RAISE(ABORT, 'account closed: the meter cannot be reconnected (R-SEC-06)');
END;
--> statement-breakpoint
CREATE TRIGGER meters_insert_closed_account BEFORE INSERT ON meters
WHEN EXISTS (SELECT 1 FROM account_closures c WHERE c.account_id = NEW.account_id AND c.state = '已销户')
BEGIN
  SELECT RAISE(ABORT, 'account closed: the meter cannot be reconnected (R-SEC-06)');
END;
--> statement-breakpoint
-- A 销户 is final: its row never changes again, and no closure row is deleted.
CREATE TRIGGER account_closures_final BEFORE UPDATE ON account_closures
WHEN OLD.state = '已销户'
BEGIN
  SELECT RAISE(ABORT, 'account closed: a 销户 is final (R-SEC-06)');
END;
--> statement-breakpoint
CREATE TRIGGER account_closures_no_delete BEFORE DELETE ON account_closures
BEGIN
  SELECT RAISE(ABORT, 'append-only: account_closures rows cannot be deleted');
END;
--> statement-breakpoint
-- One open or finished closure per account at a time (a withdrawn one, 已撤销, does not count).
CREATE UNIQUE INDEX account_closures_one_live ON account_closures (account_id) WHERE state <> '已撤销' AND state <> '已临时拆表';
--> statement-breakpoint
CREATE TRIGGER arrears_notices_no_update BEFORE UPDATE ON arrears_notices
BEGIN
  SELECT RAISE(ABORT, 'append-only: arrears_notices rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER arrears_notices_no_delete BEFORE DELETE ON arrears_notices
BEGIN
  SELECT RAISE(ABORT, 'append-only: arrears_notices rows cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER repayment_agreements_no_update BEFORE UPDATE ON repayment_agreements
BEGIN
  SELECT RAISE(ABORT, 'append-only: repayment_agreements rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER repayment_agreements_no_delete BEFORE DELETE ON repayment_agreements
BEGIN
  SELECT RAISE(ABORT, 'append-only: repayment_agreements rows cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER stop_rechecks_no_update BEFORE UPDATE ON stop_rechecks
BEGIN
  SELECT RAISE(ABORT, 'append-only: stop_rechecks rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER stop_rechecks_no_delete BEFORE DELETE ON stop_rechecks
BEGIN
  SELECT RAISE(ABORT, 'append-only: stop_rechecks rows cannot be deleted');
END;
--> statement-breakpoint
-- R-SEC-04 stop/restore record: the stop itself never changes; the restore is written once.
CREATE TRIGGER supply_stops_restore_once BEFORE UPDATE ON supply_stops
WHEN OLD.restore_business_id IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.account_id IS NOT OLD.account_id OR NEW.seal_business_id IS NOT OLD.seal_business_id
  OR NEW.approved_by IS NOT OLD.approved_by OR NEW.notice_id IS NOT OLD.notice_id OR NEW.owed_fen IS NOT OLD.owed_fen OR NEW.months IS NOT OLD.months
BEGIN
  SELECT RAISE(ABORT, 'supply_stops: the stop is fixed and its restore is written once (R-SEC-04)');
END;
--> statement-breakpoint
CREATE TRIGGER supply_stops_no_delete BEFORE DELETE ON supply_stops
BEGIN
  SELECT RAISE(ABORT, 'append-only: supply_stops rows cannot be deleted');
END;
