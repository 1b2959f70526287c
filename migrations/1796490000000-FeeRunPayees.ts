import { MigrationInterface, QueryRunner } from 'typeorm';

export class FeeRunPayees1796490000000 implements MigrationInterface {
  name = 'FeeRunPayees1796490000000';

  // A computing run's copy of each expert's payment details, one row per run and expert: every batch of the run
  // (a resumed one too) prices the expert's claims with the same payee, tax card and IBAN.
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "fee_run_payees" ("run_id" uuid NOT NULL, "expert_id" uuid NOT NULL, "payee" "public"."payee", "declines_fee" boolean, "tax_percent" numeric(5,2), "tax_card_year" smallint, "association_name" character varying(200), "association_business_id" character varying(9), "iban_encrypted" text, "association_iban_encrypted" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "fee_run_payees_association" CHECK (payee IS DISTINCT FROM 'association' OR (association_name IS NOT NULL AND association_iban_encrypted IS NOT NULL)), CONSTRAINT "PK_9df0c69ebd466d8d23c601040e0" PRIMARY KEY ("run_id", "expert_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8456cee72857a8bb2120ba3740" ON "fee_run_payees" ("expert_id") `);
    await queryRunner.query(
      `ALTER TABLE "fee_run_payees" ADD CONSTRAINT "FK_532dfc1008395ad51b29a31c265" FOREIGN KEY ("run_id") REFERENCES "fee_runs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "fee_run_payees" ADD CONSTRAINT "FK_8456cee72857a8bb2120ba37408" FOREIGN KEY ("expert_id") REFERENCES "experts"("user_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "fee_run_payees" DROP CONSTRAINT "FK_8456cee72857a8bb2120ba37408"`);
    await queryRunner.query(`ALTER TABLE "fee_run_payees" DROP CONSTRAINT "FK_532dfc1008395ad51b29a31c265"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8456cee72857a8bb2120ba3740"`);
    await queryRunner.query(`DROP TABLE "fee_run_payees"`);
  }
}
