// Matching at county-and-beyond scale, by hand (not a test):
//   npx ts-node --transpile-only bench/matching.ts [calls=40] [experts=5000]
// A database of its own (BENCH_DATABASE_URL, dropped and created afresh) seeded in SQL with `experts` active,
// verified experts (about 40 weekly windows each: ~200,000 at 5,000) and 20 assignments each (~100,000, past and
// future), then the real HTTP stack: GET /booking-requests/{id}/candidates for an ordinary order (on site in
// Vaasa, Finnish, one topic) and a broad one (remote, Finnish, any topic), `calls` times each, one at a time; then
// GET /booking-requests/{id}/match-funnel for each, as often.
// Prints p50/p95/max per order, the candidates' total and the bytes of the first page, and the plan's top line from
// EXPLAIN (ANALYZE) of the same query (estimated against actual rows, whether JIT ran). BENCH_EXPLAIN=1 prints the
// whole plans.
import 'reflect-metadata';
import { API_PREFIX } from '../src/common/http/api-prefix';
import { TestUser } from '../test/factories/users.factory';
import { benchEnv, loadAverage, percentile, startBenchApi } from './lib/bench';
import { matchingOrders, matchingPeople, seed } from './seed-experts';

const DB_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/kokemus_matching_bench';
Object.assign(
  process.env,
  benchEnv(DB_URL, { jwt: 'bench-secret-bench-secret-bench-secret-04', key: 'matching-bench-key-of-32-bytes!!' }),
);

async function main(): Promise<void> {
  const calls = Number(process.argv[2] ?? 40);
  const experts = Number(process.argv[3] ?? 5000);
  const { app, db, origin } = await startBenchApi(DB_URL);
  const base = origin + API_PREFIX;
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
  const { coordinator: coordinatorUser, orderer, unit, template } = await matchingPeople(db);
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

  const { ordinary, broad } = await matchingOrders(db, unit.id, orderer.id);
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
    // Beside it, the funnel the matching page asks for when the candidates are fewer than the order needs.
    const funnelPath = `/booking-requests/${request.id}/match-funnel`;
    const funnelFirst = await call(funnelPath, coordinator);
    if (funnelFirst.status !== 200) throw new Error(`${name} funnel: ${funnelFirst.status}`);
    const funnelTimes: number[] = [];
    for (let i = 0; i < calls; i++) {
      const t = performance.now();
      await call(funnelPath, coordinator);
      funnelTimes.push(performance.now() - t);
    }
    funnelTimes.sort((a, b) => a - b);
    const steps = (funnelFirst.body as { steps: { step: string; experts: number }[] }).steps;
    console.log(
      `         funnel ${steps.map((s) => `${s.step} ${s.experts}`).join(' > ')}: p50 ${percentile(funnelTimes, 50).toFixed(0)} ms, p95 ${percentile(funnelTimes, 95).toFixed(0)} ms, max ${funnelTimes[funnelTimes.length - 1].toFixed(0)} ms`,
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
  console.log(`load average ${loadAverage()}`);
  await app.close();
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
