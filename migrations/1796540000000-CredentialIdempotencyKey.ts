import { MigrationInterface, QueryRunner } from 'typeorm';

export class CredentialIdempotencyKey1796540000000 implements MigrationInterface {
  name = 'CredentialIdempotencyKey1796540000000';

  // The Idempotency-Key of a certificate's upload, unique per expert: the upload form sent again after a lost answer
  // finds the certificate it sent instead of storing a second one.
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "training_credentials" ADD "idempotency_key" character varying(128)`);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "training_credentials_one_per_key" ON "training_credentials" ("expert_id", "idempotency_key")
            WHERE idempotency_key IS NOT NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."training_credentials_one_per_key"`);
    await queryRunner.query(`ALTER TABLE "training_credentials" DROP COLUMN "idempotency_key"`);
  }
}
