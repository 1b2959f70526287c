import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { compiledApp } from './compiled-app';
import { freePort } from './embedded-app';

const ROOT = join(__dirname, '..', '..');

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  // From the signal to the exit.
  ms: number;
}

// One of the app's real entry points (the build of the code under test, see compiled-app.ts) in a process of
// its own, on the test database and the given Redis and queue prefix, so that a test can stop it as an
// orchestrator would (SIGTERM) or kill it as a crash would (SIGKILL).
export class AppProcess {
  private readonly output: string[] = [];

  protected constructor(readonly child: ChildProcess) {
    const keep = (chunk: Buffer) => {
      this.output.push(...chunk.toString().split('\n').filter(Boolean));
      this.output.splice(0, Math.max(0, this.output.length - 5000));
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  protected static spawn(entry: 'worker' | 'main', env: Record<string, string>): ChildProcess {
    const child = spawn(process.execPath, [join(compiledApp(), 'src', `${entry}.js`)], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    child.once('exit', () => running.delete(child));
    return child;
  }

  // Resolves once the process printed `ready`.
  protected async ready(ready: string, timeoutMs: number): Promise<void> {
    const child = this.child;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The process did not start:\n${this.log()}`)), timeoutMs);
      const onData = (chunk: Buffer) => {
        if (!chunk.toString().includes(ready)) return;
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.off('exit', onExit);
        resolve();
      };
      const onExit = (code: number | null, signal: string | null) => {
        clearTimeout(timer);
        reject(new Error(`The process exited (${code ?? signal}) before it was ready:\n${this.log()}`));
      };
      child.stdout?.on('data', onData);
      child.once('exit', onExit);
    });
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

  // SIGTERM, as an orchestrator stops a process, and how long it took to exit. A process still running after
  // waitMs is killed (and the exit says so: signal SIGKILL), so that a test fails instead of hanging.
  async terminate(waitMs = 30_000): Promise<Exit> {
    if (!this.running)
      throw new Error(
        `The process had already exited (${this.child.exitCode ?? this.child.signalCode}):\n${this.log()}`,
      );
    const started = Date.now();
    const exited = new Promise<Exit>((resolve) =>
      this.child.once('exit', (code, signal) => resolve({ code, signal, ms: Date.now() - started })),
    );
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), waitMs);
    const exit = await exited;
    clearTimeout(timer);
    return exit;
  }

  log(): string {
    return this.output.slice(-80).join('\n');
  }

  // Whether the process printed a line with the text (its last 5,000 lines are kept).
  printed(text: string): boolean {
    return this.output.some((line) => line.includes(text));
  }
}

// The queue worker (src/worker.ts).
export class WorkerProcess extends AppProcess {
  static async start(env: Record<string, string>, timeoutMs = 60_000): Promise<WorkerProcess> {
    const worker = new WorkerProcess(AppProcess.spawn('worker', env));
    await worker.ready('Worker running', timeoutMs);
    return worker;
  }
}

// The API without workers (src/main.ts on PostgreSQL and Redis) on a free port.
export class ApiProcess extends AppProcess {
  private constructor(
    child: ChildProcess,
    readonly baseUrl: string,
  ) {
    super(child);
  }

  static async start(env: Record<string, string>, timeoutMs = 60_000): Promise<ApiProcess> {
    const port = await freePort();
    const api = new ApiProcess(
      AppProcess.spawn('main', { PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, ...env }),
      `http://127.0.0.1:${port}`,
    );
    await api.ready('API docs at', timeoutMs);
    return api;
  }
}

// Started children die with the test process, however it ends.
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));
