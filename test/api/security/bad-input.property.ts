import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { Role } from '../../../src/common/auth/role.enum';
import { databaseOptions } from '../../../src/database/database-options';
import { createExpert } from '../../factories/experts.factory';
import { addMember, createUnit } from '../../factories/organisations.factory';
import { createUser, loggedIn, login } from '../../factories/users.factory';
import { openApiOf, OpenApiDocument, Operation, Schema } from '../../utils/openapi-operations';
import { createTestApp, TestApp } from '../../utils/test-app';

// Every operation of the API description, called by a caller its access rule lets in, with one part of an
// otherwise plausible request replaced by something malformed. Whatever comes in: never a 5xx, always a
// problem+json body with a stable code, the field named where the fault is a field's, and nothing
// written when the request is refused. A fixed seed and a bounded number of runs keep it repeatable.
const SEED = 20261203;
const RUNS_PER_OPERATION = Number(process.env.BAD_INPUT_RUNS ?? 10);

// What a fault is, and so what the answer must say about it.
type Kind =
  | 'control' // a control character: the field is named
  | 'surrogate' // ill-formed Unicode: the field is named
  | 'null' // null where the API description does not allow it: the field is named
  | 'deep' // nesting beyond the limit: BODY_TOO_DEEP
  | 'notObject' // a body that is not an object: BODY_NOT_OBJECT
  | 'other'; // anything else: no 5xx, a problem+json body, nothing written

interface Nasty {
  value: unknown;
  kind: Kind;
}

const UPPER_UUID = randomUUID().toUpperCase();
const deepArray = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth));

const NASTY_VALUES: Nasty[] = [
  { value: 'a\u0000b', kind: 'control' },
  { value: 'bell\u0007', kind: 'control' },
  { value: '\u001b[31mred', kind: 'control' },
  { value: 'x\ud800', kind: 'surrogate' },
  { value: '\udfffy', kind: 'surrogate' },
  { value: deepArray(40), kind: 'deep' },
  { value: null, kind: 'null' },
  ...[
    true,
    0,
    -1,
    1e-7,
    -1e-7,
    1e308,
    -1e308,
    1.2345678901234567e19,
    2 ** 31,
    2 ** 53 + 2,
    0.1 + 0.2,
    99.999,
    '',
    ' ',
    'ÅÄÖ åäö',
    '💥🙂',
    '\u202eevil',
    'x'.repeat(5000),
    "'; DROP TABLE users; --",
    '1e-7',
    '1e308',
    '12345678901234567890',
    '2026-10-18 09:00:00',
    '2026-10-18T09:00:00',
    '2026-10-18',
    '2026-02-30T09:00:00Z',
    'T09:00:00Z',
    UPPER_UUID,
    'null',
    'NaN',
    '__proto__',
    [],
    {},
    [null],
    { a: 1 },
    ['x'],
    [1e308],
  ].map((value) => ({ value, kind: 'other' as const })),
];

const nastyValue = fc.oneof(
  fc.constantFrom(...NASTY_VALUES),
  fc.string({ unit: 'binary', maxLength: 12 }).map((value) => ({ value, kind: 'other' as const })),
);

// Query strings and path segments as they travel, already percent-encoded.
const NASTY_QUERY: Nasty[] = [
  { value: 'a%00b', kind: 'control' },
  { value: '%1B', kind: 'control' },
  ...[
    '1e308',
    '-1e308',
    '12345678901234567890',
    '-1',
    '1e-7',
    '0.5',
    '',
    'NaN',
    'null',
    'abc',
    UPPER_UUID,
    'x'.repeat(3000),
    '%ED%A0%80',
    '%E0%A4%A',
    '%25',
    '2026-10-18%2009:00:00',
    '2026-10-18T09:00:00',
    '2026-10-18',
  ].map((value) => ({ value, kind: 'other' as const })),
];

const NASTY_PATH: Nasty[] = [
  { value: 'a%00b', kind: 'control' },
  ...[
    '%ED%A0%80',
    '%E0%A4%A',
    '%',
    'a'.repeat(101),
    'null',
    '-1',
    '1e308',
    '12345678901234567890',
    '%27%3B--',
    '%C3%85%C3%84',
    '..',
    '%2e%2e',
    UPPER_UUID,
  ].map((value) => ({ value, kind: 'other' as const })),
];

type Target =
  | { where: 'body'; field: string; nasty: Nasty }
  | { where: 'query'; field: string; nasty: Nasty; repeat: boolean }
  | { where: 'path'; field: string; nasty: Nasty }
  | { where: 'wholeBody'; raw: string; kind: Kind };

const WHOLE_BODIES: Array<{ raw: string; kind: Kind }> = [
  { raw: 'null', kind: 'notObject' },
  { raw: '[]', kind: 'notObject' },
  { raw: '42', kind: 'notObject' },
  { raw: '"text"', kind: 'notObject' },
  { raw: '[{}]', kind: 'notObject' },
  { raw: `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`, kind: 'deep' },
  { raw: '{'.repeat(3000), kind: 'other' },
  { raw: '{"a":', kind: 'other' },
  { raw: '{"__proto__":{"admin":true}}', kind: 'other' },
  { raw: '{"constructor":{"prototype":{"admin":true}}}', kind: 'other' },
  { raw: '{"a\\u0000":1}', kind: 'other' },
];

// A plausible value for a schema: its example when it has one, so that the rest of the request passes and
// the malformed part is what the API meets.
function plausible(doc: OpenApiDocument, schema: Schema | undefined, ids: Ids, depth = 0): unknown {
  const s = doc.resolve(schema);
  if (s.example !== undefined) return s.example;
  if (s.enum?.length) return s.enum[0];
  switch (s.type) {
    case 'string':
      if (s.format === 'uuid') return ids.unit;
      if (s.format === 'date') return '2027-03-01';
      if (s.format === 'date-time') return '2027-03-01T09:00:00+02:00';
      if (s.format === 'email') return `fuzz-${randomUUID()}@example.test`;
      return 'Kokemus';
    case 'number':
    case 'integer':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return depth > 3 ? [] : [plausible(doc, s.items, ids, depth + 1)];
    default:
      if (!s.properties || depth > 3) return {};
      return Object.fromEntries(
        Object.entries(s.properties).map(([name, prop]) => [name, plausible(doc, prop, ids, depth + 1)]),
      );
  }
}

// Every field a body has, nested ones too ("trips.0.km"), with whether null is allowed there.
function bodyFields(
  doc: OpenApiDocument,
  schema: Schema,
  prefix = '',
  depth = 0,
): Array<{ field: string; nullable: boolean }> {
  const s = doc.resolve(schema);
  if (!s.properties || depth > 3) return [];
  return Object.entries(s.properties).flatMap(([name, prop]) => {
    const field = prefix ? `${prefix}.${name}` : name;
    const resolved = doc.resolve(prop);
    const own = { field, nullable: resolved.nullable === true };
    if (resolved.type === 'array' && doc.resolve(resolved.items).properties)
      return [own, ...bodyFields(doc, resolved.items!, `${field}.0`, depth + 1)];
    return resolved.properties ? [own, ...bodyFields(doc, resolved, field, depth + 1)] : [own];
  });
}

function setAt(body: Record<string, unknown>, field: string, value: unknown): void {
  const keys = field.split('.');
  let node: Record<string, unknown> = body;
  for (const key of keys.slice(0, -1)) {
    if (node[key] === null || typeof node[key] !== 'object') node[key] = /^\d+$/.test(key) ? [] : {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
}

function targets(op: Operation, doc: OpenApiDocument, ids: Ids): fc.Arbitrary<Target> {
  const options: Array<fc.Arbitrary<Target>> = [];
  const fields = op.body ? bodyFields(doc, op.body) : [];
  if (fields.length > 0) {
    options.push(
      fc.tuple(fc.constantFrom(...fields), nastyValue).map(([f, nasty]): Target => ({
        where: 'body',
        field: f.field,
        // Null is a fault only where the description does not allow it.
        nasty: nasty.kind === 'null' && f.nullable ? { ...nasty, kind: 'other' } : nasty,
      })),
    );
    options.push(
      nastyValue.map((nasty): Target => ({
        where: 'body',
        field: 'notAField',
        nasty: nasty.kind === 'null' ? { ...nasty, kind: 'other' } : nasty,
      })),
    );
  }
  // A parameter the operation does not know is fuzzed too: it must not slip past the gate either.
  const query = [...op.parameters.filter((p) => p.in === 'query').map((p) => p.name), 'unknownParam'];
  {
    options.push(
      fc
        .tuple(fc.constantFrom(...query), fc.constantFrom(...NASTY_QUERY), fc.boolean())
        .map(([field, nasty, repeat]): Target => ({ where: 'query', field, nasty, repeat })),
    );
  }
  const path = op.parameters.filter((p) => p.in === 'path').map((p) => p.name);
  if (path.length > 0) {
    // Real ids in upper case too: the same row, which must be found (or refused) without a half-write.
    const upper = ids.pool.map((id): Nasty => ({ value: id.toUpperCase(), kind: 'other' }));
    options.push(
      fc
        .tuple(fc.constantFrom(...path), fc.constantFrom(...NASTY_PATH, ...upper))
        .map(([field, nasty]): Target => ({ where: 'path', field, nasty })),
    );
  }
  if (op.method !== 'get')
    options.push(fc.constantFrom(...WHOLE_BODIES).map((b): Target => ({ where: 'wholeBody', ...b })));
  return fc.oneof(...options);
}

interface Ids {
  unit: string;
  orderer: string;
  expert: string;
  pool: string[];
}

type Counts = Record<string, [number, number]>;

// A real row where the path names one this test made, so that the malformed part meets existing data.
function plausibleId(path: string, name: string, ids: Ids): string {
  if (name === 'year') return '2026';
  if (name === 'userId' || path.startsWith('/users/{id}')) return ids.orderer;
  if (path.startsWith('/experts/{id}')) return ids.expert;
  return ids.unit;
}

interface ProblemBody {
  status?: number;
  code?: string;
  correlationId?: string;
  errors?: Array<{ field: string }>;
}

describe('bad input never gives a 500: every operation of the API description, property-based', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  let operations: Operation[];
  let ids: Ids;
  const tokens = {} as Record<Role, string>;
  // Logging out ends a session: that operation has a caller of its own.
  let logoutToken: string;
  let snapshotSql: string;

  // A database of its own: plausible requests succeed too (a fee run queued, a travel rate set, a fee rate
  // added), and no other spec may meet what they leave behind.
  const database = `kokemus_bad_input_${process.pid}`;
  const server = process.env.DATABASE_URL!.replace(/\/[^/]+$/, '');
  const admin = new Client({ connectionString: `${server}/postgres` });

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${database}`);
    const migrator = new DataSource(databaseOptions(`${server}/${database}`, 1));
    await migrator.initialize();
    await migrator.runMigrations({ transaction: 'each' });
    await migrator.destroy();
    t = await createTestApp({ runWorkers: false, env: { DATABASE_URL: `${server}/${database}` } });
    doc = openApiOf(t.app);
    operations = doc.operations(t.app);
    const expert = await createExpert(t.db);
    tokens[Role.Expert] = await login(t.http, expert);
    for (const role of [Role.Orderer, Role.Coordinator, Role.Admin])
      tokens[role] = (await loggedIn(t.db, t.http, role)).token;
    logoutToken = (await loggedIn(t.db, t.http, Role.Expert)).token;
    const orderer = (await t.http.get('/me').set('authorization', `Bearer ${tokens[Role.Orderer]}`)).body.id as string;
    const unit = await createUnit(t.db);
    await addMember(t.db, unit.id, orderer);
    const otherOrderer = await createUser(t.db, Role.Orderer);
    // Path ids never name a caller: disabling, retiring or anonymising one would end its session.
    const otherExpert = await createExpert(t.db);
    ids = {
      unit: unit.id,
      orderer: otherOrderer.id,
      expert: otherExpert.id,
      pool: [unit.id, otherOrderer.id, otherExpert.id, randomUUID()],
    };

    // Row counts of every table, and how many rows a transaction later than xid $1 wrote (inserted or
    // updated). Refusals that are recorded on purpose (failed logins, denied access, refused signatures)
    // are left out of the audit trail's count.
    const tables = (await t.db.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('migrations', 'schema_migrations') ORDER BY 1`,
    )) as Array<{ tablename: string }>;
    const counted = (table: string) =>
      table === 'audit_events'
        ? `(SELECT xmin FROM audit_events WHERE action !~ '(failed|denied|refused|reuse)')`
        : `"${table}"`;
    snapshotSql = `SELECT json_build_object(${tables
      .map(
        ({ tablename }) =>
          `'${tablename}', (SELECT json_build_array(count(*), count(*) FILTER (WHERE xmin::text::bigint > $1)) FROM ${counted(tablename)} t)`,
      )
      .join(', ')}) AS counts`;
  });
  afterAll(async () => {
    await t?.close();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  async function snapshot(since: number): Promise<Counts> {
    const [row] = (await t.db.query(snapshotSql, [since])) as Array<{ counts: Counts }>;
    return row.counts;
  }

  async function currentXid(): Promise<number> {
    const [row] = (await t.db.query(
      `SELECT (pg_current_xact_id()::text::bigint % 4294967296)::bigint AS xid`,
    )) as Array<{ xid: string }>;
    return Number(row.xid);
  }

  function caller(op: Operation): string | undefined {
    if (op.rule.public) return undefined;
    if (op.operationId === 'AuthController_logout') return logoutToken;
    // Any signed-in role: the expert reaches the most (its own profile, offers, fees).
    return tokens[op.rule.roles[0] ?? Role.Expert];
  }

  function request(op: Operation, target: Target) {
    const params = new Map(
      op.parameters.filter((p) => p.in === 'path').map((p) => [p.name, plausibleId(op.path, p.name, ids)]),
    );
    const query = new Map<string, string[]>();
    let body: unknown = op.body ? plausible(doc, op.body, ids) : undefined;
    let raw: string | undefined;
    switch (target.where) {
      case 'body':
        body = (body ?? {}) as Record<string, unknown>;
        setAt(body as Record<string, unknown>, target.field, target.nasty.value);
        break;
      case 'query':
        query.set(target.field, target.repeat ? [String(target.nasty.value), '1'] : [String(target.nasty.value)]);
        break;
      case 'path':
        params.set(target.field, String(target.nasty.value));
        break;
      case 'wholeBody':
        raw = target.raw;
    }
    const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => params.get(name) ?? ids.pool[0]);
    const search = [...query].flatMap(([name, values]) => values.map((v) => `${name}=${v}`)).join('&');
    let req = t.http[op.method](search ? `${path}?${search}` : path);
    const token = caller(op);
    if (token) req = req.set('authorization', `Bearer ${token}`);
    const text = raw ?? (body === undefined ? undefined : JSON.stringify(body));
    return text === undefined ? req : req.set('content-type', 'application/json').send(text);
  }

  function check(target: Target, res: { status: number; headers: Record<string, string>; body: ProblemBody }): void {
    const what = `${JSON.stringify(target).slice(0, 200)} answered ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
    const fail = (why: string) => {
      throw new Error(`${why}: ${what}`);
    };
    if (res.status >= 500) fail('a server error');
    const kind = target.where === 'wholeBody' ? target.kind : target.nasty.kind;
    // These are refused whoever asks, before anything else happens.
    if (kind !== 'other' && res.status !== 400) fail('not refused with 400');
    if (res.status < 400) return;
    if (!/^application\/problem\+json/.test(res.headers['content-type'] ?? '')) fail('not problem+json');
    if (typeof res.body.code !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(res.body.code)) fail('no stable code');
    if (res.body.status !== res.status || res.body.correlationId !== res.headers['x-request-id'])
      fail('no status or correlation id');
    const fields = (res.body.errors ?? []).map((e) => e.field);
    if (res.body.code === 'VALIDATION_FAILED' && (fields.length === 0 || fields.some((f) => !f)))
      fail('a validation error naming no field');
    if (kind === 'deep' && res.body.code !== 'BODY_TOO_DEEP') fail('not BODY_TOO_DEEP');
    if (kind === 'notObject' && res.body.code !== 'BODY_NOT_OBJECT') fail('not BODY_NOT_OBJECT');
    if (
      (kind === 'control' || kind === 'surrogate' || kind === 'null') &&
      target.where !== 'wholeBody' &&
      !fields.some((f) => f === target.field || f.startsWith(`${target.field}.`))
    ) {
      fail(`${target.field} not named`);
    }
  }

  it('derives its requests from every operation of the API description', () => {
    expect(operations.length).toBeGreaterThan(100);
  });

  // One test over all operations, so that a run names every operation that fails, not only the first.
  it('answers malformed requests to every operation with a 4xx problem naming the field, and writes nothing', async () => {
    const failures: string[] = [];
    for (const [index, op] of operations.entries()) {
      await fc
        .assert(
          fc.asyncProperty(targets(op, doc, ids), async (target) => {
            const xid = await currentXid();
            const before = await snapshot(xid);
            const res = await request(op, target);
            check(target, res);
            if (res.status < 400) return;
            const after = await snapshot(xid);
            const written = Object.keys(after).filter(
              (table) => after[table][0] !== before[table][0] || after[table][1] > 0,
            );
            if (written.length > 0) throw new Error(`a refused request wrote to ${written.join(', ')}`);
          }),
          { seed: SEED + index, numRuns: RUNS_PER_OPERATION, endOnFailure: true },
        )
        .catch((error: Error) => {
          const counterexample = error.message.split('\n').find((l) => l.startsWith('Counterexample')) ?? error.message;
          failures.push(
            `${op.method.toUpperCase()} ${op.path}: ${(error.cause as Error | undefined)?.message ?? ''} | ${counterexample.slice(0, 400)}`,
          );
        });
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
