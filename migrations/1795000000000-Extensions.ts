import { MigrationInterface, QueryRunner } from 'typeorm';

// btree_gist: exclusion constraints over (expert, time range); citext: case-insensitive e-mail.
export class Extensions1795000000000 implements MigrationInterface {
  name = 'Extensions1795000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS btree_gist');
    await q.query('CREATE EXTENSION IF NOT EXISTS citext');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP EXTENSION IF EXISTS citext');
    await q.query('DROP EXTENSION IF EXISTS btree_gist');
  }
}
