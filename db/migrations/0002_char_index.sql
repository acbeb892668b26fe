-- One- and two-character search (names like 张三, a unit digit): the trigram index needs 3 characters, so a
-- second FTS5 index holds every character as its own token; a phrase of adjacent tokens is a substring match.
-- gas_spaced_chars() is registered by db/open.ts before migrations run.
CREATE VIRTUAL TABLE accounts_chars USING fts5(
  account_no, name, address,
  content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0'
);
--> statement-breakpoint
INSERT INTO accounts_chars(rowid, account_no, name, address)
  SELECT rowid, gas_spaced_chars(account_no), gas_spaced_chars(name), gas_spaced_chars(address) FROM accounts;
--> statement-breakpoint
CREATE TRIGGER accounts_chars_insert AFTER INSERT ON accounts
BEGIN
  INSERT INTO accounts_chars(rowid, account_no, name, address)
    VALUES (NEW.rowid, gas_spaced_chars(NEW.account_no), gas_spaced_chars(NEW.name), gas_spaced_chars(NEW.address));
END;
--> statement-breakpoint
CREATE TRIGGER accounts_chars_delete AFTER DELETE ON accounts
BEGIN
  DELETE FROM accounts_chars WHERE rowid = OLD.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER accounts_chars_update AFTER UPDATE OF account_no, name, address ON accounts
BEGIN
  DELETE FROM accounts_chars WHERE rowid = OLD.rowid;
  INSERT INTO accounts_chars(rowid, account_no, name, address)
    VALUES (NEW.rowid, gas_spaced_chars(NEW.account_no), gas_spaced_chars(NEW.name), gas_spaced_chars(NEW.address));
END;
