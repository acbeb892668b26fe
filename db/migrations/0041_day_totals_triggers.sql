-- Issue 13 #2: per-day totals of the ledger, kept by AFTER INSERT triggers. The ledger is append-only
-- (payments, ticket_tenders and invoices refuse UPDATE and DELETE, migrations 0001/0018/0020) and a 冲正 is
-- a negated payment row, so adding each new row's share is all the maintenance there is.
-- 1) Back-fill from the ledger as it stands (the figures verifyDayTotals recomputes).
INSERT INTO day_totals (hall_id, business_date, clerk_id, counter_id, method, charge_type, invoice_category,
    count, gas_fen, late_fee_fen, fee_fen, total_fen, tendered_fen, change_fen, ticket_fen, ticket_cash_fen, last_payment_id)
  SELECT hall_id, business_date, clerk_id, counter_id, method, charge_type, invoice_category,
    count(*), sum(gas_fen), sum(late_fee_fen), sum(fee_fen), sum(total_fen), sum(tendered_fen), sum(change_fen), sum(ticket_fen), sum(ticket_cash_fen), NULL
  FROM payments GROUP BY hall_id, business_date, clerk_id, counter_id, method, charge_type, invoice_category;
--> statement-breakpoint
-- a ticket counts for its payment and, negated, for the 冲正 of that payment (each on its own clerk and day)
INSERT INTO day_ticket_totals (hall_id, business_date, clerk_id, kind, count, volume_centi, value_fen, last_ref)
  SELECT p.hall_id, p.business_date, p.clerk_id, t.kind,
    sum(CASE WHEN p.reverses_payment_id IS NULL THEN t.count ELSE -t.count END),
    sum(CASE WHEN p.reverses_payment_id IS NULL THEN t.volume_centi ELSE -t.volume_centi END),
    sum(CASE WHEN p.reverses_payment_id IS NULL THEN t.value_fen ELSE -t.value_fen END), NULL
  FROM ticket_tenders t JOIN payments p ON (p.id = t.payment_id AND p.reverses_payment_id IS NULL) OR p.reverses_payment_id = t.payment_id
  GROUP BY p.hall_id, p.business_date, p.clerk_id, t.kind;
--> statement-breakpoint
INSERT INTO day_invoice_totals (clerk_id, business_date, category, count, amount_fen, last_invoice_id)
  SELECT clerk_id, business_date, category, count(*), sum(amount_fen), NULL FROM invoices GROUP BY clerk_id, business_date, category;
--> statement-breakpoint
-- 2) Maintenance: update the cell if it exists, else insert it (no UPSERT, so the insert guard below can
-- refuse an INSERT OR REPLACE that would reset a cell).
CREATE TRIGGER payments_day_totals AFTER INSERT ON payments
BEGIN
  UPDATE day_totals SET count = count + 1, gas_fen = gas_fen + NEW.gas_fen, late_fee_fen = late_fee_fen + NEW.late_fee_fen,
      fee_fen = fee_fen + NEW.fee_fen, total_fen = total_fen + NEW.total_fen, tendered_fen = tendered_fen + NEW.tendered_fen,
      change_fen = change_fen + NEW.change_fen, ticket_fen = ticket_fen + NEW.ticket_fen, ticket_cash_fen = ticket_cash_fen + NEW.ticket_cash_fen,
      last_payment_id = NEW.id
    WHERE hall_id = NEW.hall_id AND business_date = NEW.business_date AND clerk_id = NEW.clerk_id AND counter_id = NEW.counter_id
      AND method = NEW.method AND charge_type = NEW.charge_type AND invoice_category = NEW.invoice_category;
  INSERT INTO day_totals (hall_id, business_date, clerk_id, counter_id, method, charge_type, invoice_category,
      count, gas_fen, late_fee_fen, fee_fen, total_fen, tendered_fen, change_fen, ticket_fen, ticket_cash_fen, last_payment_id)
    SELECT NEW.hall_id, NEW.business_date, NEW.clerk_id, NEW.counter_id, NEW.method, NEW.charge_type, NEW.invoice_category,
      1, NEW.gas_fen, NEW.late_fee_fen, NEW.fee_fen, NEW.total_fen, NEW.tendered_fen, NEW.change_fen, NEW.ticket_fen, NEW.ticket_cash_fen, NEW.id
    WHERE NOT EXISTS (SELECT 1 FROM day_totals d WHERE d.hall_id = NEW.hall_id AND d.business_date = NEW.business_date AND d.clerk_id = NEW.clerk_id
      AND d.counter_id = NEW.counter_id AND d.method = NEW.method AND d.charge_type = NEW.charge_type AND d.invoice_category = NEW.invoice_category);
END;
--> statement-breakpoint
-- A 冲正 hands back its original's tickets (negated, on the 冲正's clerk and day). A plain payment has no
-- tickets yet when it is inserted (ticket_tenders.payment_id references it, foreign_keys=ON): its tickets
-- are counted by the ticket_tenders trigger below, so this runs for reversals only.
CREATE TRIGGER payments_day_ticket_totals AFTER INSERT ON payments
WHEN NEW.reverses_payment_id IS NOT NULL
BEGIN
  UPDATE day_ticket_totals AS d SET count = d.count + x.c, volume_centi = d.volume_centi + x.v, value_fen = d.value_fen + x.f, last_ref = 'p:' || NEW.id
    FROM (SELECT t.kind AS kind, -sum(t.count) AS c,
            -sum(t.volume_centi) AS v,
            -sum(t.value_fen) AS f
          FROM ticket_tenders t WHERE t.payment_id = NEW.reverses_payment_id GROUP BY t.kind) AS x
    WHERE d.clerk_id = NEW.clerk_id AND d.business_date = NEW.business_date AND d.kind = x.kind AND d.hall_id = NEW.hall_id;
  INSERT INTO day_ticket_totals (hall_id, business_date, clerk_id, kind, count, volume_centi, value_fen, last_ref)
    SELECT NEW.hall_id, NEW.business_date, NEW.clerk_id, t.kind,
      -sum(t.count),
      -sum(t.volume_centi),
      -sum(t.value_fen), 'p:' || NEW.id
    FROM ticket_tenders t WHERE t.payment_id = NEW.reverses_payment_id
      AND NOT EXISTS (SELECT 1 FROM day_ticket_totals d WHERE d.clerk_id = NEW.clerk_id AND d.business_date = NEW.business_date AND d.kind = t.kind AND d.hall_id = NEW.hall_id)
    GROUP BY t.kind;
END;
--> statement-breakpoint
-- a ticket row counts for its payment and, negated, for a 冲正 of it already posted
CREATE TRIGGER ticket_tenders_day_totals AFTER INSERT ON ticket_tenders
BEGIN
  UPDATE day_ticket_totals AS d SET count = d.count + x.s * NEW.count, volume_centi = d.volume_centi + x.s * NEW.volume_centi,
      value_fen = d.value_fen + x.s * NEW.value_fen, last_ref = 't:' || NEW.id
    FROM (SELECT hall_id, business_date, clerk_id, sum(CASE WHEN reverses_payment_id IS NULL THEN 1 ELSE -1 END) AS s
          FROM (SELECT hall_id, business_date, clerk_id, reverses_payment_id FROM payments WHERE id = NEW.payment_id AND reverses_payment_id IS NULL
                UNION ALL SELECT hall_id, business_date, clerk_id, reverses_payment_id FROM payments WHERE reverses_payment_id = NEW.payment_id)
          GROUP BY hall_id, business_date, clerk_id) AS x
    WHERE d.clerk_id = x.clerk_id AND d.business_date = x.business_date AND d.kind = NEW.kind AND d.hall_id = x.hall_id;
  INSERT INTO day_ticket_totals (hall_id, business_date, clerk_id, kind, count, volume_centi, value_fen, last_ref)
    SELECT x.hall_id, x.business_date, x.clerk_id, NEW.kind, x.s * NEW.count, x.s * NEW.volume_centi, x.s * NEW.value_fen, 't:' || NEW.id
    FROM (SELECT hall_id, business_date, clerk_id, sum(CASE WHEN reverses_payment_id IS NULL THEN 1 ELSE -1 END) AS s
          FROM (SELECT hall_id, business_date, clerk_id, reverses_payment_id FROM payments WHERE id = NEW.payment_id AND reverses_payment_id IS NULL
                UNION ALL SELECT hall_id, business_date, clerk_id, reverses_payment_id FROM payments WHERE reverses_payment_id = NEW.payment_id)
          GROUP BY hall_id, business_date, clerk_id) AS x
    WHERE NOT EXISTS (SELECT 1 FROM day_ticket_totals d WHERE d.clerk_id = x.clerk_id AND d.business_date = x.business_date AND d.kind = NEW.kind AND d.hall_id = x.hall_id);
END;
--> statement-breakpoint
CREATE TRIGGER invoices_day_totals AFTER INSERT ON invoices
BEGIN
  UPDATE day_invoice_totals SET count = count + 1, amount_fen = amount_fen + NEW.amount_fen, last_invoice_id = NEW.id
    WHERE clerk_id = NEW.clerk_id AND business_date = NEW.business_date AND category = NEW.category;
  INSERT INTO day_invoice_totals (clerk_id, business_date, category, count, amount_fen, last_invoice_id)
    SELECT NEW.clerk_id, NEW.business_date, NEW.category, 1, NEW.amount_fen, NEW.id
    WHERE NOT EXISTS (SELECT 1 FROM day_invoice_totals d WHERE d.clerk_id = NEW.clerk_id AND d.business_date = NEW.business_date AND d.category = NEW.category);
END;
--> statement-breakpoint
-- 3) Guards: nothing else writes the totals. A write must carry the ledger row inserted last (max rowid of
-- its table; the ledger never deletes), not yet applied to this cell, and change the cell by exactly that
-- row's share; a cell is inserted only when missing; nothing is ever deleted.
CREATE TRIGGER day_totals_insert_guard BEFORE INSERT ON day_totals
WHEN NOT EXISTS (
  SELECT 1 FROM payments p
  WHERE p.rowid = (SELECT max(rowid) FROM payments) AND p.id = NEW.last_payment_id
    AND p.hall_id = NEW.hall_id AND p.business_date = NEW.business_date AND p.clerk_id = NEW.clerk_id AND p.counter_id = NEW.counter_id
    AND p.method = NEW.method AND p.charge_type = NEW.charge_type AND p.invoice_category = NEW.invoice_category
    AND NEW.count = 1 AND NEW.gas_fen = p.gas_fen AND NEW.late_fee_fen = p.late_fee_fen AND NEW.fee_fen = p.fee_fen
    AND NEW.total_fen = p.total_fen AND NEW.tendered_fen = p.tendered_fen AND NEW.change_fen = p.change_fen
    AND NEW.ticket_fen = p.ticket_fen AND NEW.ticket_cash_fen = p.ticket_cash_fen
    AND NOT EXISTS (SELECT 1 FROM day_totals d WHERE d.hall_id = NEW.hall_id AND d.business_date = NEW.business_date AND d.clerk_id = NEW.clerk_id
      AND d.counter_id = NEW.counter_id AND d.method = NEW.method AND d.charge_type = NEW.charge_type AND d.invoice_category = NEW.invoice_category))
BEGIN
  SELECT RAISE(ABORT, 'day totals are kept by the ledger''s triggers only');
END;
--> statement-breakpoint
CREATE TRIGGER day_totals_update_guard BEFORE UPDATE ON day_totals
WHEN NOT EXISTS (
  SELECT 1 FROM payments p
  WHERE p.rowid = (SELECT max(rowid) FROM payments) AND p.id = NEW.last_payment_id AND OLD.last_payment_id IS NOT p.id
    AND NEW.hall_id = OLD.hall_id AND NEW.business_date = OLD.business_date AND NEW.clerk_id = OLD.clerk_id AND NEW.counter_id = OLD.counter_id
    AND NEW.method = OLD.method AND NEW.charge_type = OLD.charge_type AND NEW.invoice_category = OLD.invoice_category
    AND p.hall_id = OLD.hall_id AND p.business_date = OLD.business_date AND p.clerk_id = OLD.clerk_id AND p.counter_id = OLD.counter_id
    AND p.method = OLD.method AND p.charge_type = OLD.charge_type AND p.invoice_category = OLD.invoice_category
    AND NEW.count = OLD.count + 1 AND NEW.gas_fen = OLD.gas_fen + p.gas_fen AND NEW.late_fee_fen = OLD.late_fee_fen + p.late_fee_fen
    AND NEW.fee_fen = OLD.fee_fen + p.fee_fen AND NEW.total_fen = OLD.total_fen + p.total_fen AND NEW.tendered_fen = OLD.tendered_fen + p.tendered_fen
    AND NEW.change_fen = OLD.change_fen + p.change_fen AND NEW.ticket_fen = OLD.ticket_fen + p.ticket_fen
    AND NEW.ticket_cash_fen = OLD.ticket_cash_fen + p.ticket_cash_fen)
BEGIN
  SELECT RAISE(ABORT, 'day totals are kept by the ledger''s triggers only');
END;
--> statement-breakpoint
CREATE TRIGGER day_totals_no_delete BEFORE DELETE ON day_totals
BEGIN
  SELECT RAISE(ABORT, 'day totals are kept by the ledger''s triggers only');
END;
--> statement-breakpoint
CREATE TRIGGER day_ticket_totals_insert_guard BEFORE INSERT ON day_ticket_totals
WHEN NOT EXISTS (
  SELECT 1 FROM (
    SELECT sum(CASE WHEN p.reverses_payment_id IS NULL THEN t.count ELSE -t.count END) AS c,
           sum(CASE WHEN p.reverses_payment_id IS NULL THEN t.volume_centi ELSE -t.volume_centi END) AS v,
           sum(CASE WHEN p.reverses_payment_id IS NULL THEN t.value_fen ELSE -t.value_fen END) AS f
    FROM payments p JOIN ticket_tenders t ON t.payment_id = coalesce(p.reverses_payment_id, p.id)
    WHERE p.rowid = (SELECT max(rowid) FROM payments) AND NEW.last_ref = 'p:' || p.id
      AND p.hall_id = NEW.hall_id AND p.business_date = NEW.business_date AND p.clerk_id = NEW.clerk_id AND t.kind = NEW.kind
    UNION ALL
    SELECT sum(CASE WHEN p.reverses_payment_id IS NULL THEN t.count ELSE -t.count END),
           sum(CASE WHEN p.reverses_payment_id IS NULL THEN t.volume_centi ELSE -t.volume_centi END),
           sum(CASE WHEN p.reverses_payment_id IS NULL THEN t.value_fen ELSE -t.value_fen END)
    FROM ticket_tenders t JOIN payments p ON (p.id = t.payment_id AND p.reverses_payment_id IS NULL) OR p.reverses_payment_id = t.payment_id
    WHERE t.rowid = (SELECT max(rowid) FROM ticket_tenders) AND NEW.last_ref = 't:' || t.id
      AND t.kind = NEW.kind AND p.hall_id = NEW.hall_id AND p.business_date = NEW.business_date AND p.clerk_id = NEW.clerk_id) AS e
  WHERE NEW.count = e.c AND NEW.volume_centi = e.v AND NEW.value_fen = e.f
    AND NOT EXISTS (SELECT 1 FROM day_ticket_totals d WHERE d.clerk_id = NEW.clerk_id AND d.business_date = NEW.business_date AND d.kind = NEW.kind AND d.hall_id = NEW.hall_id))
BEGIN
  SELECT RAISE(ABORT, 'day totals are kept by the ledger''s triggers only');
END;
--> statement-breakpoint
CREATE TRIGGER day_ticket_totals_update_guard BEFORE UPDATE ON day_ticket_totals
WHEN NOT EXISTS (
  SELECT 1 FROM (
    SELECT sum(CASE WHEN p.reverses_payment_id IS NULL THEN t.count ELSE -t.count END) AS c,
           sum(CASE WHEN p.reverses_payment_id IS NULL THEN t.volume_centi ELSE -t.volume_centi END) AS v,
           sum(CASE WHEN p.reverses_payment_id IS NULL THEN t.value_fen ELSE -t.value_fen END) AS f
    FROM payments p JOIN ticket_tenders t ON t.payment_id = coalesce(p.reverses_payment_id, p.id)
    WHERE p.rowid = (SELECT max(rowid) FROM payments) AND NEW.last_ref = 'p:' || p.id
      AND p.hall_id = OLD.hall_id AND p.business_date = OLD.business_date AND p.clerk_id = OLD.clerk_id AND t.kind = OLD.kind
    UNION ALL
    SELECT sum(CASE WHEN p.reverses_payment_id IS NULL THEN t.count ELSE -t.count END),
           sum(CASE WHEN p.reverses_payment_id IS NULL THEN t.volume_centi ELSE -t.volume_centi END),
           sum(CASE WHEN p.reverses_payment_id IS NULL THEN t.value_fen ELSE -t.value_fen END)
    FROM ticket_tenders t JOIN payments p ON (p.id = t.payment_id AND p.reverses_payment_id IS NULL) OR p.reverses_payment_id = t.payment_id
    WHERE t.rowid = (SELECT max(rowid) FROM ticket_tenders) AND NEW.last_ref = 't:' || t.id
      AND t.kind = OLD.kind AND p.hall_id = OLD.hall_id AND p.business_date = OLD.business_date AND p.clerk_id = OLD.clerk_id) AS e
  WHERE NEW.last_ref IS NOT OLD.last_ref
    AND NEW.hall_id = OLD.hall_id AND NEW.business_date = OLD.business_date AND NEW.clerk_id = OLD.clerk_id AND NEW.kind = OLD.kind
    AND NEW.count = OLD.count + e.c AND NEW.volume_centi = OLD.volume_centi + e.v AND NEW.value_fen = OLD.value_fen + e.f)
BEGIN
  SELECT RAISE(ABORT, 'day totals are kept by the ledger''s triggers only');
END;
--> statement-breakpoint
CREATE TRIGGER day_ticket_totals_no_delete BEFORE DELETE ON day_ticket_totals
BEGIN
  SELECT RAISE(ABORT, 'day totals are kept by the ledger''s triggers only');
END;
--> statement-breakpoint
CREATE TRIGGER day_invoice_totals_insert_guard BEFORE INSERT ON day_invoice_totals
WHEN NOT EXISTS (
  SELECT 1 FROM invoices i
  WHERE i.rowid = (SELECT max(rowid) FROM invoices) AND i.id = NEW.last_invoice_id
    AND i.clerk_id = NEW.clerk_id AND i.business_date = NEW.business_date AND i.category = NEW.category
    AND NEW.count = 1 AND NEW.amount_fen = i.amount_fen
    AND NOT EXISTS (SELECT 1 FROM day_invoice_totals d WHERE d.clerk_id = NEW.clerk_id AND d.business_date = NEW.business_date AND d.category = NEW.category))
BEGIN
  SELECT RAISE(ABORT, 'day totals are kept by the ledger''s triggers only');
END;
--> statement-breakpoint
CREATE TRIGGER day_invoice_totals_update_guard BEFORE UPDATE ON day_invoice_totals
WHEN NOT EXISTS (
  SELECT 1 FROM invoices i
  WHERE i.rowid = (SELECT max(rowid) FROM invoices) AND i.id = NEW.last_invoice_id AND OLD.last_invoice_id IS NOT i.id
    AND NEW.clerk_id = OLD.clerk_id AND NEW.business_date = OLD.business_date AND NEW.category = OLD.category
    AND i.clerk_id = OLD.clerk_id AND i.business_date = OLD.business_date AND i.category = OLD.category
    AND NEW.count = OLD.count + 1 AND NEW.amount_fen = OLD.amount_fen + i.amount_fen)
BEGIN
  SELECT RAISE(ABORT, 'day totals are kept by the ledger''s triggers only');
END;
--> statement-breakpoint
CREATE TRIGGER day_invoice_totals_no_delete BEFORE DELETE ON day_invoice_totals
BEGIN
  SELECT RAISE(ABORT, 'day totals are kept by the ledger''s triggers only');
END;
