import { Writable } from 'node:stream';
import { Test, TestingModule } from '@nestjs/testing';
import { AppModule } from '../../src/app.module';
import { Clock } from '../../src/common/clock/clock.service';
import { MailTransport } from '../../src/modules/mail/mail-transport';
import { CapturingMailTransport, FakeClock } from './fakes';

export interface CompiledTestModule {
  moduleRef: TestingModule;
  mail: CapturingMailTransport;
  clock: FakeClock;
  // Every log line the app writes (LOG_LEVEL decides which).
  logs: string[];
}

// The whole app's modules as the process entry points wire them, with only what lies outside the product
// replaced: mail delivery (captured) and the clock (moved by the test). Both tiers build on it: test-app.ts adds
// the HTTP stack, test/medium/medium-app.ts uses the services as they are.
export async function compileTestModule(runWorkers: boolean): Promise<CompiledTestModule> {
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  const mail = new CapturingMailTransport();
  const clock = new FakeClock();
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot({ runWorkers, logStream })] })
    .overrideProvider(MailTransport)
    .useValue(mail)
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  return { moduleRef, mail, clock, logs };
}
