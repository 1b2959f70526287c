import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { databaseOptions } from '../src/database/database-options';

// A bench's database of its own: dropped, created afresh and migrated.
export async function freshDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new Client({ connectionString: url.replace(/\/[^/]+$/, '/postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const ds = new DataSource(databaseOptions(url, 2));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
}
