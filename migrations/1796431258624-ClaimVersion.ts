import { MigrationInterface, QueryRunner } from 'typeorm';

export class ClaimVersion1796431258624 implements MigrationInterface {
  name = 'ClaimVersion1796431258624';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "claims" ADD "version" integer NOT NULL DEFAULT '1'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "claims" DROP COLUMN "version"`);
  }
}
