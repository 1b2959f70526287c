import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';

// PGlite cannot start inside Jest's sandbox (it loads parts of itself with dynamic import()), so the embedded
// mode is tested as a user meets it: the real entry point in a child process, over HTTP.
// The child runs src/main.ts through ts-node rather than dist/: on a fresh clone dist/ may not exist, and an
// existing one may be older than the code under test.

const ROOT = resolve(__dirname, '..', '..');
const BOOT_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 15_000;

export interface EmbeddedApp {
  baseUrl: string;
  dataDir: string;
  // What the process printed so far (stdout and stderr), for assertions and for failure messages.
  output(): string;
  stop(): Promise<void>;
}

export interface EmbeddedAppOptions {
  // Reuse a data directory (a restart); by default a new temporary one, removed on stop.
  dataDir?: string;
  env?: Record<string, string>;
}

// Started children die with the test process, however it ends; a left-over child would also keep Jest from
// exiting.
const running = new Set<ChildProcess>();
export function killAll(): void {
  running.forEach((child) => child.kill('SIGKILL'));
}
process.once('exit', killAll);

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

// A clean environment: no DATABASE_URL, REDIS_URL or secrets from the test setup, so that the app chooses the
// embedded mode and its own defaults exactly as on a developer's machine.
function childEnv(port: number, dataDir: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'SystemRoot'];
  const env: NodeJS.ProcessEnv = {};
  for (const name of keep) if (process.env[name] !== undefined) env[name] = process.env[name];
  return {
    ...env,
    NODE_ENV: 'development',
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    LOGIN_LIMIT_PER_MINUTE: '1000',
    TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
    ...extra,
  };
}

// Runs the app's entry point (src/main.ts) with DATA_DIR and PORT, waiting until the process exits.
export function runMain(dataDir: string, port: number, env: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, ['-r', require.resolve('ts-node/register/transpile-only'), join(ROOT, 'src', 'main.ts')], {
    // Not the repository: a developer's .env there must not turn this into the non-embedded mode.
    cwd: dataDir,
    env: childEnv(port, dataDir, env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + BOOT_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The embedded app exited (${child.exitCode ?? child.signalCode}) before it was healthy:\n${output()}`);
    }
    const healthy = await request(baseUrl)
      .get('/health')
      .timeout(5000)
      .then((res) => res.status === 200)
      .catch(() => false);
    if (healthy) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The embedded app was not healthy within ${BOOT_TIMEOUT_MS} ms:\n${output()}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

export async function startEmbeddedApp(options: EmbeddedAppOptions = {}): Promise<EmbeddedApp> {
  const ownDir = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'kokemus-embedded-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = runMain(dataDir, port, options.env);
  let printed = '';
  child.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const output = () => printed;
  const stop = async () => {
    await stopChild(child);
    if (ownDir) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, child, output);
  } catch (err) {
    await stop();
    throw err;
  }
  return { baseUrl, dataDir, output, stop };
}
