import { Role } from '../../../src/common/auth/role.enum';
import { createUser, login, loggedIn } from '../../factories/users.factory';
import { createTestApp, TestApp } from '../../utils/test-app';

// Where the rules are tested: correcting a role and what keeps one, who may grant which role, disabling and enabling,
// and two admins acting on each other at once, through the users service on the real database in
// test/medium/user-accounts.ts. Here, over HTTP: the routes, who may call them, the validation of the
// bodies, a refusal as problem+json, and an access token that stops working when its session ends.
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

  it('changes a role through PUT /users/{id}/role, and the account’s access token stops working at once', async () => {
    const person = await createUser(t.db, Role.Orderer);
    const token = await login(t.http, person);
    const res = await changeRole(admin.token, person.id, Role.Coordinator).expect(200);
    expect(res.body).toMatchObject({ id: person.id, role: 'coordinator' });
    await t.http.get('/me').set('authorization', `Bearer ${token}`).expect(401);
  });

  it('finds people by a part of the name or e-mail address, the typed text as it is', async () => {
    const tag = `Haku${Date.now().toString(36)}`;
    const wanted = await createUser(t.db, Role.Orderer, { name: `Sanni ${tag}` });
    const byMail = await createUser(t.db, Role.Expert, { email: `${tag.toLowerCase()}.x@example.test` });
    await createUser(t.db, Role.Orderer, { name: `Sanni ${tag.slice(0, -1)}_` });
    const found = async (query: string) =>
      (await t.http.get(`/users?${query}`).set('authorization', `Bearer ${admin.token}`).expect(200)).body.items.map(
        (u: { id: string }) => u.id,
      );
    expect(new Set(await found(`search=${tag.toUpperCase()}`))).toEqual(new Set([wanted.id, byMail.id]));
    expect(await found(`search=${tag}&role=orderer`)).toEqual([wanted.id]);
    // LIKE's own wildcards match only themselves.
    expect(await found(`search=${encodeURIComponent(`${tag.slice(0, -1)}_`)}`)).toHaveLength(1);
    expect(await found(`search=${encodeURIComponent('%')}`)).toEqual([]);
    const bad = await t.http.get(`/users?search=${'x'.repeat(101)}`).set('authorization', `Bearer ${admin.token}`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['search']);
  });

  it('answers a refused change as problem+json with its code', async () => {
    const res = await changeRole(admin.token, admin.id, Role.Coordinator).expect(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.code).toBe('CANNOT_CHANGE_OWN_ROLE');
  });

  it('refuses a coordinator an account of their own rank with 403', async () => {
    const other = await createUser(t.db, Role.Coordinator);
    expect((await changeRole(coordinator.token, other.id, Role.Orderer).expect(403)).body.code).toBe(
      'ROLE_NOT_GRANTABLE',
    );
  });

  it('refuses an unknown role, naming the field', async () => {
    const person = await createUser(t.db, Role.Orderer);
    const res = await changeRole(admin.token, person.id, 'superuser').expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'role' })]);
  });

  it('disables and enables an account through its routes', async () => {
    const person = await createUser(t.db, Role.Orderer);
    const auth = { authorization: `Bearer ${admin.token}` };
    expect((await t.http.post(`/users/${person.id}/disable`).set(auth).expect(200)).body.status).toBe('disabled');
    expect((await t.http.post(`/users/${person.id}/enable`).set(auth).expect(200)).body.status).toBe('active');
  });

  it('invites an account and sends it a new invitation link through their routes', async () => {
    const auth = { authorization: `Bearer ${admin.token}` };
    const invited = (
      await t.http
        .post('/users')
        .set(auth)
        .send({ email: `invited-${admin.id}@example.test`, name: 'Kutsuttu', role: 'orderer' })
        .expect(201)
    ).body;
    expect(invited.status).toBe('invited');
    await t.http.post(`/users/${invited.id}/invitation`).set(auth).expect(204);
  });

  describe('an invitation sent again with its Idempotency-Key', () => {
    const invite = (token: string, email: string, key?: string) => {
      const req = t.http.post('/users').set('authorization', `Bearer ${token}`);
      if (key !== undefined) req.set('Idempotency-Key', key);
      return req.send({ email, name: 'Kutsuttu Kahdesti', role: 'expert' });
    };
    const counts = async (email: string) => {
      const [row] = await t.db.query(
        `SELECT (SELECT count(*)::int FROM users WHERE email = $1) AS users,
                (SELECT count(*)::int FROM mail_messages WHERE to_address = $1) AS mails,
                (SELECT count(*)::int FROM invitations i JOIN users u ON u.id = i.user_id WHERE u.email = $1) AS links`,
        [email],
      );
      return row as { users: number; mails: number; links: number };
    };
    const address = (tag: string) => `${tag}-${Date.now().toString(36)}-${admin.id.slice(0, 8)}@example.test`;

    it('answers with the person invited the first time: one account, one link, one mail', async () => {
      const email = address('twice');
      const key = `invite-${email}`;
      const first = (await invite(coordinator.token, email, key).expect(201)).body;
      const again = (await invite(coordinator.token, email, key).expect(201)).body;
      expect(again).toEqual(first);
      expect(await counts(email)).toEqual({ users: 1, mails: 1, links: 1 });
      // Without the key, the address is in use.
      expect((await invite(coordinator.token, email).expect(409)).body.code).toBe('EMAIL_TAKEN');
      // Another inviter's same key is not this one: their send is refused as an address in use.
      expect((await invite(admin.token, email, key).expect(409)).body.code).toBe('EMAIL_TAKEN');
      expect(await counts(email)).toEqual({ users: 1, mails: 1, links: 1 });
    });

    it('makes one account of three sends at once, each answered with it', async () => {
      const email = address('three');
      const answers = await Promise.all(
        [1, 2, 3].map(() => invite(coordinator.token, email, `three-${email}`).expect(201)),
      );
      expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
      expect(await counts(email)).toEqual({ users: 1, mails: 1, links: 1 });
    });

    it('refuses a bad Idempotency-Key with a 400 naming the header, inviting nobody', async () => {
      const email = address('bad');
      const res = await invite(coordinator.token, email, 'a key with spaces').expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key', code: 'matches' })]);
      expect(await counts(email)).toEqual({ users: 0, mails: 0, links: 0 });
    });
  });
});
