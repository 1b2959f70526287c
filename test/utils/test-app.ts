import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { Clock } from '../../src/common/clock/clock';
import { configureHttpApp, createFastifyAdapter } from '../../src/http-app';
import { MailTransport } from '../../src/modules/mail/mail-transport';
import { apiAgent } from './api-agent';
import { removeKeys } from './redis-keys';
import { CapturingMailTransport, FakeClock } from './fakes';

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
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  const mail = new CapturingMailTransport();
  const clock = new FakeClock();
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot({ runWorkers: options.runWorkers ?? true, logStream })] })
    .overrideProvider(MailTransport)
    .useValue(mail)
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
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
