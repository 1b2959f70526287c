import { MigrationInterface, QueryRunner } from 'typeorm';

export class InactivityNotice1795373736945 implements MigrationInterface {
  name = 'InactivityNotice1795373736945';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "experts" ADD "inactivity_notice_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "experts" DROP COLUMN "inactivity_notice_at"`);
  }
}
