import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Role } from '../../../src/common/auth/role.enum';
import { buildOpenApi } from '../../../src/http-app';
import { createExpert } from '../../factories/experts.factory';
import { loggedIn, login } from '../../factories/users.factory';
import { createTestApp, TestApp } from '../../utils/test-app';
import { baseDatabaseUrl, databaseName, withDatabase } from '../../utils/test-databases';

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  minItems?: number;
}

interface Operation {
  requestBody?: { content: Record<string, { schema?: Schema }> };
  responses?: Record<string, unknown>;
}

// A value the schema accepts, as a client reading only the document would send: the example where there is one,
// else the first enum value, else the least the type and its bounds allow; a list has one item. Only required
// properties are filled.
function sample(schema: Schema, schemas: Record<string, Schema>, depth = 0): unknown {
  if (depth > 8) return undefined;
  if (schema.$ref) return sample(schemas[schema.$ref.split('/').pop()!], schemas, depth + 1);
  if (schema.allOf) {
    const parts = schema.allOf.map((s) => sample(s, schemas, depth + 1));
    return parts.every((p) => typeof p === 'object' && p !== null && !Array.isArray(p))
      ? Object.assign({}, ...parts)
      : parts[0];
  }
  if (schema.example !== undefined) return schema.example;
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'object': {
      const body: Record<string, unknown> = {};
      for (const name of schema.required ?? [])
        body[name] = sample(schema.properties?.[name] ?? {}, schemas, depth + 1);
      return body;
    }
    case 'array':
      return [sample(schema.items ?? {}, schemas, depth + 1)];
    case 'integer':
    case 'number':
      return Math.min(Math.max(schema.minimum ?? 1, 1), schema.maximum ?? Number.MAX_SAFE_INTEGER);
    case 'boolean':
      return true;
    case 'string':
      if (schema.format === 'uuid') return randomUUID();
      if (schema.format === 'date') return '2027-03-10';
      if (schema.format === 'date-time') return '2027-03-10T08:00:00.000Z';
      if (schema.format === 'email') return `probe-${randomUUID().slice(0, 8)}@example.com`;
      return 'Probe'.padEnd(schema.minLength ?? 1, 'x');
    default:
      return undefined;
  }
}

// The same probe as the document's own spec (openapi.ts), with a body each operation's schema accepts instead of an
// empty one: so a route gets past its validation to the lookups and rules behind it, and every status it answers
// there must be documented too (and none may be a 500). Its changes (settings, a fee run, users) go to a database of
// its own, made from the migrated base, so that no other spec sees them.
describe('the OpenAPI document, probed with well-formed bodies', () => {
  let t: TestApp;
  let admin: Client;
  const own = `${databaseName(baseDatabaseUrl())}_probe_${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    admin = new Client({ connectionString: withDatabase(baseDatabaseUrl(), 'postgres') });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${own}" TEMPLATE "${databaseName(baseDatabaseUrl())}"`);
    t = await createTestApp({ runWorkers: false, env: { DATABASE_URL: withDatabase(baseDatabaseUrl(), own) } });
  });
  afterAll(async () => {
    await t?.close();
    await admin.query(`DROP DATABASE IF EXISTS "${own}" WITH (FORCE)`);
    await admin.end();
  });

  it('documents every status a route answers to a body its schema accepts and ids that name nothing', async () => {
    const doc = buildOpenApi(t.app) as unknown as {
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, Schema> };
    };
    const callers: [string, string][] = [];
    for (const role of [Role.Admin, Role.Coordinator, Role.Orderer]) {
      callers.push([role, (await loggedIn(t.db, t.http, role)).token]);
    }
    callers.push([Role.Expert, await login(t.http, await createExpert(t.db))]);
    const values: Record<string, string> = { token: 'a'.repeat(43), year: '2099' };
    const undocumented: string[] = [];
    let probed = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const schema = op.requestBody?.content['application/json']?.schema;
        // Sign-out ends the caller's session; uploads take files, not JSON.
        if (!schema || path === '/api/auth/logout') continue;
        probed++;
        for (const [caller, token] of callers) {
          const url = path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? randomUUID());
          const body = sample(schema, doc.components.schemas);
          const { status, body: answer } = await t.http[method as 'post'](url)
            .set('authorization', `Bearer ${token}`)
            .send(body as object);
          const code = (answer as { code?: string }).code;
          if (!op.responses?.[String(status)]) {
            undocumented.push(
              `${method.toUpperCase()} ${path} as ${caller}: ${status} ${code} ${JSON.stringify(body)}`,
            );
          }
        }
      }
    }
    expect(probed).toBeGreaterThan(40);
    expect(undocumented).toEqual([]);
  }, 120_000);
});
