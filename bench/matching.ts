// Matching at county-and-beyond scale, by hand (not a test):
//   npx ts-node --transpile-only bench/matching.ts [calls=40] [experts=5000]
// A database of its own (BENCH_DATABASE_URL, dropped and created afresh) seeded in SQL with `experts` active,
// verified experts (about 40 weekly windows each: ~200,000 at 5,000) and 20 assignments each (~100,000, past and
// future), then the real HTTP stack: GET /booking-requests/{id}/candidates for an ordinary order (on site in
// Vaasa, Finnish, one topic) and a broad one (remote, Finnish, any topic), `calls` times each, one at a time.
// Prints p50/p95/max per order, the candidates' total and the bytes of the first page, and the plan's top line from
// EXPLAIN (ANALYZE) of the same query (estimated against actual rows, whether JIT ran). BENCH_EXPLAIN=1 prints the
// whole plans.
import 'reflect-metadata';
import { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { Role } from '../src/common/auth/role.enum';
import { API_PREFIX } from '../src/common/http/api-prefix';
import { createHttpApp } from '../src/http-app';
import { createBookableExpert } from '../test/factories/bookable.factory';
import { createRequest } from '../test/factories/booking.factory';
import { addMember, createUnit } from '../test/factories/organisations.factory';
import { createUser, TestUser } from '../test/factories/users.factory';
import { freshDatabase } from './fresh-database';

const DB_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/kokemus_matching_bench';
Object.assign(process.env, {
  NODE_ENV: 'production',
  DATABASE_URL: DB_URL,
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  QUEUE_PREFIX: `kokemus-bench-${process.pid}`,
  JWT_SECRET: 'bench-secret-bench-secret-bench-secret-04',
  ENCRYPTION_KEY: `k1:${Buffer.from('matching-bench-key-of-32-bytes!!'.slice(0, 32)).toString('base64')}`,
  SMTP_URL: 'smtp://127.0.0.1:1025',
  LOG_LEVEL: 'warn',
  LOGIN_LIMIT_PER_MINUTE: '1000',
});

const MUNICIPALITIES = [
  '905',
  '499',
  '598',
  '599',
  '893',
  '287',
  '545',
  '946',
  '440',
  '475',
  '152',
  '280',
  '231',
  '399',
];
const TOPICS = [
  'mental_health',
  'substance_use',
  'disability',
  'long_term_illness',
  'neurodivergence',
  'child_welfare',
  'family_carer',
  'ageing',
  'homelessness',
  'violence',
  'bereavement',
  'migration',
  'unemployment',
];

// Pseudo-random choices in SQL from hashes (of the expert's number, or of their id): every run seeds the same mix.
async function seed(db: DataSource, experts: number, template: TestUser): Promise<void> {
  const arr = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x}'`).join(',')}]`;
  const h = (salt: string) => `abs(hashtext(g::text || '${salt}'))`;
  await db.query(
    `
    INSERT INTO users (email, name, role, status, password_hash, language)
    SELECT 'bench-expert-' || g || '@example.test', 'Asiantuntija ' || lpad(g::text, 5, '0'), 'expert', 'active',
           (SELECT password_hash FROM users WHERE id = $1), 'fi'
      FROM generate_series(1, $2) g`,
    [template.id, experts],
  );
  await db.query(`
    INSERT INTO experts (user_id, status, home_municipality, travel_municipalities, works_remotely, languages, task_types, topics,
                         topics_consent_at, topics_consent_version, max_per_week, max_per_month, activated_at)
    SELECT u.id, 'active', (${arr(MUNICIPALITIES)})[1 + ${h('m')} % ${MUNICIPALITIES.length}],
           CASE WHEN ${h('t')} % 3 = 0 THEN ARRAY[(${arr(MUNICIPALITIES)})[1 + ${h('t1')} % ${MUNICIPALITIES.length}]]::bpchar[] ELSE '{}' END,
           ${h('r')} % 2 = 0,
           CASE ${h('l')} % 10 WHEN 0 THEN ARRAY['sv']::varchar[] WHEN 1 THEN ARRAY['sv', 'fi']::varchar[] WHEN 2 THEN ARRAY['fi', 'en']::varchar[] ELSE ARRAY['fi']::varchar[] END,
           enum_range(NULL::task_type),
           ARRAY[(${arr(TOPICS)})[1 + ${h('p1')} % ${TOPICS.length}], (${arr(TOPICS)})[1 + ${h('p2')} % ${TOPICS.length}]]::varchar[],
           now(), 'topics-v1',
           CASE WHEN ${h('w')} % 4 = 0 THEN 2 END, CASE WHEN ${h('mo')} % 4 = 0 THEN 6 END, now()
      FROM (SELECT id, substring(email from 'bench-expert-(\\d+)@')::int AS g FROM users WHERE email LIKE 'bench-expert-%') u`);
  // A verified credential each, on a stored file of its own (file_id is unique), copied from the template's.
  await db.query(
    `
    WITH t AS (SELECT c.*, f.media_type, f.size_bytes, f.sha256, f.original_name, f.bytes
                 FROM training_credentials c JOIN stored_files f ON f.id = c.file_id WHERE c.expert_id = $1),
    files AS (
      INSERT INTO stored_files (id, owner_id, media_type, size_bytes, sha256, original_name, bytes)
      SELECT gen_random_uuid(), e.user_id, t.media_type, t.size_bytes, t.sha256, t.original_name, t.bytes
        FROM experts e CROSS JOIN t WHERE e.user_id <> $1
      RETURNING id, owner_id
    )
    INSERT INTO training_credentials (expert_id, type, provider, completed_on, file_id, status, decided_by, decided_at)
    SELECT files.owner_id, t.type, t.provider, t.completed_on, files.id, 'verified', t.decided_by, now()
      FROM files CROSS JOIN t`,
    [template.id],
  );
  // Six two-hour windows a day, 08–20, each present with probability ~0.96: ~40 per expert.
  await db.query(
    `
    INSERT INTO availability_weekly_windows (expert_id, weekday, start_minute, end_minute, valid_from)
    SELECT e.user_id, d, 480 + s * 120, 600 + s * 120, DATE '2025-01-01'
      FROM experts e CROSS JOIN generate_series(1, 7) d CROSS JOIN generate_series(0, 5) s
     WHERE e.user_id <> $1 AND abs(hashtext(e.user_id::text || d || '-' || s)) % 100 < 96`,
    [template.id],
  );
  // Twenty assignments per expert, one every 30 days (offset per expert), from 500 days ago on: the past ones
  // completed, the future ones accepted; every tenth cancelled. Each under an order of its own.
  await db.query(
    `
    WITH slots AS (
      SELECT e.user_id, k, date_trunc('day', now()) - interval '500 days' + (k * 30 + abs(hashtext(e.user_id::text)) % 29) * interval '1 day' + interval '8 hours' AS starts_at,
             row_number() OVER () AS n
        FROM experts e CROSS JOIN generate_series(0, 19) k WHERE e.user_id <> $1
    ), requests AS (
      INSERT INTO booking_requests (organisation_id, cost_centre, created_by, status, task_type, title, starts_at, ends_at, remote, municipality, address, languages, topics, submitted_at)
      SELECT $2, 'BENCH', $3, CASE WHEN s.starts_at < now() THEN 'completed' ELSE 'filled' END::request_status, 'working_group', 'Bench ' || s.n,
             s.starts_at, s.starts_at + interval '2 hours', false, '905', 'Raastuvankatu 1', ARRAY['fi'], '{}', s.starts_at - interval '20 days'
        FROM slots s
      RETURNING id, starts_at, title
    )
    INSERT INTO assignments (request_id, expert_id, status, starts_at, ends_at, completed_at, cancelled_at, cancelled_by_party, cancel_reason)
    SELECT r.id, s.user_id,
           CASE WHEN s.k % 10 = 9 THEN 'cancelled' WHEN s.starts_at < now() THEN 'completed' ELSE 'accepted' END::assignment_status,
           s.starts_at, s.starts_at + interval '2 hours',
           CASE WHEN s.k % 10 <> 9 AND s.starts_at < now() THEN s.starts_at + interval '2 hours' END,
           CASE WHEN s.k % 10 = 9 THEN s.starts_at - interval '3 days' END,
           CASE WHEN s.k % 10 = 9 THEN 'county'::cancelled_by END,
           CASE WHEN s.k % 10 = 9 THEN 'Peruttu' END
      FROM slots s JOIN requests r ON r.title = 'Bench ' || s.n`,
    [
      template.id,
      (await db.query(`SELECT organisation_id FROM organisation_members LIMIT 1`))[0].organisation_id,
      template.id,
    ],
  );
  await db.query('VACUUM ANALYZE');
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const calls = Number(process.argv[2] ?? 40);
  const experts = Number(process.argv[3] ?? 5000);
  await freshDatabase(DB_URL);
  const app = await createHttpApp(AppModule.forRoot({ runWorkers: false }));
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}${API_PREFIX}`;
  const db = app.get(DataSource);
  const call = async (path: string, token: string) => {
    const res = await fetch(base + path, { headers: { authorization: `Bearer ${token}` } });
    const text = await res.text();
    return { status: res.status, bytes: Buffer.byteLength(text), body: JSON.parse(text) as unknown };
  };
  const login = async (u: TestUser) => {
    const res = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: u.email, password: u.password }),
    });
    return ((await res.json()) as { accessToken: string }).accessToken;
  };

  const t0 = Date.now();
  const coordinatorUser = await createUser(db, Role.Coordinator);
  const orderer = await createUser(db, Role.Orderer);
  const unit = await createUnit(db);
  await addMember(db, unit.id, orderer.id);
  // One expert made by the factory (its credential file is the template of the others').
  const template = await createBookableExpert(db, { topics: ['ageing'] });
  await db.query(`UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE id = $1) WHERE id = $2`, [
    orderer.id,
    template.id,
  ]);
  await seed(db, experts, { ...template, id: template.id });
  const [counts] =
    await db.query(`SELECT (SELECT count(*) FROM experts)::int AS experts, (SELECT count(*) FROM availability_weekly_windows)::int AS windows,
    (SELECT count(*) FROM assignments)::int AS assignments`);
  console.log(
    `seeded ${counts.experts} experts, ${counts.windows} weekly windows, ${counts.assignments} assignments in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
  );

  // A Tuesday three weeks ahead, 10–12 Helsinki time.
  const day = new Date(Date.now() + 21 * 86400_000);
  day.setUTCDate(day.getUTCDate() + ((9 - day.getUTCDay()) % 7));
  const at = (h: number) =>
    new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), h - 2)).toISOString();
  const ordinary = await createRequest(db, unit.id, orderer.id, {
    startsAt: at(10),
    endsAt: at(12),
    municipality: '905',
    languages: ['fi'],
    topics: ['ageing'],
  });
  const broad = await createRequest(db, unit.id, orderer.id, {
    startsAt: at(14),
    endsAt: at(16),
    remote: true,
    languages: ['fi'],
    topics: [],
  });
  const coordinator = await login(coordinatorUser);

  const { CANDIDATES_SQL, candidateParams } = await import('../src/modules/booking/matching/matching.repository');
  for (const [name, request] of [
    ['ordinary', ordinary],
    ['broad', broad],
  ] as const) {
    const path = `/booking-requests/${request.id}/candidates`;
    const first = await call(path, coordinator);
    if (first.status !== 200) throw new Error(`${name}: ${first.status} ${JSON.stringify(first.body)}`);
    const latencies: number[] = [];
    for (let i = 0; i < calls; i++) {
      const t = performance.now();
      await call(path, coordinator);
      latencies.push(performance.now() - t);
    }
    latencies.sort((a, b) => a - b);
    const body = first.body as unknown[] | { items: unknown[]; total: number };
    const shown = Array.isArray(body)
      ? `${body.length} candidates (no paging)`
      : `${body.items.length} of ${body.total} candidates`;
    console.log(
      `${name.padEnd(8)} ${shown}, ${first.bytes} bytes: p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, max ${latencies[latencies.length - 1].toFixed(0)} ms`,
    );
    const sql = CANDIDATES_SQL;
    const params = candidateParams(request, new Date(), { limit: 50, offset: 0 });
    const plan: { 'QUERY PLAN': string }[] = await db.query(`EXPLAIN (ANALYZE, FORMAT TEXT) ${sql}`, params);
    const lines = plan.map((r) => r['QUERY PLAN']);
    if (process.env.BENCH_EXPLAIN) console.log(lines.join('\n'));
    console.log(
      `         plan: ${lines[0].trim()}; ${lines
        .filter((l) => /JIT|Execution Time|Planning Time/.test(l))
        .map((l) => l.trim())
        .join('; ')}`,
    );
  }
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  await app.close();
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
