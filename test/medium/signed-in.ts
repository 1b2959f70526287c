import { randomUUID } from 'node:crypto';
import { AuthContext, AuthUser, RequestMeta } from '../../src/common/auth/auth-context';
import { AuthService } from '../../src/modules/auth/auth.service';
import { LoginDto } from '../../src/modules/auth/dto/login.dto';
import { IssuedTokens } from '../../src/modules/auth/dto/token.response';
import { TestUser } from '../factories/users.factory';
import { body, MediumApp } from './medium-app';

// Sessions for the specs of signing in and of one's own account (auth.ts, account.ts): real sign-ins, and the
// signed-in caller an access token names.

// Where a request with no signed-in caller (a sign-in, a refresh, a link from a mail) comes from, for the audit log.
export function requestMeta(): RequestMeta {
  return { ip: '127.0.0.1', userAgent: 'medium-test', requestId: randomUUID() };
}

// A sign-in as POST /auth/login makes it (its body through the validation pipe): a session and its tokens.
export async function signIn(
  m: MediumApp,
  user: Pick<TestUser, 'email' | 'password'>,
  meta: RequestMeta = requestMeta(),
): Promise<IssuedTokens> {
  const dto = await body(LoginDto, { email: user.email, password: user.password });
  return m.get(AuthService).login(meta, dto);
}

// The person an access token names, checked as the access guard checks it: null where the API answers 401.
export function userOf(m: MediumApp, accessToken: string): Promise<AuthUser | null> {
  return m.get(AuthService).userOfAccessToken(`Bearer ${accessToken}`);
}

// The caller of a live session as the access guard hands it to a service.
export async function sessionContext(m: MediumApp, tokens: IssuedTokens): Promise<AuthContext> {
  const user = await userOf(m, tokens.accessToken);
  if (!user) throw new Error('The session has ended');
  return { ...requestMeta(), user };
}

// The mail written to an address, oldest first. Without queue workers nothing is delivered: this is the outbox,
// whose rows the mail job sends as they are (test/api/ waits for the delivered ones).
export function mailsTo(m: MediumApp, address: string): Promise<{ subject: string; language: string; text: string }[]> {
  return m.db.query(
    `SELECT subject, language, text_body AS text FROM mail_messages WHERE to_address = $1 ORDER BY created_at`,
    [address],
  );
}

// A call made some time from now on the app's clock (a link's validity), which goes back to real time after it.
export async function later<T>(m: MediumApp, ms: number, call: () => Promise<T>): Promise<T> {
  m.clock.set(new Date(Date.now() + ms));
  try {
    return await call();
  } finally {
    m.clock.reset();
  }
}
