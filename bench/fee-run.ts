// Fee run throughput, by hand (not a test):
//   npm run build && npx ts-node --transpile-only bench/fee-run.ts [claims=50000] [experts=500]
// Seeds N approved claims in a database of its own (BENCH_DATABASE_URL, dropped and created afresh), starts
// the real worker (dist/src/worker.js; ts-node if not built) as a separate process, and times the run
// (queued -> computed) and the export (payroll CSV, cost-centre summary, a statement PDF per payee, every
// claim paid). Prints the seconds, the worker's CPU seconds and its peak RSS (VmHWM), and the load average:
// the machine's other work shows in the seconds, not in the CPU. Target: 50,000 in < 20 s, < 300 MB.
// FEE_RUN_BATCH_SIZE changes the batch (default 500); BENCH_NODE_ARGS adds node options to the worker.
import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { AuthContext } from '../src/common/auth/auth-context';
import { Role } from '../src/common/auth/role.enum';
import { FieldCipher } from '../src/common/crypto/field-cipher';
import { Language } from '../src/common/i18n/language';
import { cipherContext } from '../src/modules/experts/entities/payment-details.entity';
import { FeeRunsService } from '../src/modules/fees/fee-runs/fee-runs.service';
import { seedApprovedClaims } from '../test/factories/fees.factory';
import { freshDatabase } from './fresh-database';
import { runBench } from './lib/bench';

const ROOT = join(__dirname, '..');
const DB_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/kokemus_fees_bench';
const ENV = {
  NODE_ENV: 'production',
  DATABASE_URL: DB_URL,
  DATABASE_POOL_SIZE: '10',
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  QUEUE_PREFIX: `kokemus-bench-${process.pid}`,
  JWT_SECRET: 'bench-secret-bench-secret-bench-secret-01',
  // Production refuses .env.example's key: a key of the bench's own.
  ENCRYPTION_KEY: `k1:${Buffer.from('fee-run-bench-key-of-32-bytes!!'.padEnd(32, '!').slice(0, 32)).toString('base64')}`,
  SMTP_URL: 'smtp://127.0.0.1:1025',
  LOG_LEVEL: 'warn',
  FEE_RUN_BATCH_SIZE: process.env.FEE_RUN_BATCH_SIZE ?? '500',
  FEE_RUN_BATCH_DELAY_MS: '0',
};

// Experts with encrypted IBANs and a mix of payees and tax cards, units, a coordinator; then the claims.
async function seed(db: DataSource, claims: number, experts: number): Promise<{ coordinatorId: string }> {
  const [coordinator] = await db.query(
    `INSERT INTO users (email, name, role, status) VALUES ('bench-coordinator@example.test', 'Bench Coordinator', 'coordinator', 'active') RETURNING id`,
  );
  const users: { id: string }[] = await db.query(
    `INSERT INTO users (email, name, role, status, language)
     SELECT 'expert-' || i || '@example.test', 'Asiantuntija ' || i, 'expert', 'active', (ARRAY['fi', 'sv', 'fi', 'en']::language[])[1 + i % 4]
       FROM generate_series(1, $1) AS i RETURNING id`,
    [experts],
  );
  const ids = users.map((u) => u.id);
  await db.query(`INSERT INTO experts (user_id, status) SELECT unnest($1::uuid[]), 'active'`, [ids]);
  const cipher = new FieldCipher([{ id: 'k1', key: Buffer.from(ENV.ENCRYPTION_KEY.split(':')[1], 'base64') }]);
  const ibans = ids.map((id) => cipher.encrypt('FI2112345600000785', cipherContext(id, 'iban')));
  const associationIbans = ids.map((id, i) =>
    i % 10 === 3 ? cipher.encrypt('FI5542345670000081', cipherContext(id, 'association_iban')) : null,
  );
  await db.query(
    `INSERT INTO expert_payment_details (expert_id, iban_encrypted, iban_masked, tax_percent, tax_card_year, payee, declines_fee,
                                         association_name, association_business_id, association_iban_encrypted, association_iban_masked)
     SELECT e.id, e.iban, 'FI21 **** 0785', CASE WHEN e.n % 5 = 1 THEN NULL ELSE 10 + e.n % 30 END, CASE WHEN e.n % 5 = 1 THEN NULL ELSE 2026 END,
            CASE WHEN e.assoc IS NULL THEN 'expert' ELSE 'association' END::payee, e.n % 25 = 7,
            CASE WHEN e.assoc IS NULL THEN NULL ELSE 'Yhdistys ' || e.n || ' ry' END, CASE WHEN e.assoc IS NULL THEN NULL ELSE '1572860-0' END,
            e.assoc, CASE WHEN e.assoc IS NULL THEN NULL ELSE 'FI55 **** 0081' END
       FROM unnest($1::uuid[], $2::text[], $3::text[]) WITH ORDINALITY AS e(id, iban, assoc, n)`,
    [ids, ibans, associationIbans],
  );
  const units: { id: string }[] = await db.query(
    `INSERT INTO organisations (kind, code, name_fi, name_sv, active_from)
     SELECT 'unit', 'U-' || i, 'Yksikkö ' || i, 'Enhet ' || i, '2025-01-01' FROM generate_series(1, 20) AS i RETURNING id`,
  );
  await seedApprovedClaims(db, {
    count: claims,
    expertIds: ids,
    organisationIds: units.map((u) => u.id),
    createdBy: coordinator.id,
    decidedBy: coordinator.id,
    firstDay: '2026-01-01',
    days: 300,
  });
  return { coordinatorId: coordinator.id };
}

// The worker as production starts it: the node options of `npm run start:worker` (its heap bound).
function workerNodeOptions(): string[] {
  const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
    .scripts['start:worker'];
  return script.split(/\s+/).filter((arg) => arg.startsWith('--'));
}

function startWorker(): { child: ChildProcess; ready: Promise<void>; compiled: boolean; options: string[] } {
  const compiled = existsSync(join(ROOT, 'dist/src/worker.js'));
  const options = [...workerNodeOptions(), ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean)];
  const args = compiled ? ['dist/src/worker.js'] : ['-r', 'ts-node/register/transpile-only', 'src/worker.ts'];
  const child = spawn(process.execPath, [...options, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...ENV, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Worker running')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
  return { child, ready, compiled, options };
}

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'))!;
  return Number(line.replace(/\D+/g, '')) / 1024;
}

// User + system CPU seconds a process has used so far (Linux, clock ticks of 1/100 s).
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

// Peak resident set size of a process, from the kernel (Linux).
function peakRssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmHWM:'))!;
  return Number(line.replace(/\D+/g, '')) / 1024;
}

async function main(): Promise<void> {
  const claims = Number(process.argv[2] ?? 50_000);
  const experts = Number(process.argv[3] ?? 500);
  if (!Number.isInteger(claims) || claims < 1 || !Number.isInteger(experts) || experts < 1)
    throw new Error('usage: fee-run.ts [claims] [experts]');
  Object.assign(process.env, ENV);

  console.log(`Preparing ${DB_URL} with ${claims} approved claims of ${experts} experts...`);
  await freshDatabase(DB_URL);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ runWorkers: false }), {
    logger: ['error', 'warn'],
  });
  const db = app.get(DataSource);
  const seeding = Date.now();
  const { coordinatorId } = await seed(db, claims, experts);
  await db.query('ANALYZE');
  console.log(`Seeded in ${((Date.now() - seeding) / 1000).toFixed(1)} s`);

  const worker = startWorker();
  await worker.ready;
  const runs = app.get(FeeRunsService);
  const ctx: AuthContext = {
    user: {
      id: coordinatorId,
      email: 'bench-coordinator@example.test',
      name: 'Bench',
      role: Role.Coordinator,
      language: Language.Fi,
      sessionId: 'bench',
    },
    ip: '127.0.0.1',
    userAgent: 'bench',
    requestId: 'bench',
  };
  const status = async (id: string) => (await runs.get(id)).status;
  const waitFor = async (id: string, wanted: string) => {
    for (;;) {
      const s = await status(id);
      if (s === wanted) return;
      if (s === 'failed') throw new Error(`run failed: ${JSON.stringify((await runs.get(id)).error)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  const samples: { at: number; mb: number }[] = [];
  const sampler = setInterval(() => samples.push({ at: Date.now(), mb: rssMb(worker.child.pid!) }), 100);
  const idle = rssMb(worker.child.pid!);
  const cpuBefore = cpuSeconds(worker.child.pid!);
  const t0 = Date.now();
  const { id } = await runs.start(ctx, { upTo: '2026-10-31' });
  await waitFor(id, 'computed');
  const t1 = Date.now();
  await runs.approve(ctx, id);
  const t2 = Date.now();
  await runs.export(ctx, id);
  await waitFor(id, 'exported');
  const t3 = Date.now();

  clearInterval(sampler);
  const cpuUsed = cpuSeconds(worker.child.pid!) - cpuBefore;
  const peak = peakRssMb(worker.child.pid!);
  const maxIn = (from: number, to: number) =>
    Math.max(0, ...samples.filter((s) => s.at >= from && s.at <= to).map((s) => s.mb));
  const run = await runs.get(id);
  const [files] = await db.query(
    `SELECT count(*) FILTER (WHERE kind = 'statement') AS statements, max(size_bytes) FILTER (WHERE kind = 'payroll_csv') AS csv FROM fee_run_files WHERE run_id = $1`,
    [id],
  );
  const [paid] = await db.query(`SELECT count(*)::int AS n FROM claims WHERE paid_run_id = $1`, [id]);
  worker.child.kill('SIGTERM');
  await app.close();

  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(
    `worker:              node ${worker.options.join(' ')} ${worker.compiled ? 'dist/src/worker.js' : 'src/worker.ts (ts-node: not built, RSS includes the compiler)'}, batch ${ENV.FEE_RUN_BATCH_SIZE}`,
  );
  console.log(`lines:               ${run.lineCount} (${run.skippedCount} skipped), ${paid.n} claims paid`);
  console.log(
    `statements:          ${files.statements}, payroll CSV ${(Number(files.csv) / 1024 / 1024).toFixed(1)} MB`,
  );
  console.log(`run (compute):       ${seconds(t1 - t0)}`);
  console.log(`export:              ${seconds(t3 - t2)}`);
  console.log(`run + export:        ${seconds(t1 - t0 + (t3 - t2))}`);
  console.log(
    `worker CPU:          ${cpuUsed.toFixed(1)} s (load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${availableParallelism()} cores)`,
  );
  console.log(
    `worker peak RSS:     ${peak.toFixed(0)} MB (idle ${idle.toFixed(0)} MB, computing ${maxIn(t0, t1).toFixed(0)} MB, exporting ${maxIn(t2, t3).toFixed(0)} MB)`,
  );
}

runBench(main);
