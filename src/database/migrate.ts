import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { chooseDatabaseMode } from '../config/database-mode';
import { loadDotEnv } from '../config/load-dot-env';
import { databaseOptions } from './database-options';

// `npm start` runs this first (prestart). On real PostgreSQL it migrates, as `migration:run` does; in the
// embedded mode the database exists only inside the running app, so main.ts migrates it there.
async function main(): Promise<void> {
  loadDotEnv();
  const logger = new Logger('Migrations');
  const mode = chooseDatabaseMode(process.env);
  if (!mode.ok) throw new Error(mode.message);
  if (mode.embedded) {
    logger.log('Embedded mode: the migrations run when the app starts');
    return;
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Configuration error: DATABASE_URL is missing');
  const dataSource = new DataSource(databaseOptions(url, 1));
  await dataSource.initialize();
  try {
    const ran = await dataSource.runMigrations();
    logger.log(ran.length > 0 ? `Ran ${ran.map((m) => m.name).join(', ')}` : 'No pending migrations');
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
