-- Issue 13 #1: account_unpaid (each account's 未缴 bills counted and summed) kept by triggers on bills, so the
-- front-desk search reads one row a hit. Bills' figures and account are frozen (bills_figures_frozen) and bills
-- are never deleted (bills_no_delete); the triggers still follow any change of status, amount or account.
-- 1) Back-fill from the bills as they stand.
INSERT INTO account_unpaid (account_id, unpaid_count, unpaid_fen)
  SELECT account_id, count(*), sum(amount_fen) FROM bills WHERE status = '未缴' GROUP BY account_id;
--> statement-breakpoint
-- 2) A bill inserted unpaid (reading, 入库, correction, split) adds itself.
CREATE TRIGGER bills_unpaid_insert AFTER INSERT ON bills
WHEN NEW.status = '未缴'
BEGIN
  INSERT INTO account_unpaid (account_id, unpaid_count, unpaid_fen) VALUES (NEW.account_id, 1, NEW.amount_fen)
    ON CONFLICT (account_id) DO UPDATE SET unpaid_count = unpaid_count + 1, unpaid_fen = unpaid_fen + excluded.unpaid_fen;
END;
--> statement-breakpoint
-- 3) A bill leaving 未缴 (收讫, 已拆分, 已更正) takes itself off; one coming back (a 冲正) adds itself again.
CREATE TRIGGER bills_unpaid_update AFTER UPDATE OF status, amount_fen, account_id ON bills
WHEN (OLD.status = '未缴' OR NEW.status = '未缴')
  AND (OLD.status IS NOT NEW.status OR OLD.amount_fen IS NOT NEW.amount_fen OR OLD.account_id IS NOT NEW.account_id)
BEGIN
  UPDATE account_unpaid SET unpaid_count = unpaid_count - 1, unpaid_fen = unpaid_fen - OLD.amount_fen
    WHERE account_id = OLD.account_id AND OLD.status = '未缴';
  INSERT INTO account_unpaid (account_id, unpaid_count, unpaid_fen) SELECT NEW.account_id, 1, NEW.amount_fen WHERE NEW.status = '未缴'
    ON CONFLICT (account_id) DO UPDATE SET unpaid_count = unpaid_count + 1, unpaid_fen = unpaid_fen + excluded.unpaid_fen;
END;
--> statement-breakpoint
CREATE TRIGGER bills_unpaid_delete AFTER DELETE ON bills
WHEN OLD.status = '未缴'
BEGIN
  UPDATE account_unpaid SET unpaid_count = unpaid_count - 1, unpaid_fen = unpaid_fen - OLD.amount_fen WHERE account_id = OLD.account_id;
END;
