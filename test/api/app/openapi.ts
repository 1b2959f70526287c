import { buildOpenApi } from '../../../src/http-app';
import { createTestApp, TestApp } from '../../utils/test-app';

// The API's own document, as /docs-json serves it.
describe('the OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp({ runWorkers: false })));
  afterAll(() => t.close());

  it('gives every operation a summary', () => {
    const paths = buildOpenApi(t.app).paths as Record<string, Record<string, { summary?: string }>>;
    const operations = Object.entries(paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, summary: op.summary })),
    );
    expect(operations.length).toBeGreaterThan(100);
    expect(operations.filter((op) => !op.summary?.trim()).map((op) => op.route)).toEqual([]);
  });
});
