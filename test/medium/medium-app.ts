import { randomUUID } from 'node:crypto';
import { Type } from '@nestjs/common';
import { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { AuthContext } from '../../src/common/auth/auth-context';
import { ProblemResponse } from '../../src/common/errors/problem';
import { toProblem } from '../../src/common/errors/to-problem';
import { createValidationPipe } from '../../src/common/validation/validation.pipe';
import { Language } from '../../src/common/i18n/language';
import { TestUser } from '../factories/users.factory';
import { CapturingMailTransport, FakeClock } from '../utils/fakes';
import { removeKeys } from '../utils/redis-keys';
import { compileTestModule } from '../utils/test-module';

// The middle tier (as immich's server/test/medium): the app's services with their real repositories on the real
// PostgreSQL (this Jest worker's database), wired by the app's own modules, but no HTTP adapter, no guards or
// pipes in front and no queue workers. For the rules of a service; routing, authorization tables, validation and
// whole journeys stay in the HTTP specs (test/api/). Booting it skips Fastify, the routes and the API
// description, and a call skips the HTTP round trip and the sign-in (an argon2 hash check) a token costs.
export interface MediumApp {
  module: TestingModule;
  db: DataSource;
  mail: CapturingMailTransport;
  clock: FakeClock;
  logs: string[];
  get<T>(type: Type<T>): T;
  close(): Promise<void>;
}

export async function createMediumApp(): Promise<MediumApp> {
  const saved = { ...process.env };
  const prefix = `kokemus-test-${randomUUID().slice(0, 8)}`;
  process.env.QUEUE_PREFIX = prefix;
  const { moduleRef: module, mail, clock, logs } = await compileTestModule(false);
  await module.init();
  const redisUrl = process.env.REDIS_URL!;
  process.env = saved;
  return {
    module,
    db: module.get(DataSource),
    mail,
    clock,
    logs,
    get: (type) => module.get(type),
    close: async () => {
      await module.close();
      await removeKeys(redisUrl, prefix);
    },
  };
}

// The caller as the access guard hands it to a service after a sign-in.
export function contextOf(
  user: Pick<TestUser, 'id' | 'email' | 'role'>,
  language: Language = Language.Fi,
): AuthContext {
  return {
    user: {
      id: user.id,
      email: user.email,
      name: `Test ${user.role}`,
      role: user.role,
      language,
      sessionId: randomUUID(),
    },
    ip: '127.0.0.1',
    userAgent: 'medium-test',
    requestId: randomUUID(),
  };
}

// A request body as the controller receives it: through the app's own validation pipe (whitelist, transforms).
export async function body<T extends object>(dto: Type<T>, plain: object): Promise<T> {
  return (await createValidationPipe().transform(plain, { type: 'body', metatype: dto })) as T;
}

// The problem+json answer the API gives for what the call throws (the same toProblem as the exception filter);
// fails when the call succeeds or throws something the API would answer with a 500.
export async function problemOf(call: Promise<unknown>): Promise<ProblemResponse> {
  let problem: ProblemResponse | undefined;
  try {
    await call;
  } catch (error) {
    problem = toProblem(error, 'medium');
    if (!problem) throw error;
    return problem;
  }
  throw new Error('Expected the call to be refused, but it succeeded');
}

// For a race made deterministic: returns once a statement on this worker's database waits for a lock another
// transaction holds (the test's own, uncommitted), or after about two seconds when none comes to wait, so that
// a service that should have waited fails on what it did rather than here.
export async function untilAStatementWaitsForALock(db: DataSource): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const [{ n }] = (await db.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    )) as { n: number }[];
    if (n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
