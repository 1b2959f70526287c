import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workerDatabaseUrl } from './test-databases';

// Loaded before every e2e spec: a complete, valid configuration pointing at this Jest worker's own copy of the
// test database (see test-databases.ts). Tests never read .env, so a developer's own database is never touched.
export const TEST_DATABASE_URL = workerDatabaseUrl();

Object.assign(process.env, {
  NODE_ENV: 'test',
  DATABASE_URL: TEST_DATABASE_URL,
  DATABASE_POOL_SIZE: '10',
  REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  // Every key the spec writes to the shared Redis is under a prefix of its own (test apps choose their own too).
  QUEUE_PREFIX: `kokemus-test-${randomUUID().slice(0, 8)}`,
  JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
  ENCRYPTION_KEY: 'k1:MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=',
  // No SMTP server: test apps capture mail in-process (fakes.ts); a child process (worker, CLI) writes it as .eml
  // files under a directory of this spec's own, which nothing creates unless mail is written.
  DATA_DIR: join(tmpdir(), `kokemus-test-data-${randomUUID().slice(0, 8)}`),
  PUBLIC_URL: 'http://kokemus.test',
  LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  LOGIN_LIMIT_PER_MINUTE: '1000',
  CORS_ORIGINS: 'http://localhost:5173',
});
delete process.env.SMTP_URL;
