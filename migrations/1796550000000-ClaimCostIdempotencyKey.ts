import { MigrationInterface, QueryRunner } from 'typeorm';

export class ClaimCostIdempotencyKey1796550000000 implements MigrationInterface {
  name = 'ClaimCostIdempotencyKey1796550000000';

  // The Idempotency-Key of a cost's addition to a claim, unique per claim: the cost form sent again after a lost
  // answer finds the cost it added instead of adding the receipt a second time.
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "claim_costs" ADD "idempotency_key" character varying(128)`);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "claim_costs_one_per_key" ON "claim_costs" ("claim_id", "idempotency_key")
            WHERE idempotency_key IS NOT NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."claim_costs_one_per_key"`);
    await queryRunner.query(`ALTER TABLE "claim_costs" DROP COLUMN "idempotency_key"`);
  }
}
