import { INTERCEPTORS_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { buildOpenApi } from '../../../src/http-app';
import { DownloadInterceptor } from '../../../src/modules/files/download.interceptor';
import { createTestApp, TestApp } from '../../utils/test-app';

interface Operation {
  operationId?: string;
  summary?: string;
  responses?: Record<string, { headers?: Record<string, unknown> }>;
}

// The API's own document, as /docs-json serves it.
describe('the OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp({ runWorkers: false })));
  afterAll(() => t.close());

  const operationsOf = () =>
    Object.entries(buildOpenApi(t.app).paths as Record<string, Record<string, Operation>>).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, ...op })),
    );

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
});
