import { MigrationInterface, QueryRunner } from 'typeorm';

export class Booking1795364537193 implements MigrationInterface {
  name = 'Booking1795364537193';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."request_status" AS ENUM('draft', 'submitted', 'matching', 'partially_filled', 'filled', 'completed', 'cancelled')`,
    );
    await queryRunner.query(
      `CREATE TABLE "booking_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "cost_centre" character varying(32) NOT NULL, "created_by" uuid NOT NULL, "status" "public"."request_status" NOT NULL DEFAULT 'draft', "task_type" "public"."task_type" NOT NULL, "title" character varying(200) NOT NULL, "description" character varying(4000) NOT NULL DEFAULT '', "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "remote" boolean NOT NULL DEFAULT false, "municipality" character(3), "address" character varying(300), "languages" character varying(3) array NOT NULL, "topics" character varying(40) array NOT NULL DEFAULT '{}', "experts_needed" smallint NOT NULL DEFAULT '1', "preparation_minutes" integer NOT NULL DEFAULT '0', "submitted_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "cancelled_by" uuid, "cancel_reason" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "booking_requests_cancelled" CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)), CONSTRAINT "booking_requests_preparation" CHECK (preparation_minutes BETWEEN 0 AND 2400), CONSTRAINT "booking_requests_experts_needed" CHECK (experts_needed BETWEEN 1 AND 10), CONSTRAINT "booking_requests_place" CHECK (remote OR (municipality IS NOT NULL AND address IS NOT NULL)), CONSTRAINT "booking_requests_length" CHECK (ends_at - starts_at <= interval '10 hours'), CONSTRAINT "booking_requests_time" CHECK (ends_at > starts_at), CONSTRAINT "PK_62c29ee249979fe0bcdcde33dae" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_f171db0fbe532c525b7580fa47" ON "booking_requests" ("status", "starts_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c59e208623912ffebd05a79376" ON "booking_requests" ("organisation_id", "status") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."offer_status" AS ENUM('offered', 'accepted', 'declined', 'expired', 'withdrawn')`,
    );
    await queryRunner.query(
      `CREATE TABLE "offers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "expert_id" uuid NOT NULL, "status" "public"."offer_status" NOT NULL DEFAULT 'offered', "deadline" TIMESTAMP WITH TIME ZONE NOT NULL, "offered_by" uuid NOT NULL, "offered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "answered_at" TIMESTAMP WITH TIME ZONE, "decline_reason" character varying(500), "ceiling_acknowledged" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_4c88e956195bba85977da21b8f4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_fc15edf6cd05488c6fb90d9534" ON "offers" ("expert_id", "status") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "offers_one_live_per_expert" ON "offers" ("request_id", "expert_id") WHERE status IN ('offered', 'accepted')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."assignment_status" AS ENUM('accepted', 'confirmed', 'completed', 'not_held', 'cancelled')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."cancelled_by" AS ENUM('county', 'expert')`);
    await queryRunner.query(
      `CREATE TABLE "assignments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "offer_id" uuid, "expert_id" uuid NOT NULL, "status" "public"."assignment_status" NOT NULL DEFAULT 'accepted', "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "cancelled_at" TIMESTAMP WITH TIME ZONE, "cancelled_by_party" "public"."cancelled_by", "cancelled_by" uuid, "cancel_reason" character varying(500), "fee_due" boolean NOT NULL DEFAULT false, "completed_at" TIMESTAMP WITH TIME ZONE, "completed_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_9ee559ec0987b613521c25c96f0" UNIQUE ("offer_id"), CONSTRAINT "REL_9ee559ec0987b613521c25c96f" UNIQUE ("offer_id"), CONSTRAINT "assignments_cancelled" CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL AND cancelled_by_party IS NOT NULL)), CONSTRAINT "assignments_time" CHECK (ends_at > starts_at), CONSTRAINT "assignments_no_double_booking" EXCLUDE USING gist ("expert_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&) WHERE ("status" IN ('accepted', 'confirmed')), CONSTRAINT "PK_c54ca359535e0012b04dcbd80ee" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_e6b2497cf60ea57fe42238fc5f" ON "assignments" ("expert_id", "starts_at") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_a44a3bf55d50124c87b0fdca11" ON "assignments" ("request_id") `);
    await queryRunner.query(`CREATE TYPE "public"."feedback_author" AS ENUM('orderer', 'expert')`);
    await queryRunner.query(
      `CREATE TABLE "assignment_feedback" ("assignment_id" uuid NOT NULL, "author" "public"."feedback_author" NOT NULL, "author_id" uuid NOT NULL, "rating" smallint NOT NULL, "comment" character varying(2000) NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "feedback_rating" CHECK (rating BETWEEN 1 AND 5), CONSTRAINT "PK_42b388e723ef3a4040f1b562f76" PRIMARY KEY ("assignment_id", "author"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "calendar_feeds" ("expert_id" uuid NOT NULL, "token_hash" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_df53b5f17d35a6bac0fb13e16ad" UNIQUE ("token_hash"), CONSTRAINT "PK_95764b7bfd1a3d5a261609e95da" PRIMARY KEY ("expert_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "booking_requests" ADD CONSTRAINT "FK_bac7e735a0affa0957b87421a93" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "booking_requests" ADD CONSTRAINT "FK_cc0cc4cd1d115f6bd578e6e4b8e" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "offers" ADD CONSTRAINT "FK_a95e1929b6cdc91ec744b5dce3c" FOREIGN KEY ("request_id") REFERENCES "booking_requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "offers" ADD CONSTRAINT "FK_a6c50f18f9a11901d9c51178fb0" FOREIGN KEY ("expert_id") REFERENCES "experts"("user_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assignments" ADD CONSTRAINT "FK_a44a3bf55d50124c87b0fdca113" FOREIGN KEY ("request_id") REFERENCES "booking_requests"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assignments" ADD CONSTRAINT "FK_9ee559ec0987b613521c25c96f0" FOREIGN KEY ("offer_id") REFERENCES "offers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assignments" ADD CONSTRAINT "FK_b4a1f461346821422497bbe203f" FOREIGN KEY ("expert_id") REFERENCES "experts"("user_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assignment_feedback" ADD CONSTRAINT "FK_026d81dfa1ff207966bd315fa26" FOREIGN KEY ("assignment_id") REFERENCES "assignments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "calendar_feeds" ADD CONSTRAINT "FK_95764b7bfd1a3d5a261609e95da" FOREIGN KEY ("expert_id") REFERENCES "experts"("user_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "calendar_feeds" DROP CONSTRAINT "FK_95764b7bfd1a3d5a261609e95da"`);
    await queryRunner.query(`ALTER TABLE "assignment_feedback" DROP CONSTRAINT "FK_026d81dfa1ff207966bd315fa26"`);
    await queryRunner.query(`ALTER TABLE "assignments" DROP CONSTRAINT "FK_b4a1f461346821422497bbe203f"`);
    await queryRunner.query(`ALTER TABLE "assignments" DROP CONSTRAINT "FK_9ee559ec0987b613521c25c96f0"`);
    await queryRunner.query(`ALTER TABLE "assignments" DROP CONSTRAINT "FK_a44a3bf55d50124c87b0fdca113"`);
    await queryRunner.query(`ALTER TABLE "offers" DROP CONSTRAINT "FK_a6c50f18f9a11901d9c51178fb0"`);
    await queryRunner.query(`ALTER TABLE "offers" DROP CONSTRAINT "FK_a95e1929b6cdc91ec744b5dce3c"`);
    await queryRunner.query(`ALTER TABLE "booking_requests" DROP CONSTRAINT "FK_cc0cc4cd1d115f6bd578e6e4b8e"`);
    await queryRunner.query(`ALTER TABLE "booking_requests" DROP CONSTRAINT "FK_bac7e735a0affa0957b87421a93"`);
    await queryRunner.query(`DROP TABLE "calendar_feeds"`);
    await queryRunner.query(`DROP TABLE "assignment_feedback"`);
    await queryRunner.query(`DROP TYPE "public"."feedback_author"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a44a3bf55d50124c87b0fdca11"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e6b2497cf60ea57fe42238fc5f"`);
    await queryRunner.query(`DROP TABLE "assignments"`);
    await queryRunner.query(`DROP TYPE "public"."cancelled_by"`);
    await queryRunner.query(`DROP TYPE "public"."assignment_status"`);
    await queryRunner.query(`DROP INDEX "public"."offers_one_live_per_expert"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fc15edf6cd05488c6fb90d9534"`);
    await queryRunner.query(`DROP TABLE "offers"`);
    await queryRunner.query(`DROP TYPE "public"."offer_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c59e208623912ffebd05a79376"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f171db0fbe532c525b7580fa47"`);
    await queryRunner.query(`DROP TABLE "booking_requests"`);
    await queryRunner.query(`DROP TYPE "public"."request_status"`);
  }
}
