import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { configureHttpApp, createFastifyAdapter } from '../../src/http-app';
import { apiAgent } from './api-agent';
import { removeKeys } from './redis-keys';
import { CapturingMailTransport, FakeClock } from './fakes';
import { compileTestModule } from './test-module';

export interface TestApp {
  app: NestFastifyApplication;
  http: TestAgent;
  mail: CapturingMailTransport;
  clock: FakeClock;
  db: DataSource;
  logs: string[];
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  // False: no in-process workers, the jobs are left to a worker process the test starts itself.
  runWorkers?: boolean;
}

// The real HTTP stack on the real PostgreSQL and Redis, with the workers in-process on a queue prefix of
// its own. Only what lies outside the product is replaced: mail delivery and the clock.
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const saved = { ...process.env };
  const ownPrefix = `kokemus-test-${randomUUID().slice(0, 8)}`;
  Object.assign(process.env, { QUEUE_PREFIX: ownPrefix, ...options.env });
  const prefix = process.env.QUEUE_PREFIX!;
  const redisUrl = process.env.REDIS_URL!;
  const { moduleRef, mail, clock, logs } = await compileTestModule(options.runWorkers ?? true);
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(), { bufferLogs: true });
  await configureHttpApp(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  process.env = saved;
  return {
    app,
    http: apiAgent(request(app.getHttpServer())),
    mail,
    clock,
    db: app.get(DataSource),
    logs,
    close: async () => {
      await app.close();
      // The keys of a prefix the app chose itself go with it (a prefix the test gave may be shared by two apps).
      if (prefix === ownPrefix) await removeKeys(redisUrl, prefix);
    },
  };
}
