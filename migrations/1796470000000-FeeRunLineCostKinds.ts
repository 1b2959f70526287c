import { MigrationInterface, QueryRunner } from 'typeorm';

export class FeeRunLineCostKinds1796470000000 implements MigrationInterface {
  name = 'FeeRunLineCostKinds1796470000000';

  // A fee run line keeps its receipts' costs by kind, so that the payroll export pays public transport, parking and
  // other costs on rows of their own (PRODUCT §5: travel costs on separate lines); costs_cents stays their sum.
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "fee_run_lines" ADD "public_transport_cents" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "fee_run_lines" ADD "parking_cents" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "fee_run_lines" ADD "other_costs_cents" integer NOT NULL DEFAULT 0`);
    // Lines priced before: by kind from the claim's costs where these still add up to the line's costs (a paid
    // claim's costs do not change), and otherwise all as other costs.
    await queryRunner.query(
      `UPDATE fee_run_lines l
          SET public_transport_cents = k.public_transport, parking_cents = k.parking, other_costs_cents = k.other
         FROM (SELECT claim_id,
                      COALESCE(sum(amount_cents) FILTER (WHERE kind = 'public_transport'), 0)::int AS public_transport,
                      COALESCE(sum(amount_cents) FILTER (WHERE kind = 'parking'), 0)::int AS parking,
                      COALESCE(sum(amount_cents) FILTER (WHERE kind = 'other'), 0)::int AS other
                 FROM claim_costs GROUP BY claim_id) k
        WHERE k.claim_id = l.claim_id AND k.public_transport + k.parking + k.other = l.costs_cents`,
    );
    await queryRunner.query(
      `UPDATE fee_run_lines SET other_costs_cents = costs_cents
        WHERE public_transport_cents + parking_cents + other_costs_cents <> costs_cents`,
    );
    await queryRunner.query(
      `ALTER TABLE "fee_run_lines" ADD CONSTRAINT "fee_run_lines_cost_kinds" CHECK (public_transport_cents >= 0 AND parking_cents >= 0 AND other_costs_cents >= 0 AND costs_cents = public_transport_cents + parking_cents + other_costs_cents)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "fee_run_lines" DROP CONSTRAINT "fee_run_lines_cost_kinds"`);
    await queryRunner.query(`ALTER TABLE "fee_run_lines" DROP COLUMN "other_costs_cents"`);
    await queryRunner.query(`ALTER TABLE "fee_run_lines" DROP COLUMN "parking_cents"`);
    await queryRunner.query(`ALTER TABLE "fee_run_lines" DROP COLUMN "public_transport_cents"`);
  }
}
