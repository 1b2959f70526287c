import { MigrationInterface, QueryRunner } from 'typeorm';

export class FeeRunLineTaxCardMissing1796480000000 implements MigrationInterface {
  name = 'FeeRunLineTaxCardMissing1796480000000';

  // A line records whether its 60 % was withheld for want of a tax card, so that the expert's statement says "no tax
  // card for the year: 60 %" rather than "by tax card 60 %". Lines priced before the line said 60.00 (an expert's line
  // then left the percentage empty without a card) are marked so and given the 60.00 they withheld; lines that
  // already said 60.00 cannot be told from a tax card of 60 % and stay as they are.
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "fee_run_lines" ADD "tax_card_missing" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `UPDATE fee_run_lines SET tax_card_missing = true, tax_percent = 60 WHERE payee_kind = 'expert' AND tax_percent IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "fee_run_lines" ADD CONSTRAINT "fee_run_lines_tax_card_missing" CHECK (NOT tax_card_missing OR (payee_kind = 'expert' AND tax_percent = 60))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "fee_run_lines" DROP CONSTRAINT "fee_run_lines_tax_card_missing"`);
    await queryRunner.query(`ALTER TABLE "fee_run_lines" DROP COLUMN "tax_card_missing"`);
  }
}
