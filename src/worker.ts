import 'reflect-metadata';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { loadDotEnv } from './config/load-dot-env';

// The same code as the API, without HTTP: runs the queue workers so they scale apart from the API.
async function bootstrap(): Promise<void> {
  loadDotEnv();
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ runWorkers: true }), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
  new NestLogger('Kokemus').log('Worker running');
}

void bootstrap();
