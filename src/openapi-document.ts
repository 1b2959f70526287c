// Prints the API's OpenAPI document as JSON without a database, Redis or a listening port: Nest's preview mode
// reads the modules and controllers but creates no provider. Used by scripts/api-client.js, from the shared
// transpiled build (scripts/transpile.js, TRANSPILED_BUILDS).
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';

// A complete, valid configuration of placeholders: nothing is connected to.
Object.assign(process.env, {
  NODE_ENV: 'test',
  DATABASE_URL: 'postgres://preview@127.0.0.1:1/preview',
  REDIS_URL: 'redis://127.0.0.1:1',
  JWT_SECRET: 'openapi-preview-openapi-preview-openapi',
  ENCRYPTION_KEY: 'k1:MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=',
  SMTP_URL: 'smtp://127.0.0.1:1',
  LOG_LEVEL: 'silent',
});

async function main(): Promise<void> {
  const [{ AppModule }, { applyApiPrefix, buildOpenApi, createFastifyAdapter }] = await Promise.all([
    import('./app.module'),
    import('./http-app'),
  ]);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ runWorkers: false }),
    createFastifyAdapter(),
    {
      preview: true,
      logger: false,
      abortOnError: false,
    },
  );
  applyApiPrefix(app);
  process.stdout.write(`${JSON.stringify(buildOpenApi(app), null, 2)}\n`);
  await app.close();
}

void main();
