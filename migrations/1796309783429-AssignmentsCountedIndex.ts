import { MigrationInterface, QueryRunner } from 'typeorm';

export class AssignmentsCountedIndex1796309783429 implements MigrationInterface {
  name = 'AssignmentsCountedIndex1796309783429';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "assignments_counted_by_expert" ON "assignments" ("expert_id", "starts_at")
            WHERE status IN ('accepted', 'confirmed', 'completed')
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."assignments_counted_by_expert"
        `);
  }
}
