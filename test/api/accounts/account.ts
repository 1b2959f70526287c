import { Role } from '../../../src/common/auth/role.enum';
import { Language } from '../../../src/common/i18n/language';
import { sha256 } from '../../../src/common/crypto/tokens';
import { AuditEventEntity } from '../../../src/modules/audit/entities/audit-event.entity';
import { InvitationEntity, InvitationPurpose } from '../../../src/modules/auth/entities/invitation.entity';
import { SessionEntity } from '../../../src/modules/auth/entities/session.entity';
import { PasswordResetService } from '../../../src/modules/auth/password-reset.service';
import { UserStatus } from '../../../src/modules/users/entities/user.entity';
import { createUser, TestUser } from '../../factories/users.factory';
import { createTestApp, TestApp } from '../../utils/test-app';

const NEW_PASSWORD = 'Vörå-skärgården-2027';

describe('account: forgotten password, change of password and language', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const tokens = async (user: Pick<TestUser, 'email' | 'password'>) =>
    (await t.http.post('/auth/login').send({ email: user.email, password: user.password }).expect(200)).body as {
      accessToken: string;
      refreshToken: string;
    };

  // The reset answers before it looks the address up; this waits for the work behind the answer.
  const settled = () => t.app.get(PasswordResetService).settled();

  async function resetToken(user: TestUser): Promise<string> {
    await t.http.post('/auth/password-reset').send({ email: user.email }).expect(202);
    await settled();
    const mail = await t.mail.waitFor((m) => m.to === user.email && /reset-password#token=/.test(m.text));
    t.mail.sent.splice(t.mail.sent.indexOf(mail), 1);
    return /reset-password#token=([A-Za-z0-9_-]+)/.exec(mail.text)![1];
  }

  describe('forgotten password', () => {
    it('mails a one-time link in the person’s language, valid for an hour, and keeps only its hash', async () => {
      const user = await createUser(t.db, Role.Expert, { language: Language.Sv, name: 'Karin Österberg' });
      const res = await t.http.post('/auth/password-reset').send({ email: user.email.toUpperCase() }).expect(202);
      expect(res.text).toBe('');
      await settled();
      const mail = await t.mail.waitFor((m) => m.to === user.email);
      expect(mail.subject).toBe('Byte av lösenord i tjänsten Kokemus');
      expect(mail.text).toContain('Hej Karin Österberg');
      expect(mail.text).toContain('inom 60 minuter');
      const token = /http:\/\/kokemus\.test\/reset-password#token=([A-Za-z0-9_-]{43})\n/.exec(mail.text)![1];

      const link = await t.db
        .getRepository(InvitationEntity)
        .findOneByOrFail({ userId: user.id, purpose: InvitationPurpose.PasswordReset });
      expect(link.tokenHash).toEqual(sha256(token));
      expect(link.expiresAt.getTime() - link.createdAt.getTime()).toBeGreaterThan(59 * 60_000);
      expect(link.expiresAt.getTime() - link.createdAt.getTime()).toBeLessThanOrEqual(60 * 60_000 + 1000);
      const audit = await t.db
        .getRepository(AuditEventEntity)
        .findBy({ entityId: user.id, action: 'auth.password_reset_requested' });
      expect(audit).toHaveLength(1);
      expect(audit[0].ip).toBeTruthy();
    });

    it('answers an unknown, an invited and a disabled address exactly as a known one, and mails and audits nothing for them', async () => {
      const known = await createUser(t.db, Role.Orderer);
      const invited = await createUser(t.db, Role.Orderer, { status: UserStatus.Invited });
      const disabled = await createUser(t.db, Role.Orderer, { status: UserStatus.Disabled });
      const unknown = `nobody-${Date.now()}@example.test`;
      const answers = [];
      for (const email of [known.email, unknown, invited.email, disabled.email]) {
        const res = await t.http.post('/auth/password-reset').send({ email }).expect(202);
        answers.push({
          status: res.status,
          text: res.text,
          type: res.headers['content-type'] ?? null,
          length: res.headers['content-length'],
        });
      }
      expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
      await settled();
      await t.mail.waitFor((m) => m.to === known.email);
      // Mail goes out in order through the same queue; give the others the same chance before asserting none came.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(t.mail.sent.filter((m) => [unknown, invited.email, disabled.email].includes(m.to))).toEqual([]);
      for (const user of [invited, disabled]) {
        expect(
          await t.db
            .getRepository(InvitationEntity)
            .countBy({ userId: user.id, purpose: InvitationPurpose.PasswordReset }),
        ).toBe(0);
        expect(
          await t.db
            .getRepository(AuditEventEntity)
            .countBy({ entityId: user.id, action: 'auth.password_reset_requested' }),
        ).toBe(0);
      }
    });

    it('refuses a bad address with 400 naming the field', async () => {
      const res = await t.http.post('/auth/password-reset').send({ email: 'not-an-address' }).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'email', code: 'isEmail' })]);
    });

    it('sets the new password once and ends every session of the account', async () => {
      const user = await createUser(t.db, Role.Coordinator);
      const a = await tokens(user);
      const b = await tokens(user);
      const token = await resetToken(user);

      const weak = await t.http
        .post('/auth/password-reset/confirm')
        .send({ token, password: 'password1234' })
        .expect(400);
      expect(weak.body.errors).toEqual([expect.objectContaining({ field: 'password', code: 'tooCommon' })]);
      // A refused password leaves the link usable and the sessions alive.
      await t.http.get('/me').set('authorization', `Bearer ${a.accessToken}`).expect(200);

      await t.http.post('/auth/password-reset/confirm').send({ token, password: NEW_PASSWORD }).expect(204);
      for (const s of [a, b]) {
        await t.http.get('/me').set('authorization', `Bearer ${s.accessToken}`).expect(401);
        await t.http.post('/auth/refresh').send({ refreshToken: s.refreshToken }).expect(401);
      }
      const sessions = await t.db.getRepository(SessionEntity).findBy({ userId: user.id });
      expect(sessions.map((s) => s.revokedReason)).toEqual(['password_reset', 'password_reset']);
      await t.http.post('/auth/login').send({ email: user.email, password: user.password }).expect(401);
      await tokens({ email: user.email, password: NEW_PASSWORD });

      const again = await t.http
        .post('/auth/password-reset/confirm')
        .send({ token, password: 'Ytterligare-ett-lösen-2027' })
        .expect(410);
      expect(again.body.code).toBe('INVALID_RESET_LINK');
      const done = await t.db
        .getRepository(AuditEventEntity)
        .findBy({ actorId: user.id, action: 'auth.password_reset' });
      expect(done).toHaveLength(1);
      expect(done[0].details).toEqual({ revokedSessions: 2 });
    });

    it('refuses a link after its hour', async () => {
      const user = await createUser(t.db, Role.Expert);
      const token = await resetToken(user);
      t.clock.set(new Date(Date.now() + 61 * 60_000));
      try {
        const res = await t.http
          .post('/auth/password-reset/confirm')
          .send({ token, password: NEW_PASSWORD })
          .expect(410);
        expect(res.body.code).toBe('INVALID_RESET_LINK');
      } finally {
        t.clock.reset();
      }
      await t.http.post('/auth/login').send({ email: user.email, password: user.password }).expect(200);
    });

    it('lets only the newest link work', async () => {
      const user = await createUser(t.db, Role.Expert);
      const older = await resetToken(user);
      const newer = await resetToken(user);
      await t.http.post('/auth/password-reset/confirm').send({ token: older, password: NEW_PASSWORD }).expect(410);
      await t.http.post('/auth/password-reset/confirm').send({ token: newer, password: NEW_PASSWORD }).expect(204);
    });

    it('does not accept an invitation token as a reset link, nor a reset link as an invitation', async () => {
      const user = await createUser(t.db, Role.Expert);
      const token = await resetToken(user);
      await t.http.post('/auth/invitations/accept').send({ token, password: NEW_PASSWORD }).expect(410);
      await t.http
        .post('/auth/password-reset/confirm')
        .send({ token: 'x'.repeat(43), password: NEW_PASSWORD })
        .expect(410);
    });
  });

  describe('change of my own password', () => {
    it('refuses a wrong current password with a code naming the field, and audits it', async () => {
      const user = await createUser(t.db, Role.Expert);
      const s = await tokens(user);
      const res = await t.http
        .post('/me/password')
        .set('authorization', `Bearer ${s.accessToken}`)
        .send({ currentPassword: 'not-my-password-at-all', newPassword: NEW_PASSWORD })
        .expect(400);
      expect(res.body).toMatchObject({
        code: 'CURRENT_PASSWORD_WRONG',
        errors: [expect.objectContaining({ field: 'currentPassword', code: 'wrong' })],
      });
      expect(
        await t.db.getRepository(AuditEventEntity).countBy({ actorId: user.id, action: 'auth.password_change_failed' }),
      ).toBe(1);
      await tokens(user);
    });

    it('refuses a weak new password naming newPassword', async () => {
      const user = await createUser(t.db, Role.Expert);
      const s = await tokens(user);
      const res = await t.http
        .post('/me/password')
        .set('authorization', `Bearer ${s.accessToken}`)
        .send({ currentPassword: user.password, newPassword: 'qwertyuiopasdf' })
        .expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'newPassword', code: 'tooCommon' })]);
    });

    it('changes the password, keeps this session and ends every other one', async () => {
      const user = await createUser(t.db, Role.Orderer);
      const here = await tokens(user);
      const elsewhere = await tokens(user);
      await t.http
        .post('/me/password')
        .set('authorization', `Bearer ${here.accessToken}`)
        .send({ currentPassword: user.password, newPassword: NEW_PASSWORD })
        .expect(204);
      await t.http.get('/me').set('authorization', `Bearer ${here.accessToken}`).expect(200);
      await t.http.post('/auth/refresh').send({ refreshToken: here.refreshToken }).expect(200);
      await t.http.get('/me').set('authorization', `Bearer ${elsewhere.accessToken}`).expect(401);
      await t.http.post('/auth/refresh').send({ refreshToken: elsewhere.refreshToken }).expect(401);
      await t.http.post('/auth/login').send({ email: user.email, password: user.password }).expect(401);
      await tokens({ email: user.email, password: NEW_PASSWORD });
      const audit = await t.db
        .getRepository(AuditEventEntity)
        .findBy({ actorId: user.id, action: 'auth.password_changed' });
      expect(audit.map((a) => a.details)).toEqual([{ revokedSessions: 1 }]);
    });
  });

  describe('PATCH /me', () => {
    it('changes my language, audits it, and mail uses it from then on', async () => {
      const user = await createUser(t.db, Role.Expert, { language: Language.Fi, name: 'Maija Vaasa' });
      const s = await tokens(user);
      const res = await t.http
        .patch('/me')
        .set('authorization', `Bearer ${s.accessToken}`)
        .send({ language: 'sv' })
        .expect(200);
      expect(res.body).toEqual({ id: user.id, email: user.email, name: 'Maija Vaasa', role: 'expert', language: 'sv' });
      expect((await t.http.get('/me').set('authorization', `Bearer ${s.accessToken}`).expect(200)).body.language).toBe(
        'sv',
      );
      const audit = await t.db.getRepository(AuditEventEntity).findBy({ actorId: user.id, action: 'user.updated' });
      expect(audit.map((a) => a.details)).toEqual([{ fields: ['language'], language: 'sv' }]);

      await t.http.post('/auth/password-reset').send({ email: user.email }).expect(202);
      await settled();
      expect((await t.mail.waitFor((m) => m.to === user.email)).subject).toBe('Byte av lösenord i tjänsten Kokemus');
    });

    it('refuses a language outside fi, sv and en, and any other field, naming it', async () => {
      const user = await createUser(t.db, Role.Orderer);
      const s = await tokens(user);
      const bad = await t.http
        .patch('/me')
        .set('authorization', `Bearer ${s.accessToken}`)
        .send({ language: 'de' })
        .expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'language', code: 'isEnum' })]);
      const other = await t.http
        .patch('/me')
        .set('authorization', `Bearer ${s.accessToken}`)
        .send({ role: 'admin' })
        .expect(400);
      expect(other.body.errors).toEqual([expect.objectContaining({ field: 'role', code: 'unknownField' })]);
      expect((await t.http.get('/me').set('authorization', `Bearer ${s.accessToken}`).expect(200)).body).toMatchObject({
        role: 'orderer',
        language: 'fi',
      });
    });
  });
});

describe('password routes are rate limited', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(() => t.close());

  it('limits reset requests per address, known or not', async () => {
    const user = await createUser(t.db, Role.Orderer);
    for (const email of [user.email, `nobody-${Date.now()}@example.test`]) {
      for (let i = 0; i < 3; i++)
        await t.http.post('/auth/password-reset').set('x-forwarded-for', `198.51.100.${i}`).send({ email }).expect(202);
      const limited = await t.http
        .post('/auth/password-reset')
        .set('x-forwarded-for', '198.51.100.9')
        .send({ email })
        .expect(429);
      expect(limited.body.code).toBe('TOO_MANY_REQUESTS');
    }
    await t.app.get(PasswordResetService).settled();
  });

  it('limits guesses of the current password per account', async () => {
    const user = await createUser(t.db, Role.Expert);
    const token = (await t.http.post('/auth/login').send({ email: user.email, password: user.password }).expect(200))
      .body.accessToken;
    const guess = (ip: string) =>
      t.http
        .post('/me/password')
        .set('authorization', `Bearer ${token}`)
        .set('x-forwarded-for', ip)
        .send({ currentPassword: 'guess-guess-guess', newPassword: NEW_PASSWORD });
    for (let i = 0; i < 3; i++) await guess(`198.51.100.${20 + i}`).expect(400);
    await guess('198.51.100.30').expect(429);
  });
});
