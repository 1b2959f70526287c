import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './embedded-app';

// A Redis of the test's own: a redis-server child on a free port, without persistence, in a temporary
// directory. Tests that stop or restart Redis do it to this one; the machine's Redis (port 6379), which
// other processes use, is never stopped by the test suite.
export class RedisServer {
  private child?: ChildProcess;

  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  static async start(): Promise<RedisServer> {
    const server = new RedisServer(await freePort(), mkdtempSync(join(tmpdir(), 'kokemus-redis-')));
    await server.up();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  answers(): boolean {
    try {
      return (
        execFileSync('redis-cli', ['-p', String(this.port), 'ping'], { encoding: 'utf8', timeout: 2000 }).trim() ===
        'PONG'
      );
    } catch {
      return false;
    }
  }

  async up(): Promise<void> {
    if (this.running) return;
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.dir],
      {
        stdio: 'ignore',
      },
    );
    this.child = child;
    running.add(child);
    child.once('exit', () => running.delete(child));
    await waitFor(() => this.answers(), 10_000, `Redis to start on port ${this.port}`);
  }

  // As a crash would: SIGKILL, so every queue is lost (nothing is persisted).
  async down(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    await waitFor(() => !this.answers(), 10_000, `Redis on port ${this.port} to stop`);
  }

  // Down and up again, empty; Redis answers when this returns, whatever happened in between.
  async restart(downMs = 500): Promise<void> {
    try {
      await this.down();
      await new Promise((r) => setTimeout(r, downMs));
    } finally {
      await this.up();
    }
  }

  async stop(): Promise<void> {
    await this.down();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// However the test process ends, its Redis servers end with it.
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));
