import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { databaseOptions } from '../../src/database/database-options';

// Once per run: a fresh database (unless CI hands one over in TEST_DATABASE_URL), migrated once.
export default async function globalSetup(): Promise<void> {
  const given = process.env.TEST_DATABASE_URL;
  const url = given ?? 'postgres://postgres@127.0.0.1:5432/kokemus_test';
  if (!given) {
    const admin = new Client({ connectionString: url.replace(/\/[^/]+$/, '/postgres') });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS kokemus_test WITH (FORCE)');
    await admin.query('CREATE DATABASE kokemus_test');
    await admin.end();
  }
  const dataSource = new DataSource(databaseOptions(url, 2));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
}
