import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { API_PREFIX } from './api-prefix';

// The built web app (web/dist) is served from the API's origin: hashed assets with a long cache life, and
// index.html (never cached) for every other GET of a page, so that a bookmarked or reloaded screen URL opens
// the app. Paths under the API prefix and /health never fall back: an unknown API path stays a problem+json 404.

const LONG_CACHE = 'public, max-age=31536000, immutable';
const NO_CACHE = 'no-cache';

// From src/ (ts-node, Jest), dist/src/ or a test build: the first parent directory that holds web/.
export function findWebDist(from = __dirname): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'web', 'package.json'))) return join(dir, 'web', 'dist');
    if (dirname(dir) === dir) return undefined;
  }
}

function isPageRequest(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0];
  if (path === API_PREFIX || path.startsWith(`${API_PREFIX}/`) || path === '/health' || path.startsWith('/health/'))
    return false;
  // A missing file (/favicon.ico, /assets/old-hash.js) is a 404, not the app.
  if (/\.[A-Za-z0-9]+$/.test(path)) return false;
  return String(request.headers.accept ?? '').includes('text/html');
}

export async function serveWebApp(
  app: NestFastifyApplication,
  dist = process.env.WEB_DIST_DIR ?? findWebDist(),
): Promise<boolean> {
  const index = dist ? join(resolve(dist), 'index.html') : undefined;
  if (!dist || !index || !existsSync(index)) return false;
  const html = readFileSync(index);
  const root = resolve(dist);
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    // One route per file found now: nothing is served from outside dist, and no wildcard route competes
    // with the API's.
    wildcard: false,
    index: false,
    serveDotFiles: false,
    // The build writes name.br and name.gz beside each text file (scripts/web-build.js): sent to browsers
    // that accept them, with Vary: accept-encoding.
    preCompressed: true,
    setHeaders: (res, path) => {
      // Vite names every file under assets/ by its content's hash.
      res.header('cache-control', relative(root, path).startsWith(`assets${sep}`) ? LONG_CACHE : NO_CACHE);
    },
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.is404 || !isPageRequest(request)) return;
    await reply.header('cache-control', NO_CACHE).type('text/html; charset=utf-8').send(html);
    return reply;
  });
  return true;
}
