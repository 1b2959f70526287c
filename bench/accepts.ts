// Accept throughput, by hand (not a test):
//   npx ts-node --transpile-only bench/accepts.ts [offers=640] [clients=64]
// The real HTTP stack on a database of its own (BENCH_DATABASE_URL, dropped and created afresh) and the
// machine's Redis (a queue prefix of its own). One offer per expert, all on distinct, non-overlapping work, so
// no acceptance conflicts with another: what is measured is the cost of an acceptance itself. The first fifth (at
// most 64) warm the code up and are not timed. `clients`
// concurrent clients take offers from one list and accept them; prints acceptances per second, the latency
// percentiles and the status counts, and the load average (the machine's other work shows in the figures).
// BENCH_API_DIST=1: the acceptances go to the compiled API in a process of its own (dist/, as production runs it;
// build it first with `npx tsc -p tsconfig.build.json --outDir dist`), so that this driver's HTTP client does not
// share the API's event loop; the API's CPU per acceptance is then read from /proc.
import 'reflect-metadata';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { Role } from '../src/common/auth/role.enum';
import { API_PREFIX } from '../src/common/http/api-prefix';
import { createBookableExpert } from '../test/factories/bookable.factory';
import { addMember, createUnit } from '../test/factories/organisations.factory';
import { createUser, TestUser } from '../test/factories/users.factory';
import { benchEnv, cpuSeconds, loadAverage, percentile, spawnCompiledApi, startBenchApi } from './lib/bench';

const DB_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/kokemus_accepts_bench';
Object.assign(
  process.env,
  benchEnv(
    DB_URL,
    { jwt: 'bench-secret-bench-secret-bench-secret-02', key: 'accepts-bench-key-of-32-bytes!!' },
    { DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '10' },
  ),
);

async function pool<T>(items: T[], width: number, each: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await each(items[next++]);
    }),
  );
}

async function main(): Promise<void> {
  const offers = Number(process.argv[2] ?? 640);
  const clients = Number(process.argv[3] ?? 64);
  const { app, db, origin } = await startBenchApi(DB_URL);
  let base = origin + API_PREFIX;
  const call = async (method: string, path: string, token: string | null, body?: object) => {
    const res = await fetch(base + path, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body ? JSON.stringify(body) : method === 'POST' ? '{}' : undefined,
    });
    return {
      status: res.status,
      body: (await res.json()) as Record<string, unknown> & { accessToken: string; id: string },
    };
  };
  const login = async (u: TestUser) =>
    (await call('POST', '/auth/login', null, { email: u.email, password: u.password })).body.accessToken;

  const seedStart = Date.now();
  const coordinator = await login(await createUser(db, Role.Coordinator));
  const ordererUser = await createUser(db, Role.Orderer);
  const unit = await createUnit(db);
  await addMember(db, unit.id, ordererUser.id);
  const orderer = await login(ordererUser);
  const experts: TestUser[] = [];
  await pool(Array.from({ length: offers }), 4, async () => {
    experts.push(await createBookableExpert(db, { topics: ['ageing'] }));
  });
  const work: { offerId: string; token: string }[] = [];
  await pool(experts, 4, async (expert) => {
    const i = experts.indexOf(expert);
    // Every request on a day and hour of its own, in 2027: nothing overlaps, nothing nears a load cap.
    const start = new Date(Date.parse('2027-01-04T07:00:00Z') + Math.floor(i / 8) * 86400_000 + (i % 8) * 3600_000);
    const created = await call('POST', '/booking-requests', orderer, {
      organisationId: unit.id,
      taskType: 'working_group',
      title: `Bench ${i}`,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 45 * 60_000).toISOString(),
      remote: false,
      municipality: '905',
      address: 'Sandögatan 7, Vasa',
      languages: ['fi'],
      topics: ['ageing'],
      expertsNeeded: 1,
      preparationHours: 0,
    });
    await call('POST', `/booking-requests/${created.body.id}/submit`, orderer);
    const sent = await call('POST', `/booking-requests/${created.body.id}/offers`, coordinator, {
      expertIds: [expert.id],
      deadline: '2027-01-01T12:00:00Z',
    });
    if (sent.status !== 201) throw new Error(`offer refused: ${JSON.stringify(sent.body)}`);
    work.push({ offerId: (sent.body as unknown as { id: string }[])[0].id, token: await login(expert) });
  });
  console.log(`seeded ${work.length} offers in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);

  const compiled = process.env.BENCH_API_DIST ? await spawnCompiledApi(process.env) : null;
  if (compiled) base = `http://127.0.0.1:${compiled.port}${API_PREFIX}`;
  // A fifth of the offers (at most 64) accepted first and not timed: the code the acceptances run is compiled by
  // V8 before the clock starts (the compiled API's process is fresh; the in-process one ran only the seeding).
  const warmUp = work.splice(0, Math.min(64, Math.floor(work.length / 5)));
  await pool(warmUp, clients, async ({ offerId, token }) => {
    const res = await call('POST', `/offers/${offerId}/accept`, token);
    if (res.status !== 201) throw new Error(`warm-up acceptance refused: ${JSON.stringify(res.body)}`);
  });
  const apiCpu0 = compiled ? cpuSeconds(compiled.child.pid!) : 0;
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  // Queries per acceptance, and the CPU this process (the API and this driver) spent.
  let queries = 0;
  const query = PostgresQueryRunner.prototype.query;
  PostgresQueryRunner.prototype.query = function (this: PostgresQueryRunner, ...args: Parameters<typeof query>) {
    queries++;
    // BENCH_SQL=1: the statements, as sent (run it with one offer and one client).
    if (process.env.BENCH_SQL)
      console.log(`${this.isTransactionActive ? 'tx ' : '   '}${String(args[0]).replace(/\s+/g, ' ').slice(0, 240)}`);
    return query.apply(this, args);
  } as typeof query;
  // BENCH_PROFILE=file.cpuprofile: a CPU profile of the acceptances alone (open it in Chrome's DevTools).
  const inspector = process.env.BENCH_PROFILE ? new (await import('node:inspector/promises')).Session() : null;
  if (inspector) {
    inspector.connect();
    await inspector.post('Profiler.enable');
    await inspector.post('Profiler.start');
  }
  const cpu0 = process.cpuUsage();
  const start = Date.now();
  await pool(work, clients, async ({ offerId, token }) => {
    const t0 = performance.now();
    const res = await call('POST', `/offers/${offerId}/accept`, token);
    latencies.push(performance.now() - t0);
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  });
  const seconds = (Date.now() - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const apiCpuMs = compiled ? ((cpuSeconds(compiled.child.pid!) - apiCpu0) * 1000) / work.length : null;
  PostgresQueryRunner.prototype.query = query;
  if (inspector) {
    const { profile } = await inspector.post('Profiler.stop');
    (await import('node:fs')).writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify(profile));
  }
  latencies.sort((a, b) => a - b);
  console.log(
    `${work.length} acceptances, ${clients} clients: ${(work.length / seconds).toFixed(1)} per second; ` +
      `p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, max ${latencies[latencies.length - 1].toFixed(0)} ms; ` +
      `statuses ${JSON.stringify(Object.fromEntries(statuses))}; ` +
      (apiCpuMs === null
        ? `${(queries / work.length).toFixed(1)} queries and ${((cpu.user + cpu.system) / 1000 / work.length).toFixed(1)} ms of this process's CPU per acceptance; `
        : `${apiCpuMs.toFixed(1)} ms of the compiled API's CPU and ${((cpu.user + cpu.system) / 1000 / work.length).toFixed(1)} ms of this driver's per acceptance; `) +
      `load average ${loadAverage()}`,
  );
  compiled?.child.kill('SIGTERM');
  await app.close();
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
