import { MigrationInterface, QueryRunner } from 'typeorm';

export class FeeRunPaymentDate1796510000000 implements MigrationInterface {
  name = 'FeeRunPaymentDate1796510000000';

  // A fee run's planned payment day (Europe/Helsinki): tax is withheld by the card of the year it is paid in, so
  // tax_year is the payment day's year. A run started before took its tax year from its start: its start day in
  // Helsinki (cutoff_at is that instant) is its payment day, consistent with the tax year it was priced by.
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "fee_runs" ADD "payment_date" date`);
    await queryRunner.query(
      `UPDATE "fee_runs" SET "payment_date" = ("cutoff_at" AT TIME ZONE 'Europe/Helsinki')::date`,
    );
    await queryRunner.query(`ALTER TABLE "fee_runs" ALTER COLUMN "payment_date" SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "fee_runs" ADD CONSTRAINT "fee_runs_tax_year" CHECK (tax_year = EXTRACT(YEAR FROM payment_date))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "fee_runs" DROP CONSTRAINT "fee_runs_tax_year"`);
    await queryRunner.query(`ALTER TABLE "fee_runs" DROP COLUMN "payment_date"`);
  }
}
