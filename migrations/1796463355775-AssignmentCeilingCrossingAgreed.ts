import { MigrationInterface, QueryRunner } from 'typeorm';

export class AssignmentCeilingCrossingAgreed1796463355775 implements MigrationInterface {
  name = 'AssignmentCeilingCrossingAgreed1796463355775';

  // A direct booking past the expert's yearly earnings ceiling records that the coordinator said the expert agreed;
  // an accepted offer keeps the expert's own acknowledgement on the offer (offers.ceiling_acknowledged).
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "assignments" ADD "ceiling_crossing_agreed" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `ALTER TABLE "assignments" ADD CONSTRAINT "assignments_ceiling_agreed_direct" CHECK (NOT ceiling_crossing_agreed OR offer_id IS NULL)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "assignments" DROP CONSTRAINT "assignments_ceiling_agreed_direct"`);
    await queryRunner.query(`ALTER TABLE "assignments" DROP COLUMN "ceiling_crossing_agreed"`);
  }
}
