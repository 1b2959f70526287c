import { MigrationInterface, QueryRunner } from 'typeorm';

export class Availability1795364443366 implements MigrationInterface {
  name = 'Availability1795364443366';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "availability_one_off_windows" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "expert_id" uuid NOT NULL, "day" date NOT NULL, "start_minute" smallint NOT NULL, "end_minute" smallint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "availability_one_off_times" CHECK (start_minute >= 0 AND end_minute <= 1440 AND start_minute < end_minute), CONSTRAINT "availability_one_off_no_overlap" EXCLUDE USING gist (expert_id WITH =, day WITH =, int4range(start_minute, end_minute) WITH &&), CONSTRAINT "PK_b7e9f16cd2c0d5e300f5359eaa2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "availability_weekly_windows" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "expert_id" uuid NOT NULL, "weekday" smallint NOT NULL, "start_minute" smallint NOT NULL, "end_minute" smallint NOT NULL, "valid_from" date NOT NULL, "valid_until" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "availability_weekly_validity" CHECK (valid_until IS NULL OR valid_until >= valid_from), CONSTRAINT "availability_weekly_times" CHECK (start_minute >= 0 AND end_minute <= 1440 AND start_minute < end_minute), CONSTRAINT "availability_weekly_weekday" CHECK (weekday BETWEEN 1 AND 7), CONSTRAINT "availability_weekly_no_overlap" EXCLUDE USING gist (expert_id WITH =, weekday WITH =, daterange(valid_from, valid_until, '[]') WITH &&, int4range(start_minute, end_minute) WITH &&), CONSTRAINT "PK_60709a7ded001df8e2098fc720e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "availability_absences" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "expert_id" uuid NOT NULL, "first_day" date NOT NULL, "last_day" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "availability_absences_period" CHECK (last_day >= first_day), CONSTRAINT "availability_absences_no_overlap" EXCLUDE USING gist (expert_id WITH =, daterange(first_day, last_day, '[]') WITH &&), CONSTRAINT "PK_0e001a0dbe09803a129fc8e46dd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "availability_one_off_windows" ADD CONSTRAINT "FK_dbee7b99d7c68036d184a700712" FOREIGN KEY ("expert_id") REFERENCES "experts"("user_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "availability_weekly_windows" ADD CONSTRAINT "FK_b9caf23982a0d44f62459a7cf7f" FOREIGN KEY ("expert_id") REFERENCES "experts"("user_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "availability_absences" ADD CONSTRAINT "FK_0c1da40fa62313d324038e11ee1" FOREIGN KEY ("expert_id") REFERENCES "experts"("user_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "availability_absences" DROP CONSTRAINT "FK_0c1da40fa62313d324038e11ee1"`);
    await queryRunner.query(
      `ALTER TABLE "availability_weekly_windows" DROP CONSTRAINT "FK_b9caf23982a0d44f62459a7cf7f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "availability_one_off_windows" DROP CONSTRAINT "FK_dbee7b99d7c68036d184a700712"`,
    );
    await queryRunner.query(`DROP TABLE "availability_absences"`);
    await queryRunner.query(`DROP TABLE "availability_weekly_windows"`);
    await queryRunner.query(`DROP TABLE "availability_one_off_windows"`);
  }
}
