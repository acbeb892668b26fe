CREATE TABLE "anomalies" (
	"id" text PRIMARY KEY NOT NULL,
	"dedupe_key" text NOT NULL,
	"kind" text NOT NULL,
	"company_id" text NOT NULL,
	"hall_id" text NOT NULL,
	"device_id" text NOT NULL,
	"counter_id" text,
	"table_name" text,
	"row_id" text,
	"other_row_id" text,
	"account_id" text,
	"bill_id" text,
	"payment_id" text,
	"other_payment_id" text,
	"amount_fen" bigint,
	"business_date" text,
	"detail" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolution" text,
	"resolved_at" timestamp with time zone,
	"resolved_by" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "audit_anchors" (
	"device_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_anchors_device_id_seq_pk" PRIMARY KEY("device_id","seq")
);
--> statement-breakpoint
CREATE TABLE "bill_claims" (
	"company_id" text NOT NULL,
	"bill_id" text NOT NULL,
	"payment_id" text NOT NULL,
	"device_id" text NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bill_claims_company_id_bill_id_pk" PRIMARY KEY("company_id","bill_id")
);
--> statement-breakpoint
CREATE TABLE "day_markers" (
	"company_id" text NOT NULL,
	"hall_id" text NOT NULL,
	"counter_id" text NOT NULL,
	"business_date" text NOT NULL,
	"device_id" text NOT NULL,
	"payment_count" integer NOT NULL,
	"total_fen" bigint NOT NULL,
	"audit_seq" bigint,
	"audit_hash" text,
	"through_seq" bigint NOT NULL,
	"server_payment_count" integer NOT NULL,
	"server_total_fen" bigint NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "day_markers_company_id_counter_id_business_date_pk" PRIMARY KEY("company_id","counter_id","business_date")
);
--> statement-breakpoint
CREATE TABLE "devices" (
	"id" text PRIMARY KEY NOT NULL,
	"company_id" text NOT NULL,
	"hall_id" text NOT NULL,
	"counter_id" text NOT NULL,
	"label" text,
	"secret_salt" text NOT NULL,
	"secret_hash" text NOT NULL,
	"enrolled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"ack_seq" bigint DEFAULT 0 NOT NULL,
	"last_seen_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "enrolment_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"company_id" text NOT NULL,
	"hall_id" text NOT NULL,
	"counter_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"device_id" text
);
--> statement-breakpoint
CREATE TABLE "events" (
	"device_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"company_id" text NOT NULL,
	"hall_id" text NOT NULL,
	"table_name" text NOT NULL,
	"op" text NOT NULL,
	"row_id" text NOT NULL,
	"row" jsonb NOT NULL,
	"at" text NOT NULL,
	"business_date" text,
	"payload_hash" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_device_id_seq_pk" PRIMARY KEY("device_id","seq")
);
--> statement-breakpoint
CREATE TABLE "feed" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"txid" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"company_id" text NOT NULL,
	"hall_id" text,
	"table_name" text NOT NULL,
	"op" text NOT NULL,
	"row_id" text NOT NULL,
	"row" jsonb NOT NULL,
	"origin_device_id" text
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"company_id" text NOT NULL,
	"id" text NOT NULL,
	"device_id" text NOT NULL,
	"hall_id" text NOT NULL,
	"counter_id" text NOT NULL,
	"account_id" text NOT NULL,
	"business_date" text NOT NULL,
	"method" text NOT NULL,
	"charge_type" text NOT NULL,
	"gas_fen" bigint NOT NULL,
	"late_fee_fen" bigint NOT NULL,
	"fee_fen" bigint NOT NULL,
	"total_fen" bigint NOT NULL,
	"reverses_payment_id" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "rows" (
	"company_id" text NOT NULL,
	"table_name" text NOT NULL,
	"row_key" text COLLATE "C" NOT NULL,
	"hall_id" text,
	"row" jsonb NOT NULL,
	"origin_device_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rows_company_id_table_name_row_key_pk" PRIMARY KEY("company_id","table_name","row_key")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "anomalies_dedupe" ON "anomalies" USING btree ("company_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "anomalies_hall" ON "anomalies" USING btree ("company_id","hall_id","created_at");--> statement-breakpoint
CREATE INDEX "bill_claims_payment" ON "bill_claims" USING btree ("company_id","payment_id");--> statement-breakpoint
CREATE INDEX "day_markers_hall" ON "day_markers" USING btree ("company_id","hall_id","business_date");--> statement-breakpoint
CREATE INDEX "devices_hall" ON "devices" USING btree ("company_id","hall_id");--> statement-breakpoint
CREATE INDEX "feed_position" ON "feed" USING btree ("company_id","txid","id");--> statement-breakpoint
CREATE INDEX "payments_hall_day" ON "payments" USING btree ("company_id","hall_id","business_date");--> statement-breakpoint
CREATE INDEX "payments_counter_day" ON "payments" USING btree ("company_id","counter_id","business_date");--> statement-breakpoint
CREATE INDEX "rows_unpaid_bills" ON "rows" USING btree ("company_id",("row"->>'account_id')) WHERE "rows"."table_name" = 'bills' and "rows"."row"->>'status' = '未缴';--> statement-breakpoint
CREATE INDEX "rows_businesses_account" ON "rows" USING btree ("company_id",("row"->>'account_id')) WHERE "rows"."table_name" = 'businesses';