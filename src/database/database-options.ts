import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

// One definition for the app, the worker, the CLI and the tests. Schema comes only from migrations/.
export function databaseOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; no uuid-ossp needed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsRun: false,
    entities: [join(__dirname, '..', '**', '*.entity.{ts,js}')],
    migrations: [join(__dirname, '..', '..', 'migrations', '*.{ts,js}')],
    migrationsTableName: 'schema_migrations',
    namingStrategy: new SnakeNamingStrategy(),
    extra: { max: poolSize },
    logging: false,
  };
}
