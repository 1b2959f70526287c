// Loaded before every e2e spec: a complete, valid configuration pointing at the test database.
// Tests never read .env, so a developer's own database is never touched.
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/kokemus_test';

Object.assign(process.env, {
  NODE_ENV: 'test',
  DATABASE_URL: TEST_DATABASE_URL,
  DATABASE_POOL_SIZE: '10',
  REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
  ENCRYPTION_KEY: 'k1:MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=',
  SMTP_URL: 'smtp://127.0.0.1:1025',
  PUBLIC_URL: 'http://kokemus.test',
  LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  LOGIN_LIMIT_PER_MINUTE: '1000',
  CORS_ORIGINS: 'http://localhost:5173',
});
