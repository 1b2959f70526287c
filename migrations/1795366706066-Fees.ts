import { MigrationInterface, QueryRunner } from 'typeorm';

export class Fees1795366706066 implements MigrationInterface {
  name = 'Fees1795366706066';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "travel_rates" ("year" smallint NOT NULL, "car_cents_per_km" integer NOT NULL, "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "travel_rates_rate" CHECK (car_cents_per_km > 0 AND car_cents_per_km <= 1000), CONSTRAINT "travel_rates_year" CHECK (year BETWEEN 2000 AND 2100), CONSTRAINT "PK_3979a6326f603dfb7fbcf027b02" PRIMARY KEY ("year"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "fee_settings" ("id" smallint NOT NULL DEFAULT '1', "claim_time_limit_days" integer NOT NULL DEFAULT '60', "four_eyes_approval" boolean NOT NULL DEFAULT false, "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "fee_settings_time_limit" CHECK (claim_time_limit_days BETWEEN 1 AND 3650), CONSTRAINT "fee_settings_single_row" CHECK (id = 1), CONSTRAINT "PK_7250ae05908b1c77e37317b8c23" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."fee_run_status" AS ENUM('queued', 'running', 'computed', 'failed', 'approved', 'exported')`,
    );
    await queryRunner.query(
      `CREATE TABLE "fee_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "up_to" date NOT NULL, "status" "public"."fee_run_status" NOT NULL DEFAULT 'queued', "rates" jsonb NOT NULL, "cutoff_at" TIMESTAMP WITH TIME ZONE NOT NULL, "tax_year" smallint NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "computed_at" TIMESTAMP WITH TIME ZONE, "executions" integer NOT NULL DEFAULT '0', "error" jsonb, "line_count" integer NOT NULL DEFAULT '0', "skipped_count" integer NOT NULL DEFAULT '0', "gross_fee_cents" bigint NOT NULL DEFAULT '0', "travel_and_costs_cents" bigint NOT NULL DEFAULT '0', "withholding_cents" bigint NOT NULL DEFAULT '0', "net_cents" bigint NOT NULL DEFAULT '0', "first_approved_by" uuid, "first_approved_at" TIMESTAMP WITH TIME ZONE, "approved_by" uuid, "approved_at" TIMESTAMP WITH TIME ZONE, "export_requested_by" uuid, "export_requested_at" TIMESTAMP WITH TIME ZONE, "exported_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "fee_runs_exported" CHECK ((status = 'exported') = (exported_at IS NOT NULL)), CONSTRAINT "fee_runs_approved" CHECK (status NOT IN ('approved', 'exported') OR (approved_by IS NOT NULL AND approved_at IS NOT NULL)), CONSTRAINT "fee_runs_four_eyes" CHECK (approved_by IS NULL OR first_approved_by IS NULL OR approved_by <> first_approved_by), CONSTRAINT "PK_b7643174fcf8f39c5c1484b8c58" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_1d2a1ec2535dcc60a0bab31e2e" ON "fee_runs" ("created_at") `);
    await queryRunner.query(
      `CREATE TYPE "public"."claim_status" AS ENUM('draft', 'submitted', 'approved', 'returned', 'paid')`,
    );
    await queryRunner.query(
      `CREATE TABLE "claims" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "assignment_id" uuid NOT NULL, "expert_id" uuid NOT NULL, "status" "public"."claim_status" NOT NULL DEFAULT 'draft', "late_cancellation" boolean NOT NULL DEFAULT false, "work_date" date NOT NULL, "worked_minutes" integer NOT NULL, "preparation_minutes" integer NOT NULL, "trips" jsonb NOT NULL DEFAULT '[]', "note" character varying(2000) NOT NULL DEFAULT '', "return_reason" character varying(1000), "first_submitted_at" TIMESTAMP WITH TIME ZONE, "submitted_at" TIMESTAMP WITH TIME ZONE, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "paid_run_id" uuid, "paid_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "claims_decided" CHECK (status NOT IN ('approved', 'paid') OR (decided_by IS NOT NULL AND decided_at IS NOT NULL)), CONSTRAINT "claims_paid" CHECK ((status = 'paid') = (paid_run_id IS NOT NULL AND paid_at IS NOT NULL)), CONSTRAINT "claims_returned_reason" CHECK (status <> 'returned' OR return_reason IS NOT NULL), CONSTRAINT "claims_minutes" CHECK (worked_minutes BETWEEN 0 AND 1440 AND preparation_minutes BETWEEN 0 AND 2400), CONSTRAINT "PK_96c91970c0dcb2f69fdccd0a698" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_00690fe76addfe187a0a7581c5" ON "claims" ("status", "submitted_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_03635b908023fa78ec69c8c13d" ON "claims" ("expert_id", "status") `);
    await queryRunner.query(`CREATE INDEX "claims_approved" ON "claims" ("id") WHERE status = 'approved'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "claims_one_per_assignment" ON "claims" ("assignment_id") `);
    await queryRunner.query(`CREATE TYPE "public"."fee_basis" AS ENUM('hourly', 'per_event')`);
    await queryRunner.query(
      `CREATE TABLE "fee_schedule" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_type" "public"."task_type" NOT NULL, "basis" "public"."fee_basis" NOT NULL, "rate_cents" integer NOT NULL, "valid_from" date NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "fee_schedule_rate" CHECK (rate_cents > 0 AND rate_cents <= 1000000), CONSTRAINT "PK_ff34967d26d3283d21abcc0125c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "fee_schedule_one_per_day" ON "fee_schedule" ("task_type", "valid_from") `,
    );
    await queryRunner.query(`CREATE TYPE "public"."line_payee" AS ENUM('expert', 'association', 'declined')`);
    await queryRunner.query(
      `CREATE TABLE "fee_run_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "run_id" uuid NOT NULL, "claim_id" uuid NOT NULL, "expert_id" uuid NOT NULL, "payee_kind" "public"."line_payee" NOT NULL, "payee_name" character varying(200) NOT NULL, "payee_business_id" character varying(9), "iban_encrypted" text, "organisation_id" uuid NOT NULL, "cost_centre" character varying(32) NOT NULL, "task_type" "public"."task_type" NOT NULL, "work_date" date NOT NULL, "income_type" character(3) NOT NULL, "fee_basis" "public"."fee_basis" NOT NULL, "rate_cents" integer NOT NULL, "quarter_hours" integer NOT NULL, "gross_fee_cents" integer NOT NULL, "car_travel_cents" integer NOT NULL, "costs_cents" integer NOT NULL, "travel_and_costs_cents" integer NOT NULL, "withholding_cents" integer NOT NULL, "net_cents" integer NOT NULL, "tax_percent" numeric(5,2), CONSTRAINT "fee_run_lines_sums" CHECK (travel_and_costs_cents = car_travel_cents + costs_cents AND net_cents = gross_fee_cents - withholding_cents + travel_and_costs_cents), CONSTRAINT "fee_run_lines_amounts" CHECK (gross_fee_cents >= 0 AND car_travel_cents >= 0 AND costs_cents >= 0 AND withholding_cents >= 0 AND withholding_cents <= gross_fee_cents), CONSTRAINT "PK_7ffa142709213c9376e7aa79a6d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_65d17dc7c66bc5fa893b94a33b" ON "fee_run_lines" ("expert_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_6774b24e13586b8372b1ec74da" ON "fee_run_lines" ("run_id", "expert_id", "id") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "fee_run_lines_claim_once" ON "fee_run_lines" ("claim_id") `);
    await queryRunner.query(
      `CREATE TYPE "public"."fee_run_file_kind" AS ENUM('payroll_csv', 'cost_centre_summary', 'statement')`,
    );
    await queryRunner.query(
      `CREATE TABLE "fee_run_files" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "run_id" uuid NOT NULL, "kind" "public"."fee_run_file_kind" NOT NULL, "expert_id" uuid, "language" "public"."language", "file_name" character varying(200) NOT NULL, "media_type" character varying(100) NOT NULL, "encrypted" boolean NOT NULL DEFAULT false, "sha256" character(64) NOT NULL, "size_bytes" integer NOT NULL, "bytes" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_629460b077b0390ee581ac8984c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_780f2172795af14ac6bc5666a0" ON "fee_run_files" ("expert_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "fee_run_files_one_statement" ON "fee_run_files" ("run_id", "expert_id") WHERE expert_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "fee_run_files_one_per_kind" ON "fee_run_files" ("run_id", "kind") WHERE expert_id IS NULL`,
    );
    await queryRunner.query(`CREATE TYPE "public"."claim_cost_kind" AS ENUM('public_transport', 'parking', 'other')`);
    await queryRunner.query(
      `CREATE TABLE "claim_costs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "claim_id" uuid NOT NULL, "kind" "public"."claim_cost_kind" NOT NULL, "amount_cents" integer NOT NULL, "description" character varying(200) NOT NULL DEFAULT '', "receipt_file_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "claim_costs_amount" CHECK (amount_cents > 0 AND amount_cents <= 100000), CONSTRAINT "PK_81cc5deb43a2f35545781db9f3b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "claim_costs_one_receipt" ON "claim_costs" ("receipt_file_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_5eeace2daf41da6b1bde300873" ON "claim_costs" ("claim_id") `);
    await queryRunner.query(
      `ALTER TABLE "fee_runs" ADD CONSTRAINT "FK_d49ea516d0c0a15c7c954a2872e" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "claims" ADD CONSTRAINT "FK_735eedde3d7479087ca19c0602c" FOREIGN KEY ("assignment_id") REFERENCES "assignments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "claims" ADD CONSTRAINT "FK_f9ea4b3a575eb98805913c92484" FOREIGN KEY ("expert_id") REFERENCES "experts"("user_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "claims" ADD CONSTRAINT "FK_a763c9fba2db429ff02401a4b2f" FOREIGN KEY ("paid_run_id") REFERENCES "fee_runs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "fee_run_lines" ADD CONSTRAINT "FK_8c56b97e36f4e17a521d208adc9" FOREIGN KEY ("run_id") REFERENCES "fee_runs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "fee_run_lines" ADD CONSTRAINT "FK_fdacb790d1a8415b6af9f408cf0" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "fee_run_lines" ADD CONSTRAINT "FK_65d17dc7c66bc5fa893b94a33bf" FOREIGN KEY ("expert_id") REFERENCES "experts"("user_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "fee_run_lines" ADD CONSTRAINT "FK_0a6498c6b3795afe730e387b7e5" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "fee_run_files" ADD CONSTRAINT "FK_054e963c6c02e4878e56c1a4c40" FOREIGN KEY ("run_id") REFERENCES "fee_runs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "fee_run_files" ADD CONSTRAINT "FK_780f2172795af14ac6bc5666a01" FOREIGN KEY ("expert_id") REFERENCES "experts"("user_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "claim_costs" ADD CONSTRAINT "FK_5eeace2daf41da6b1bde300873b" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "claim_costs" ADD CONSTRAINT "FK_75f1a71b50715b124b23a527e10" FOREIGN KEY ("receipt_file_id") REFERENCES "stored_files"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Hand-written (TypeORM cannot express these):
    // at most one fee run that is not finished, whatever the interleaving of requests;
    await queryRunner.query(
      `CREATE UNIQUE INDEX "fee_runs_one_open" ON "fee_runs" ((true)) WHERE status IN ('queued', 'running', 'computed', 'failed', 'approved')`,
    );
    // a claim becomes paid only from approved, and a paid claim never changes its status, run or time.
    await queryRunner.query(`CREATE FUNCTION "claims_paid_is_final"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'paid' AND (NEW.status IS DISTINCT FROM OLD.status OR NEW.paid_run_id IS DISTINCT FROM OLD.paid_run_id OR NEW.paid_at IS DISTINCT FROM OLD.paid_at) THEN
    RAISE EXCEPTION 'claim % is paid; a paid claim never changes', OLD.id USING ERRCODE = 'check_violation', CONSTRAINT = 'claims_paid_is_final';
  END IF;
  IF NEW.status = 'paid' AND OLD.status <> 'paid' AND OLD.status <> 'approved' THEN
    RAISE EXCEPTION 'claim % is %, only an approved claim can be paid', OLD.id, OLD.status USING ERRCODE = 'check_violation', CONSTRAINT = 'claims_paid_is_final';
  END IF;
  RETURN NEW;
END
$$`);
    await queryRunner.query(
      `CREATE TRIGGER "claims_paid_is_final" BEFORE UPDATE ON "claims" FOR EACH ROW EXECUTE FUNCTION "claims_paid_is_final"()`,
    );
    // The rates published in the Finnish recommendations (PRODUCT.md §5) and the default settings.
    await queryRunner.query(`INSERT INTO "fee_schedule" ("task_type", "basis", "rate_cents", "valid_from") VALUES
            ('working_group', 'hourly', 2500, '2025-01-01'),
            ('evaluation', 'hourly', 2500, '2025-01-01'),
            ('workshop_event', 'hourly', 2500, '2025-01-01'),
            ('professional_pair', 'hourly', 2500, '2025-01-01'),
            ('client_session', 'per_event', 5000, '2025-01-01'),
            ('staff_meeting_training', 'per_event', 5000, '2025-01-01'),
            ('lecture', 'per_event', 15000, '2025-01-01')`);
    await queryRunner.query(`INSERT INTO "travel_rates" ("year", "car_cents_per_km") VALUES (2025, 59), (2026, 55)`);
    await queryRunner.query(
      `INSERT INTO "fee_settings" ("id", "claim_time_limit_days", "four_eyes_approval") VALUES (1, 60, false)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "claims_paid_is_final" ON "claims"`);
    await queryRunner.query(`DROP FUNCTION "claims_paid_is_final"()`);
    await queryRunner.query(`DROP INDEX "public"."fee_runs_one_open"`);
    await queryRunner.query(`ALTER TABLE "claim_costs" DROP CONSTRAINT "FK_75f1a71b50715b124b23a527e10"`);
    await queryRunner.query(`ALTER TABLE "claim_costs" DROP CONSTRAINT "FK_5eeace2daf41da6b1bde300873b"`);
    await queryRunner.query(`ALTER TABLE "fee_run_files" DROP CONSTRAINT "FK_780f2172795af14ac6bc5666a01"`);
    await queryRunner.query(`ALTER TABLE "fee_run_files" DROP CONSTRAINT "FK_054e963c6c02e4878e56c1a4c40"`);
    await queryRunner.query(`ALTER TABLE "fee_run_lines" DROP CONSTRAINT "FK_0a6498c6b3795afe730e387b7e5"`);
    await queryRunner.query(`ALTER TABLE "fee_run_lines" DROP CONSTRAINT "FK_65d17dc7c66bc5fa893b94a33bf"`);
    await queryRunner.query(`ALTER TABLE "fee_run_lines" DROP CONSTRAINT "FK_fdacb790d1a8415b6af9f408cf0"`);
    await queryRunner.query(`ALTER TABLE "fee_run_lines" DROP CONSTRAINT "FK_8c56b97e36f4e17a521d208adc9"`);
    await queryRunner.query(`ALTER TABLE "claims" DROP CONSTRAINT "FK_a763c9fba2db429ff02401a4b2f"`);
    await queryRunner.query(`ALTER TABLE "claims" DROP CONSTRAINT "FK_f9ea4b3a575eb98805913c92484"`);
    await queryRunner.query(`ALTER TABLE "claims" DROP CONSTRAINT "FK_735eedde3d7479087ca19c0602c"`);
    await queryRunner.query(`ALTER TABLE "fee_runs" DROP CONSTRAINT "FK_d49ea516d0c0a15c7c954a2872e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5eeace2daf41da6b1bde300873"`);
    await queryRunner.query(`DROP INDEX "public"."claim_costs_one_receipt"`);
    await queryRunner.query(`DROP TABLE "claim_costs"`);
    await queryRunner.query(`DROP TYPE "public"."claim_cost_kind"`);
    await queryRunner.query(`DROP INDEX "public"."fee_run_files_one_per_kind"`);
    await queryRunner.query(`DROP INDEX "public"."fee_run_files_one_statement"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_780f2172795af14ac6bc5666a0"`);
    await queryRunner.query(`DROP TABLE "fee_run_files"`);
    await queryRunner.query(`DROP TYPE "public"."fee_run_file_kind"`);
    await queryRunner.query(`DROP INDEX "public"."fee_run_lines_claim_once"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6774b24e13586b8372b1ec74da"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_65d17dc7c66bc5fa893b94a33b"`);
    await queryRunner.query(`DROP TABLE "fee_run_lines"`);
    await queryRunner.query(`DROP TYPE "public"."line_payee"`);
    await queryRunner.query(`DROP INDEX "public"."fee_schedule_one_per_day"`);
    await queryRunner.query(`DROP TABLE "fee_schedule"`);
    await queryRunner.query(`DROP TYPE "public"."fee_basis"`);
    await queryRunner.query(`DROP INDEX "public"."claims_one_per_assignment"`);
    await queryRunner.query(`DROP INDEX "public"."claims_approved"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_03635b908023fa78ec69c8c13d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_00690fe76addfe187a0a7581c5"`);
    await queryRunner.query(`DROP TABLE "claims"`);
    await queryRunner.query(`DROP TYPE "public"."claim_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1d2a1ec2535dcc60a0bab31e2e"`);
    await queryRunner.query(`DROP TABLE "fee_runs"`);
    await queryRunner.query(`DROP TYPE "public"."fee_run_status"`);
    await queryRunner.query(`DROP TABLE "fee_settings"`);
    await queryRunner.query(`DROP TABLE "travel_rates"`);
  }
}
