import 'reflect-metadata';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { JobWorkerHost } from './common/jobs/job-worker.host';
import { STOP_MARGIN_MS, stopOnSignals } from './common/lifecycle/stop-on-signals';
import { AppConfig } from './config/app-config';
import { loadDotEnv } from './config/load-dot-env';

// The same code as the API, without HTTP: runs the queue workers so they scale apart from the API.
async function bootstrap(): Promise<void> {
  loadDotEnv();
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ runWorkers: true }), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  const host = app.get(JobWorkerHost);
  stopOnSignals(app, { limitMs: app.get(AppConfig).env.SHUTDOWN_GRACE_MS + STOP_MARGIN_MS, cutOff: () => host.cutOff });
  await app.init();
  new NestLogger('Kokemus').log('Worker running');
}

void bootstrap();
