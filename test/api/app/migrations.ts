import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { databaseOptions } from '../../../src/database/database-options';

// A database of its own: every migration up, every one down, and up again, cleanly.
describe('migrations', () => {
  const name = `kokemus_migrations_${process.pid}`;
  const base = process.env.DATABASE_URL!.replace(/\/[^/]+$/, '');
  let admin: Client;

  beforeAll(async () => {
    admin = new Client({ connectionString: `${base}/postgres` });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  });
  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('migrates a fresh database up, all the way down, and up again', async () => {
    const ds = new DataSource(databaseOptions(`${base}/${name}`, 2));
    await ds.initialize();
    try {
      const applied = await ds.runMigrations({ transaction: 'each' });
      expect(applied.length).toBe(ds.migrations.length);
      const tables = async () =>
        (
          await ds.query(
            `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'`,
          )
        )[0].n;
      expect(await tables()).toBeGreaterThan(5);
      expect(await ds.showMigrations()).toBe(false);
      for (let i = 0; i < applied.length; i++) await ds.undoLastMigration({ transaction: 'each' });
      expect(await tables()).toBe(0);
      const types = await ds.query(
        `SELECT typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typtype = 'e'`,
      );
      expect(types).toEqual([]);
      expect((await ds.runMigrations({ transaction: 'each' })).length).toBe(applied.length);
    } finally {
      await ds.destroy();
    }
  });

  it('keeps the audit log append-only', async () => {
    const ds = new DataSource(databaseOptions(`${base}/${name}`, 2));
    await ds.initialize();
    try {
      await ds.query(`INSERT INTO audit_events (action) VALUES ('test.event')`);
      await expect(ds.query(`UPDATE audit_events SET action = 'changed'`)).rejects.toThrow(/append-only/);
      await expect(ds.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    } finally {
      await ds.destroy();
    }
  });
});
