import { DataSource } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { Role } from '../../../src/common/auth/role.enum';
import { OfferStatus } from '../../../src/modules/booking/entities/offer.entity';
import { createBookableExpert } from '../../factories/bookable.factory';
import { createAssignment, createOffer, createRequest } from '../../factories/booking.factory';
import { setPaymentDetails } from '../../factories/fees.factory';
import { addMember, createUnit } from '../../factories/organisations.factory';
import { createUser, login } from '../../factories/users.factory';
import { createTestApp, TestApp } from '../../utils/test-app';

// The columns that hold secrets: a password hash, an encrypted IBAN, an encrypted identity code and its HMAC (the
// masked forms are for display).
const SECRET = /password_hash|_encrypted$|^identity_code_hash$/;

// What every query of one call said, as SQL text.
async function sqlOf(call: () => Promise<unknown>): Promise<string[]> {
  const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
  try {
    await call();
    return spy.mock.calls.map((args) => String(args[0]));
  } finally {
    spy.mockRestore();
  }
}

describe('secret columns', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-10-01T07:00:00Z');
  });
  afterAll(() => t.close());

  it('are never loaded by an entity read that does not name them', () => {
    const db = t.app.get(DataSource);
    const secrets = db.entityMetadatas.flatMap((m) =>
      m.columns
        .filter((c) => SECRET.test(c.databaseName))
        .map((c) => ({ column: `${m.tableName}.${c.databaseName}`, isSelect: c.isSelect })),
    );
    expect(secrets.map((s) => s.column).sort()).toEqual(
      expect.arrayContaining([
        'expert_payment_details.association_iban_encrypted',
        'expert_payment_details.iban_encrypted',
        'expert_payment_details.identity_code_encrypted',
        'expert_payment_details.identity_code_hash',
        'fee_run_lines.iban_encrypted',
        'users.password_hash',
      ]),
    );
    expect(secrets.filter((s) => s.isSelect)).toEqual([]);
  });

  it('stay out of the SQL of the lists: orders with their experts, offers, users, experts, one order', async () => {
    const coordinator = await login(t.http, await createUser(t.db, Role.Coordinator));
    const admin = await login(t.http, await createUser(t.db, Role.Admin));
    const ordererUser = await createUser(t.db, Role.Orderer);
    const orderer = await login(t.http, ordererUser);
    const unit = await createUnit(t.db);
    await addMember(t.db, unit.id, ordererUser.id);
    const expert = await createBookableExpert(t.db, { name: 'Salainen Sirkka' });
    await setPaymentDetails(t.db, expert.id);
    const booked = await createRequest(t.db, unit.id, ordererUser.id, {
      startsAt: '2026-10-20T07:00:00Z',
      endsAt: '2026-10-20T09:00:00Z',
    });
    await createAssignment(t.db, booked, expert.id);
    const offered = await createRequest(t.db, unit.id, ordererUser.id, {
      startsAt: '2026-10-21T07:00:00Z',
      endsAt: '2026-10-21T09:00:00Z',
    });
    await createOffer(t.db, offered, expert.id, ordererUser.id, { status: OfferStatus.Offered });
    const expertToken = await login(t.http, expert);

    const get = (token: string, path: string) => t.http.get(path).set('authorization', `Bearer ${token}`).expect(200);
    const pages: [string, string, (body: { items?: unknown[] } & Record<string, unknown>) => void][] = [
      [orderer, '/booking-requests', (b) => expect(JSON.stringify(b.items)).toContain('Salainen Sirkka')],
      [orderer, `/booking-requests/${booked.id}`, (b) => expect(JSON.stringify(b)).toContain('Salainen Sirkka')],
      [expertToken, '/offers', (b) => expect(JSON.stringify(b)).toContain(offered.id)],
      [admin, '/users', (b) => expect(b.items!.length).toBeGreaterThan(0)],
      [coordinator, '/experts?search=Salainen', (b) => expect(JSON.stringify(b)).toContain('Salainen Sirkka')],
      [expertToken, '/me', (b) => expect(b.id).toBe(expert.id)],
    ];
    for (const [token, path, shows] of pages) {
      let body: Record<string, unknown> = {};
      const sql = await sqlOf(async () => (body = (await get(token, path)).body));
      shows(body);
      expect(sql.length).toBeGreaterThan(0);
      expect({
        path,
        secrets: sql.filter((q) => /password_hash|iban_encrypted|identity_code_(encrypted|hash)/i.test(q)),
      }).toEqual({ path, secrets: [] });
    }
  });

  it("keep the order list from reading a material file's bytes: it shows the name, type and size", async () => {
    const ordererUser = await createUser(t.db, Role.Orderer);
    const orderer = await login(t.http, ordererUser);
    const unit = await createUnit(t.db);
    await addMember(t.db, unit.id, ordererUser.id);
    const order = await createRequest(t.db, unit.id, ordererUser.id, {
      startsAt: '2026-10-22T07:00:00Z',
      endsAt: '2026-10-22T09:00:00Z',
    });
    const bytes = Buffer.alloc(4096, 1);
    const [file] = (await t.db.query(
      `INSERT INTO stored_files (owner_id, media_type, size_bytes, sha256, original_name, bytes)
       VALUES ($1, 'application/pdf', $2, repeat('0', 64), 'ohjelma.pdf', $3) RETURNING id`,
      [ordererUser.id, bytes.length, bytes],
    )) as { id: string }[];
    await t.db.query('UPDATE booking_requests SET material_file_id = $2 WHERE id = $1', [order.id, file.id]);
    let body: { items: { id: string; materialFile: unknown }[] } = { items: [] };
    const sql = await sqlOf(
      async () =>
        (body = (await t.http.get('/booking-requests').set('authorization', `Bearer ${orderer}`).expect(200)).body),
    );
    expect(body.items.find((i) => i.id === order.id)?.materialFile).toEqual({
      fileName: 'ohjelma.pdf',
      mediaType: 'application/pdf',
      sizeBytes: 4096,
    });
    expect(sql.filter((q) => /[."]bytes"?[\s,]/.test(q))).toEqual([]);
  });
});
