import { Role } from '../../../src/common/auth/role.enum';
import { AuditEventEntity } from '../../../src/modules/audit/entities/audit-event.entity';
import { SessionEntity } from '../../../src/modules/auth/entities/session.entity';
import { CSRF_COOKIE, REFRESH_COOKIE } from '../../../src/modules/auth/session-cookies.service';
import { createUser, TestUser } from '../../factories/users.factory';
import { cookieHeader, setCookies } from '../../utils/cookies';
import { accountsApp, tokenBody } from './accounts-app';

interface BrowserSession {
  accessToken: string;
  refresh: string;
  csrf: string;
}

describe('browser sessions: the refresh token in an httpOnly cookie', () => {
  const t = accountsApp();

  async function browserLogin(user: TestUser): Promise<BrowserSession> {
    const res = await t.http
      .post('/auth/login')
      .send({ email: user.email, password: user.password, session: 'cookie' })
      .expect(200);
    const cookies = setCookies(res);
    return {
      accessToken: res.body.accessToken,
      refresh: cookies[REFRESH_COOKIE].value,
      csrf: cookies[CSRF_COOKIE].value,
    };
  }

  const refreshWithCookie = (s: Pick<BrowserSession, 'refresh' | 'csrf'>, header: string | null = s.csrf) => {
    const req = t.http
      .post('/auth/refresh')
      .set('cookie', cookieHeader({ [REFRESH_COOKIE]: s.refresh, [CSRF_COOKIE]: s.csrf }));
    return header === null ? req : req.set('x-csrf-token', header);
  };

  it('sets the refresh token as an httpOnly cookie on the auth routes and a readable CSRF cookie, and leaves the token out of the body', async () => {
    const user = await createUser(t.db, Role.Expert);
    const res = await t.http
      .post('/auth/login')
      .send({ email: user.email, password: user.password, session: 'cookie' })
      .expect(200);
    expect(res.body).toEqual(tokenBody('in cookie'));
    const session = await t.db.getRepository(SessionEntity).findOneByOrFail({ userId: user.id });
    expect(res.body.sessionExpiresAt).toBe(session.expiresAt.toISOString());

    const cookies = setCookies(res);
    expect(cookies[REFRESH_COOKIE].value.length).toBeGreaterThanOrEqual(40);
    expect(cookies[REFRESH_COOKIE].attributes).toEqual({
      path: '/api/auth',
      httponly: true,
      samesite: 'Strict',
      expires: session.expiresAt.toUTCString(),
    });
    expect(cookies[CSRF_COOKIE].value.length).toBeGreaterThanOrEqual(40);
    expect(cookies[CSRF_COOKIE].attributes).toEqual({
      path: '/',
      samesite: 'Strict',
      expires: session.expiresAt.toUTCString(),
    });
    await t.http.get('/me').set('authorization', `Bearer ${res.body.accessToken}`).expect(200);
  });

  it('keeps answering API clients as before: the refresh token in the body and no cookies', async () => {
    const user = await createUser(t.db, Role.Orderer);
    const res = await t.http.post('/auth/login').send({ email: user.email, password: user.password }).expect(200);
    expect(res.body.refreshToken).toEqual(expect.any(String));
    expect(res.headers['set-cookie']).toBeUndefined();
    const refreshed = await t.http.post('/auth/refresh').send({ refreshToken: res.body.refreshToken }).expect(200);
    expect(refreshed.body.refreshToken).toEqual(expect.any(String));
    expect(refreshed.headers['set-cookie']).toBeUndefined();
  });

  it('refuses an unknown session kind', async () => {
    const user = await createUser(t.db, Role.Orderer);
    const res = await t.http
      .post('/auth/login')
      .send({ email: user.email, password: user.password, session: 'localStorage' })
      .expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'session', code: 'isIn' })]);
  });

  it('refreshes from the cookie with the CSRF header and rotates both cookies', async () => {
    const user = await createUser(t.db, Role.Expert);
    const first = await browserLogin(user);
    const res = await refreshWithCookie(first).expect(200);
    expect(res.body).toEqual(tokenBody('in cookie'));
    const cookies = setCookies(res);
    expect(cookies[REFRESH_COOKIE].value).not.toBe(first.refresh);
    expect(cookies[CSRF_COOKIE].value).not.toBe(first.csrf);
    expect(cookies[REFRESH_COOKIE].attributes).toMatchObject({ path: '/api/auth', httponly: true, samesite: 'Strict' });
    await t.http.get('/me').set('authorization', `Bearer ${res.body.accessToken}`).expect(200);
    // The rotated pair works once more, as a reload would use it.
    await refreshWithCookie({ refresh: cookies[REFRESH_COOKIE].value, csrf: cookies[CSRF_COOKIE].value }).expect(200);
  });

  it('ends the whole session when a rotated cookie comes back, and drops the dead cookies', async () => {
    const user = await createUser(t.db, Role.Expert);
    const first = await browserLogin(user);
    const rotated = setCookies(await refreshWithCookie(first).expect(200));
    const second = { refresh: rotated[REFRESH_COOKIE].value, csrf: rotated[CSRF_COOKIE].value };
    const accessToken = (await refreshWithCookie(second).expect(200)).body.accessToken as string;

    const reuse = await refreshWithCookie(first).expect(401);
    expect(reuse.body.code).toBe('INVALID_REFRESH_TOKEN');
    const cleared = setCookies(reuse);
    expect(cleared[REFRESH_COOKIE]).toMatchObject({ value: '', attributes: { path: '/api/auth', 'max-age': '0' } });
    expect(cleared[CSRF_COOKIE]).toMatchObject({ value: '', attributes: { path: '/', 'max-age': '0' } });
    await t.http.get('/me').set('authorization', `Bearer ${accessToken}`).expect(401);
    const events = await t.db
      .getRepository(AuditEventEntity)
      .findBy({ actorId: user.id, action: 'auth.refresh_reuse_detected' });
    expect(events).toHaveLength(1);
  });

  it('refuses a cookie refresh without the CSRF header, with a wrong one, or with another session’s pair, and spends nothing', async () => {
    const user = await createUser(t.db, Role.Coordinator);
    const victim = await browserLogin(user);
    const attacker = await browserLogin(await createUser(t.db, Role.Expert));
    const attempts = [
      refreshWithCookie(victim, null),
      refreshWithCookie(victim, 'x'.repeat(43)),
      refreshWithCookie(victim, victim.csrf.slice(0, -1)),
      // A CSRF cookie and header planted together (cookie tossing) do not belong to the victim's refresh token.
      refreshWithCookie({ refresh: victim.refresh, csrf: attacker.csrf }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.code).toBe('CSRF_TOKEN_INVALID');
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    const refused = await t.db.getRepository(AuditEventEntity).countBy({ action: 'auth.csrf_refused' });
    expect(refused).toBeGreaterThanOrEqual(4);
    // The victim's token was never used: it still refreshes.
    await refreshWithCookie(victim).expect(200);
  });

  it('answers a refresh with neither a token in the body nor a cookie with 401', async () => {
    const res = await t.http.post('/auth/refresh').expect(401);
    expect(res.body.code).toBe('INVALID_REFRESH_TOKEN');
    await t.http.post('/auth/refresh').send({}).expect(401);
  });

  it('logs out with the cookie only after the CSRF check, ends the session and clears both cookies', async () => {
    const user = await createUser(t.db, Role.Expert);
    const s = await browserLogin(user);
    const logout = (header: string | null) => {
      const req = t.http
        .post('/auth/logout')
        .set('cookie', cookieHeader({ [REFRESH_COOKIE]: s.refresh, [CSRF_COOKIE]: s.csrf }));
      return header === null ? req : req.set('x-csrf-token', header);
    };
    expect((await logout(null).expect(403)).body.code).toBe('CSRF_TOKEN_INVALID');
    expect((await logout('forged-forged-forged-forged').expect(403)).body.code).toBe('CSRF_TOKEN_INVALID');
    await t.http.get('/me').set('authorization', `Bearer ${s.accessToken}`).expect(200);

    const res = await logout(s.csrf).expect(204);
    const cleared = setCookies(res);
    expect(cleared[REFRESH_COOKIE]).toMatchObject({
      value: '',
      attributes: { path: '/api/auth', 'max-age': '0', httponly: true },
    });
    expect(cleared[CSRF_COOKIE]).toMatchObject({ value: '', attributes: { path: '/', 'max-age': '0' } });
    await t.http.get('/me').set('authorization', `Bearer ${s.accessToken}`).expect(401);
    await refreshWithCookie(s).expect(401);
    const session = await t.db.getRepository(SessionEntity).findOneByOrFail({ userId: user.id });
    expect(session).toMatchObject({ revokedAt: expect.any(Date), revokedReason: 'logout' });
    expect(await t.db.getRepository(AuditEventEntity).countBy({ actorId: user.id, action: 'auth.logout' })).toBe(1);
  });

  it('logs out with the cookie and the access token together, as the web app sends them', async () => {
    const user = await createUser(t.db, Role.Orderer);
    const s = await browserLogin(user);
    await t.http
      .post('/auth/logout')
      .set('authorization', `Bearer ${s.accessToken}`)
      .set('cookie', cookieHeader({ [REFRESH_COOKIE]: s.refresh, [CSRF_COOKIE]: s.csrf }))
      .set('x-csrf-token', s.csrf)
      .expect(204);
    await t.http.get('/me').set('authorization', `Bearer ${s.accessToken}`).expect(401);
  });

  it('ends the session whose cookie a new cookie login replaces', async () => {
    const first = await createUser(t.db, Role.Expert);
    const second = await createUser(t.db, Role.Expert);
    const old = await browserLogin(first);
    await t.http
      .post('/auth/login')
      .set('cookie', cookieHeader({ [REFRESH_COOKIE]: old.refresh, [CSRF_COOKIE]: old.csrf }))
      .send({ email: second.email, password: second.password, session: 'cookie' })
      .expect(200);
    await t.http.get('/me').set('authorization', `Bearer ${old.accessToken}`).expect(401);
    expect(await t.db.getRepository(SessionEntity).findOneByOrFail({ userId: first.id })).toMatchObject({
      revokedReason: 'logout',
    });
  });

  it('refuses a logout with neither an access token nor a cookie', async () => {
    expect((await t.http.post('/auth/logout').expect(401)).body.code).toBe('UNAUTHENTICATED');
    expect((await t.http.post('/auth/logout').set('authorization', 'Bearer garbage').expect(401)).body.code).toBe(
      'UNAUTHENTICATED',
    );
  });
});
