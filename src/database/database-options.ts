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
    // No JIT compilation: every query here is short, and a misestimated plan (matching at scale) would otherwise
    // spend most of its time compiling on each call (issue 14). Sent as a startup option, so PGlite takes it too.
    extra: { max: poolSize, options: '-c jit=off' },
    logging: false,
  };
}
