// The demo seed on real PostgreSQL and Redis: how long `npm run seed:demo` takes on a fresh database, the
// contracts, their PDFs and the fee run included. The database named in BENCH_DATABASE_URL is dropped and
// created anew each round, and dropped at the end.
// BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/kokemus_bench_seed npx ts-node bench/demo-seed.ts [rounds]
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

const URL = process.env.BENCH_DATABASE_URL;
const ROUNDS = Number(process.argv[2] ?? 3);

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: URL!.replace(/\/[^/]+$/, '/postgres') });
  await client.connect();
  await client.query(sql);
  await client.end();
}

async function round(name: string): Promise<{ ms: number; contractsMs: number }> {
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  const { databaseOptions } = await import('../src/database/database-options');
  const migrations = new DataSource(databaseOptions(URL!, 2));
  await migrations.initialize();
  await migrations.runMigrations({ transaction: 'each' });
  await migrations.destroy();
  const [{ AppModule }, { DemoSeedService }, { DemoHistory }] = await Promise.all([
    import('../src/app.module'),
    import('../src/modules/demo/demo-seed.service'),
    import('../src/modules/demo/demo-history.service'),
  ]);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ runWorkers: true }), {
    logger: ['error'],
  });
  await app.init();
  // The contracts' share: approval, PDF, signature and completion of last month's work, and its claims.
  const history = app.get(DemoHistory);
  const contractsAndClaims = history.contractsAndClaims.bind(history);
  let contractsMs = 0;
  history.contractsAndClaims = async (...args) => {
    const t = performance.now();
    await contractsAndClaims(...args);
    contractsMs = performance.now() - t;
  };
  try {
    const t0 = performance.now();
    await app.get(DemoSeedService).seed();
    return { ms: performance.now() - t0, contractsMs };
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  if (!URL) throw new Error('Set BENCH_DATABASE_URL to a database this bench may drop and create');
  const name = URL.replace(/.*\//, '');
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`database name ${name}: lower-case letters, digits and _ only`);
  Object.assign(process.env, {
    NODE_ENV: 'development',
    DATABASE_URL: URL,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `kokemus-bench-${randomUUID().slice(0, 8)}`,
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-01',
    ENCRYPTION_KEY: 'k1:MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=',
    SMTP_URL: 'smtp://127.0.0.1:1025',
    LOG_LEVEL: 'warn',
  });
  try {
    const rounds: { ms: number; contractsMs: number }[] = [];
    for (let i = 0; i < ROUNDS; i++) rounds.push(await round(name));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)].toFixed(0);
    console.log(
      `demo seed on real PostgreSQL and Redis, ${ROUNDS} rounds: ${rounds.map((r) => `${r.ms.toFixed(0)} ms`).join(', ')} (median ${median(rounds.map((r) => r.ms))} ms)`,
    );
    console.log(
      `  of which last month's contracts and claims: ${rounds.map((r) => `${r.contractsMs.toFixed(0)} ms`).join(', ')} (median ${median(rounds.map((r) => r.contractsMs))} ms)`,
    );
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
