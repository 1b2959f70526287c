import { MigrationInterface, QueryRunner } from 'typeorm';

export class AccessibilityFeedback1796277054131 implements MigrationInterface {
  name = 'AccessibilityFeedback1796277054131';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "accessibility_feedback" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "message" text NOT NULL, "email" character varying(320), "name" character varying(200), "page" character varying(500), "language" "public"."language", "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6867713cc2fa12bfe01826b290d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_be91fdf95827d51eb592747cde" ON "accessibility_feedback" ("created_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_be91fdf95827d51eb592747cde"`);
    await queryRunner.query(`DROP TABLE "accessibility_feedback"`);
  }
}
