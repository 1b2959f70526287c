import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, TestApp } from '../../utils/test-app';

// `npm run cli` as an administrator runs it: from a build of its own, beside a running API that must not be
// disturbed (dist/ is what `npm start` runs).
const ROOT = join(__dirname, '..', '..', '..');

function npmRunCli(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'cli', '--', ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run cli', () => {
  let t: TestApp;
  const marker = join(ROOT, 'dist', `.cli-test-${process.pid}`);
  beforeAll(async () => {
    t = await createTestApp({ runWorkers: false });
    mkdirSync(join(ROOT, 'dist'), { recursive: true });
    writeFileSync(marker, 'a running API is started from dist/');
  });
  afterAll(async () => {
    rmSync(marker, { force: true });
    await t?.close();
  });

  it('invites the first admin without touching dist/, and the printed token sets a password that signs in', async () => {
    const before = statSync(marker).mtimeMs;
    const email = `first.admin.${randomUUID().slice(0, 8)}@example.org`;
    const env = { ...process.env, QUEUE_PREFIX: `kokemus-test-${randomUUID().slice(0, 8)}` };
    const run = await npmRunCli(['create-admin', '--email', email, '--name', 'Anna Admin'], env);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: expect.any(String) });
    expect(existsSync(marker) && statSync(marker).mtimeMs).toBe(before);

    const token = /#token=(\S+)/.exec(run.stdout)?.[1];
    expect(token).toBeDefined();
    const password = 'Saaristomeren-lokki-2026';
    await t.http.post('/auth/invitations/accept').send({ token, password }).expect(204);
    const login = await t.http.post('/auth/login').send({ email, password }).expect(200);
    const me = await t.http
      .get('/me')
      .set('authorization', `Bearer ${login.body.accessToken as string}`)
      .expect(200);
    expect(me.body).toMatchObject({ email, role: 'admin' });
  });
});
