import { randomUUID } from 'node:crypto';
import { Role } from '../../src/common/auth/role.enum';
import { OrganisationsService } from '../../src/modules/organisations/organisations.service';
import { InviteUserDto } from '../../src/modules/users/dto/invite-user.dto';
import { UserErrorCode } from '../../src/modules/users/users.errors';
import { UsersService } from '../../src/modules/users/users.service';
import { createCredential } from '../factories/credentials.factory';
import { insertAssignment } from '../factories/contracts.factory';
import { createExpert } from '../factories/experts.factory';
import { addMember, createUnit } from '../factories/organisations.factory';
import { createUser, TestUser } from '../factories/users.factory';
import { body, contextOf, createMediumApp, MediumApp, problemOf } from './medium-app';

// The rules of user accounts through the users service on the real database: correcting a role and what keeps one,
// who may grant which role, disabling and enabling, and two admins acting on each other at once (the routes, the
// validation of the bodies, a refusal as problem+json and a token that stops working are test/api/accounts/users.ts's).
describe('user accounts (service and database)', () => {
  let m: MediumApp;
  let users: UsersService;
  let admin: TestUser;
  let coordinator: TestUser;

  beforeAll(async () => {
    m = await createMediumApp();
    users = m.get(UsersService);
    admin = await createUser(m.db, Role.Admin);
    coordinator = await createUser(m.db, Role.Coordinator);
  });
  afterAll(() => m.close());

  const changeRole = (by: TestUser, id: string, role: Role) => users.changeRole(contextOf(by), id, { role });
  // An open session of the account, as a sign-in leaves it.
  const openSession = (userId: string) =>
    m.db.query(`INSERT INTO auth_sessions (user_id, expires_at) VALUES ($1, now() + interval '1 day')`, [userId]);
  const sessionsOf = (userId: string) =>
    m.db.query(
      `SELECT revoked_at IS NOT NULL AS ended, revoked_reason AS reason FROM auth_sessions WHERE user_id = $1`,
      [userId],
    );
  const isExpertRow = async (id: string) =>
    ((await m.db.query('SELECT 1 FROM experts WHERE user_id = $1', [id])) as unknown[]).length === 1;
  // Everything a refused change could have touched: the account, its expert row, its sessions and memberships, and
  // the audit rows about it (a refused access check leaves its authz.denied row: asserted where it is expected).
  const stateOf = async (id: string) => ({
    user: await m.db.query(`SELECT * FROM users WHERE id = $1`, [id]),
    expert: await m.db.query(`SELECT * FROM experts WHERE user_id = $1`, [id]),
    sessions: await m.db.query(`SELECT * FROM auth_sessions WHERE user_id = $1 ORDER BY id`, [id]),
    memberships: await m.db.query(`SELECT organisation_id FROM organisation_members WHERE user_id = $1`, [id]),
    audit: await m.db.query(
      `SELECT action, actor_id, details FROM audit_events WHERE entity_id = $1 AND action <> 'authz.denied' ORDER BY id`,
      [id],
    ),
  });

  describe('changing a role', () => {
    it('lets an admin correct a role: audited, and the sessions of the account end', async () => {
      const person = await createUser(m.db, Role.Orderer);
      await openSession(person.id);
      expect(await changeRole(admin, person.id, Role.Coordinator)).toMatchObject({
        id: person.id,
        role: 'coordinator',
      });
      expect(await sessionsOf(person.id)).toEqual([{ ended: true, reason: 'role_changed' }]);
      const rows = await m.db.query(
        `SELECT actor_id AS actor, details FROM audit_events WHERE entity_id = $1 AND action = 'user.role_changed'`,
        [person.id],
      );
      expect(rows).toEqual([{ actor: admin.id, details: { from: 'orderer', to: 'coordinator', revokedSessions: 1 } }]);
      const [{ role }] = await m.db.query(`SELECT role FROM users WHERE id = $1`, [person.id]);
      expect(role).toBe('coordinator');
    });

    it('answers an unchanged role with the account, no audit row, and the sessions left open', async () => {
      const person = await createUser(m.db, Role.Orderer);
      await openSession(person.id);
      expect(await changeRole(admin, person.id, Role.Orderer)).toMatchObject({ id: person.id, role: 'orderer' });
      expect(await m.db.query(`SELECT 1 FROM audit_events WHERE entity_id = $1`, [person.id])).toHaveLength(0);
      expect(await sessionsOf(person.id)).toEqual([{ ended: false, reason: null }]);
    });

    it('refuses a change of one’s own role, changing nothing', async () => {
      const before = await stateOf(admin.id);
      expect(await problemOf(changeRole(admin, admin.id, Role.Coordinator))).toMatchObject({
        status: 409,
        code: UserErrorCode.CannotChangeOwnRole,
      });
      expect(await stateOf(admin.id)).toEqual(before);
    });

    it('refuses a role the caller may not grant, changing nothing', async () => {
      const orderer = await createUser(m.db, Role.Orderer);
      await openSession(orderer.id);
      const before = await stateOf(orderer.id);
      for (const role of [Role.Coordinator, Role.Admin]) {
        expect(await problemOf(changeRole(coordinator, orderer.id, role))).toMatchObject({
          status: 403,
          code: UserErrorCode.RoleNotGrantable,
        });
      }
      expect(await stateOf(orderer.id)).toEqual(before);
    });

    it('refuses an account the caller may not manage, changing nothing and auditing the attempt', async () => {
      const other = await createUser(m.db, Role.Coordinator);
      await openSession(other.id);
      const before = await stateOf(other.id);
      expect(await problemOf(changeRole(coordinator, other.id, Role.Orderer))).toMatchObject({
        status: 403,
        code: UserErrorCode.RoleNotGrantable,
      });
      expect(await stateOf(other.id)).toEqual(before);
      const denied = await m.db.query(
        `SELECT actor_id AS actor FROM audit_events WHERE entity_id = $1 AND action = 'authz.denied'`,
        [other.id],
      );
      expect(denied).toEqual([{ actor: coordinator.id }]);
    });

    it('lets a coordinator correct an orderer invited as one by mistake into an expert: an applicant', async () => {
      const orderer = await createUser(m.db, Role.Orderer);
      expect(await changeRole(coordinator, orderer.id, Role.Expert)).toMatchObject({ role: 'expert' });
      expect(await isExpertRow(orderer.id)).toBe(true);
      const [{ status }] = await m.db.query(`SELECT status FROM experts WHERE user_id = $1`, [orderer.id]);
      expect(status).toBe('applicant');
    });

    it('keeps an expert with an assignment or a certificate an expert, changing nothing', async () => {
      const orderer = await createUser(m.db, Role.Orderer);
      const unit = await createUnit(m.db);
      const working = await createExpert(m.db);
      await insertAssignment(m.db, {
        expertId: working.id,
        organisationId: unit.id,
        createdBy: orderer.id,
        startsAt: '2026-03-02T08:00:00Z',
        endsAt: '2026-03-02T10:00:00Z',
      });
      const certified = await createExpert(m.db);
      await createCredential(m.db, certified.id);
      for (const expert of [working, certified]) {
        await openSession(expert.id);
        const before = await stateOf(expert.id);
        expect(await problemOf(changeRole(admin, expert.id, Role.Orderer))).toMatchObject({
          status: 409,
          code: UserErrorCode.ExpertHasRecords,
        });
        expect(await isExpertRow(expert.id)).toBe(true);
        expect(await stateOf(expert.id)).toEqual(before);
      }
    });

    it('makes an expert without records an orderer, the expert row gone', async () => {
      const mistaken = await createExpert(m.db);
      expect(await changeRole(admin, mistaken.id, Role.Orderer)).toMatchObject({ role: 'orderer' });
      expect(await isExpertRow(mistaken.id)).toBe(false);
    });

    it('keeps an orderer who belongs to a unit an orderer until the membership is removed', async () => {
      const orderer = await createUser(m.db, Role.Orderer);
      const unit = await createUnit(m.db);
      await addMember(m.db, unit.id, orderer.id);
      await openSession(orderer.id);
      const before = await stateOf(orderer.id);
      expect(await problemOf(changeRole(admin, orderer.id, Role.Coordinator))).toMatchObject({
        status: 409,
        code: UserErrorCode.OrdererHasMemberships,
      });
      expect(await stateOf(orderer.id)).toEqual(before);
      await m.get(OrganisationsService).removeMember(contextOf(admin), unit.id, orderer.id);
      expect(await changeRole(admin, orderer.id, Role.Coordinator)).toMatchObject({ role: 'coordinator' });
    });
  });

  describe('disabling and enabling', () => {
    it('disables an account, ending its sessions, and enables it again as active', async () => {
      const person = await createUser(m.db, Role.Orderer);
      await openSession(person.id);
      expect((await users.disable(contextOf(admin), person.id)).status).toBe('disabled');
      expect(await sessionsOf(person.id)).toEqual([{ ended: true, reason: 'account_disabled' }]);
      expect((await users.enable(contextOf(admin), person.id)).status).toBe('active');
      const [{ status }] = await m.db.query(`SELECT status FROM users WHERE id = $1`, [person.id]);
      expect(status).toBe('active');
    });

    it('enables a disabled invited account as invited, and a new invitation can still be sent', async () => {
      const dto = await body(InviteUserDto, {
        email: `invited-${randomUUID()}@example.test`,
        name: 'Kutsuttu',
        role: 'orderer',
      });
      const invited = await users.invite(contextOf(admin), dto);
      expect(invited.status).toBe('invited');
      expect((await users.disable(contextOf(admin), invited.id)).status).toBe('disabled');
      expect((await users.enable(contextOf(admin), invited.id)).status).toBe('invited');
      await users.resendInvitation(contextOf(admin), invited.id);
      const reinvited = await m.db.query(`SELECT 1 FROM audit_events WHERE entity_id = $1 AND action = $2`, [
        invited.id,
        'user.reinvited',
      ]);
      expect(reinvited).toHaveLength(1);
    });
  });

  describe('with two admins only', () => {
    let others: string[] = [];
    // The worker's database holds the admins of earlier specs (and this one's): set aside for these tests, then
    // given back.
    beforeEach(async () => {
      const rows: { id: string }[] = await m.db.query(
        `UPDATE users SET status = 'disabled' WHERE role = 'admin' AND status = 'active' RETURNING id`,
      );
      others = rows.map((r) => r.id);
    });
    afterEach(async () => {
      await m.db.query(`UPDATE users SET status = 'active' WHERE id = ANY($1)`, [others]);
    });

    const twoAdmins = async () => [await createUser(m.db, Role.Admin), await createUser(m.db, Role.Admin)];
    // Both calls at once on the real database: one must win, the other must lose with LAST_ADMIN.
    async function expectOneWinner(calls: Promise<unknown>[]) {
      const results = await Promise.allSettled(calls);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
      expect(await problemOf(Promise.reject(lost.reason))).toMatchObject({
        status: 409,
        code: UserErrorCode.LastAdmin,
      });
    }
    const count = async (ids: string[], where: string): Promise<number> => {
      const [{ n }] = await m.db.query(`SELECT count(*)::int AS n FROM users WHERE id = ANY($1) AND ${where}`, [ids]);
      return n;
    };

    it('lets exactly one of two admins demoting each other at once win', async () => {
      const [a, b] = await twoAdmins();
      await expectOneWinner([changeRole(a, b.id, Role.Coordinator), changeRole(b, a.id, Role.Coordinator)]);
      expect(await count([a.id, b.id], `role = 'admin'`)).toBe(1);
    });

    it('lets exactly one of two admins disabling each other at once win', async () => {
      const [a, b] = await twoAdmins();
      await expectOneWinner([users.disable(contextOf(a), b.id), users.disable(contextOf(b), a.id)]);
      expect(await count([a.id, b.id], `status = 'active'`)).toBe(1);
    });
  });
});
