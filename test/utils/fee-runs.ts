import { Role } from '../../src/common/auth/role.enum';
import { createExpert } from '../factories/experts.factory';
import { seedApprovedClaims, setPaymentDetails, settleOpenFeeRuns } from '../factories/fees.factory';
import { createOrdererOfUnit, createUnit, signedInOrdererOfUnit } from '../factories/organisations.factory';
import { createUser, login, TestUser } from '../factories/users.factory';
import { AsUser, Bearer } from './as-user';
import { until } from './documents';
import { TestApp } from './test-app';

// Fee runs in specs: a run followed to a state over the API; and what the specs that run fee runs in worker
// processes of their own (fee-run-faults, shutdown) share: the payees, the claims of a run, waiting on the processes.

// Polls the run (as `who`) until it reaches `status` or fails; resolves with the run as the API shows it.
export function feeRunReaches(
  as: (who: Bearer) => AsUser,
  who: Bearer,
  runId: string,
  status: string,
  timeoutMs?: number,
): Promise<{ status: string } & Record<string, unknown>> {
  return until(
    () =>
      as(who)
        .get(`/fee-runs/${runId}`)
        .then((r) => r.body),
    (r) => r.status === status || r.status === 'failed',
    timeoutMs,
  );
}

// A spec whose fee runs one coordinator approves alone: no run left open, four-eyes approval off; its coordinator,
// and an orderer of a unit.
export async function oneApproverFeeRuns(
  t: TestApp,
): Promise<{ coordinator: TestUser; orderer: TestUser; unitId: string }> {
  await settleOpenFeeRuns(t.db);
  await t.db.query(`UPDATE fee_settings SET four_eyes_approval = false`);
  const coordinator = await createUser(t.db, Role.Coordinator);
  const { orderer, unitId } = await createOrdererOfUnit(t.db);
  return { coordinator, orderer, unitId };
}

// A spec that follows work over the API from its claim to the payroll: no run left open by other specs to take its
// claims, a coordinator, and an orderer of a unit (its code is the work's cost centre), both signed in at the app's
// clock (sessions last 14 days of it: set it after the work first).
export async function signedInFeeRunParties(
  t: TestApp,
): Promise<{ coordinator: string; orderer: TestUser & { token: string }; unitId: string; unitCode: string }> {
  await settleOpenFeeRuns(t.db);
  const coordinator = await login(t.http, await createUser(t.db, Role.Coordinator));
  return { coordinator, ...(await signedInOrdererOfUnit(t.db, t.http)) };
}

// Small batches, each held open a little, so that a run of 60 claims takes a dozen transactions and a couple of
// seconds: long enough to be stopped, killed or to lose Redis in the middle.
export const CLAIMS = 60;
export const WORKER_ENV = { FEE_RUN_BATCH_SIZE: '5', FEE_RUN_BATCH_DELAY_MS: '150', FEE_RUN_RECOVERY_MS: '1000' };
const TOTALS = ['lineCount', 'grossFeeCents', 'travelAndCostsCents', 'withholdingCents', 'netCents'] as const;
export type Totals = Record<(typeof TOTALS)[number], number>;
export const totals = (r: Totals): Totals => Object.fromEntries(TOTALS.map((k) => [k, r[k]])) as Totals;

// No open run, and no approved claim of 2025 left over (by an aborted earlier run of a fee run spec) to join the
// runs of the spec.
export async function settleFeeRuns(t: TestApp): Promise<void> {
  await settleOpenFeeRuns(t.db);
  await t.db.query(
    `UPDATE claims SET status = 'submitted', decided_by = NULL, decided_at = NULL WHERE status = 'approved' AND work_date < '2026-01-01'`,
  );
}

// A coordinator (signed in), an orderer who creates the claims, `units` units, and five experts, one of each kind of
// payee: tax card, no tax card, last year's card, an association, a volunteer. `seed()` approves CLAIMS claims of
// theirs in a new month of 2025 each time: the i-th claim of every seed prices the same.
export async function feeRunPayees(
  t: TestApp,
  units: number,
): Promise<{ coordinator: string; seed: () => Promise<void> }> {
  const coordinator = await login(t.http, await createUser(t.db, Role.Coordinator));
  const creator = (await createUser(t.db, Role.Orderer)).id;
  const organisationIds: string[] = [];
  for (let i = 0; i < units; i++) organisationIds.push((await createUnit(t.db)).id);
  const experts = await Promise.all([1, 2, 3, 4, 5].map((n) => createExpert(t.db, { name: `Asiantuntija ${n}` })));
  const expertIds = experts.map((e) => e.id);
  await setPaymentDetails(t.db, expertIds[0], { taxPercent: 12.5, taxCardYear: 2026 });
  await setPaymentDetails(t.db, expertIds[1], { taxPercent: null });
  await setPaymentDetails(t.db, expertIds[2], { taxPercent: 20, taxCardYear: 2025 });
  await setPaymentDetails(t.db, expertIds[3], { payee: 'association' });
  await setPaymentDetails(t.db, expertIds[4], { declinesFee: true });
  let month = 0;
  const seed = async () => {
    month += 1;
    await seedApprovedClaims(t.db, {
      count: CLAIMS,
      expertIds,
      organisationIds,
      createdBy: creator,
      decidedBy: creator,
      firstDay: `2025-${String(month).padStart(2, '0')}-01`,
      days: 28,
    });
  };
  return { coordinator, seed };
}

// The lines a run has written so far.
export async function runLines(t: TestApp, runId: string): Promise<number> {
  return (await t.db.query(`SELECT count(*)::int AS n FROM fee_run_lines WHERE run_id = $1`, [runId]))[0].n;
}

// Polls every 50 ms until done(value); on a timeout the error carries the processes' logs.
export function poller(logs: () => string) {
  return async function until<T>(
    read: () => Promise<T>,
    done: (v: T) => boolean,
    what: string,
    timeoutMs = 90_000,
  ): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      if (Date.now() > end) throw new Error(`Timed out waiting for ${what}; last: ${JSON.stringify(value)}\n${logs()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
}
