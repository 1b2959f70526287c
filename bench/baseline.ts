// The API beside a raw baseline, by hand (not a test):
//   npx ts-node --transpile-only bench/baseline.ts [seconds per round=4] [connections=20] [rounds=2]
// Two child processes on one database of the bench's own (BENCH_DATABASE_URL, dropped and created afresh): the
// real API, and a raw `node:http` + `pg` server (below, `raw` mode) that verifies the same HS256 token, runs the
// same session check and plain SQL for the same four pages (its rows made answers by the API's own mapping
// functions), with a pool of the same size. This process seeds the data and drives both over keep-alive HTTP with
// `connections` concurrent clients, the two servers taking turns round by round on each route so that the machine's
// other work falls on both alike. Prints requests per second, p50/p95 and the API/baseline ratio per route, and
// each server's resident memory (now and peak, from /proc).
import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { cpuSeconds, listening, spawnCompiledApi } from './lib/bench';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import * as jsonwebtoken from 'jsonwebtoken';
import { createSecretKey } from 'node:crypto';

const DB_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/kokemus_baseline_bench';
const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-03';
const ENV = {
  NODE_ENV: 'production',
  DATABASE_URL: DB_URL,
  DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '10',
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  QUEUE_PREFIX: `kokemus-bench-${process.pid}`,
  JWT_SECRET,
  ENCRYPTION_KEY: `k1:${Buffer.from('baseline-bench-key-of-32-bytes!!'.slice(0, 32)).toString('base64')}`,
  SMTP_URL: 'smtp://127.0.0.1:1025',
  LOG_LEVEL: 'warn',
  LOGIN_LIMIT_PER_MINUTE: '1000',
};

// ---------------------------------------------------------------------------------------------------------------
// The raw baseline: what a hand-written server would do for the same four pages.
// ---------------------------------------------------------------------------------------------------------------
const AUTH_SQL = `SELECT u.id, u.email, u.name, u.role, u.language, s.id AS "sessionId"
  FROM users u JOIN auth_sessions s ON s.user_id = u.id
 WHERE u.id = $1 AND s.id = $2 AND u.status = 'active' AND s.revoked_at IS NULL AND s.expires_at > $3`;
const OFFERS_SQL = `SELECT o.id, o.status, o.deadline, o.expert_id AS "expertId", r.id AS "requestId", r.task_type AS "taskType", r.title,
       r.description, r.starts_at AS "startsAt", r.ends_at AS "endsAt", r.remote, r.municipality, r.address,
       r.preparation_minutes AS "preparationMinutes"
  FROM offers o JOIN booking_requests r ON r.id = o.request_id WHERE o.expert_id = $1 ORDER BY o.deadline, o.id`;
const RATES_SQL = `SELECT task_type AS "taskType", basis, rate_cents AS "rateCents", valid_from::text AS "validFrom" FROM fee_schedule`;
const ORDERS_WHERE = `r.organisation_id IN (SELECT organisation_id FROM organisation_members WHERE user_id = $1)`;
const ORDERS_COUNT_SQL = `SELECT count(*)::int AS n FROM booking_requests r WHERE ${ORDERS_WHERE}`;
const ORDERS_SQL = `SELECT r.id, r.organisation_id AS "organisationId", r.cost_centre AS "costCentre", r.status, r.task_type AS "taskType",
       r.title, r.description, r.starts_at AS "startsAt", r.ends_at AS "endsAt", r.remote, r.municipality, r.address,
       r.goal, r.audience, r.expert_role AS "expertRole", r.meeting_point AS "meetingPoint", r.remote_tool AS "remoteTool",
       r.material_url AS "materialUrl", f.original_name AS "fileName", f.media_type AS "mediaType", f.size_bytes AS "sizeBytes",
       r.languages, r.topics, r.experts_needed AS "expertsNeeded", r.preparation_minutes AS "preparationMinutes",
       r.cancel_reason AS "cancelReason", r.created_at AS "createdAt"
  FROM booking_requests r LEFT JOIN stored_files f ON f.id = r.material_file_id
 WHERE ${ORDERS_WHERE} ORDER BY r.starts_at, r.id LIMIT $2 OFFSET $3`;
const ORDER_ASSIGNMENTS_SQL = `SELECT a.id, a.request_id AS "requestId", a.status, a.starts_at AS "startsAt", a.ends_at AS "endsAt",
       a.expert_id AS "expertId", u.name, e.languages, e.topics, e.topics_consent_at AS "topicsConsentAt",
       e.home_municipality AS "homeMunicipality", a.cancelled_by_party AS "cancelledBy", a.cancel_reason AS "cancelReason",
       a.fee_due AS "feeDue", a.completed_at AS "completedAt"
  FROM assignments a JOIN experts e ON e.user_id = a.expert_id JOIN users u ON u.id = a.expert_id
 WHERE a.request_id = ANY($1) ORDER BY a.created_at, a.id`;
const TIME_CHANGES_SQL = `SELECT DISTINCT ON (assignment_id) assignment_id AS "assignmentId", id, status, starts_at AS "startsAt",
       ends_at AS "endsAt", from_starts_at AS "fromStartsAt", from_ends_at AS "fromEndsAt", proposed_at AS "proposedAt",
       answered_at AS "answeredAt"
  FROM assignment_time_changes WHERE assignment_id = ANY($1) ORDER BY assignment_id, proposed_at DESC`;
const REQUEST_SQL = `SELECT id, status, starts_at AS "startsAt", ends_at AS "endsAt", remote, municipality, languages, topics, task_type AS "taskType"
  FROM booking_requests WHERE id = $1`;

async function raw(): Promise<void> {
  const { CANDIDATES_SQL, candidateParams } = await import('../src/modules/booking/matching/matching.repository');
  // The one pricing rule, shared rather than copied: the baseline prices each order as the API does.
  const { expectedFeeCents } = await import('../src/modules/fees/money/fee-estimate.rule');
  // And the API's own answers: the baseline turns its rows into the same JSON with the same mapping functions.
  const { toOfferResponse, toRequestResponse } = await import('../src/modules/booking/dto/booking.response');
  const { Role } = await import('../src/common/auth/role.enum');
  const db = new Pool({ connectionString: DB_URL, max: Number(ENV.DATABASE_POOL_SIZE) });
  const key = createSecretKey(Buffer.from(JWT_SECRET));
  const send = (res: http.ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
  };
  const server = http.createServer((req, res) => {
    void (async () => {
      const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
      let claims: { sub: string; sid: string };
      try {
        claims = jsonwebtoken.verify(token ?? '', key, {
          algorithms: ['HS256'],
          issuer: 'kokemus',
          audience: 'kokemus-api',
        }) as typeof claims;
      } catch {
        return send(res, 401, { code: 'UNAUTHENTICATED' });
      }
      const user = (await db.query(AUTH_SQL, [claims.sub, claims.sid, new Date()])).rows[0];
      if (!user) return send(res, 401, { code: 'UNAUTHENTICATED' });
      const url = new URL(req.url ?? '/', 'http://x');
      const path = url.pathname;
      if (path === '/api/me')
        return send(res, 200, {
          id: user.id,
          email: user.email,
          name: user.name,
          role: user.role,
          language: user.language,
        });
      if (path === '/api/offers') {
        const [offers, rates] = await Promise.all([db.query(OFFERS_SQL, [user.id]), db.query(RATES_SQL)]);
        return send(
          res,
          200,
          offers.rows.map(({ id, status, deadline, expertId, requestId, ...r }) =>
            toOfferResponse(
              { id, status, deadline, expertId, request: { id: requestId, ...r } },
              expectedFeeCents(r, rates.rows),
              null,
            ),
          ),
        );
      }
      if (path === '/api/booking-requests') {
        const limit = Number(url.searchParams.get('limit') ?? 50);
        const offset = Number(url.searchParams.get('offset') ?? 0);
        const [rows, count] = await Promise.all([
          db.query(ORDERS_SQL, [user.id, limit, offset]),
          db.query(ORDERS_COUNT_SQL, [user.id]),
        ]);
        const [assignments, rates] = await Promise.all([
          db.query(ORDER_ASSIGNMENTS_SQL, [rows.rows.map((r) => r.id)]),
          db.query(RATES_SQL),
        ]);
        const changes = await db.query(TIME_CHANGES_SQL, [assignments.rows.map((a) => a.id)]);
        const timeChanges = new Map(changes.rows.map((c) => [c.assignmentId, c]));
        const items = rows.rows.map(({ fileName, mediaType, sizeBytes, ...r }) =>
          toRequestResponse(
            { ...r, materialFile: fileName ? { originalName: fileName, mediaType, sizeBytes } : null },
            assignments.rows
              .filter((a) => a.requestId === r.id)
              .map(({ name, languages, topics, topicsConsentAt, homeMunicipality, cancelledBy, ...a }) => ({
                ...a,
                cancelledByParty: cancelledBy,
                expert: { user: { name }, languages, topics, topicsConsentAt, homeMunicipality },
              })),
            Role.Orderer,
            // The baseline reads no payment details: every booked expert counts as paid.
            estimateOf(expectedFeeCents(r, rates.rows), r.expertsNeeded),
            timeChanges,
          ),
        );
        return send(res, 200, { items, total: count.rows[0].n, limit, offset });
      }
      const candidates = /^\/api\/booking-requests\/([0-9a-f-]{36})\/candidates$/.exec(path);
      if (candidates) {
        const request = (await db.query(REQUEST_SQL, [candidates[1]])).rows[0];
        if (!request) return send(res, 404, { code: 'REQUEST_NOT_FOUND' });
        const limit = Number(url.searchParams.get('limit') ?? 50);
        const offset = Number(url.searchParams.get('offset') ?? 0);
        const rows = (await db.query(CANDIDATES_SQL, candidateParams(request, new Date(), { limit, offset }))).rows;
        const items = rows
          .filter((r) => r.expertId !== null)
          .map(({ total: _total, sharedLanguages, sharedTopics, place, recentAssignments, ...c }) => ({
            ...c,
            reasons: [
              ...sharedLanguages.map((l: string) => `language:${l}`),
              ...sharedTopics.map((t: string) => `topic:${t}`),
              `place:${place}`,
              `recent:${recentAssignments}`,
            ],
          }));
        return send(res, 200, { items, total: rows[0]?.total ?? 0, limit, offset });
      }
      return send(res, 404, { code: 'NOT_FOUND' });
    })().catch((error: Error) => send(res, 500, { message: error.message }));
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => console.log(`listening ${(server.address() as AddressInfo).port}`));
}

// ---------------------------------------------------------------------------------------------------------------
// The API, as production starts it (no workers).
// ---------------------------------------------------------------------------------------------------------------
async function api(): Promise<void> {
  const { AppModule } = await import('../src/app.module');
  const { createHttpApp } = await import('../src/http-app');
  const app = await createHttpApp(AppModule.forRoot({ runWorkers: false }));
  await app.listen(0, '127.0.0.1');
  console.log(`listening ${(app.getHttpServer().address() as AddressInfo).port}`);
  // A clean exit, so that --cpu-prof (BENCH_PROFILE=dir) writes its profile.
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

// ---------------------------------------------------------------------------------------------------------------
// The driver.
// ---------------------------------------------------------------------------------------------------------------
interface Server {
  name: string;
  child: ChildProcess;
  port: number;
  peakRss: number;
}

function start(name: string, mode: string): Promise<Server> {
  const profile =
    mode === 'api' && process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  // BENCH_API_FLAGS='--max-old-space-size=…': Node's flags for the API (the start script's are not applied here).
  const flags = mode === 'api' ? (process.env.BENCH_API_FLAGS?.split(' ').filter(Boolean) ?? []) : [];
  const env = { ...process.env, ...ENV, TS_NODE_TRANSPILE_ONLY: 'true' };
  // BENCH_API_DIST=1: the API from compiled JavaScript, as production runs it, without ts-node's compiler in memory:
  // the figure to read for the API's resident memory.
  const started =
    mode === 'api' && process.env.BENCH_API_DIST
      ? spawnCompiledApi(env, [...profile, ...flags])
      : listening(
          spawn(process.execPath, [...profile, ...flags, '-r', 'ts-node/register/transpile-only', __filename, mode], {
            env,
            stdio: ['ignore', 'pipe', 'inherit'],
          }),
        );
  return started.then(({ child, port }) => ({ name, child, port, peakRss: 0 }));
}

export function rssMb(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
}

export async function drive(port: number, path: string, token: string, seconds: number, connections: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let bytes = 0;
  const end = Date.now() + seconds * 1000;
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const t0 = performance.now();
      http
        .get({ host: '127.0.0.1', port, path, agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
          res.on('data', (c: Buffer) => (bytes += c.length));
          res.on('end', () => {
            latencies.push(performance.now() - t0);
            statuses.set(res.statusCode!, (statuses.get(res.statusCode!) ?? 0) + 1);
            resolve();
          });
        })
        .on('error', reject);
    });
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end) await one();
    }),
  );
  const elapsed = (Date.now() - t0) / 1000;
  agent.destroy();
  return { latencies, statuses, bytes, elapsed };
}

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 4);
  const connections = Number(process.argv[3] ?? 20);
  const rounds = Number(process.argv[4] ?? 2);
  Object.assign(process.env, ENV);
  const { freshDatabase } = await import('./fresh-database');
  const { databaseOptions } = await import('../src/database/database-options');
  const { Role } = await import('../src/common/auth/role.enum');
  const { createBookableExpert } = await import('../test/factories/bookable.factory');
  const { createUser } = await import('../test/factories/users.factory');
  const { addMember, createUnit } = await import('../test/factories/organisations.factory');
  const { createAssignment, createOffer, createRequest } = await import('../test/factories/booking.factory');
  const { AssignmentStatus } = await import('../src/modules/booking/entities/assignment.entity');

  await freshDatabase(DB_URL);
  const db = new DataSource(databaseOptions(DB_URL, 4));
  await db.initialize();
  const apiServer = await start('API', 'api');
  const login = async (u: { email: string; password: string }) => {
    const res = await fetch(`http://127.0.0.1:${apiServer.port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: u.email, password: u.password }),
    });
    return ((await res.json()) as { accessToken: string }).accessToken;
  };

  // An orderer's unit with 60 orders (the list shows 50), a third of them booked; an expert with 12 offers; an
  // order with 60 matching experts among 120.
  const coordinator = await createUser(db, Role.Coordinator);
  const orderer = await createUser(db, Role.Orderer);
  const unit = await createUnit(db);
  await addMember(db, unit.id, orderer.id);
  const experts = [];
  for (let i = 0; i < 120; i++) {
    experts.push(
      await createBookableExpert(db, {
        name: `Expert ${String(i).padStart(3, '0')}`,
        topics: i % 2 ? ['ageing'] : ['mental_health'],
      }),
    );
  }
  const me = experts[0];
  for (let i = 0; i < 60; i++) {
    const startsAt = new Date(Date.parse('2027-02-01T08:00:00Z') + i * 86400_000);
    const request = await createRequest(db, unit.id, orderer.id, {
      title: `Tilaus ${i}`,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
      topics: ['ageing'],
    });
    if (i % 3 === 0) await createAssignment(db, request, experts[1 + i].id, { status: AssignmentStatus.Accepted });
    if (i < 12) await createOffer(db, request, me.id, coordinator.id, { deadline: '2027-01-20T12:00:00Z' });
  }
  const open = await createRequest(db, unit.id, orderer.id, {
    startsAt: '2027-06-01T08:00:00Z',
    endsAt: '2027-06-01T10:00:00Z',
    topics: ['ageing'],
  });
  const tokens = { coordinator: await login(coordinator), orderer: await login(orderer), expert: await login(me) };
  await db.destroy();
  const rawServer = await start('baseline', 'raw');

  const routes = [
    { name: '/me', path: '/api/me', token: tokens.expert },
    { name: 'expert offers', path: '/api/offers', token: tokens.expert },
    { name: 'order list', path: '/api/booking-requests?limit=50&offset=0', token: tokens.orderer },
    { name: 'candidates', path: `/api/booking-requests/${open.id}/candidates`, token: tokens.coordinator },
  ];
  // BENCH_ROUTES='/me,candidates': only these routes (by name), e.g. for a profile of one.
  const only = process.env.BENCH_ROUTES?.split(',');
  const sampler = setInterval(() => {
    for (const s of [apiServer, rawServer]) s.peakRss = Math.max(s.peakRss, rssMb(s.child.pid!).rss);
  }, 100);
  console.log(
    `${connections} connections, ${rounds} × ${seconds} s per server and route, servers taking turns; load average before ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  // Like for like: each route's answer from both servers, compared (keys in any order) before anything is timed.
  for (const route of routes) {
    const [a, b] = await Promise.all(
      [apiServer, rawServer].map((s) =>
        fetch(`http://127.0.0.1:${s.port}${route.path}`, { headers: { authorization: `Bearer ${route.token}` } }).then(
          (r) => r.text(),
        ),
      ),
    );
    const canonical = (text: string) =>
      JSON.stringify(JSON.parse(text), (_key, value: unknown) =>
        value && typeof value === 'object' && !Array.isArray(value)
          ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => x.localeCompare(y)))
          : value,
      );
    const same = canonical(a) === canonical(b);
    console.log(
      `${route.name}: ${same ? 'the same answer from both' : `answers differ:\nAPI      ${a.slice(0, 600)}\nbaseline ${b.slice(0, 600)}`}`,
    );
  }
  console.log('route            server    req/s   p50 ms  p95 ms  CPU ms/req  bytes/resp  statuses');
  const ratios: string[] = [];
  for (const route of routes.filter((r) => !only || only.includes(r.name))) {
    const totals = new Map<
      Server,
      { n: number; s: number; cpu: number; lat: number[]; bytes: number; statuses: Map<number, number> }
    >();
    for (const s of [apiServer, rawServer]) {
      await drive(s.port, route.path, route.token, 0.5, connections); // warm-up
      totals.set(s, { n: 0, s: 0, cpu: 0, lat: [], bytes: 0, statuses: new Map() });
    }
    for (let round = 0; round < rounds; round++) {
      for (const s of round % 2 ? [rawServer, apiServer] : [apiServer, rawServer]) {
        const cpu0 = cpuSeconds(s.child.pid!);
        const r = await drive(s.port, route.path, route.token, seconds, connections);
        const t = totals.get(s)!;
        t.cpu += cpuSeconds(s.child.pid!) - cpu0;
        t.n += r.latencies.length;
        t.s += r.elapsed;
        t.lat.push(...r.latencies);
        t.bytes += r.bytes;
        for (const [k, v] of r.statuses) t.statuses.set(k, (t.statuses.get(k) ?? 0) + v);
      }
    }
    const rate = (s: Server) => totals.get(s)!.n / totals.get(s)!.s;
    for (const s of [apiServer, rawServer]) {
      const t = totals.get(s)!;
      t.lat.sort((a, b) => a - b);
      console.log(
        `${route.name.padEnd(16)} ${s.name.padEnd(8)} ${rate(s).toFixed(0).padStart(6)} ${percentile(t.lat, 50).toFixed(1).padStart(8)} ${percentile(t.lat, 95).toFixed(1).padStart(7)} ` +
          `${((t.cpu * 1000) / Math.max(1, t.n)).toFixed(2).padStart(11)} ` +
          `${(t.bytes / Math.max(1, t.n)).toFixed(0).padStart(11)}  ${JSON.stringify(Object.fromEntries(t.statuses))}`,
      );
    }
    const cpuPer = (s: Server) => totals.get(s)!.cpu / Math.max(1, totals.get(s)!.n);
    ratios.push(
      `${route.name} ${(rate(apiServer) / rate(rawServer)).toFixed(2)}× (by CPU per request ${(cpuPer(rawServer) / cpuPer(apiServer)).toFixed(2)}×)`,
    );
  }
  clearInterval(sampler);
  console.log(`API / baseline: ${ratios.join(', ')}`);
  for (const s of [apiServer, rawServer]) {
    const m = rssMb(s.child.pid!);
    console.log(
      `${s.name} resident memory: ${m.rss.toFixed(0)} MB now, ${s.peakRss.toFixed(0)} MB peak under load (VmHWM ${m.hwm.toFixed(0)} MB)`,
    );
  }
  console.log(
    `load average after ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  for (const s of [apiServer, rawServer]) s.child.kill('SIGTERM');
}

const mode = process.argv[2];
void (mode === 'raw' ? raw() : mode === 'api' ? api() : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

function estimateOf(perExpertCents: number | null, expertsNeeded: number) {
  return {
    perExpertCents,
    totalCents: perExpertCents === null ? null : perExpertCents * expertsNeeded,
    unpaidExperts: new Set<string>(),
  };
}
