import { randomUUID } from 'node:crypto';
import { Role } from '../../../src/common/auth/role.enum';
import { AuditService } from '../../../src/modules/audit/audit.service';
import { createExpert } from '../../factories/experts.factory';
import { createUser, DEFAULT_PASSWORD, loggedIn, login } from '../../factories/users.factory';
import { AUDIT_ROUTE_PREFIXES, documentedRoutes } from '../../utils/routes';
import { createTestApp, TestApp } from '../../utils/test-app';

type Who = 'none' | Role;
const ALL: Who[] = ['none', Role.Orderer, Role.Expert, Role.Coordinator, Role.Admin];
const adminOnly = (ok: number): Record<Who, number> => ({
  none: 401,
  orderer: 403,
  expert: 403,
  coordinator: 403,
  admin: ok,
});

const IBAN = 'FI21 1234 5600 0007 85';
const IBAN_DIGITS = '21123456000785';
// Identity codes are unique across experts: a fresh valid one per run.
function identityCode(): string {
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
  const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, '0');
  const year = String(Math.floor(Math.random() * 100)).padStart(2, '0');
  const individual = String(2 + Math.floor(Math.random() * 897)).padStart(3, '0');
  const check = '0123456789ABCDEFHJKLMNPRSTUVWXY'[Number(`${day}${month}${year}${individual}`) % 31];
  return `${day}${month}${year}-${individual}${check}`;
}

// RFC 4180 with quoted cells (the details column is JSON).
function parseCsv(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted && c === '"') {
      quoted = false;
    } else if (quoted || (c !== '"' && c !== ',' && c !== '\r')) {
      cell += c;
    } else if (c === '"') {
      quoted = true;
    } else {
      record.push(cell);
      cell = '';
      if (c === '\r') {
        records.push(record);
        record = [];
        i++;
      }
    }
  }
  const [header, ...rows] = records;
  return rows.map((row) => Object.fromEntries(row.map((value, i) => [header[i], value])));
}

describe('the audit trail (admin only)', () => {
  let t: TestApp;
  const tokens = {} as Record<Role, string>;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of Object.values(Role)) tokens[role] = (await loggedIn(t.db, t.http, role)).token;
    admin = `Bearer ${tokens.admin}`;
  });
  afterAll(() => t.close());

  const rows = [
    { method: 'get' as const, template: '/audit-events', path: '/audit-events', expect: adminOnly(200) },
    { method: 'get' as const, template: '/audit-events.csv', path: '/audit-events.csv', expect: adminOnly(200) },
  ];

  it('covers every documented route under /audit-events', () => {
    expect(new Set(rows.map((r) => `${r.method} ${r.template}`))).toEqual(
      documentedRoutes(t.app, AUDIT_ROUTE_PREFIXES),
    );
  });

  it.each(
    rows.flatMap((row) =>
      ALL.map((who) => [`${row.method.toUpperCase()} ${row.template} as ${who}`, row, who] as const),
    ),
  )('%s', async (_name, row, who) => {
    let req = t.http[row.method](row.path);
    if (who !== 'none') req = req.set('authorization', `Bearer ${tokens[who]}`);
    const res = await req;
    expect({ status: res.status, code: res.body?.code }).toEqual({ status: row.expect[who], code: res.body?.code });
  });

  it('audits each refused role', async () => {
    const coordinator = await loggedIn(t.db, t.http, Role.Coordinator);
    await t.http.get('/audit-events').set('authorization', `Bearer ${coordinator.token}`).expect(403);
    const page = await t.http
      .get('/audit-events')
      .query({ actorId: coordinator.id, action: 'authz.denied' })
      .set('authorization', admin)
      .expect(200);
    expect(page.body.items).toEqual([
      expect.objectContaining({ action: 'authz.denied', actorId: coordinator.id, actorRole: 'coordinator' }),
    ]);
  });

  it('shows who read an IBAN and identity code, naming whose, never the values', async () => {
    const IDENTITY_CODE = identityCode();
    const expert = await createExpert(t.db, { name: 'Iida Ibanlukija' });
    const token = `Bearer ${await login(t.http, expert)}`;
    await t.http
      .put('/experts/me/payment-details')
      .set('authorization', token)
      .send({ iban: IBAN, identityCode: IDENTITY_CODE, payee: 'expert' })
      .expect(200);
    const clear = await t.http.get('/experts/me/payment-details/clear').set('authorization', token).expect(200);
    expect(clear.body.identityCode).toBe(IDENTITY_CODE);

    const page = await t.http
      .get('/audit-events')
      .query({ entityId: expert.id })
      .set('authorization', admin)
      .expect(200);
    const read = page.body.items.find((e: { action: string }) => e.action === 'expert.payment_details_read_clear');
    expect(read).toMatchObject({
      actorId: expert.id,
      actorName: 'Iida Ibanlukija',
      actorEmail: expert.email,
      entityType: 'expert',
      entityId: expert.id,
      entityName: 'Iida Ibanlukija',
      details: { fields: ['iban', 'identityCode', 'associationIban'] },
    });
    const csv = await t.http
      .get('/audit-events.csv')
      .query({ entityId: expert.id })
      .set('authorization', admin)
      .buffer(true)
      .expect(200);
    for (const text of [JSON.stringify(page.body), csv.text]) {
      expect(text).toContain('payment_details_read_clear');
      for (const secret of [IBAN, IBAN_DIGITS, IDENTITY_CODE, DEFAULT_PASSWORD, '$argon2'])
        expect(text).not.toContain(secret);
    }
  });

  it('never shows the value of a detail named like a secret', async () => {
    const actor = await createUser(t.db, Role.Coordinator);
    await t.app
      .get(AuditService)
      .log({ actorId: actor.id }, 'test.secret', null, { token: 'tok-123', passwordHash: 'h', count: 2 });
    const page = await t.http.get('/audit-events').query({ actorId: actor.id }).set('authorization', admin).expect(200);
    expect(page.body.items[0].details).toEqual({ token: '[redacted]', passwordHash: '[redacted]', count: 2 });
  });

  describe('filters and paging', () => {
    const entity = randomUUID();
    let ids: Record<string, string>;

    beforeAll(async () => {
      const user = await createUser(t.db, Role.Coordinator, { email: `filter-${randomUUID()}@example.test` });
      const insert = async (name: string, action: string, at: string, entityId: string | null, actorId = user.id) =>
        [
          name,
          (
            await t.db.query<{ id: string }[]>(
              `INSERT INTO audit_events (actor_id, action, entity_type, entity_id, occurred_at, details) VALUES ($1, $2, $3, $4, $5, '{}') RETURNING id`,
              [actorId, action, entityId ? 'fee_run' : null, entityId, at],
            )
          )[0].id,
        ] as const;
      ids = Object.fromEntries([
        await insert('oldest', 'fee_run.queued', '2026-03-01T08:00:00Z', entity),
        await insert('middle', 'fee_run.approved', '2026-03-02T08:00:00Z', entity),
        await insert('newest', 'user.invited', '2026-03-03T08:00:00Z', null),
        await insert('elsewhere', 'fee_run.queued', '2026-03-02T09:00:00Z', randomUUID()),
      ]);
      Object.assign(ids, { email: user.email, actor: user.id });
    });

    const get = (query: Record<string, string | number>) =>
      t.http.get('/audit-events').query(query).set('authorization', admin);
    const names = (body: { items: { id: string }[] }) =>
      body.items.map((e) => Object.entries(ids).find(([, id]) => id === e.id)?.[0]);

    it('lists an actor’s events newest first, by id or by e-mail', async () => {
      expect(names((await get({ actorId: ids.actor }).expect(200)).body)).toEqual([
        'newest',
        'elsewhere',
        'middle',
        'oldest',
      ]);
      expect(names((await get({ actorEmail: ids.email.toUpperCase() }).expect(200)).body)).toEqual([
        'newest',
        'elsewhere',
        'middle',
        'oldest',
      ]);
    });

    it('filters by action, a family of actions, entity and time range [from, to)', async () => {
      expect(names((await get({ actorId: ids.actor, action: 'fee_run.queued' }).expect(200)).body)).toEqual([
        'elsewhere',
        'oldest',
      ]);
      expect(names((await get({ actorId: ids.actor, action: 'fee_run' }).expect(200)).body)).toEqual([
        'elsewhere',
        'middle',
        'oldest',
      ]);
      expect(names((await get({ actorId: ids.actor, action: 'fee' }).expect(200)).body)).toEqual([]);
      expect(names((await get({ entityType: 'fee_run', entityId: entity }).expect(200)).body)).toEqual([
        'middle',
        'oldest',
      ]);
      expect(
        names(
          (await get({ actorId: ids.actor, from: '2026-03-02T08:00:00Z', to: '2026-03-03T08:00:00Z' }).expect(200))
            .body,
        ),
      ).toEqual(['elsewhere', 'middle']);
    });

    it('pages with the total', async () => {
      const first = await get({ actorId: ids.actor, limit: 3, offset: 0 }).expect(200);
      expect({ total: first.body.total, limit: first.body.limit, offset: first.body.offset }).toEqual({
        total: 4,
        limit: 3,
        offset: 0,
      });
      expect(names(first.body)).toEqual(['newest', 'elsewhere', 'middle']);
      expect(names((await get({ actorId: ids.actor, limit: 3, offset: 3 }).expect(200)).body)).toEqual(['oldest']);
    });

    it('exports the same selection as formula-safe CSV and audits the export', async () => {
      const admin2 = await loggedIn(t.db, t.http, Role.Admin);
      const csv = await t.http
        .get('/audit-events.csv')
        .query({ actorId: ids.actor })
        .set('authorization', `Bearer ${admin2.token}`)
        .buffer(true)
        .expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.headers['content-disposition']).toMatch(/^attachment/);
      const parsed = parseCsv(csv.text);
      expect(parsed.map((r) => r.action)).toEqual([
        'user.invited',
        'fee_run.queued',
        'fee_run.approved',
        'fee_run.queued',
      ]);
      const exported = await get({ actorId: admin2.id, action: 'audit_events.exported' }).expect(200);
      expect(exported.body.items[0].details).toEqual({ rows: 4, actorId: ids.actor });
    });

    it('defuses a name a spreadsheet would run as a formula', async () => {
      const sly = await createUser(t.db, Role.Orderer, { name: '=HYPERLINK("http://evil.example","x")' });
      await t.app.get(AuditService).log({ actorId: sly.id }, 'test.formula', null);
      const csv = await t.http
        .get('/audit-events.csv')
        .query({ actorId: sly.id })
        .set('authorization', admin)
        .buffer(true)
        .expect(200);
      expect(parseCsv(csv.text)[0].actor_name).toBe(`'=HYPERLINK("http://evil.example","x")`);
    });

    it.each([
      [{ actorId: 'nobody' }, 'actorId'],
      [{ actorEmail: 'not-an-address' }, 'actorEmail'],
      [{ action: "user.invited' OR 1=1" }, 'action'],
      [{ action: '%' }, 'action'],
      [{ entityType: 'Fee Run' }, 'entityType'],
      [{ from: '2026-03-02' }, 'from'],
      [{ from: '2026-03-02T08:00:00Z', to: '2026-03-01T08:00:00Z' }, 'to'],
      [{ limit: 101 }, 'limit'],
      [{ offset: -1 }, 'offset'],
    ])('refuses %j naming the field', async (query, field) => {
      const res = await get(query as Record<string, string | number>).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });
  });
});
