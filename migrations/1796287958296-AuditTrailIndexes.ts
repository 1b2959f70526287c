import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditTrailIndexes1796287958296 implements MigrationInterface {
  name = 'AuditTrailIndexes1796287958296';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_24530679b55965efb260852679" ON "audit_events" ("entity_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_1c57e65d74846167c21807d300" ON "audit_events" ("action", "occurred_at") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_4e139cc590fd5127ecc451472e" ON "audit_events" ("occurred_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_4e139cc590fd5127ecc451472e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1c57e65d74846167c21807d300"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_24530679b55965efb260852679"`);
  }
}
