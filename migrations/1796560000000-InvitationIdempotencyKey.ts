import { MigrationInterface, QueryRunner } from 'typeorm';

export class InvitationIdempotencyKey1796560000000 implements MigrationInterface {
  name = 'InvitationIdempotencyKey1796560000000';

  // The Idempotency-Key of the invitation form, unique per inviter: the form sent again after a lost answer finds
  // the person it invited instead of being refused as an address in use.
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invitations" ADD "idempotency_key" character varying(128)`);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "invitations_one_per_key" ON "invitations" ("created_by", "idempotency_key")
            WHERE idempotency_key IS NOT NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."invitations_one_per_key"`);
    await queryRunner.query(`ALTER TABLE "invitations" DROP COLUMN "idempotency_key"`);
  }
}
