import { Role } from '../src/common/auth/role.enum';
import { createCredential } from './factories/credentials.factory';
import { insertAssignment } from './factories/contracts.factory';
import { createExpert } from './factories/experts.factory';
import { addMember, createUnit } from './factories/organisations.factory';
import { createUser, login, loggedIn } from './factories/users.factory';
import { createTestApp, TestApp } from './utils/test-app';

describe('users: changing a role, disabling and enabling', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof loggedIn>>;
  let coordinator: Awaited<ReturnType<typeof loggedIn>>;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loggedIn(t.db, t.http, Role.Admin);
    coordinator = await loggedIn(t.db, t.http, Role.Coordinator);
  });
  afterAll(() => t.close());

  const changeRole = (token: string, id: string, role: string) =>
    t.http.put(`/users/${id}/role`).set('authorization', `Bearer ${token}`).send({ role });
  const isExpertRow = async (id: string) =>
    ((await t.db.query('SELECT 1 FROM experts WHERE user_id = $1', [id])) as unknown[]).length === 1;

  it('lets an admin correct a role: audited, and the sessions of the account end', async () => {
    const person = await createUser(t.db, Role.Orderer);
    const token = await login(t.http, person);
    const res = await changeRole(admin.token, person.id, Role.Coordinator).expect(200);
    expect(res.body).toMatchObject({ id: person.id, role: 'coordinator' });
    await t.http.get('/me').set('authorization', `Bearer ${token}`).expect(401);
    const rows = await t.db.query(
      `SELECT actor_id AS actor, details FROM audit_events WHERE entity_id = $1 AND action = 'user.role_changed'`,
      [person.id],
    );
    expect(rows).toEqual([{ actor: admin.id, details: { from: 'orderer', to: 'coordinator', revokedSessions: 1 } }]);
  });

  it('answers an unchanged role with the account and no audit row', async () => {
    const person = await createUser(t.db, Role.Orderer);
    await changeRole(admin.token, person.id, Role.Orderer).expect(200);
    const rows = await t.db.query(`SELECT 1 FROM audit_events WHERE entity_id = $1`, [person.id]);
    expect(rows).toHaveLength(0);
  });

  it('refuses a change of one’s own role', async () => {
    const res = await changeRole(admin.token, admin.id, Role.Coordinator).expect(409);
    expect(res.body.code).toBe('CANNOT_CHANGE_OWN_ROLE');
  });

  it('refuses a role the caller may not grant and an account the caller may not manage', async () => {
    const orderer = await createUser(t.db, Role.Orderer);
    const other = await createUser(t.db, Role.Coordinator);
    for (const role of [Role.Coordinator, Role.Admin]) {
      const res = await changeRole(coordinator.token, orderer.id, role).expect(403);
      expect(res.body.code).toBe('ROLE_NOT_GRANTABLE');
    }
    expect((await changeRole(coordinator.token, other.id, Role.Orderer).expect(403)).body.code).toBe(
      'ROLE_NOT_GRANTABLE',
    );
    // A coordinator does correct an orderer invited as one by mistake into an expert: an applicant.
    await changeRole(coordinator.token, orderer.id, Role.Expert).expect(200);
    expect(await isExpertRow(orderer.id)).toBe(true);
  });

  it('refuses an unknown role, naming the field', async () => {
    const person = await createUser(t.db, Role.Orderer);
    const res = await changeRole(admin.token, person.id, 'superuser').expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'role' })]);
  });

  it('keeps an expert with an assignment or a certificate an expert; one without becomes an orderer', async () => {
    const orderer = await createUser(t.db, Role.Orderer);
    const unit = await createUnit(t.db);
    const working = await createExpert(t.db);
    await insertAssignment(t.db, {
      expertId: working.id,
      organisationId: unit.id,
      createdBy: orderer.id,
      startsAt: '2026-03-02T08:00:00Z',
      endsAt: '2026-03-02T10:00:00Z',
    });
    const certified = await createExpert(t.db);
    await createCredential(t.db, certified.id);
    for (const expert of [working, certified]) {
      const res = await changeRole(admin.token, expert.id, Role.Orderer).expect(409);
      expect(res.body.code).toBe('EXPERT_HAS_RECORDS');
      expect(await isExpertRow(expert.id)).toBe(true);
    }
    const mistaken = await createExpert(t.db);
    await changeRole(admin.token, mistaken.id, Role.Orderer).expect(200);
    expect(await isExpertRow(mistaken.id)).toBe(false);
  });

  it('keeps an orderer who belongs to a unit an orderer until the membership is removed', async () => {
    const orderer = await createUser(t.db, Role.Orderer);
    const unit = await createUnit(t.db);
    await addMember(t.db, unit.id, orderer.id);
    const res = await changeRole(admin.token, orderer.id, Role.Coordinator).expect(409);
    expect(res.body.code).toBe('ORDERER_HAS_MEMBERSHIPS');
    await t.http
      .delete(`/organisations/${unit.id}/members/${orderer.id}`)
      .set('authorization', `Bearer ${admin.token}`)
      .expect(204);
    await changeRole(admin.token, orderer.id, Role.Coordinator).expect(200);
  });

  it('disables and enables an account; an enabled invited account stays invited', async () => {
    const person = await createUser(t.db, Role.Orderer);
    const auth = { authorization: `Bearer ${admin.token}` };
    expect((await t.http.post(`/users/${person.id}/disable`).set(auth).expect(200)).body.status).toBe('disabled');
    expect((await t.http.post(`/users/${person.id}/enable`).set(auth).expect(200)).body.status).toBe('active');
    const invited = (
      await t.http
        .post('/users')
        .set(auth)
        .send({ email: `invited-${person.id}@example.test`, name: 'Kutsuttu', role: 'orderer' })
        .expect(201)
    ).body;
    await t.http.post(`/users/${invited.id}/disable`).set(auth).expect(200);
    expect((await t.http.post(`/users/${invited.id}/enable`).set(auth).expect(200)).body.status).toBe('invited');
    await t.http.post(`/users/${invited.id}/invitation`).set(auth).expect(204);
  });

  describe('with two admins only', () => {
    let others: string[] = [];
    // The worker's database holds the admins of earlier specs: set aside for these tests, then given back.
    beforeEach(async () => {
      const rows: { id: string }[] = await t.db.query(
        `UPDATE users SET status = 'disabled' WHERE role = 'admin' AND status = 'active' RETURNING id`,
      );
      others = rows.map((r) => r.id);
    });
    afterEach(async () => {
      await t.db.query(`UPDATE users SET status = 'active' WHERE id = ANY($1)`, [others]);
    });

    const twoAdmins = async () => {
      const a = await createUser(t.db, Role.Admin);
      const b = await createUser(t.db, Role.Admin);
      return [
        { ...a, token: await login(t.http, a) },
        { ...b, token: await login(t.http, b) },
      ];
    };

    it('lets exactly one of two admins demoting each other at once win', async () => {
      const [a, b] = await twoAdmins();
      const results = await Promise.all([
        changeRole(a.token, b.id, Role.Coordinator),
        changeRole(b.token, a.id, Role.Coordinator),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(results.find((r) => r.status === 409)?.body.code).toBe('LAST_ADMIN');
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM users WHERE id = ANY($1) AND role = 'admin'`, [
        [a.id, b.id],
      ]);
      expect(n).toBe(1);
    });

    it('lets exactly one of two admins disabling each other at once win', async () => {
      const [a, b] = await twoAdmins();
      const results = await Promise.all([
        t.http.post(`/users/${b.id}/disable`).set('authorization', `Bearer ${a.token}`),
        t.http.post(`/users/${a.id}/disable`).set('authorization', `Bearer ${b.token}`),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(results.find((r) => r.status === 409)?.body.code).toBe('LAST_ADMIN');
    });
  });
});
