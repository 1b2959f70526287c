import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Logger } from '@nestjs/common';
import { STOP_MARGIN_MS, stopOnSignals } from '../common/lifecycle/stop-on-signals';
import { API_PREFIX } from '../common/http/api-prefix';
import { AppConfig } from '../config/app-config';
import { DEMO_DOMAIN, DEMO_PASSWORD, DEMO_STAFF, demoExperts } from '../modules/demo/demo-data';
import { DataDirLockedError } from './data-dir-lock';
import { EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';
import { embeddedSecrets } from './embedded-secrets';

const logger = new Logger('Embedded');
const STOP_TIMEOUT_MS = 15_000;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function migrate(url: string): Promise<number> {
  const [{ DataSource }, { databaseOptions }] = await Promise.all([
    import('typeorm'),
    import('../database/database-options'),
  ]);
  const dataSource = new DataSource(databaseOptions(url, 2));
  await dataSource.initialize();
  try {
    return (await dataSource.runMigrations({ transaction: 'each' })).length;
  } finally {
    await dataSource.destroy();
  }
}

function banner(config: AppConfig): string {
  const url = config.env.PUBLIC_URL;
  const experts = demoExperts();
  const width = Math.max(...DEMO_STAFF.map((s) => s.key.length)) + DEMO_DOMAIN.length + 1;
  return [
    '',
    `Kokemus is running on ${url} (embedded mode: for trying Kokemus out, not for production)`,
    `  web app:    ${url}/`,
    `  API docs:   ${url}${API_PREFIX}/docs`,
    `  data:       ${resolve(config.env.DATA_DIR)} (mail sent by the app is written to its mail/ folder)`,
    `  demo logins, all with the password ${DEMO_PASSWORD}:`,
    ...DEMO_STAFF.map((s) => `    ${`${s.key}@${DEMO_DOMAIN}`.padEnd(width)}  ${s.role}, ${s.name}`),
    `    ${experts[0].key}@${DEMO_DOMAIN} … ${experts[experts.length - 1].key}@${DEMO_DOMAIN}  experts`,
    `  try:  curl -s ${url}${API_PREFIX}/auth/login -H 'content-type: application/json' -d '{"email":"coordinator@${DEMO_DOMAIN}","password":"${DEMO_PASSWORD}"}'`,
    '',
  ].join('\n');
}

// The whole product in one process on one machine, with nothing to install: PostgreSQL is PGlite under
// DATA_DIR, the queues are BullMQ's PostgreSQL backend in the same database, and the workers run beside the API.
export async function runEmbedded(): Promise<void> {
  const started = performance.now();
  logger.warn(
    'Embedded mode: PostgreSQL (PGlite) and the queues run inside this process. This mode is for trying Kokemus out, not for production.',
  );
  if (process.env.DATABASE_URL)
    fail('Configuration error: KOKEMUS_EMBEDDED=true starts its own database; unset DATABASE_URL or KOKEMUS_EMBEDDED');
  const dataDir = resolve(process.env.DATA_DIR || './data');
  const secrets = embeddedSecrets(dataDir);
  process.env.JWT_SECRET ||= secrets.JWT_SECRET;
  process.env.ENCRYPTION_KEY ||= secrets.ENCRYPTION_KEY;

  let starting: Promise<EmbeddedPostgres>;
  try {
    starting = startEmbeddedPostgres({
      dataDir,
      log: (message) => logger.warn(message),
      onCrash: (err) => fail(`The embedded PostgreSQL stopped: ${err.message}`),
    });
  } catch (err) {
    if (err instanceof DataDirLockedError) fail(err.message);
    throw err;
  }
  // The data directory is this process's now (see main.ts): the app is loaded while the database thread
  // starts, which on a fresh directory takes seconds of its own (initdb), on another core when there is one.
  const loading = Promise.all([
    import('../app.module'),
    import('../http-app'),
    import('../modules/demo/demo-seed.service'),
    import('../common/jobs/job-worker.host'),
  ]);
  const database = await starting;
  process.env.DATABASE_URL = database.url;
  process.env.KOKEMUS_EMBEDDED = 'true';
  const config = AppConfig.fromProcessEnv();
  const databaseReady = performance.now();

  const migrations = await migrate(database.url);
  const migrated = performance.now();
  const [{ AppModule }, { createHttpApp }, { DemoSeedService }, { JobWorkerHost }] = await loading;
  const app = await createHttpApp(AppModule.forRoot({ runWorkers: true }), { shutdownHooks: false });
  // The app (HTTP, workers, pools) first, then the database they talk to.
  const host = app.get(JobWorkerHost);
  stopOnSignals(app, {
    limitMs: Math.max(STOP_TIMEOUT_MS, config.env.SHUTDOWN_GRACE_MS + STOP_MARGIN_MS),
    after: () => database.stop(),
    cutOff: () => host.cutOff,
  });
  await app.init();
  const appReady = performance.now();
  const seed = await app.get(DemoSeedService).seed();
  const seeded = performance.now();
  // Only this machine: the demo logins and their password are printed for everyone to read.
  await app.listen({ port: config.env.PORT, host: '127.0.0.1' });
  const ms = (t: number) => Math.round(t);
  new Logger('Kokemus').log(
    {
      bootMs: ms(performance.now() - started),
      // Where the time went, for bench/embedded.ts and the e2e test's failure messages: loading the entry
      // point (before runEmbedded; under ts-node, compiling it), the database thread, migrations, loading and
      // starting the app, the demo data.
      loadMs: ms(started),
      databaseMs: ms(databaseReady - started),
      migrationsMs: ms(migrated - databaseReady),
      appMs: ms(appReady - migrated),
      seedMs: ms(seeded - appReady),
      migrationsRun: migrations,
      demoData: seed,
    },
    `Embedded mode ready on ${config.env.PUBLIC_URL}`,
  );
  // Plain text for a person. pino writes the boot log asynchronously; a moment later it is out, and this
  // comes last instead of somewhere in the middle of it.
  setTimeout(() => process.stdout.write(`${banner(config)}\n`), 200);
}
