-- R-SEC-02/04 with a 冲正: a 启封 issued because the arrears were paid is withdrawn (已取消) when that payment is
-- reversed before the supply is restored (main/services/arrears-collection.ts withdrawRestoreAfterReversal); the stop
-- stands and the next full payment issues a new 启封. The stop itself still never changes, and its restore is written
-- once — again only after the one it holds was withdrawn, and then with another business, never cleared.
DROP TRIGGER supply_stops_restore_once;
--> statement-breakpoint
CREATE TRIGGER supply_stops_restore_once BEFORE UPDATE ON supply_stops
WHEN (OLD.restore_business_id IS NOT NULL AND NOT (
    EXISTS (SELECT 1 FROM businesses r WHERE r.id = OLD.restore_business_id AND r.state IN ('已取消', '已作废'))
    AND NEW.restore_business_id IS NOT NULL AND NEW.restore_business_id IS NOT OLD.restore_business_id))
  OR NEW.id IS NOT OLD.id OR NEW.account_id IS NOT OLD.account_id OR NEW.seal_business_id IS NOT OLD.seal_business_id
  OR NEW.approved_by IS NOT OLD.approved_by OR NEW.notice_id IS NOT OLD.notice_id OR NEW.owed_fen IS NOT OLD.owed_fen OR NEW.months IS NOT OLD.months
  OR NEW.requested_by IS NOT OLD.requested_by OR NEW.created_at IS NOT OLD.created_at
BEGIN
  SELECT RAISE(ABORT, 'supply_stops: the stop is fixed and its restore is written once, again only after it was withdrawn (R-SEC-04)');
END;
