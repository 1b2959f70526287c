import type { Config } from '@jest/types';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { databaseOptions } from '../../src/database/database-options';
import { baseDatabaseUrl, databaseName, withDatabase, workerDatabaseNames } from './test-databases';

// Once per run: the base database, fresh (unless CI hands one over in TEST_DATABASE_URL) and migrated once,
// then one copy of it for each Jest worker (see test-databases.ts).
export default async function globalSetup(globalConfig: Config.GlobalConfig): Promise<void> {
  const given = process.env.TEST_DATABASE_URL;
  const url = baseDatabaseUrl();
  const base = databaseName(url);
  const admin = new Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    if (!given) {
      await admin.query(`DROP DATABASE IF EXISTS "${base}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${base}"`);
    }
    const dataSource = new DataSource(databaseOptions(url, 2));
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.destroy();
    for (const copy of workerDatabaseNames(globalConfig.maxWorkers)) {
      await admin.query(`DROP DATABASE IF EXISTS "${copy}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${copy}" TEMPLATE "${base}"`);
    }
  } finally {
    await admin.end();
  }
}
