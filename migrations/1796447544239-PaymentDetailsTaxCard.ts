import { MigrationInterface, QueryRunner } from 'typeorm';

export class PaymentDetailsTaxCard1796447544239 implements MigrationInterface {
  name = 'PaymentDetailsTaxCard1796447544239';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "expert_payment_details" DROP CONSTRAINT "payment_details_tax"`);
    // A year saved without a percentage (the API once kept one) belongs to no tax card: it goes.
    await queryRunner.query(
      `UPDATE "expert_payment_details" SET "tax_card_year" = NULL WHERE "tax_percent" IS NULL AND "tax_card_year" IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "expert_payment_details" ADD CONSTRAINT "payment_details_tax_card" CHECK ((tax_percent IS NULL) = (tax_card_year IS NULL) AND (tax_percent IS NULL OR tax_percent BETWEEN 0 AND 100))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "expert_payment_details" DROP CONSTRAINT "payment_details_tax_card"`);
    await queryRunner.query(
      `ALTER TABLE "expert_payment_details" ADD CONSTRAINT "payment_details_tax" CHECK (((tax_percent IS NULL) OR ((tax_percent >= (0)::numeric) AND (tax_percent <= (100)::numeric) AND (tax_card_year IS NOT NULL))))`,
    );
  }
}
