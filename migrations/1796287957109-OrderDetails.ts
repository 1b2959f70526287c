import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrderDetails1796287957109 implements MigrationInterface {
  name = 'OrderDetails1796287957109';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "booking_requests"
            ADD "goal" character varying(1000) NOT NULL DEFAULT ''
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_requests"
            ADD "audience" character varying(500) NOT NULL DEFAULT ''
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_requests"
            ADD "expert_role" character varying(1000) NOT NULL DEFAULT ''
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_requests"
            ADD "meeting_point" character varying(300)
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_requests"
            ADD "remote_tool" character varying(100)
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_requests"
            ADD "material_url" character varying(2000)
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_requests"
            ADD "material_file_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_requests"
            ADD CONSTRAINT "UQ_7f81c4aebd9530f4c6c27b1f018" UNIQUE ("material_file_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_requests"
            ADD CONSTRAINT "booking_requests_meeting_point" CHECK (
                    meeting_point IS NULL
                    OR NOT remote
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_requests"
            ADD CONSTRAINT "booking_requests_remote_tool" CHECK (
                    remote_tool IS NULL
                    OR remote
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_requests"
            ADD CONSTRAINT "FK_7f81c4aebd9530f4c6c27b1f018" FOREIGN KEY ("material_file_id") REFERENCES "stored_files"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "booking_requests" DROP CONSTRAINT "FK_7f81c4aebd9530f4c6c27b1f018"
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_requests" DROP CONSTRAINT "booking_requests_remote_tool"
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_requests" DROP CONSTRAINT "booking_requests_meeting_point"
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_requests" DROP CONSTRAINT "UQ_7f81c4aebd9530f4c6c27b1f018"
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_requests" DROP COLUMN "material_file_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_requests" DROP COLUMN "material_url"
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_requests" DROP COLUMN "remote_tool"
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_requests" DROP COLUMN "meeting_point"
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_requests" DROP COLUMN "expert_role"
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_requests" DROP COLUMN "audience"
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_requests" DROP COLUMN "goal"
        `);
  }
}
