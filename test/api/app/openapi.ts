import { randomUUID } from 'node:crypto';
import { INTERCEPTORS_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { buildOpenApi } from '../../../src/http-app';
import { DownloadInterceptor } from '../../../src/modules/files/download.interceptor';
import { Role } from '../../../src/common/auth/role.enum';
import { createExpert } from '../../factories/experts.factory';
import { loggedIn, login } from '../../factories/users.factory';
import { createTestApp, TestApp } from '../../utils/test-app';

interface Operation {
  operationId?: string;
  summary?: string;
  requestBody?: { content: Record<string, unknown> };
  responses?: Record<string, { headers?: Record<string, unknown>; content?: Record<string, unknown> }>;
}

// The API's own document, as /docs-json serves it.
describe('the OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp({ runWorkers: false })));
  afterAll(() => t.close());

  const operationsOf = () =>
    Object.entries(buildOpenApi(t.app).paths as Record<string, Record<string, Operation>>).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, method, path, ...op })),
    );

  it('lists noFeePaid only on the answers that fill it, and there as always given', () => {
    const schemas = buildOpenApi(t.app).components!.schemas as Record<
      string,
      { properties?: Record<string, { items?: { $ref?: string } }>; required?: string[] }
    >;
    const withIt = Object.entries(schemas).filter(([, schema]) => schema.properties?.noFeePaid);
    expect(withIt.filter(([, schema]) => !schema.required?.includes('noFeePaid')).map(([name]) => name)).toEqual([]);
    expect(withIt.map(([name]) => name)).toContain('OrderAssignmentResponse');
    expect(schemas.AssignmentResponse.properties).not.toHaveProperty('noFeePaid');
    expect(schemas.RequestResponse.properties!.assignments.items!.$ref).toBe(
      '#/components/schemas/OrderAssignmentResponse',
    );
  });

  // A property whose type the decorator leaves to TypeScript's metadata came out as an empty "Object" schema in the
  // built document (the wide page's limit and offset did), and as no type at all under Jest's transpiler.
  it('types every parameter, and has no empty Object schema', () => {
    const document = buildOpenApi(t.app);
    const untyped = Object.entries(
      document.paths as Record<string, Record<string, { parameters?: unknown[] }>>,
    ).flatMap(([path, ops]) =>
      Object.entries(ops).flatMap(([method, op]) =>
        ((op.parameters ?? []) as { name: string; schema?: { type?: string; $ref?: string; enum?: unknown[] } }[])
          .filter((p) => !p.schema?.type && !p.schema?.enum && !p.schema?.$ref)
          .map((p) => `${method.toUpperCase()} ${path} ${p.name}`),
      ),
    );
    expect(untyped).toEqual([]);
    expect(Object.keys(document.components!.schemas!)).not.toContain('Object');
  });

  it('gives every operation a summary', () => {
    const operations = operationsOf();
    expect(operations.length).toBeGreaterThan(100);
    expect(operations.filter((op) => !op.summary?.trim()).map((op) => op.route)).toEqual([]);
  });

  it('documents the ETag and Content-Disposition headers on every route that answers through the download interceptor', () => {
    const byId = new Map(operationsOf().map((op) => [op.operationId, op]));
    const controllers = [...t.app.get(ModulesContainer).values()].flatMap((m) => [...m.controllers.values()]);
    const scanner = new MetadataScanner();
    const reflector = new Reflector();
    const downloads: { route: string; headers: string[] }[] = [];
    for (const wrapper of controllers) {
      const proto = Object.getPrototypeOf(wrapper.instance);
      for (const name of scanner.getAllMethodNames(proto)) {
        const handler = proto[name];
        if (reflector.get(PATH_METADATA, handler) === undefined) continue;
        const interceptors = reflector.getAllAndMerge<unknown[]>(INTERCEPTORS_METADATA, [handler, wrapper.metatype]);
        if (!interceptors.includes(DownloadInterceptor)) continue;
        const operation = byId.get(`${wrapper.name}_${name}`);
        downloads.push({
          route: operation?.route ?? `${wrapper.name}.${name}`,
          headers: Object.keys(operation?.responses?.['200']?.headers ?? {}).sort(),
        });
      }
    }
    // Certificates, material, receipts, statements and fee-run files.
    expect(downloads.length).toBeGreaterThanOrEqual(5);
    expect(downloads.filter((d) => d.headers.join() !== 'Content-Disposition,ETag')).toEqual([]);
  });

  it('sends every problem as application/problem+json, and so documents it', async () => {
    const media = operationsOf()
      .filter((op) => op.path.startsWith('/api/'))
      .flatMap((op) =>
        Object.entries(op.responses ?? {})
          .filter(([status]) => Number(status) >= 400)
          .flatMap(([status, response]) =>
            Object.keys(response.content ?? {}).map((type) => `${op.route} ${status} ${type}`),
          ),
      );
    expect(media.length).toBeGreaterThan(300);
    expect(media.filter((line) => !line.endsWith(' application/problem+json'))).toEqual([]);
    const res = await t.http.get(`/booking-requests/${randomUUID()}`).expect(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('documents a 404 on every route whose path names something, but the one that makes a year’s travel rates', () => {
    const lookups = operationsOf().filter(
      (op) => /\{\w+\}/.test(op.path) && op.route !== 'PUT /api/travel-rates/{year}',
    );
    expect(lookups.length).toBeGreaterThan(80);
    expect(lookups.filter((op) => !op.responses?.['404']).map((op) => op.route)).toEqual([]);
  });

  // Every route, called by each role and by no one with ids that name nothing and an empty body, answers only with a
  // status its operation documents: so the document lists the refusals a client meets (and nothing answers 500).
  it('documents every status a route answers to ids that name nothing, for each role', async () => {
    const callers: [string, string | undefined][] = [['no one', undefined]];
    for (const role of [Role.Admin, Role.Coordinator, Role.Orderer]) {
      callers.push([role, (await loggedIn(t.db, t.http, role)).token]);
    }
    callers.push([Role.Expert, await login(t.http, await createExpert(t.db))]);
    const values: Record<string, string> = { token: 'a'.repeat(43), year: '2099' };
    // Signing out would end the caller's session for the routes after it; its answers are the refresh route's.
    const operations = operationsOf().filter((op) => op.route !== 'POST /api/auth/logout');
    const undocumented: string[] = [];
    for (const op of operations) {
      const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? randomUUID());
      for (const [caller, token] of callers) {
        let req = t.http[op.method as 'get'](path);
        if (token) req = req.set('authorization', `Bearer ${token}`);
        if (op.requestBody) req = req.send({});
        const { status, body } = await req;
        const code = (body as { code?: string }).code;
        if (!op.responses?.[String(status)]) undocumented.push(`${op.route} as ${caller}: ${status} ${code}`);
      }
    }
    expect(operations.length).toBeGreaterThan(100);
    expect(undocumented).toEqual([]);
  }, 60_000);
});
