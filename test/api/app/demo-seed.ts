import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { databaseOptions } from '../../../src/database/database-options';
import { buildOpenApi } from '../../../src/http-app';
import { DEMO_DOMAIN, DEMO_PASSWORD } from '../../../src/modules/demo/demo-data';
import { DemoSeedService } from '../../../src/modules/demo/demo-seed.service';
import { binary, pdfCells } from '../../utils/documents';
import { TEST_DATABASE_URL } from '../../utils/test-env';
import { createTestApp, TestApp } from '../../utils/test-app';

// The demo seed on real PostgreSQL and Redis. It refuses a database that holds other data, so it gets one of
// its own beside the test database, made and migrated here and dropped at the end.
const DEMO_DB = `${TEST_DATABASE_URL.replace(/.*\//, '')}_demo`;
const DEMO_URL = TEST_DATABASE_URL.replace(/\/[^/]+$/, `/${DEMO_DB}`);

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: TEST_DATABASE_URL.replace(/\/[^/]+$/, '/postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

interface Covered {
  assignment_id: string;
  assignment_status: string;
  starts_at: Date;
  contract_id: string | null;
  contract_status: string | null;
  approved_at: Date | null;
  approved_by: string | null;
  signed_at: Date | null;
  signed_ip: string | null;
  signed_user_agent: string | null;
  pdf: Buffer | null;
  pdf_sha256: string | null;
  signed_pdf_sha256: string | null;
}

describe('the demo seed', () => {
  let t: TestApp;
  let outcome: string;

  beforeAll(async () => {
    await admin(`DROP DATABASE IF EXISTS ${DEMO_DB} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${DEMO_DB}`);
    const migrations = new DataSource(databaseOptions(DEMO_URL, 2));
    await migrations.initialize();
    await migrations.runMigrations({ transaction: 'each' });
    await migrations.destroy();
    t = await createTestApp({ env: { DATABASE_URL: DEMO_URL } });
    outcome = await t.app.get(DemoSeedService).seed();
  });
  afterAll(async () => {
    await t?.close();
    await admin(`DROP DATABASE IF EXISTS ${DEMO_DB} WITH (FORCE)`);
  });

  const sql = <T>(query: string, params: unknown[] = []): Promise<T[]> => t.db.query(query, params);
  const login = async (key: string) =>
    (
      await t.http
        .post('/auth/login')
        .send({ email: `${key}@${DEMO_DOMAIN}`, password: DEMO_PASSWORD })
        .expect(200)
    ).body.accessToken as string;

  // Every assignment with the contract that covers it now (live), if any.
  const coverage = () =>
    sql<Covered>(
      `SELECT a.id AS assignment_id, a.status AS assignment_status, a.starts_at, c.id AS contract_id, c.status AS contract_status,
              c.approved_at, c.approved_by, c.signed_at, c.signed_ip, c.signed_user_agent, c.pdf, c.pdf_sha256, c.signed_pdf_sha256
         FROM assignments a
         LEFT JOIN contract_assignments ca ON ca.assignment_id = a.id AND ca.live
         LEFT JOIN contracts c ON c.id = ca.contract_id
        ORDER BY a.starts_at`,
    );

  it('seeds an empty database once, and leaves a seeded one as it is', async () => {
    expect(outcome).toBe('seeded');
    await expect(t.app.get(DemoSeedService).seed()).resolves.toBe('already-seeded');
  });

  it('covers every confirmed or completed assignment with a contract approved and signed before the work, its PDF stored with its SHA-256', async () => {
    const [coordinator] = await sql<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [
      `coordinator@${DEMO_DOMAIN}`,
    ]);
    const done = (await coverage()).filter((a) => ['confirmed', 'completed'].includes(a.assignment_status));
    expect(done.map((a) => a.assignment_status)).toEqual(Array(6).fill('completed'));
    for (const a of done) {
      // Signed, or signed and since expired by the daily sweep: either way the expert's signature stands.
      expect(['signed', 'expired']).toContain(a.contract_status);
      expect(a.approved_by).toBe(coordinator.id);
      expect(a.approved_at!.getTime()).toBeLessThan(a.signed_at!.getTime());
      expect(a.signed_at!.getTime()).toBeLessThan(a.starts_at.getTime());
      // What the seed is, said plainly: not a browser, and this machine.
      expect(a.signed_user_agent).toBe('Kokemus demo seed');
      expect(a.signed_ip).toBe('127.0.0.1');
      const sha256 = createHash('sha256').update(a.pdf!).digest('hex');
      expect(a.pdf_sha256).toBe(sha256);
      expect(a.signed_pdf_sha256).toBe(sha256);
    }
  });

  it('gives each signed demo contract its signed copy: the approved PDF unchanged, then the signature page', async () => {
    const done = (await coverage()).filter((a) => ['confirmed', 'completed'].includes(a.assignment_status));
    const copies = await sql<{
      contract_id: string;
      pdf: Buffer;
      sha256: string;
      approved_sha256: string;
      approved_bytes: number;
    }>(
      `SELECT contract_id, pdf, sha256, approved_sha256, approved_bytes FROM contract_signed_copies WHERE contract_id = ANY($1)`,
      [done.map((a) => a.contract_id)],
    );
    expect(copies).toHaveLength(done.length);
    for (const copy of copies) {
      const a = done.find((d) => d.contract_id === copy.contract_id)!;
      expect(createHash('sha256').update(copy.pdf).digest('hex')).toBe(copy.sha256);
      expect(copy.pdf.subarray(0, copy.approved_bytes).equals(a.pdf!)).toBe(true);
      expect(copy.approved_sha256).toBe(a.signed_pdf_sha256);
    }
    const first = copies[0];
    const text = await pdfCells(first.pdf);
    expect(text).toContain(first.approved_sha256);
    expect(text).toContain('127.0.0.1');
  });

  it('leaves no open assignment without a live contract', async () => {
    const all = await coverage();
    expect(all.filter((a) => a.contract_id === null && a.assignment_status !== 'cancelled')).toEqual([]);
    // Accepted work that is not yet signed has its draft or approved contract, as booking leaves it.
    for (const a of all.filter((x) => x.assignment_status === 'accepted'))
      expect(['draft', 'approved']).toContain(a.contract_status);
  });

  it('pays no claim whose work lacks a signed contract, and pays last month in one exported fee run', async () => {
    const claims = await sql<{
      status: string;
      contract_status: string | null;
      signed_at: Date | null;
      paid_run_id: string | null;
    }>(
      `SELECT cl.status, c.status AS contract_status, c.signed_at, cl.paid_run_id
         FROM claims cl
         LEFT JOIN contract_assignments ca ON ca.assignment_id = cl.assignment_id AND ca.live
         LEFT JOIN contracts c ON c.id = ca.contract_id`,
    );
    expect(claims).toHaveLength(6);
    for (const claim of claims) {
      expect(claim.status).toBe('paid');
      expect(['signed', 'expired']).toContain(claim.contract_status);
      expect(claim.signed_at).not.toBeNull();
    }
    const runs = await sql<{ id: string; status: string }>(`SELECT id, status FROM fee_runs`);
    expect(runs).toEqual([{ id: claims[0].paid_run_id, status: 'exported' }]);
  });

  it('tells the story in order: booked, approved, PDF stored, signed, confirmed, then the work done and claimed', async () => {
    const rows = await sql<{
      assignment_id: string;
      starts_at: Date;
      ends_at: Date;
      completed_at: Date;
      submitted_at: Date;
      decided_at: Date;
      approved_at: Date;
      signed_at: Date;
    }>(
      `SELECT a.id AS assignment_id, a.starts_at, a.ends_at, a.completed_at, cl.submitted_at, cl.decided_at, c.approved_at, c.signed_at
         FROM assignments a
         JOIN claims cl ON cl.assignment_id = a.id
         JOIN contract_assignments ca ON ca.assignment_id = a.id AND ca.live
         JOIN contracts c ON c.id = ca.contract_id`,
    );
    expect(rows).toHaveLength(6);
    for (const r of rows) {
      const times = [
        r.approved_at,
        r.signed_at,
        r.starts_at,
        r.ends_at,
        r.completed_at,
        r.submitted_at,
        r.decided_at,
      ].map((d) => d.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
    // The audit log holds the real services' own rows for each step, from the seed; one more draft waits for
    // approval, for the work booked ahead.
    const actions = await sql<{ action: string; n: string }>(
      `SELECT action, count(*) AS n FROM audit_events
        WHERE action IN ('contract.drafted', 'contract.approved', 'contract.pdf_stored', 'contract.signed', 'assignment.confirmed', 'assignment.completed')
        GROUP BY action ORDER BY action`,
    );
    expect(Object.fromEntries(actions.map((a) => [a.action, Number(a.n)]))).toEqual({
      'assignment.completed': 6,
      'assignment.confirmed': 6,
      'contract.approved': 6,
      'contract.drafted': 7,
      'contract.pdf_stored': 6,
      'contract.signed': 6,
    });
    const signed = await sql<{ user_agent: string }>(
      `SELECT user_agent FROM audit_events WHERE action = 'contract.signed'`,
    );
    expect(new Set(signed.map((s) => s.user_agent))).toEqual(new Set(['Kokemus demo seed']));
  });

  it("signs in with the login example of the API's OpenAPI document", async () => {
    const doc = buildOpenApi(t.app) as unknown as {
      components: { schemas: Record<string, { properties: Record<string, { example?: unknown }> }> };
    };
    const { email, password } = doc.components.schemas.LoginDto.properties;
    const res = await t.http.post('/auth/login').send({ email: email.example, password: password.example }).expect(200);
    expect(res.body.accessToken).toEqual(expect.any(String));
  });

  it('gives every expert a name of their own', async () => {
    const names = (await sql<{ name: string }>(`SELECT u.name FROM users u JOIN experts e ON e.user_id = u.id`)).map(
      (u) => u.name,
    );
    expect(names).toHaveLength(40);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it("has an open offer waiting for expert01, as the README's tour shows it", async () => {
    const token = await login('expert01');
    const offers = await t.http.get('/offers').set('authorization', `Bearer ${token}`).expect(200);
    expect(offers.body).toEqual([expect.objectContaining({ status: 'offered' })]);
    const [offer] = offers.body as { id: string; deadline: string }[];
    expect(new Date(offer.deadline).getTime()).toBeGreaterThan(Date.now());
  });

  it('has work booked ahead, whose time the tour changes, for another expert than the one the tour offers work', async () => {
    const booked = await sql<{ expert: string; orderer: string }>(
      `SELECT e.email AS expert, o.email AS orderer
         FROM assignments a JOIN booking_requests r ON r.id = a.request_id
         JOIN users e ON e.id = a.expert_id JOIN users o ON o.id = r.created_by
        WHERE a.status = 'accepted' AND a.starts_at > now()`,
    );
    expect(booked).toEqual([
      { expert: expect.not.stringMatching(/^expert01@/), orderer: 'orderer.ark@demo.kokemus.invalid' },
    ]);
    const token = await login('orderer.ark');
    const orders = await t.http.get('/booking-requests').set('authorization', `Bearer ${token}`).expect(200);
    const items = (orders.body as { items: { status: string; startsAt: string }[] }).items;
    expect(items.filter((o) => o.status === 'filled' && new Date(o.startsAt).getTime() > Date.now())).toHaveLength(1);
  });

  it('shows an expert their signed contract and serves its PDF with the stored hash', async () => {
    const token = await login('expert01');
    const list = await t.http.get('/contracts').set('authorization', `Bearer ${token}`).expect(200);
    expect(list.body.total).toBe(1);
    const [contract] = list.body.items;
    expect(['signed', 'expired']).toContain(contract.status);
    const pdf = await t.http
      .get(`/contracts/${contract.id}/pdf`)
      .set('authorization', `Bearer ${token}`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const sha256 = createHash('sha256')
      .update(pdf.body as Buffer)
      .digest('hex');
    expect(pdf.headers.etag).toBe(`"${sha256}"`);
    expect(contract.pdfSha256).toBe(sha256);
    // The PDF names the approving coordinator.
    expect(await pdfCells(pdf.body as Buffer)).toContain('Katarina Koordinator');
  });
});
