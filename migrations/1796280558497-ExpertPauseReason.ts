import { MigrationInterface, QueryRunner } from 'typeorm';

export class ExpertPauseReason1796280558497 implements MigrationInterface {
  name = 'ExpertPauseReason1796280558497';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "experts" ADD "pause_reason" character varying(500)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "experts" DROP COLUMN "pause_reason"`);
  }
}
