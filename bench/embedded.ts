// Embedded mode: boot time on a fresh and on an existing data directory, and API latency, as `npm start` runs it.
// npm run build && npx ts-node bench/embedded.ts [N] (default 100 requests per endpoint; dist/ must exist)
// BENCH_URL=http://127.0.0.1:3000 measures only the API of a server already running there with the demo data
// (for comparison with real PostgreSQL and Redis: `npm run seed:demo`, then `npm start`).
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEMO_DOMAIN, DEMO_PASSWORD } from '../src/modules/demo/demo-data';

const ROOT = resolve(__dirname, '..');
const MAIN = join(ROOT, 'dist', 'src', 'main.js');
const N = Number(process.argv[2] ?? 100);
const PORT = 3990;
const BASE = process.env.BENCH_URL ?? `http://127.0.0.1:${PORT}`;

function start(dataDir: string): ChildProcess {
  return spawn(process.execPath, [MAIN], {
    cwd: dataDir,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(PORT),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      LOGIN_LIMIT_PER_MINUTE: '1000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

async function healthy(child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode}`);
    const ok = await fetch(`${BASE}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

// The app's own account of its boot: the database thread, migrations and seeding.
interface Ready {
  bootMs: number;
  loadMs: number;
  databaseMs: number;
  migrationsMs: number;
  appMs: number;
  seedMs: number;
  migrationsRun: number;
  demoData: string;
}

async function boot(dataDir: string): Promise<{ child: ChildProcess; ms: number; ready?: Ready }> {
  const t0 = performance.now();
  const child = start(dataDir);
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await healthy(child);
  const line = out.split('\n').find((l) => l.includes('"bootMs"'));
  return { child, ms: performance.now() - t0, ready: line ? (JSON.parse(line) as Ready) : undefined };
}

const account = (r?: Ready) =>
  r
    ? ` (in the app: ${r.bootMs} ms after ${r.loadMs} ms of loading the entry point: the database thread ${r.databaseMs} ms, ` +
      `${r.migrationsRun} migrations ${r.migrationsMs} ms, the app ${r.appMs} ms, demo data ${r.demoData} ${r.seedMs} ms)`
    : '';

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

async function call(path: string, init: RequestInit = {}): Promise<Response> {
  const res = await fetch(`${BASE}${path}`, init);
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
  return res;
}

const login = (key: string) =>
  call('/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${key}@${DEMO_DOMAIN}`, password: DEMO_PASSWORD }),
  });

async function timed(label: string, n: number, fn: () => Promise<unknown>): Promise<void> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const at = (p: number) => ms[Math.min(ms.length - 1, Math.floor((p / 100) * ms.length))].toFixed(1);
  console.log(
    `${label.padEnd(36)} n=${String(n).padStart(4)}  p50 ${at(50).padStart(6)} ms  p95 ${at(95).padStart(6)} ms  max ${ms[ms.length - 1].toFixed(1)} ms`,
  );
}

async function measureApi(): Promise<void> {
  const token = ((await (await login('coordinator')).json()) as { accessToken: string }).accessToken;
  const auth = { headers: { authorization: `Bearer ${token}` } };
  const open = ((await (await call('/booking-requests?status=submitted', auth)).json()) as { items: { id: string }[] })
    .items[0];
  await timed('POST /auth/login (argon2 included)', Math.min(N, 50), () => login('coordinator'));
  await timed('GET /experts?limit=50', N, () => call('/experts?limit=50', auth));
  await timed('GET /booking-requests/:id/candidates', N, () => call(`/booking-requests/${open.id}/candidates`, auth));
  await timed('GET /booking-requests', N, () => call('/booking-requests', auth));
  await timed('GET /health', N, () => call('/health'));
}

async function main(): Promise<void> {
  if (process.env.BENCH_URL) return measureApi();
  if (!existsSync(MAIN)) throw new Error('dist/src/main.js is missing: run `npm run build` first');
  const dataDir = mkdtempSync(join(tmpdir(), 'kokemus-bench-'));
  try {
    const fresh = await boot(dataDir);
    console.log(`boot, fresh data directory: ${fresh.ms.toFixed(0)} ms to a healthy /health${account(fresh.ready)}`);
    await stop(fresh.child);
    const again = await boot(dataDir);
    console.log(`boot, existing data directory: ${again.ms.toFixed(0)} ms to a healthy /health${account(again.ready)}`);
    await measureApi();
    await stop(again.child);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
