import { MigrationInterface, QueryRunner } from 'typeorm';

export class AssignmentTimeChanges1796299622068 implements MigrationInterface {
  name = 'AssignmentTimeChanges1796299622068';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."time_change_status" AS ENUM('open', 'accepted', 'declined', 'withdrawn')
        `);
    await queryRunner.query(`
            CREATE TABLE "assignment_time_changes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "assignment_id" uuid NOT NULL,
                "status" "public"."time_change_status" NOT NULL DEFAULT 'open',
                "from_starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "from_ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "proposed_by" uuid NOT NULL,
                "proposed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "answered_at" TIMESTAMP WITH TIME ZONE,
                "answered_by" uuid,
                CONSTRAINT "assignment_time_changes_answered" CHECK ((status = 'open') = (answered_at IS NULL)),
                CONSTRAINT "assignment_time_changes_time" CHECK (ends_at > starts_at),
                CONSTRAINT "PK_7d9e1e56a53fa56dfcb8db116e7" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_9b1b03835d162d7472fcaa014e" ON "assignment_time_changes" ("assignment_id", "proposed_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "assignment_time_changes_one_open" ON "assignment_time_changes" ("assignment_id")
            WHERE status = 'open'
        `);
    await queryRunner.query(`
            ALTER TABLE "assignment_time_changes"
            ADD CONSTRAINT "FK_8e5b0c99137b49783c3cb7cc282" FOREIGN KEY ("assignment_id") REFERENCES "assignments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "assignment_time_changes"
            ADD CONSTRAINT "FK_7d092581cee7ea20c5adc7f8587" FOREIGN KEY ("proposed_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "assignment_time_changes"
            ADD CONSTRAINT "FK_4f04ba0fd820f1125f242e88e3b" FOREIGN KEY ("answered_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "assignment_time_changes" DROP CONSTRAINT "FK_4f04ba0fd820f1125f242e88e3b"
        `);
    await queryRunner.query(`
            ALTER TABLE "assignment_time_changes" DROP CONSTRAINT "FK_7d092581cee7ea20c5adc7f8587"
        `);
    await queryRunner.query(`
            ALTER TABLE "assignment_time_changes" DROP CONSTRAINT "FK_8e5b0c99137b49783c3cb7cc282"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."assignment_time_changes_one_open"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_9b1b03835d162d7472fcaa014e"
        `);
    await queryRunner.query(`
            DROP TABLE "assignment_time_changes"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."time_change_status"
        `);
  }
}
