import { MigrationInterface, QueryRunner } from 'typeorm';

export class TopicNameRusmedel1796455318194 implements MigrationInterface {
  name = 'TopicNameRusmedel1796455318194';

  // The Swedish name of the substance-use topic: "Rusmedel", as Finland-Swedish social and health services
  // write it, not the stigmatising "Missbruk" (the Finnish and English names stay as they are).
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "topics" SET "name_sv" = 'Rusmedel' WHERE "code" = 'substance_use'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "topics" SET "name_sv" = 'Missbruk' WHERE "code" = 'substance_use'`);
  }
}
