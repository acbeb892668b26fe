-- Issue 15 (R-VOL-03/04): the 换表单's temporary-meter flow and its credited m³, whichever code path writes.
-- m³ credited on a temporary meter need the approved 用户气费数据修改、退(收)费审批表: its number and a hall manager
-- (another person than the clerk); and only a meter fitted as 临时表 is credited.
CREATE TRIGGER meter_change_credit_approved BEFORE INSERT ON meter_change_records
WHEN NEW.credited_centi <> 0 AND (
  NEW.credited_centi < 0
  OR trim(coalesce(NEW.credit_approval_no, '')) = ''
  OR NEW.credit_approved_by IS NULL OR NEW.credit_approved_by = NEW.entered_by
  OR NOT EXISTS (SELECT 1 FROM staff s WHERE s.id = NEW.credit_approved_by AND s.role = 'manager')
  OR NOT EXISTS (SELECT 1 FROM meter_change_records t WHERE t.new_meter_id = NEW.old_meter_id AND t.replacement_kind = '临时表'))
BEGIN
  SELECT RAISE(ABORT, 'credited m³ need an approved data modification on a temporary meter (R-VOL-04)');
END;
--> statement-breakpoint
-- The original meter is refitted only where a temporary meter stands in for it, and the refitted meter is that original.
CREATE TRIGGER meter_change_refit_original BEFORE INSERT ON meter_change_records
WHEN NEW.replacement_kind = '复装原表' AND NOT EXISTS (
  SELECT 1 FROM meter_change_records t JOIN meters o ON o.id = t.old_meter_id JOIN meters n ON n.id = NEW.new_meter_id
  WHERE t.new_meter_id = NEW.old_meter_id AND t.replacement_kind = '临时表' AND o.meter_no = n.meter_no)
BEGIN
  SELECT RAISE(ABORT, 'only the original meter is refitted in place of its temporary meter (R-VOL-04)');
END;
--> statement-breakpoint
-- R-VOL-03: an IC meter's remark figures come together, and 需补气方数 = 已充值 − 表实际 (never below 0).
CREATE TRIGGER meter_change_ic_remark BEFORE INSERT ON meter_change_records
WHEN (NEW.ic_actual_centi IS NOT NULL OR NEW.ic_recharged_centi IS NOT NULL OR NEW.ic_compensate_centi IS NOT NULL)
  AND NOT (NEW.ic_actual_centi IS NOT NULL AND NEW.ic_recharged_centi IS NOT NULL
    AND NEW.ic_compensate_centi = max(0, NEW.ic_recharged_centi - NEW.ic_actual_centi))
BEGIN
  SELECT RAISE(ABORT, 'IC meter remark: compensate = recharged - actual (R-VOL-03)');
END;
