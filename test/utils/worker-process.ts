import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

// The real worker entry (src/worker.ts) in a process of its own, on the test database and a given queue
// prefix, so that a test can kill it the hard way (SIGKILL) as a crash would.
export class WorkerProcess {
  private readonly output: string[] = [];

  private constructor(readonly child: ChildProcess) {
    const keep = (chunk: Buffer) => {
      this.output.push(...chunk.toString().split('\n').filter(Boolean));
      this.output.splice(0, Math.max(0, this.output.length - 200));
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  static async start(env: Record<string, string>, timeoutMs = 60_000): Promise<WorkerProcess> {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/worker.ts'], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'info', TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const worker = new WorkerProcess(child);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Worker did not start:\n${worker.log()}`)), timeoutMs);
      const ready = (chunk: Buffer) => {
        if (chunk.toString().includes('Worker running')) {
          clearTimeout(timer);
          child.stdout?.off('data', ready);
          resolve();
        }
      };
      child.stdout?.on('data', ready);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`Worker exited (${code ?? signal}) before it was ready:\n${worker.log()}`));
      });
    });
    return worker;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  // SIGKILL: no shutdown hook runs, no transaction commits, BullMQ's lock is simply left to expire.
  async kill(): Promise<void> {
    if (!this.running) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGKILL');
    await exited;
  }

  log(): string {
    return this.output.slice(-60).join('\n');
  }
}

const REDIS_PORT = '6379';

export function redisUp(): boolean {
  try {
    return execFileSync('redis-cli', ['-p', REDIS_PORT, 'ping'], { encoding: 'utf8', timeout: 2000 }).trim() === 'PONG';
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function startRedis(): Promise<void> {
  if (redisUp()) return;
  execFileSync('redis-server', [
    '--daemonize', 'yes',
    '--bind', '127.0.0.1', '-::1',
    '--port', REDIS_PORT,
    '--save', '',
    '--appendonly', 'no',
    '--dir', '/var/lib/redis',
    '--logfile', '/var/log/redis/ci.log',
  ]);
  await waitFor(redisUp, 10_000, 'Redis to start');
}

// Shuts Redis down without saving (every queue is lost, as after a crash of a Redis without persistence)
// and starts it again; Redis is back when this returns, whatever happened in between.
export async function restartRedis(downMs = 500): Promise<void> {
  try {
    try {
      execFileSync('redis-cli', ['-p', REDIS_PORT, 'shutdown', 'nosave'], { stdio: 'ignore', timeout: 5000 });
    } catch {
      // redis-cli reports the closed connection as an error; whether Redis is down is checked next.
    }
    await waitFor(() => !redisUp(), 10_000, 'Redis to stop');
    await new Promise((r) => setTimeout(r, downMs));
  } finally {
    await startRedis();
  }
}
