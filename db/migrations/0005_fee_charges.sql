ALTER TABLE `accounts` ADD `connection_invoice_no` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `charge_type` text DEFAULT '燃气费' NOT NULL;--> statement-breakpoint
ALTER TABLE `payments` ADD `invoice_category` text DEFAULT '核对单' NOT NULL;--> statement-breakpoint
ALTER TABLE `payments` ADD `business_ref` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `fee_fen` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
DROP TRIGGER payments_total_balances;
--> statement-breakpoint
CREATE TRIGGER payments_total_balances BEFORE INSERT ON payments
WHEN NEW.total_fen <> NEW.gas_fen + NEW.late_fee_fen + NEW.fee_fen OR NEW.change_fen <> NEW.tendered_fen - NEW.total_fen
  OR NEW.change_fen < 0 OR NEW.fee_fen < 0
BEGIN
  SELECT RAISE(ABORT, 'payment does not balance');
END;
