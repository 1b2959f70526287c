import { TaskType } from '../../../src/common/domain/task-type';
import { FeeRate, rateInForce } from '../../../src/modules/fees/money/fee-arithmetic.rule';
import { createExpert } from '../../factories/experts.factory';
import { claimWorkOn } from '../../factories/fees.factory';
import { login, TestUser } from '../../factories/users.factory';
import { oneApproverFeeRuns } from '../../utils/fee-runs';
import { createTestApp, TestApp } from '../../utils/test-app';
import { asUser } from '../../utils/as-user';

// A new fee rate from today meets today's work already approved: the amount approved is the amount paid (PRODUCT §4,
// §5), so the row is refused for that task type, while another task type, or the day after, may still start today.
describe('a new fee rate and work already approved', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let orderer: TestUser;
  let unitId: string;

  // A year far ahead, different on every run against the same database (rates-agree uses 2100–2899): the rows
  // posted here price nothing else. Later than any approved work an interrupted earlier run may have left.
  let TODAY: string;
  let TOMORROW: string;
  const made: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    const [{ latest }] = await t.db.query(
      `SELECT COALESCE(max(extract(year FROM work_date)), 0)::int AS latest FROM claims WHERE status IN ('approved', 'paid')`,
    );
    const year = Math.max(3000 + Math.floor(Math.random() * 5000), latest + 1);
    TODAY = `${year}-05-12`;
    TOMORROW = `${year}-05-13`;
    // Helsinki 13:00 on the day of the work, which ended at 12:00.
    t.clock.set(`${TODAY}T10:00:00Z`);
    ({ coordinator, orderer, unitId } = await oneApproverFeeRuns(t));
  });
  afterAll(async () => {
    // The far day's work goes, so that it stands in the way of no later run.
    await t.db.query(`DELETE FROM claims WHERE id = ANY($1)`, [made]);
    await t.close();
  });

  const as = asUser(() => t.http);

  it('refuses a rate from today for a task type with work approved today; allows it where nothing is approved', async () => {
    const token = await login(t.http, coordinator);
    const expert = await createExpert(t.db);
    const unit = { organisationId: unitId, createdBy: orderer.id };
    const submitted = (taskType: string) =>
      claimWorkOn(t.db, unit, expert.id, TODAY, { taskType }, { status: 'submitted' });
    const lecture = await submitted('lecture');
    const workshop = await submitted('workshop_event');
    made.push(lecture, workshop);
    const schedule = (await as(token).get('/fee-schedule').expect(200)).body as FeeRate[];
    const oldLecture = rateInForce(schedule, TaskType.Lecture, TODAY)!;
    const oldWorkshop = rateInForce(schedule, TaskType.WorkshopEvent, TODAY)!;

    const approved = await as(token).post(`/claims/${lecture}/approve`).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', amounts: { rateCents: oldLecture.rateCents } });
    const post = ({ taskType, basis }: FeeRate, validFrom: string, rateCents: number) =>
      as(token).post('/fee-schedule', { taskType, basis, rateCents, validFrom });

    // Today's lecture is approved at the old rate: a row from today would pay it at another.
    const refused = await post(oldLecture, TODAY, oldLecture.rateCents + 100).expect(409);
    expect(refused.body).toMatchObject({
      code: 'FEE_RATE_IN_USE',
      errors: [expect.objectContaining({ field: 'validFrom', code: 'inUse' })],
    });
    // From tomorrow it prices only work not yet done.
    await post(oldLecture, TOMORROW, oldLecture.rateCents + 100).expect(201);
    // A workshop of today is only submitted: a rate from today is allowed and prices it when approved.
    await post(oldWorkshop, TODAY, oldWorkshop.rateCents + 200).expect(201);

    expect((await as(token).get(`/claims/${lecture}`).expect(200)).body.amounts.rateCents).toBe(oldLecture.rateCents);
    const second = await as(token).post(`/claims/${workshop}/approve`).expect(200);
    expect(second.body.amounts.rateCents).toBe(oldWorkshop.rateCents + 200);
    const rows = (await as(token).get('/fee-schedule').expect(200)).body as { taskType: string; validFrom: string }[];
    expect(rows.filter((r) => r.taskType === 'lecture' && r.validFrom === TODAY)).toEqual([]);
  });
});
