import { Role } from '../../../src/common/auth/role.enum';
import { Language } from '../../../src/common/i18n/language';
import { PasswordResetService } from '../../../src/modules/auth/password-reset.service';
import { UserStatus } from '../../../src/modules/users/entities/user.entity';
import { createUser, TestUser } from '../../factories/users.factory';
import { accountsApp } from './accounts-app';

const NEW_PASSWORD = 'Vörå-skärgården-2027';

// The HTTP side of one's own account: the routes, the validation of their bodies, the same answer to any address,
// the mail delivered through the queue and the rate limits. The rules (the link's hour, one use, the newest only,
// what a new password does to the sessions, the audit rows) are test/medium/account.ts's.
describe('account: forgotten password, change of password and language', () => {
  const t = accountsApp();

  const tokens = async (user: Pick<TestUser, 'email' | 'password'>) =>
    (await t.http.post('/auth/login').send({ email: user.email, password: user.password }).expect(200)).body as {
      accessToken: string;
      refreshToken: string;
    };

  // The reset answers before it looks the address up; this waits for the work behind the answer.
  const settled = () => t.app.get(PasswordResetService).settled();

  describe('forgotten password', () => {
    it('answers a known, an unknown, an invited and a disabled address exactly alike, and the link mailed through the queue sets the password', async () => {
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
      expect(answers[0].text).toBe('');
      await settled();
      const mail = await t.mail.waitFor((m) => m.to === known.email);
      const token = /reset-password#token=([A-Za-z0-9_-]+)/.exec(mail.text)![1];
      await t.http.post('/auth/password-reset/confirm').send({ token, password: NEW_PASSWORD }).expect(204);
      await tokens({ email: known.email, password: NEW_PASSWORD });
    });

    it('refuses a bad address with 400 naming the field', async () => {
      const res = await t.http.post('/auth/password-reset').send({ email: 'not-an-address' }).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'email', code: 'isEmail' })]);
    });
  });

  describe('change of my own password', () => {
    it('changes my password through POST /me/password, and this session goes on', async () => {
      const user = await createUser(t.db, Role.Orderer);
      const s = await tokens(user);
      await t.http
        .post('/me/password')
        .set('authorization', `Bearer ${s.accessToken}`)
        .send({ currentPassword: user.password, newPassword: NEW_PASSWORD })
        .expect(204);
      await t.http.get('/me').set('authorization', `Bearer ${s.accessToken}`).expect(200);
    });
  });

  describe('PATCH /me', () => {
    it('changes my language, and GET /me answers with it', async () => {
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
  const t = accountsApp({ env: { LOGIN_LIMIT_PER_MINUTE: '3' } });

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
