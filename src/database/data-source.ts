import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadDotEnv } from '../config/load-dot-env';
import { databaseOptions } from './database-options';

// Used by the TypeORM CLI (migration:run, migration:generate, migration:revert).
loadDotEnv();
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('Configuration error: DATABASE_URL is missing');
  process.exit(78);
}

export const dataSource = new DataSource(databaseOptions(url));
