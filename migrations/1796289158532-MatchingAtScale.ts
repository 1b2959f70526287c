import { MigrationInterface, QueryRunner } from 'typeorm';

// Matching at scale (issue 14). The matcher checks each candidate's windows for one weekday: a btree holding them
// answers it from the index alone (the exclusion constraint's GiST index costs several times more per probe, and
// priced the broad order's plan above the JIT threshold). The statistics object tells the planner how the
// experts' status, remote work and home municipality go together, so that the candidates' count is estimated from
// the data rather than from independent guesses.
export class MatchingAtScale1796289158532 implements MigrationInterface {
  name = 'MatchingAtScale1796289158532';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "availability_weekly_by_expert_day" ON "availability_weekly_windows" ("expert_id", "weekday") INCLUDE ("start_minute", "end_minute", "valid_from", "valid_until")`,
    );
    await queryRunner.query(
      `CREATE STATISTICS "experts_matching" (dependencies, mcv) ON "status", "works_remotely", "home_municipality" FROM "experts"`,
    );
    await queryRunner.query(`ANALYZE "experts"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP STATISTICS "experts_matching"`);
    await queryRunner.query(`DROP INDEX "availability_weekly_by_expert_day"`);
  }
}
