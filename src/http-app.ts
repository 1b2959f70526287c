import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import cookie from '@fastify/cookie';
import helmet from 'helmet';
import multipart from '@fastify/multipart';
import { DynamicModule, Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from './common/errors/global-exception.filter';
import { documentProblems } from './common/errors/problem-openapi';
import { RequestErrors } from './common/errors/request.errors';
import { validationFailed } from './common/validation/validation.pipe';
import { inspectInput, jsonDepthExceeds, MAX_JSON_DEPTH } from './common/validation/well-formed-input';
import { API_PREFIX, API_PREFIX_EXCLUDED } from './common/http/api-prefix';
import { clientError } from './common/http/client-error';
import { serveWebApp } from './common/http/web-app';
import { AppConfig } from './config/app-config';
import { MULTIPART_LIMITS } from './modules/files/upload-limits';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

// The caller's X-Request-Id is kept when it looks sane; otherwise a new one. It is the correlation id
// in every log line and every error body.
function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  req.headers['x-request-id'] = id;
  return id;
}

export function buildOpenApi(app: NestFastifyApplication) {
  const config = new DocumentBuilder()
    .setTitle('Kokemus API')
    .setDescription(
      'Booking experts by experience for the Ostrobothnia wellbeing services county. ' +
        'Errors are RFC 9457 problem details with a stable `code` and a `correlationId`.',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  return documentProblems(SwaggerModule.createDocument(app, config));
}

const MAX_PARAM_LENGTH = 100;
const routerLogger = new NestLogger('Errors');

// The router answers a malformed percent-encoding or an over-long path parameter before any route
// runs; the answer is the same problem+json as every other error, without echoing the path.
function routerError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const refusal =
    error.code === 'FST_ERR_BAD_URL'
      ? RequestErrors.malformedPath()
      : error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? RequestErrors.pathParameterTooLong(MAX_PARAM_LENGTH)
        : error;
  sendProblem(refusal, request, reply, routerLogger);
}

// The API under /api, /health at the root: the web app owns every other path.
export function applyApiPrefix(app: NestFastifyApplication): void {
  app.setGlobalPrefix(API_PREFIX.slice(1), { exclude: API_PREFIX_EXCLUDED });
}

export function createFastifyAdapter(): FastifyAdapter {
  const env = AppConfig.fromProcessEnv().env;
  return new FastifyAdapter({
    bodyLimit: env.BODY_LIMIT_BYTES,
    genReqId: requestId,
    // request.ip (rate limits, audit log, signatures) is the connection's address unless TRUST_PROXY names the proxy.
    trustProxy: env.TRUST_PROXY,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors: routerError,
    clientErrorHandler: clientError,
  });
}

export interface HttpAppOptions {
  // False: the caller handles signals itself (src/common/lifecycle/stop-on-signals.ts), as every entry point does.
  shutdownHooks?: boolean;
}

export async function createHttpApp(
  module: DynamicModule,
  options: HttpAppOptions = {},
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(module, createFastifyAdapter(), { bufferLogs: true });
  await configureHttpApp(app, options);
  return app;
}

// Shared by main.ts and the tests, so that what is tested is what runs.
export async function configureHttpApp(app: NestFastifyApplication, options: HttpAppOptions = {}): Promise<void> {
  app.useLogger(app.get(Logger));
  const config = app.get(AppConfig);
  const fastify = app.getHttpAdapter().getInstance();

  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', String(request.id));
  });

  // One gate for every route, public ones included: a body is an object of bounded depth (checked before
  // it is parsed), and no text anywhere in the path, query or body holds control characters or
  // ill-formed Unicode. Upper-case UUIDs are lowered here too.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser('application/json', { bodyLimit: config.env.BODY_LIMIT_BYTES }, (request, body, done) => {
    // The body is read as UTF-8: one declared in another charset is refused rather than misread.
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(request.headers['content-type'] ?? '')?.[1];
    if (charset && !/^utf-?8$/i.test(charset)) return done(RequestErrors.unsupportedCharset(), undefined);
    const text = body.toString('utf8');
    if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) return done(RequestErrors.bodyTooDeep(MAX_JSON_DEPTH), undefined);
    parseJson(request as FastifyRequest, text, (error, value) => {
      if (error) return done(error, undefined);
      if (value === null || typeof value !== 'object' || Array.isArray(value))
        return done(RequestErrors.bodyNotObject(), undefined);
      done(null, value);
    });
  });
  fastify.addHook('preValidation', async (request) => {
    const faults = [...inspectInput(request.params), ...inspectInput(request.query), ...inspectInput(request.body)];
    if (faults.length > 0) throw validationFailed(faults);
  });

  // The security headers, from helmet's own middleware built once (@fastify/helmet built it anew on every request).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        // The web app shows a receipt or a certificate from the blob it fetched with the person's token, and a PDF
        // in an object where the browser shows it there. Chromium's viewer (Chrome, Edge) frames the blob: without
        // frame-src blob: its box stood empty (test/browser/public-pages.e2e-spec.ts shows the viewer).
        imgSrc: ["'self'", 'data:', 'blob:'],
        objectSrc: ['blob:'],
        frameSrc: ['blob:'],
      },
    },
  });
  fastify.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)),
  );
  // Uploads are read by @UploadForm() as a stream within these limits (one file of at most 5 MB, a few
  // fields); the JSON body limit stays as it is.
  await app.register(multipart, { limits: MULTIPART_LIMITS });
  // Browser sessions: the refresh token in an httpOnly cookie (src/modules/auth/session-cookies.service.ts). Unsigned:
  // the token is itself the secret.
  await app.register(cookie);
  app.enableCors({
    origin: config.env.CORS_ORIGINS.length > 0 ? config.env.CORS_ORIGINS : false,
    credentials: false,
    exposedHeaders: ['x-request-id', 'etag', 'content-disposition'],
  });

  applyApiPrefix(app);
  // The document is built on its first request, not at every start: scanning every controller cost each start of
  // the app about a tenth of a second (3.4 s of the API specs' 99 s of busy CPU, in band, went to @nestjs/swagger).
  SwaggerModule.setup(`${API_PREFIX.slice(1)}/docs`, app, () => buildOpenApi(app), {
    jsonDocumentUrl: `${API_PREFIX.slice(1)}/docs-json`,
  });
  // Without a built web app (a fresh clone before its first build, most API tests) the API runs alone.
  await serveWebApp(app);
  if (options.shutdownHooks !== false) app.enableShutdownHooks();
}
