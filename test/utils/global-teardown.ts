import type { Config } from '@jest/types';
import { Client } from 'pg';
import { baseDatabaseUrl, withDatabase, workerDatabaseNames } from './test-databases';

// After the run: the workers' copies of the base database are dropped (the base stays, as before: CI drops its own).
export default async function globalTeardown(globalConfig: Config.GlobalConfig): Promise<void> {
  const admin = new Client({ connectionString: withDatabase(baseDatabaseUrl(), 'postgres') });
  await admin.connect();
  try {
    for (const copy of workerDatabaseNames(globalConfig.maxWorkers))
      await admin.query(`DROP DATABASE IF EXISTS "${copy}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
