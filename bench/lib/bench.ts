import { type INestApplication } from '@nestjs/common';
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext } from 'playwright-core';
import { DataSource } from 'typeorm';
import { freshDatabase } from '../fresh-database';

// What the benches that run the API themselves share: their environment, the API started on a database of their
// own, and how they print their figures.

// Production settings (production's checks apply) on the bench's own database, the machine's Redis under a queue
// prefix of the process's own, secrets of the bench's own (`key`: text made into the 32-byte encryption key),
// mail to a local SMTP port, and sign-ins not rate-limited. `extra` adds to it or overrides it.
export function benchEnv(
  databaseUrl: string,
  secrets: { jwt: string; key: string },
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `kokemus-bench-${process.pid}`,
    JWT_SECRET: secrets.jwt,
    // Production refuses .env.example's key.
    ENCRYPTION_KEY: `k1:${Buffer.from(secrets.key.padEnd(32, '!').slice(0, 32)).toString('base64')}`,
    SMTP_URL: 'smtp://127.0.0.1:1025',
    LOG_LEVEL: 'warn',
    LOGIN_LIMIT_PER_MINUTE: '1000',
    ...extra,
  };
}

// The environment of a bench that drives the web app in a browser: benchEnv's, with the API's public URL at `port`
// on this machine, which is returned. Plain http here: the session cookies are not marked Secure.
export function browserBenchEnv(databaseUrl: string, port: number, secrets: { jwt: string; key: string }): string {
  const base = `http://127.0.0.1:${port}`;
  Object.assign(process.env, benchEnv(databaseUrl, secrets, { PUBLIC_URL: base }));
  return base;
}

// The API (HTTP, no workers) on `databaseUrl` dropped, created afresh and migrated, listening on 127.0.0.1 (`port`
// 0: a free one). The app's modules are loaded only now, after the bench has set its environment.
export async function startBenchApi(
  databaseUrl: string,
  port = 0,
): Promise<{ app: INestApplication; db: DataSource; origin: string }> {
  await freshDatabase(databaseUrl);
  const { AppModule } = await import('../../src/app.module');
  const { createHttpApp } = await import('../../src/http-app');
  const app = await createHttpApp(AppModule.forRoot({ runWorkers: false }));
  await app.listen(port, '127.0.0.1');
  const origin = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  return { app, db: app.get(DataSource), origin };
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

// The machine's load average (1, 5, 15 minutes), as printed beside the figures.
export function loadAverage(): string {
  return loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
}

// A Tuesday three weeks ahead: `at(hour)` is that day at `hour` in Helsinki's standard time (UTC+2), as an ISO string.
export function tuesdayThreeWeeksAhead(): (hour: number) => string {
  const day = new Date(Date.now() + 21 * 86400_000);
  day.setUTCDate(day.getUTCDate() + ((9 - day.getUTCDay()) % 7));
  return (hour) =>
    new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour - 2)).toISOString();
}

// The API from compiled JavaScript (dist/, `npx tsc -p tsconfig.build.json --outDir dist`) in a process of its own,
// as production runs it (HTTP, no workers), with `env` and Node's `flags`; resolves with its port once it listens.
export function spawnCompiledApi(
  env: NodeJS.ProcessEnv,
  flags: string[] = [],
): Promise<{ child: ChildProcess; port: number }> {
  const dist = join(__dirname, '..', '..', 'dist', 'src');
  const child = spawn(
    process.execPath,
    [
      ...flags,
      '-e',
      `require('reflect-metadata');
      const { AppModule } = require(${JSON.stringify(join(dist, 'app.module'))});
      const { createHttpApp } = require(${JSON.stringify(join(dist, 'http-app'))});
      createHttpApp(AppModule.forRoot({ runWorkers: false })).then(async (app) => {
        await app.listen(0, '127.0.0.1');
        console.log('listening ' + app.getHttpServer().address().port);
        process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
      });`,
    ],
    { env, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return listening(child);
}

// Resolves with the port once the child prints "listening <port>"; rejects if it exits first.
export function listening(child: ChildProcess): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      const port = /listening (\d+)/.exec(chunk.toString())?.[1];
      if (port) resolve({ child, port: Number(port) });
    });
  });
}

// User + system CPU seconds a process has used (clock ticks of 10 ms): CPU per request is far less disturbed by
// the machine's other work than requests per second.
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

// Runs a bench's `main` and ends the process when it is done (0), or prints its error and ends it with 1: the
// browser and the API's connections would keep it running.
export function runBench(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

// A new browser profile (Finnish, Helsinki time) at `baseURL`, with `user` signed in by the API's own browser
// sign-in (POST /api/auth/login with session=cookie, so that the httpOnly refresh cookie is set): the app's first
// page restores the session through that cookie, as after a reload.
export async function signedInContext(
  browser: Browser,
  baseURL: string,
  user: { email: string; password: string },
  viewport: { width: number; height: number },
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, locale: 'fi-FI', viewport, timezoneId: 'Europe/Helsinki' });
  const signIn = await context.request.post('/api/auth/login', {
    data: { email: user.email, password: user.password, session: 'cookie' },
  });
  if (!signIn.ok()) throw new Error(`sign-in refused: ${signIn.status()} ${await signIn.text()}`);
  return context;
}
