import { randomUUID } from 'node:crypto';
import { Role } from '../../src/common/auth/role.enum';
import { AccountErrorCode } from '../../src/modules/auth/auth.errors';
import { AuthService } from '../../src/modules/auth/auth.service';
import { AcceptInvitationDto } from '../../src/modules/auth/dto/accept-invitation.dto';
import { InviteUserDto } from '../../src/modules/users/dto/invite-user.dto';
import { UsersService } from '../../src/modules/users/users.service';
import { createUser, TestUser } from '../factories/users.factory';
import { body, contextOf, createMediumApp, MediumApp, problemOf } from './medium-app';
import { later, mailsTo, requestMeta, signIn, userOf } from './signed-in';

const PASSWORD = 'Laihela-stranden-2026';

// Signing in and its sessions through the auth service on the real database: a wrong password and an unknown
// account refused alike, the refresh token's rotation and a reused one ending the session, one of two refreshes at
// once, a disabled account's sessions, and what an invitation link lets one do (the routes, the tokens and cookies
// in transport, the rate limits, the client's address and the invitation mailed through the queue are
// test/api/accounts/auth.ts's and browser-session.ts's).
describe('sign-in, sessions and invitations (service and database)', () => {
  let m: MediumApp;
  let auth: AuthService;
  let admin: TestUser;

  beforeAll(async () => {
    m = await createMediumApp();
    auth = m.get(AuthService);
    admin = await createUser(m.db, Role.Admin);
  });
  afterAll(() => m.close());

  const refresh = (refreshToken: string) => auth.refresh(requestMeta(), refreshToken);
  const auditCount = async (actorId: string, action: string) =>
    (await m.db.query(`SELECT 1 FROM audit_events WHERE actor_id = $1 AND action = $2`, [actorId, action])).length;

  describe('signing in and the session', () => {
    it('refuses a wrong password and an unknown account alike, and audits both', async () => {
      const user = await createUser(m.db, Role.Orderer);
      const wrong = await problemOf(signIn(m, { email: user.email, password: 'not-the-password-at-all' }));
      const fromNobody = requestMeta();
      const unknown = await problemOf(
        signIn(m, { email: 'nobody@example.test', password: 'whatever-password' }, fromNobody),
      );
      expect(wrong).toMatchObject({ status: 401, code: AccountErrorCode.InvalidCredentials });
      expect(unknown).toEqual(wrong);
      const failed = await m.db.query(
        `SELECT details FROM audit_events WHERE actor_id = $1 AND action = 'auth.login_failed'`,
        [user.id],
      );
      expect(failed).toEqual([{ details: { reason: 'wrong_password' } }]);
      const unknownFailed = await m.db.query(
        `SELECT actor_id AS actor, details FROM audit_events WHERE request_id = $1 AND action = 'auth.login_failed'`,
        [fromNobody.requestId],
      );
      expect(unknownFailed).toEqual([{ actor: null, details: { reason: 'unknown_account' } }]);
    });

    it('rotates the refresh token on every use and ends the session when an old one comes back', async () => {
      const user = await createUser(m.db, Role.Orderer);
      const first = await signIn(m, user);
      const second = await refresh(first.refreshToken);
      expect(second.refreshToken).not.toBe(first.refreshToken);
      expect(await userOf(m, second.accessToken)).toMatchObject({ id: user.id });

      expect(await problemOf(refresh(first.refreshToken))).toMatchObject({
        status: 401,
        code: AccountErrorCode.InvalidRefreshToken,
      });
      // The whole family is gone: the newest refresh token and its access token stop working too.
      expect(await problemOf(refresh(second.refreshToken))).toMatchObject({ status: 401 });
      expect(await userOf(m, second.accessToken)).toBeNull();
      expect(await auditCount(user.id, 'auth.refresh_reuse_detected')).toBe(1);
    });

    it('lets exactly one of two concurrent refreshes with the same token win', async () => {
      const user = await createUser(m.db, Role.Orderer);
      const first = await signIn(m, user);
      const results = await Promise.allSettled([refresh(first.refreshToken), refresh(first.refreshToken)]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
      expect(await problemOf(Promise.reject(lost.reason))).toMatchObject({ status: 401 });
    });

    it('ends every session of a disabled account at once', async () => {
      const user = await createUser(m.db, Role.Coordinator);
      const sessions = [await signIn(m, user), await signIn(m, user)];
      expect((await m.get(UsersService).disable(contextOf(admin), user.id)).status).toBe('disabled');
      for (const tokens of sessions) {
        expect(await userOf(m, tokens.accessToken)).toBeNull();
        expect(await problemOf(refresh(tokens.refreshToken))).toMatchObject({ status: 401 });
      }
      expect(await problemOf(signIn(m, user))).toMatchObject({
        status: 401,
        code: AccountErrorCode.InvalidCredentials,
      });
    });
  });

  describe('an invitation link', () => {
    const invite = async (fields: object) => {
      const dto = await body(InviteUserDto, fields);
      const invited = await m.get(UsersService).invite(contextOf(admin), dto);
      const [mail] = await mailsTo(m, dto.email);
      return { invited, mail, token: /#token=([A-Za-z0-9_-]+)/.exec(mail.text)![1] };
    };
    const accept = async (token: string, password: string) =>
      auth.acceptInvitation(requestMeta(), await body(AcceptInvitationDto, { token, password }));

    it('mails the link in the person’s language; it sets a password once, and only then may they sign in', async () => {
      const email = `new-coordinator-${randomUUID()}@example.test`;
      const { invited, mail, token } = await invite({
        email,
        name: 'Karin Österberg',
        role: 'coordinator',
        language: 'sv',
      });
      expect(invited).toMatchObject({ email, status: 'invited', role: 'coordinator', language: 'sv' });
      expect(mail).toMatchObject({ subject: 'Inbjudan till tjänsten Kokemus', language: 'sv' });
      expect(mail.text).toContain('Hej Karin Österberg');

      expect(await problemOf(signIn(m, { email, password: PASSWORD }))).toMatchObject({ status: 401 });
      const common = await problemOf(accept(token, 'password1234'));
      expect(common.status).toBe(400);
      expect(common.errors).toEqual([expect.objectContaining({ field: 'password', code: 'tooCommon' })]);
      await accept(token, PASSWORD);
      expect(await problemOf(accept(token, PASSWORD))).toMatchObject({
        status: 410,
        code: AccountErrorCode.InvalidInvitation,
      });
      await signIn(m, { email, password: PASSWORD });
    });

    it('refuses an expired invitation link', async () => {
      const { token } = await invite({
        email: `late-${randomUUID()}@example.test`,
        name: 'Late Person',
        role: 'orderer',
      });
      expect(await problemOf(later(m, 73 * 3600_000, () => accept(token, PASSWORD)))).toMatchObject({
        status: 410,
        code: AccountErrorCode.InvalidInvitation,
      });
    });
  });
});
