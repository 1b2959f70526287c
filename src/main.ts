import 'reflect-metadata';
import { API_PREFIX } from './common/http/api-prefix';
import { chooseDatabaseMode } from './config/database-mode';
import { loadDotEnv } from './config/load-dot-env';

async function bootstrap(): Promise<void> {
  loadDotEnv();
  // No DATABASE_URL and no REDIS_URL outside production (or KOKEMUS_EMBEDDED=true): the embedded try-out mode.
  // Each mode loads the app itself: the embedded one only once its data directory is locked, so a second
  // process on the same directory stops at once instead of after loading everything.
  const mode = chooseDatabaseMode(process.env);
  if (mode.ok && mode.embedded) return (await import('./embedded/embedded-main')).runEmbedded();
  const [{ Logger }, { AppModule }, { AppConfig }, { createHttpApp }, { STOP_MARGIN_MS, stopOnSignals }] =
    await Promise.all([
      import('@nestjs/common'),
      import('./app.module'),
      import('./config/app-config'),
      import('./http-app'),
      import('./common/lifecycle/stop-on-signals'),
    ]);
  const app = await createHttpApp(AppModule.forRoot({ runWorkers: false }), { shutdownHooks: false });
  const config = app.get(AppConfig);
  // A stop lets the requests under way finish within SHUTDOWN_GRACE_MS and never waits on Redis.
  stopOnSignals(app, { limitMs: config.env.SHUTDOWN_GRACE_MS + STOP_MARGIN_MS });
  await app.listen({ port: config.env.PORT, host: '0.0.0.0' });
  new Logger('Kokemus').log(
    `Kokemus on ${config.env.PUBLIC_URL} — API docs at ${config.env.PUBLIC_URL}${API_PREFIX}/docs`,
  );
}

void bootstrap();
