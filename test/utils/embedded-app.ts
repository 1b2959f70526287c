import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { ClockReply, ClockSetMessage } from '../../src/common/clock/parent-controlled-clock';
import { compiledApp } from './compiled-app';

// PGlite cannot start inside Jest's sandbox (it loads parts of itself with dynamic import()), so the embedded
// mode is tested as a user meets it: the real entry point in a child process, over HTTP.
// The child runs a build of the code under test made for the test run (see compiled-app.ts), not dist/: on a
// fresh clone dist/ may not exist, and an existing one may be older than the code under test.

const BOOT_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 15_000;
const CLOCK_REPLY_TIMEOUT_MS = 10_000;

export interface EmbeddedApp {
  baseUrl: string;
  dataDir: string;
  // What the process printed so far (stdout and stderr), for assertions and for failure messages.
  output(): string;
  // Moves the app's clock (null: back to the real time) and resolves once the app has answered; only with
  // the option testClock.
  setClock(at: string | null): Promise<void>;
  stop(): Promise<void>;
}

export interface EmbeddedAppOptions {
  // Reuse a data directory (a restart); by default a new temporary one, removed on stop.
  dataDir?: string;
  env?: Record<string, string>;
  // The test controls the app's clock over an IPC channel (NODE_ENV=test, KOKEMUS_TEST_CLOCK=ipc; see
  // src/common/clock/parent-controlled-clock.ts). Off, the app runs exactly as on a developer's machine.
  testClock?: boolean;
}

const TEST_CLOCK_ENV = { NODE_ENV: 'test', KOKEMUS_TEST_CLOCK: 'ipc' };

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
    ...extra,
  };
}

// Runs the app's entry point (src/main.ts, compiled) with DATA_DIR and PORT, waiting until the process exits. With
// ipc, the child gets an IPC channel (what the test clock listens on).
export function runMain(dataDir: string, port: number, env: Record<string, string> = {}, ipc = false): ChildProcess {
  const child = spawn(process.execPath, [join(compiledApp(), 'src', 'main.js')], {
    // Not the repository: a developer's .env there must not turn this into the non-embedded mode.
    cwd: dataDir,
    env: childEnv(port, dataDir, env),
    stdio: ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  // The channel alone never keeps the test process alive; a pending setClock() has its own timer.
  child.channel?.unref();
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + BOOT_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `The embedded app exited (${child.exitCode ?? child.signalCode}) before it was healthy:\n${output()}`,
      );
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
  const child = options.testClock
    ? runMain(dataDir, port, { ...TEST_CLOCK_ENV, ...options.env }, true)
    : runMain(dataDir, port, options.env);
  let printed = '';
  child.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const output = () => printed;
  const stop = async () => {
    await stopChild(child);
    if (ownDir) rmSync(dataDir, { recursive: true, force: true });
  };
  let lastId = 0;
  const setClock = (at: string | null) => {
    if (!options.testClock) return Promise.reject(new Error('setClock() needs startEmbeddedApp({ testClock: true })'));
    const message: ClockSetMessage = { type: 'clock:set', id: ++lastId, at };
    return new Promise<void>((done, fail) => {
      const timer = setTimeout(
        () => (
          child.off('message', onReply),
          fail(new Error(`The app did not answer clock:set ${at} within ${CLOCK_REPLY_TIMEOUT_MS} ms:\n${output()}`))
        ),
        CLOCK_REPLY_TIMEOUT_MS,
      );
      const onReply = (reply: ClockReply) => {
        if (reply?.id !== message.id) return;
        clearTimeout(timer);
        child.off('message', onReply);
        if (reply.type === 'clock:set:done') done();
        else fail(new Error(`The app refused clock:set ${at}: ${reply.reason}`));
      };
      child.on('message', onReply);
      child.send(message);
    });
  };
  try {
    await waitForHealth(baseUrl, child, output);
  } catch (err) {
    await stop();
    throw err;
  }
  return { baseUrl, dataDir, output, setClock, stop };
}
