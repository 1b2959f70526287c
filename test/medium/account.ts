import { randomUUID } from 'node:crypto';
import { AuthContext } from '../../src/common/auth/auth-context';
import { Role } from '../../src/common/auth/role.enum';
import { sha256 } from '../../src/common/crypto/tokens';
import { Language } from '../../src/common/i18n/language';
import { AccountService } from '../../src/modules/auth/account.service';
import { AccountErrorCode } from '../../src/modules/auth/auth.errors';
import { AuthService } from '../../src/modules/auth/auth.service';
import { AcceptInvitationDto } from '../../src/modules/auth/dto/accept-invitation.dto';
import {
  ChangePasswordDto,
  PasswordResetConfirmDto,
  PasswordResetRequestDto,
} from '../../src/modules/auth/dto/password.dto';
import { UpdateMeDto } from '../../src/modules/auth/dto/update-me.dto';
import { PasswordResetService } from '../../src/modules/auth/password-reset.service';
import { UserStatus } from '../../src/modules/users/entities/user.entity';
import { createUser, TestUser } from '../factories/users.factory';
import { body, contextOf, createMediumApp, MediumApp, problemOf } from './medium-app';
import { later, mailsTo, requestMeta, sessionContext, signIn, userOf } from './signed-in';

const NEW_PASSWORD = 'Vörå-skärgården-2027';

// One's own account through its services on the real database: the forgotten-password link (its mail, its hour,
// one use, only the newest), changing one's password and what it does to the sessions, and the language mail
// follows (the routes, the validation of the bodies, the same answer to any address, the mail delivered through
// the queue and the rate limits are test/api/accounts/account.ts's).
describe('one’s own account: forgotten password, change of password and language (service and database)', () => {
  let m: MediumApp;
  let reset: PasswordResetService;
  let account: AccountService;
  let auth: AuthService;

  beforeAll(async () => {
    m = await createMediumApp();
    reset = m.get(PasswordResetService);
    account = m.get(AccountService);
    auth = m.get(AuthService);
  });
  afterAll(() => m.close());

  // The reset answers before it looks the address up; this waits for the work behind the answer.
  async function requestReset(email: string): Promise<void> {
    reset.request(requestMeta(), (await body(PasswordResetRequestDto, { email })).email);
    await reset.settled();
  }
  async function resetToken(user: TestUser): Promise<string> {
    await requestReset(user.email);
    const newest = (await mailsTo(m, user.email)).at(-1)!;
    return /reset-password#token=([A-Za-z0-9_-]+)/.exec(newest.text)![1];
  }
  const confirm = async (token: string, password: string) =>
    reset.confirm(requestMeta(), await body(PasswordResetConfirmDto, { token, password }));
  const changePassword = async (ctx: AuthContext, fields: object) =>
    account.changePassword(ctx, await body(ChangePasswordDto, fields));
  const refreshRefused = async (refreshToken: string) =>
    expect(await problemOf(auth.refresh(requestMeta(), refreshToken))).toMatchObject({
      status: 401,
      code: AccountErrorCode.InvalidRefreshToken,
    });
  const auditOf = (where: 'actor_id' | 'entity_id', id: string, action: string) =>
    m.db.query(`SELECT ip, details FROM audit_events WHERE ${where} = $1 AND action = $2 ORDER BY occurred_at`, [
      id,
      action,
    ]) as Promise<{ ip: string | null; details: object }[]>;
  const resetLinks = (userId: string) =>
    m.db.query(
      `SELECT token_hash AS "tokenHash", created_at AS "createdAt", expires_at AS "expiresAt"
         FROM invitations WHERE user_id = $1 AND purpose = 'password_reset'`,
      [userId],
    ) as Promise<{ tokenHash: Buffer; createdAt: Date; expiresAt: Date }[]>;

  describe('forgotten password', () => {
    it('mails a one-time link in the person’s language, valid for an hour, and keeps only its hash', async () => {
      const user = await createUser(m.db, Role.Expert, { language: Language.Sv, name: 'Karin Österberg' });
      await requestReset(user.email.toUpperCase());
      const [mail] = await mailsTo(m, user.email);
      expect(mail).toMatchObject({ subject: 'Byte av lösenord i tjänsten Kokemus', language: 'sv' });
      expect(mail.text).toContain('Hej Karin Österberg');
      expect(mail.text).toContain('inom 60 minuter');
      const token = /http:\/\/kokemus\.test\/reset-password#token=([A-Za-z0-9_-]{43})\n/.exec(mail.text)![1];

      const [link] = await resetLinks(user.id);
      expect(link.tokenHash).toEqual(sha256(token));
      expect(link.expiresAt.getTime() - link.createdAt.getTime()).toBeGreaterThan(59 * 60_000);
      expect(link.expiresAt.getTime() - link.createdAt.getTime()).toBeLessThanOrEqual(60 * 60_000 + 1000);
      const audit = await auditOf('entity_id', user.id, 'auth.password_reset_requested');
      expect(audit).toHaveLength(1);
      expect(audit[0].ip).toBeTruthy();
    });

    it('mails and audits nothing for an unknown, an invited or a disabled address', async () => {
      const known = await createUser(m.db, Role.Orderer);
      const invited = await createUser(m.db, Role.Orderer, { status: UserStatus.Invited });
      const disabled = await createUser(m.db, Role.Orderer, { status: UserStatus.Disabled });
      const unknown = `nobody-${randomUUID()}@example.test`;
      for (const email of [known.email, unknown, invited.email, disabled.email]) await requestReset(email);
      expect(await mailsTo(m, known.email)).toHaveLength(1);
      for (const email of [unknown, invited.email, disabled.email]) expect(await mailsTo(m, email)).toEqual([]);
      for (const user of [invited, disabled]) {
        expect(await resetLinks(user.id)).toEqual([]);
        expect(await auditOf('entity_id', user.id, 'auth.password_reset_requested')).toEqual([]);
      }
    });

    it('sets the new password once and ends every session of the account', async () => {
      const user = await createUser(m.db, Role.Coordinator);
      const a = await signIn(m, user);
      const b = await signIn(m, user);
      const token = await resetToken(user);

      const weak = await problemOf(confirm(token, 'password1234'));
      expect(weak.status).toBe(400);
      expect(weak.errors).toEqual([expect.objectContaining({ field: 'password', code: 'tooCommon' })]);
      // A refused password leaves the link usable and the sessions alive.
      expect(await userOf(m, a.accessToken)).toMatchObject({ id: user.id });

      await confirm(token, NEW_PASSWORD);
      for (const s of [a, b]) {
        expect(await userOf(m, s.accessToken)).toBeNull();
        await refreshRefused(s.refreshToken);
      }
      const sessions = await m.db.query(`SELECT revoked_reason AS reason FROM auth_sessions WHERE user_id = $1`, [
        user.id,
      ]);
      expect(sessions).toEqual([{ reason: 'password_reset' }, { reason: 'password_reset' }]);
      expect(await problemOf(signIn(m, user))).toMatchObject({ status: 401 });
      await signIn(m, { email: user.email, password: NEW_PASSWORD });

      expect(await problemOf(confirm(token, 'Ytterligare-ett-lösen-2027'))).toMatchObject({
        status: 410,
        code: AccountErrorCode.InvalidResetLink,
      });
      const done = await auditOf('actor_id', user.id, 'auth.password_reset');
      expect(done.map((a) => a.details)).toEqual([{ revokedSessions: 2 }]);
    });

    it('refuses a link after its hour', async () => {
      const user = await createUser(m.db, Role.Expert);
      const token = await resetToken(user);
      expect(await problemOf(later(m, 61 * 60_000, () => confirm(token, NEW_PASSWORD)))).toMatchObject({
        status: 410,
        code: AccountErrorCode.InvalidResetLink,
      });
      await signIn(m, user);
    });

    it('lets only the newest link work', async () => {
      const user = await createUser(m.db, Role.Expert);
      const older = await resetToken(user);
      const newer = await resetToken(user);
      expect(older).not.toBe(newer);
      expect(await problemOf(confirm(older, NEW_PASSWORD))).toMatchObject({ status: 410 });
      await confirm(newer, NEW_PASSWORD);
    });

    it('does not accept an invitation token as a reset link, nor a reset link as an invitation', async () => {
      const user = await createUser(m.db, Role.Expert);
      const token = await resetToken(user);
      const asInvitation = await body(AcceptInvitationDto, { token, password: NEW_PASSWORD });
      expect(await problemOf(auth.acceptInvitation(requestMeta(), asInvitation))).toMatchObject({ status: 410 });
      expect(await problemOf(confirm('x'.repeat(43), NEW_PASSWORD))).toMatchObject({ status: 410 });
    });
  });

  describe('change of my own password', () => {
    it('refuses a wrong current password with a code naming the field, and audits it', async () => {
      const user = await createUser(m.db, Role.Expert);
      const refused = await problemOf(
        changePassword(contextOf(user), { currentPassword: 'not-my-password-at-all', newPassword: NEW_PASSWORD }),
      );
      expect(refused).toMatchObject({
        status: 400,
        code: AccountErrorCode.CurrentPasswordWrong,
        errors: [expect.objectContaining({ field: 'currentPassword', code: 'wrong' })],
      });
      expect(await auditOf('actor_id', user.id, 'auth.password_change_failed')).toHaveLength(1);
      await signIn(m, user);
    });

    it('refuses a weak new password naming newPassword', async () => {
      const user = await createUser(m.db, Role.Expert);
      const refused = await problemOf(
        changePassword(contextOf(user), { currentPassword: user.password, newPassword: 'qwertyuiopasdf' }),
      );
      expect(refused.status).toBe(400);
      expect(refused.errors).toEqual([expect.objectContaining({ field: 'newPassword', code: 'tooCommon' })]);
    });

    it('changes the password, keeps this session and ends every other one', async () => {
      const user = await createUser(m.db, Role.Orderer);
      const here = await signIn(m, user);
      const elsewhere = await signIn(m, user);
      await changePassword(await sessionContext(m, here), {
        currentPassword: user.password,
        newPassword: NEW_PASSWORD,
      });
      expect(await userOf(m, here.accessToken)).toMatchObject({ id: user.id });
      await auth.refresh(requestMeta(), here.refreshToken);
      expect(await userOf(m, elsewhere.accessToken)).toBeNull();
      await refreshRefused(elsewhere.refreshToken);
      expect(await problemOf(signIn(m, user))).toMatchObject({ status: 401 });
      await signIn(m, { email: user.email, password: NEW_PASSWORD });
      const audit = await auditOf('actor_id', user.id, 'auth.password_changed');
      expect(audit.map((a) => a.details)).toEqual([{ revokedSessions: 1 }]);
    });
  });

  describe('language', () => {
    it('changes my language, audits it, and mail uses it from then on', async () => {
      const user = await createUser(m.db, Role.Expert, { language: Language.Fi, name: 'Maija Vaasa' });
      const session = await signIn(m, user);
      const changed = await account.update(
        await sessionContext(m, session),
        await body(UpdateMeDto, { language: 'sv' }),
      );
      expect(changed).toEqual({ id: user.id, email: user.email, name: 'Maija Vaasa', role: 'expert', language: 'sv' });
      // What GET /me answers from then on.
      expect(await userOf(m, session.accessToken)).toMatchObject({ language: 'sv' });
      const audit = await auditOf('actor_id', user.id, 'user.updated');
      expect(audit.map((a) => a.details)).toEqual([{ fields: ['language'], language: 'sv' }]);

      await requestReset(user.email);
      expect(await mailsTo(m, user.email)).toEqual([
        expect.objectContaining({ subject: 'Byte av lösenord i tjänsten Kokemus', language: 'sv' }),
      ]);
    });
  });
});
