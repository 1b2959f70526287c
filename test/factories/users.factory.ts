import { randomUUID } from 'node:crypto';
import * as argon2 from 'argon2';
import TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { Role } from '../../src/common/auth/role.enum';
import { Language } from '../../src/common/i18n/language';
import { UserEntity, UserStatus } from '../../src/modules/users/entities/user.entity';

export const DEFAULT_PASSWORD = 'Pohjanmaa-kokemus-2026!';
// The password hash of the users made here: argon2id with the smallest cost, as a hash reads its own parameters and
// the app's verification takes whatever they are. A check of the app's parameters (19 MiB, two passes) cost 55 ms
// of CPU on CI's machine, 1 ms with these; the security and booking API specs alone sign such users in 129 times.
// Passwords the app sets itself (an invitation accepted, a password reset) are hashed by the app, at its own cost, and
// signed in with so.
const FIXTURE_HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 } as const;
let defaultHash: Promise<string> | undefined;

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: Role;
}

export async function createUser(
  db: DataSource,
  role: Role,
  overrides: Partial<Pick<UserEntity, 'email' | 'name' | 'status' | 'language'>> = {},
): Promise<TestUser> {
  defaultHash ??= argon2.hash(DEFAULT_PASSWORD, FIXTURE_HASH_OPTIONS);
  const email = overrides.email ?? `${role}-${randomUUID()}@example.test`;
  const user = await db.getRepository(UserEntity).save({
    email,
    name: overrides.name ?? `Test ${role}`,
    role,
    status: overrides.status ?? UserStatus.Active,
    language: overrides.language ?? Language.Fi,
    passwordHash: await defaultHash,
  });
  return { id: user.id, email, password: DEFAULT_PASSWORD, role };
}

export async function login(http: TestAgent, user: Pick<TestUser, 'email' | 'password'>): Promise<string> {
  const res = await http.post('/auth/login').send({ email: user.email, password: user.password }).expect(200);
  return res.body.accessToken as string;
}

export async function loggedIn(
  db: DataSource,
  http: TestAgent,
  role: Role,
  overrides: Parameters<typeof createUser>[2] = {},
): Promise<TestUser & { token: string }> {
  const user = await createUser(db, role, overrides);
  return { ...user, token: await login(http, user) };
}
