import { MigrationInterface, QueryRunner } from 'typeorm';

export class NoShowReviews1796299508471 implements MigrationInterface {
  name = 'NoShowReviews1796299508471';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "no_show_reviews" (
                "assignment_id" uuid NOT NULL,
                "handled_by" uuid NOT NULL,
                "handled_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b9869d6396b2e2a49b03dfd7b2f" PRIMARY KEY ("assignment_id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "no_show_reviews"
            ADD CONSTRAINT "FK_b9869d6396b2e2a49b03dfd7b2f" FOREIGN KEY ("assignment_id") REFERENCES "assignments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "no_show_reviews"
            ADD CONSTRAINT "FK_997d624105a3cc735479ff711c7" FOREIGN KEY ("handled_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    // Only a no-show (a not_held assignment) can be marked handled: not_held is final, so checking on insert keeps it.
    await queryRunner.query(`CREATE FUNCTION no_show_reviews_of_no_show() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NOT EXISTS (SELECT 1 FROM assignments a WHERE a.id = NEW.assignment_id AND a.status = 'not_held') THEN
                    RAISE EXCEPTION 'assignment % is not a no-show', NEW.assignment_id
                        USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'no_show_reviews_of_no_show';
                END IF;
                RETURN NEW;
            END $$`);
    await queryRunner.query(`CREATE TRIGGER no_show_reviews_of_no_show BEFORE INSERT OR UPDATE ON "no_show_reviews"
            FOR EACH ROW EXECUTE FUNCTION no_show_reviews_of_no_show()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER no_show_reviews_of_no_show ON "no_show_reviews"`);
    await queryRunner.query(`DROP FUNCTION no_show_reviews_of_no_show()`);
    await queryRunner.query(`
            ALTER TABLE "no_show_reviews" DROP CONSTRAINT "FK_997d624105a3cc735479ff711c7"
        `);
    await queryRunner.query(`
            ALTER TABLE "no_show_reviews" DROP CONSTRAINT "FK_b9869d6396b2e2a49b03dfd7b2f"
        `);
    await queryRunner.query(`
            DROP TABLE "no_show_reviews"
        `);
  }
}
