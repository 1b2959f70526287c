import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrderIdempotencyKey1796530000000 implements MigrationInterface {
  name = 'OrderIdempotencyKey1796530000000';

  // The Idempotency-Key of an order's creation, unique per orderer: the order form sent again after a lost answer
  // finds the draft it made instead of making a second one.
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "booking_requests" ADD "idempotency_key" character varying(128)`);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "booking_requests_one_per_key" ON "booking_requests" ("created_by", "idempotency_key")
            WHERE idempotency_key IS NOT NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."booking_requests_one_per_key"`);
    await queryRunner.query(`ALTER TABLE "booking_requests" DROP COLUMN "idempotency_key"`);
  }
}
