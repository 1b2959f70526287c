import { ChildProcess } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import request from 'supertest';
import { DEMO_DOMAIN, DEMO_PASSWORD } from '../../src/modules/demo/demo-data';
import { JourneyDriver, walkTheJourney } from '../journey/journey-steps';
import { apiAgent } from '../utils/api-agent';
import { ensureWebBuild } from '../../scripts/web-build';
import { compiledApp } from '../utils/compiled-app';
import { binary, until } from '../utils/documents';
import { readMailDir } from '../utils/eml';
import { EmbeddedApp, freePort, killAll, runMain, startEmbeddedApp } from '../utils/embedded-app';
import { asUser } from '../utils/as-user';

// The embedded mode as a newcomer meets it: `src/main.ts` with no DATABASE_URL and no REDIS_URL, in its own
// process on a fresh data directory. PGlite is one session and the queues are BullMQ's PostgreSQL backend in
// it, so the flows below run API requests, mail jobs, a delayed expiry job, contract and statement PDFs and
// a fee run through that one session. The whole journey is the one test/api/app/journey.ts walks in-process.

interface Expert {
  id: string;
  email: string;
}

describe('embedded mode', () => {
  let app: EmbeddedApp;
  const http = () => apiAgent(request(app.baseUrl));
  const as = asUser(() => http());
  const login = async (key: string) =>
    (
      await http()
        .post('/auth/login')
        .send({ email: `${key}@${DEMO_DOMAIN}`, password: DEMO_PASSWORD })
        .expect(200)
    ).body.accessToken as string;
  const loginAs = async (email: string) =>
    (await http().post('/auth/login').send({ email, password: DEMO_PASSWORD }).expect(200)).body.accessToken as string;

  // The .eml files the app wrote, decoded.
  const mails = () => readMailDir(join(app.dataDir, 'mail'));
  async function eventually<T>(
    what: string,
    probe: () => Promise<T | undefined> | T | undefined,
    timeoutMs = 15_000,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  // Kept across the restart test; removed at the end.
  const dataDir = mkdtempSync(join(tmpdir(), 'kokemus-embedded-'));
  // The build the child runs (compiled once per source tree; see test/utils/compiled-app.ts), with a time
  // limit of its own: the app's boot limit starts only once it exists.
  beforeAll(() => {
    compiledApp();
    // The web app the child serves at / (web/dist), built if its sources changed.
    ensureWebBuild({ quiet: true });
  }, 120_000);
  beforeAll(async () => {
    app = await startEmbeddedApp({ dataDir, testClock: true });
  });
  afterAll(async () => {
    await app?.stop();
    killAll();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('boots on a fresh data directory, seeds the demo data and prints how to start', async () => {
    // The greeting follows the boot log by a moment.
    const printed = await eventually('the greeting', () =>
      app.output().includes('demo logins') ? app.output() : undefined,
    );
    expect(printed).toContain('This mode is for trying Kokemus out, not for production');
    expect(printed).toContain(`${app.baseUrl.replace('127.0.0.1', 'localhost')}/api/docs`);
    expect(printed).toContain(`coordinator@${DEMO_DOMAIN}`);
    expect(printed).toContain(DEMO_PASSWORD);
    expect(printed).toContain('"demoData":"seeded"');
    // The demo's paid fee run was exported by the worker (statement threads start from the data directory too).
    expect(printed).not.toContain('did not finish');
  });

  // County rule 2.4, as the coordinator reads it from the demo: no paid work without a signed contract, each
  // approved and signed before the work, its PDF served with the hash it was signed with.
  it("pays the demo's past work only under contracts signed before it, their PDFs served as stored", async () => {
    const coordinator = await login('coordinator');
    const claims = (await as(coordinator).get('/claims?limit=100').expect(200)).body.items as {
      assignmentId: string;
      status: string;
    }[];
    const contracts = (await as(coordinator).get('/contracts?limit=100').expect(200)).body.items as {
      id: string;
      status: string;
      approvedAt: string;
      pdfSha256: string;
      assignments: { id: string; status: string; startsAt: string }[];
      signature: { at: string; pdfSha256: string; ip: string; userAgent: string } | null;
    }[];
    const paid = claims.filter((c) => c.status === 'paid');
    expect(paid).toHaveLength(6);
    const done = contracts.flatMap((c) =>
      c.assignments.filter((a) => ['confirmed', 'completed'].includes(a.status)).map((a) => ({ a, c })),
    );
    expect(done.map(({ a }) => a.id).sort()).toEqual(paid.map((c) => c.assignmentId).sort());
    for (const { a, c } of done) {
      expect(['signed', 'expired']).toContain(c.status);
      expect(c.signature).toMatchObject({ ip: '127.0.0.1', userAgent: 'Kokemus demo seed', pdfSha256: c.pdfSha256 });
      expect(Date.parse(c.approvedAt)).toBeLessThan(Date.parse(c.signature!.at));
      expect(Date.parse(c.signature!.at)).toBeLessThan(Date.parse(a.startsAt));
      const pdf = await as(coordinator).get(`/contracts/${c.id}/pdf`).buffer(true).parse(binary).expect(200);
      const sha256 = createHash('sha256')
        .update(pdf.body as Buffer)
        .digest('hex');
      expect(sha256).toBe(c.pdfSha256);
      expect(pdf.headers.etag).toBe(`"${sha256}"`);
    }
  });

  it('serves the web app at / and on every screen URL, the API under /api', async () => {
    for (const path of ['/', '/sign-in', '/offers/d3b07384-d9a0-4c9b-8f1e-2f8b5c1e0a11']) {
      const res = await request(app.baseUrl).get(path).set('accept', 'text/html').expect(200);
      expect(res.text).toContain('<div id="root"></div>');
    }
    const missing = await request(app.baseUrl).get('/api/no-such-thing').set('accept', 'text/html').expect(404);
    expect(missing.body.code).toBe('NOT_FOUND');
  });

  it('reports PostgreSQL and the queue backend, not Redis, as healthy', async () => {
    const res = await http().get('/health').expect(200);
    expect(res.body.details).toEqual({ postgres: { status: 'up' }, queue: { status: 'up', backend: 'postgres' } });
  });

  // An order of the orderer's own unit, ten days ahead on a weekday at 10:00 in Vaasa, inside the demo
  // experts' weekly hours; submitted and ready for matching.
  async function submittedOrder(orderer: string): Promise<{ id: string; title: string; startsAt: DateTime }> {
    const [unit] = (await as(orderer).get('/units').expect(200)).body.filter(
      (u: { code: string }) => u.code === 'PSY-100',
    );
    let startsAt = DateTime.now()
      .setZone('Europe/Helsinki')
      .plus({ days: 10 })
      .set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
    while (startsAt.weekday > 5) startsAt = startsAt.plus({ days: 1 });
    const title = `Embedded check ${randomUUID().slice(0, 8)}`;
    const created = await as(orderer)
      .post('/booking-requests', {
        organisationId: unit.id,
        taskType: 'working_group',
        title,
        startsAt: startsAt.toUTC().toISO(),
        endsAt: startsAt.plus({ hours: 2 }).toUTC().toISO(),
        remote: false,
        municipality: '905',
        address: 'Hietalahdenkatu 2, Vaasa',
        languages: ['fi'],
        topics: [],
        expertsNeeded: 1,
        preparationHours: 1,
      })
      .expect(201);
    await as(orderer).post(`/booking-requests/${created.body.id}/submit`).expect(200);
    return { id: created.body.id, title, startsAt };
  }

  it('runs an order through candidates, an offer and its acceptance; the mail jobs run on the PostgreSQL queues', async () => {
    const coordinator = await login('coordinator');
    const orderer = await login('orderer.psy');
    const directory = await as(coordinator).get('/experts?limit=100').expect(200);
    expect(directory.body.total).toBe(40);
    const experts = new Map<string, Expert>(directory.body.items.map((e: Expert) => [e.id, e]));

    const order = await submittedOrder(orderer);
    const candidates = (await as(coordinator).get(`/booking-requests/${order.id}/candidates`).expect(200)).body
      .items as { expertId: string }[];
    expect(candidates.length).toBeGreaterThan(0);
    const expert = experts.get(candidates[0].expertId)!;
    const deadline = order.startsAt.minus({ days: 2 }).toUTC().toISO();
    const [offer] = (
      await as(coordinator)
        .post(`/booking-requests/${order.id}/offers`, { expertIds: [expert.id], deadline })
        .expect(201)
    ).body;

    const expertToken = await loginAs(expert.email);
    expect((await as(expertToken).get('/offers').expect(200)).body.map((o: { id: string }) => o.id)).toContain(
      offer.id,
    );
    const assignment = await as(expertToken).post(`/offers/${offer.id}/accept`).expect(201);
    expect(assignment.body).toMatchObject({ requestId: order.id, status: 'accepted', expert: { id: expert.id } });
    expect((await as(orderer).get(`/booking-requests/${order.id}`).expect(200)).body.status).toBe('filled');

    // The send-mail jobs wrote the offer to the expert and the acceptance notice to the orderer as .eml files.
    const delivered = await eventually('both mails', () => {
      const found = mails().filter((m) => m.text.includes(order.title));
      return found.length >= 2 ? found : undefined;
    });
    expect(delivered.filter((m) => m.to === expert.email)).toHaveLength(1);
    expect(delivered.filter((m) => m.to === `orderer.psy@${DEMO_DOMAIN}`)).toHaveLength(1);
  });

  it('expires an unanswered offer at its deadline through the delayed job', async () => {
    const coordinator = await login('coordinator');
    const order = await submittedOrder(await login('orderer.psy'));
    const [candidate] = (await as(coordinator).get(`/booking-requests/${order.id}/candidates`).expect(200)).body.items;
    const deadline = new Date(Date.now() + 2000).toISOString();
    const [offer] = (
      await as(coordinator)
        .post(`/booking-requests/${order.id}/offers`, { expertIds: [candidate.expertId], deadline })
        .expect(201)
    ).body;
    const directory = (await as(coordinator).get('/experts?limit=100').expect(200)).body.items as Expert[];
    const token = await loginAs(directory.find((e) => e.id === candidate.expertId)!.email);
    // Only the job changes the stored status; answering after the deadline would merely be refused.
    const status = await eventually('the expiry', async () => {
      const mine = (await as(token).get('/offers').expect(200)).body.find((o: { id: string }) => o.id === offer.id);
      return mine.status === 'offered' ? undefined : (mine.status as string);
    });
    expect(status).toBe('expired');
  });

  // The same steps as test/api/app/journey.ts, through this process's HTTP, its mail folder and its test
  // clock. The clock moves only the app's own rules: BullMQ's delayed jobs (offer expiry, completion reminder)
  // keep the real-time delay they were queued with, days away here, and find their work done if they ever run.
  it('walks the whole journey from an order to a paid fee', async () => {
    const driver: JourneyDriver = {
      http: http(),
      // The demo admin stands in for the one the CLI makes.
      adminToken: () => login('admin'),
      setClock: (at) => app.setClock(at),
      readMail: (to, match) =>
        until(
          async () => mails().find((m) => m.to === to && match(m)),
          (m) => m !== undefined,
        ).then((m) => m!),
    };
    const logged = app.output().length;
    await walkTheJourney(driver);
    // No step waited out PGlite's one session (SQLSTATE 55P03) and no job had to be retried.
    const during = app.output().slice(logged);
    expect(during).not.toContain('PGlite) runs one session');
    expect(during).not.toContain('"Job failed"');
  });

  it('refuses a second process on the same data directory with one clear line', async () => {
    const second: ChildProcess = runMain(app.dataDir, await freePort());
    let stderr = '';
    second.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // A second app that started anyway would never exit on its own.
    const code = await new Promise<number | string | null>((done) => {
      const timer = setTimeout(() => (second.kill('SIGKILL'), done('still running after 30 s')), 30_000);
      second.once('exit', (c) => (clearTimeout(timer), done(c)));
    });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^Another Kokemus process \(pid \d+\) is using the data directory .+; stop it first, or set DATA_DIR to another directory\.$/,
      ),
    ]);
  });

  it('keeps its data, its secrets and the demo data across a restart', async () => {
    const token = await login('coordinator');
    await app.stop();
    app = await startEmbeddedApp({ dataDir });
    // The JWT secret was kept in the data directory: a token from before the restart still works.
    await as(token).get('/experts?limit=1').expect(200);
    const ready = await eventually('the ready line', () =>
      app
        .output()
        .split('\n')
        .find((line) => line.includes('"bootMs"')),
    );
    expect(JSON.parse(ready)).toMatchObject({ demoData: 'already-seeded', migrationsRun: 0 });
  });
});
