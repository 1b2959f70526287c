import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { AppModule } from './app.module';
import { AppConfig } from './config/app-config';
import { chooseDatabaseMode } from './config/database-mode';
import { loadDotEnv } from './config/load-dot-env';
import { runEmbedded } from './embedded/embedded-main';
import { createHttpApp } from './http-app';

async function bootstrap(): Promise<void> {
  loadDotEnv();
  // No DATABASE_URL and no REDIS_URL outside production (or KOKEMUS_EMBEDDED=true): the embedded try-out mode.
  const mode = chooseDatabaseMode(process.env);
  if (mode.ok && mode.embedded) return runEmbedded();
  const app = await createHttpApp(AppModule.forRoot({ runWorkers: false }));
  const config = app.get(AppConfig);
  await app.listen({ port: config.env.PORT, host: '0.0.0.0' });
  new Logger('Kokemus').log(`API on ${config.env.PUBLIC_URL} — docs at ${config.env.PUBLIC_URL}/docs`);
}

void bootstrap();
