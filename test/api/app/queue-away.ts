import { createBookableExpert } from '../../factories/bookable.factory';
import { createRequest } from '../../factories/booking.factory';
import { coordinatorAndOrdererOfUnit } from '../../factories/organisations.factory';
import { asUser } from '../../utils/as-user';
import { JobName, QueueName } from '../../../src/common/jobs/job-names';
import { JobQueue } from '../../../src/common/jobs/job-queue.service';
import { RedisServer } from '../../utils/redis-server';
import { createTestApp, TestApp } from '../../utils/test-app';

// What a request commits stands when the queue's Redis is away: the answer comes at once, the rows are in
// PostgreSQL, and what was to be queued waits there for the sweeps (a warning in the log, not a failure). Here: offers
// sent, an expert booked directly and a fee run started. A Redis of the test's own is stopped; the machine's is never
// touched.
async function actWithoutRedis(t: TestApp, goAway: () => Promise<void>, feeRun = true): Promise<void> {
  const { coordinator, orderer, unitId } = await coordinatorAndOrdererOfUnit(t.db, t.http);
  const [offered, booked] = await Promise.all([createBookableExpert(t.db), createBookableExpert(t.db)]);
  const work = { startsAt: '2027-03-10T08:00:00Z', endsAt: '2027-03-10T10:00:00Z' };
  const [forOffers, forBooking] = await Promise.all([
    createRequest(t.db, unitId, orderer.id, work),
    createRequest(t.db, unitId, orderer.id, work),
  ]);
  const as = asUser(() => t.http)(coordinator.token);

  await goAway();
  const offers = await as
    .post(`/booking-requests/${forOffers.id}/offers`, {
      expertIds: [offered.id],
      deadline: '2027-03-01T12:00:00Z',
    })
    .expect(201);
  const assignment = await as
    .post(`/booking-requests/${forBooking.id}/assignments`, { expertId: booked.id })
    .expect(201);

  await expect(t.db.query(`SELECT status FROM offers WHERE id = $1`, [offers.body[0].id])).resolves.toEqual([
    { status: 'offered' },
  ]);
  await expect(
    t.db.query(`SELECT count(*)::int AS n FROM assignments WHERE id = $1`, [assignment.body.id]),
  ).resolves.toEqual([{ n: 1 }]);
  if (feeRun) {
    // One run at a time: the first scenario's run still waits for its worker.
    const run = await as.post('/fee-runs', { upTo: '2026-11-30' }).expect(202);
    await expect(t.db.query(`SELECT status FROM fee_runs WHERE id = $1`, [run.body.id])).resolves.toEqual([
      { status: 'queued' },
    ]);
  }
  // The offer's mail waits in the outbox for the sweep.
  const mail = await t.db.query(`SELECT status FROM mail_messages WHERE user_id = $1`, [offered.id]);
  expect(mail).toEqual([{ status: 'queued' }]);
  const logs = t.logs.join('');
  for (const warning of [
    'Mail not queued yet; the sweep will retry',
    'Expiry not queued; the deadline is still enforced on answer',
    ...(feeRun ? ['Fee run job not queued yet; the worker will pick the run up'] : []),
  ]) {
    expect(logs).toContain(warning);
  }
  expect(logs).not.toMatch(/"level":(50|60)/);
}

describe('with the queue’s Redis away', () => {
  let redis: RedisServer;
  let t: TestApp | undefined;

  beforeEach(async () => (redis = await RedisServer.start()));
  afterEach(async () => {
    if (!redis.running) await redis.up();
    await t?.close();
    t = undefined;
    await redis.stop();
  });

  it('after the API started: offers, a direct booking and a fee run, their jobs left to the sweeps', async () => {
    t = await createTestApp({ runWorkers: false, env: { REDIS_URL: redis.url, LOG_LEVEL: 'warn' } });
    await actWithoutRedis(t, () => redis.down());
  }, 20_000);

  it('since before the API started: it starts all the same, and so do offers and a direct booking', async () => {
    await redis.down();
    t = await createTestApp({ runWorkers: false, env: { REDIS_URL: redis.url, LOG_LEVEL: 'warn' } });
    await actWithoutRedis(t, async () => undefined, false);
  }, 20_000);

  it('a worker started while Redis is away schedules its sweeps once Redis is back', async () => {
    await redis.down();
    t = await createTestApp({ env: { REDIS_URL: redis.url, LOG_LEVEL: 'warn' } });
    const mailQueue = () => t!.app.get(JobQueue).queue(QueueName.Mail);
    await redis.up();
    let sweep: unknown;
    for (let i = 0; i < 100 && !sweep; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      sweep = await mailQueue().getJobScheduler(JobName.SweepMail);
    }
    expect(sweep).toMatchObject({ every: expect.any(Number) });
  }, 30_000);
});
