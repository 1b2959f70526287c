// The databases a test run uses. One base database is migrated once per run (global-setup.ts); each Jest worker
// then runs its specs on a copy of its own, `<base>_w<JEST_WORKER_ID>`, made from the base with CREATE DATABASE
// ... TEMPLATE, so that specs running at the same time never see each other's rows. global-teardown.ts drops the
// copies; the base is dropped only when the run made it itself (without TEST_DATABASE_URL).

// The base: TEST_DATABASE_URL when given (CI hands over a fresh migrated database), else `kokemus_test`.
export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/kokemus_test';

export function baseDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;
}

export function databaseName(url: string): string {
  const name = new URL(url).pathname.slice(1);
  if (!/^[a-z0-9_]+$/i.test(name)) throw new Error(`Test database name must be letters, digits and _: ${name}`);
  return name;
}

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

// Jest numbers its workers from 1; a run in band is worker 1.
export function workerDatabaseUrl(workerId: string | number = process.env.JEST_WORKER_ID ?? '1'): string {
  const base = baseDatabaseUrl();
  return withDatabase(base, `${databaseName(base)}_w${workerId}`);
}

// The copies global setup makes: as many as Jest may start workers.
export function workerDatabaseNames(maxWorkers: number): string[] {
  const base = databaseName(baseDatabaseUrl());
  return Array.from({ length: Math.max(1, maxWorkers) }, (_, i) => `${base}_w${i + 1}`);
}
