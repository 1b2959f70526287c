import { MigrationInterface, QueryRunner } from 'typeorm';

export class MailAboutUser1796500000000 implements MigrationInterface {
  name = 'MailAboutUser1796500000000';

  // The person an outbox mail names besides its recipient (the expert in an orderer's "X withdrew"): their
  // erasure drops the mail while it is still unsent.
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mail_messages" ADD "about_user_id" uuid`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mail_messages" DROP COLUMN "about_user_id"`);
  }
}
