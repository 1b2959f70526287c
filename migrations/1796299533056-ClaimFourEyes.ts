import { MigrationInterface, QueryRunner } from 'typeorm';

export class ClaimFourEyes1796299533056 implements MigrationInterface {
  name = 'ClaimFourEyes1796299533056';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "fee_settings"
            ADD "claim_four_eyes_above_cents" integer
        `);
    await queryRunner.query(`
            ALTER TABLE "claims"
            ADD "first_approved_by" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "claims"
            ADD "first_approved_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "fee_settings"
            ADD CONSTRAINT "fee_settings_claim_four_eyes" CHECK (
                    claim_four_eyes_above_cents BETWEEN 0 AND 10000000
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "claims"
            ADD CONSTRAINT "claims_first_approval" CHECK (
                    (first_approved_by IS NULL) = (first_approved_at IS NULL)
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "claims"
            ADD CONSTRAINT "claims_four_eyes" CHECK (
                    first_approved_by IS NULL
                    OR decided_by IS NULL
                    OR first_approved_by <> decided_by
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "claims"
            ADD CONSTRAINT "FK_29acf33c379a8443be79d18f025" FOREIGN KEY ("first_approved_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "claims" DROP CONSTRAINT "FK_29acf33c379a8443be79d18f025"
        `);
    await queryRunner.query(`
            ALTER TABLE "claims" DROP CONSTRAINT "claims_four_eyes"
        `);
    await queryRunner.query(`
            ALTER TABLE "claims" DROP CONSTRAINT "claims_first_approval"
        `);
    await queryRunner.query(`
            ALTER TABLE "fee_settings" DROP CONSTRAINT "fee_settings_claim_four_eyes"
        `);
    await queryRunner.query(`
            ALTER TABLE "claims" DROP COLUMN "first_approved_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "claims" DROP COLUMN "first_approved_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "fee_settings" DROP COLUMN "claim_four_eyes_above_cents"
        `);
  }
}
