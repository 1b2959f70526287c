import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import request from 'supertest';
import { ensureWebBuild, DIST } from '../../../scripts/web-build';
import { createTestApp, TestApp } from '../../utils/test-app';

// The API and the web app share one origin: the API under /api, /health at the root, the web app on every
// other path, so that a bookmarked or reloaded screen URL opens the app.
describe('the web app served beside the API', () => {
  let t: TestApp;
  let raw: ReturnType<typeof request>;
  const html = 'text/html,application/xhtml+xml';

  beforeAll(async () => {
    ensureWebBuild({ quiet: true });
    t = await createTestApp();
    raw = request(t.app.getHttpServer());
  }, 120_000);
  afterAll(() => t?.close());

  it.each(['/', '/sign-in', '/offers/8c0c1a8e-1111-4111-8111-111111111111', '/set-password'])(
    'gives the app for the page %s, never cached',
    async (path) => {
      const res = await raw.get(path).set('accept', html).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.text).toContain('<div id="root"></div>');
    },
  );

  it('runs no inline script, so the content security policy allows only its own scripts', async () => {
    const res = await raw.get('/').set('accept', html).expect(200);
    expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    // PDFs and images fetched with the token are shown from blobs; no other object is ever loaded.
    expect(res.headers['content-security-policy']).toContain('object-src blob:');
    expect(res.headers['content-security-policy']).toContain('frame-src blob:');
    expect(res.headers['content-security-policy']).toContain("img-src 'self' data: blob:");
  });

  it("sends the same security headers on the API's answers, a refusal included", async () => {
    for (const res of [await raw.get('/api/me').expect(401), await raw.get('/health').expect(200)]) {
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
    }
  });

  it('serves the hashed assets with a year of cache, and a missing one as 404', async () => {
    const index = readFileSync(join(DIST, 'index.html'), 'utf8');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(index)![1];
    const res = await raw.get(script).expect(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    await raw.get('/assets/index-00000000.js').set('accept', html).expect(404);
  });

  it('sends the scripts brotli or gzip compressed to a browser that accepts it, and plain to one that does not', async () => {
    const index = readFileSync(join(DIST, 'index.html'), 'utf8');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(index)![1];
    const plain = readFileSync(join(DIST, script));
    const asBytes = (res: request.Response, done: (e: Error | null, body: Buffer) => void) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    };
    // supertest decodes what it receives: the body is the script again, the length what travelled.
    const br = await raw
      .get(script)
      .set('accept-encoding', 'gzip, deflate, br')
      .buffer(true)
      .parse(asBytes)
      .expect(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((br.body as Buffer).equals(plain)).toBe(true);
    expect(Number(br.headers['content-length'])).toBe(
      brotliCompressSync(plain, {
        params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: plain.length },
      }).length,
    );
    expect(Number(br.headers['content-length'])).toBeLessThan(plain.length / 3);
    const gz = await raw.get(script).set('accept-encoding', 'gzip').buffer(true).parse(asBytes).expect(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect((gz.body as Buffer).equals(plain)).toBe(true);
    expect(Number(gz.headers['content-length'])).toBeLessThan(plain.length / 3);
    const none = await raw.get(script).set('accept-encoding', 'identity').buffer(true).parse(asBytes).expect(200);
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(Number(none.headers['content-length'])).toBe(plain.length);
  });

  it('is a production build, even when the tests built it', () => {
    const index = readFileSync(join(DIST, 'index.html'), 'utf8');
    const script = /src="\/assets\/([^"]+\.js)"/.exec(index)![1];
    expect(readFileSync(join(DIST, 'assets', script), 'utf8')).not.toContain('jsxDEV');
  });

  it('answers an unknown API path with a problem, also to a browser', async () => {
    const res = await raw.get('/api/no-such-thing').set('accept', html).expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('gives no page to a request that is not a page load', async () => {
    await raw.get('/sign-in').set('accept', 'application/json').expect(404);
    await raw.post('/sign-in').set('accept', html).send({}).expect(404);
  });

  it('keeps /health at the root and the API’s routes and documents under /api', async () => {
    await raw.get('/health').expect(200);
    await raw.get('/api/health').expect(404);
    await raw.post('/auth/login').send({}).expect(404);
    await raw.post('/api/auth/login').send({}).expect(400);
    const docs = await raw.get('/api/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/me', '/health']));
    expect(Object.keys(docs.body.paths).filter((p) => !p.startsWith('/api/') && p !== '/health')).toEqual([]);
    await raw.get('/api/docs').redirects(1).expect(200);
  });
});
