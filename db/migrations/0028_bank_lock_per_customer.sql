-- R-PAY-06 / A-50 (issue 10 #7): the counter looks up a customer's bills still out in a bank file on
-- every payment; this keeps that lookup an index probe.
CREATE INDEX IF NOT EXISTS bank_run_items_open_account ON bank_run_items (account_id) WHERE result IS NULL;
