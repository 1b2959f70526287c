import { TaskType } from '../../../src/common/domain/task-type';
import {
  DEFAULT_FEE_RATES,
  DEFAULT_TRAVEL_RATES,
  FeeRate,
  priceWork,
  rateInForce,
} from '../../../src/modules/fees/money/fee-arithmetic.rule';
import { RatesRepository } from '../../../src/modules/fees/rates/rates.repository';
import { createBookableExpert } from '../../factories/bookable.factory';
import { giveDateOfBirth } from '../../factories/contracts.factory';
import { setPaymentDetails } from '../../factories/fees.factory';
import { login, TestUser } from '../../factories/users.factory';
import { cents, pdfCells, until } from '../../utils/documents';
import { feeRunReaches, oneApproverFeeRuns } from '../../utils/fee-runs';
import { createTestApp, TestApp } from '../../utils/test-app';
import { asUser } from '../../utils/as-user';

// One source of truth for money: after a coordinator posts a new fee rate, the offer's estimate, the earnings-ceiling
// warning, the contract (its PDF included) and the line the fee run pays all price the work by that rate.
describe('a new fee rate', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let orderer: TestUser;
  let unitId: string;

  // A year far ahead, different on every run against the same database: the rows posted here price nothing else.
  const year = 2100 + Math.floor(Math.random() * 800);
  const NOW = `${year}-03-01T08:00:00Z`;
  const RATE_FROM = `${year}-03-10`;
  const WORK = { startsAt: `${year}-03-20T07:00:00Z`, endsAt: `${year}-03-20T09:00:00Z` };
  const AFTER_WORK = `${year}-03-21T08:00:00Z`;
  const NEW_RATE = 3137;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(NOW);
    ({ coordinator, orderer, unitId } = await oneApproverFeeRuns(t));
  });
  afterAll(() => t.close());

  const as = asUser(() => t.http);

  it('starts from the seeded rows the unit tests price with, 2025 and 2026 car rates included', async () => {
    const { fees, travel } = await t.app.get(RatesRepository).currentRates();
    const seeded = fees.filter((r) => r.validFrom === '2025-01-01');
    expect([...seeded].sort((a, b) => a.taskType.localeCompare(b.taskType))).toEqual(
      [...DEFAULT_FEE_RATES].sort((a, b) => a.taskType.localeCompare(b.taskType)),
    );
    expect(travel.filter((r) => r.year <= 2026)).toEqual(DEFAULT_TRAVEL_RATES);
  });

  it('prices the offer’s estimate, the ceiling warning, the contract PDF and the paid line alike', async () => {
    let coordinatorToken = await login(t.http, coordinator);
    let ordererToken = await login(t.http, orderer);
    const rate = await as(coordinatorToken)
      .post('/fee-schedule', { taskType: 'working_group', basis: 'hourly', rateCents: NEW_RATE, validFrom: RATE_FROM })
      .expect(201);
    // 2 h of work and 30 min of preparation: 10 started quarter hours at 31.37 €/h = 78.425 € -> 78.43 €.
    const schedule = (await as(coordinatorToken).get('/fee-schedule').expect(200)).body as FeeRate[];
    expect(rateInForce(schedule, TaskType.WorkingGroup, `${year}-03-20`)).toMatchObject({
      rateCents: NEW_RATE,
      validFrom: RATE_FROM,
    });
    const fee = priceWork(
      { taskType: TaskType.WorkingGroup, workDate: `${year}-03-20`, workedMinutes: 120, preparationMinutes: 30 },
      schedule,
    ).feeCents;
    expect(fee).toBe(7843);
    expect(rate.body.rateCents).toBe(NEW_RATE);

    // The ceiling lies between the old price of the work (62.50 €) and the new one: only the new rate warns.
    const expert = await createBookableExpert(t.db, {
      topics: ['long_term_illness'],
      worksRemotely: true,
      yearlyEarningsCeilingCents: 7000,
    });
    await setPaymentDetails(t.db, expert.id, { taxPercent: 20, taxCardYear: year });
    await giveDateOfBirth(t.db, expert.id);
    let expertToken = await login(t.http, expert);

    const order = await as(ordererToken)
      .post('/booking-requests', {
        organisationId: unitId,
        taskType: 'working_group',
        title: 'Kehittäjäasiakasraati',
        ...WORK,
        remote: true,
        languages: ['fi'],
        topics: ['long_term_illness'],
        expertsNeeded: 1,
        preparationHours: 0.5,
      })
      .expect(201);
    await as(ordererToken).post(`/booking-requests/${order.body.id}/submit`).expect(200);
    await as(coordinatorToken)
      .post(`/booking-requests/${order.body.id}/offers`, {
        expertIds: [expert.id],
        deadline: `${year}-03-15T12:00:00Z`,
      })
      .expect(201);

    // The offer's estimate.
    const offers = (await as(expertToken).get('/offers').expect(200)).body as {
      id: string;
      requestId: string;
      expectedFeeCents: number;
    }[];
    const offer = offers.find((o) => o.requestId === order.body.id)!;
    expect(offer.expectedFeeCents).toBe(fee);

    // The earnings-ceiling warning, then the acknowledged acceptance.
    const warned = await as(expertToken).post(`/offers/${offer.id}/accept`).expect(409);
    expect(warned.body.code).toBe('EARNINGS_CEILING_ACK_REQUIRED');
    expect(warned.body.detail).toContain(`this year's fees to ${fee} cents, past your ceiling of 7000`);
    const assignment = await as(expertToken)
      .post(`/offers/${offer.id}/accept`, { acknowledgeEarningsCeiling: true })
      .expect(201);

    // The contract, as the API states it and as its PDF reads.
    const contracts = await as(coordinatorToken).get(`/contracts?assignmentId=${assignment.body.id}`).expect(200);
    const contractId = contracts.body.items[0].id as string;
    const approved = await as(coordinatorToken).post(`/contracts/${contractId}/approve`).expect(200);
    expect(approved.body.fee).toEqual({ basis: 'hourly', rateCents: NEW_RATE, expectedCents: fee });
    await until(
      () =>
        as(expertToken)
          .get(`/contracts/${contractId}`)
          .then((r) => r.body),
      (c) => c.pdfSha256 !== null,
      45_000,
    );
    const pdf = await as(expertToken).download(`/contracts/${contractId}/pdf`).expect(200);
    const text = await pdfCells(pdf.body as Buffer);
    const stated = /Kokemuspalkkio on ([\d\s,]+€) tunnilta/.exec(text);
    const expected = /Arvioitu kokemuspalkkio yhteensä: ([\d\s,]+€)/.exec(text);
    expect({ rate: cents(stated![1]), expected: cents(expected![1]) }).toEqual({ rate: NEW_RATE, expected: fee });
    await as(expertToken).post(`/contracts/${contractId}/sign`, { password: expert.password }).expect(200);

    // After the work: confirmed, claimed as booked, approved, run, approved and exported.
    t.clock.set(AFTER_WORK);
    [coordinatorToken, ordererToken, expertToken] = await Promise.all(
      [coordinator, orderer, expert].map((u) => login(t.http, u)),
    );
    await as(ordererToken).post(`/assignments/${assignment.body.id}/complete`, { tookPlace: true }).expect(200);
    const claim = await as(expertToken)
      .post('/claims', { assignmentId: assignment.body.id, workedMinutes: 120 })
      .expect(201);
    expect(claim.body.amounts).toMatchObject({ rateCents: NEW_RATE, grossFeeCents: fee });
    await as(expertToken).post(`/claims/${claim.body.id}/submit`).expect(200);
    await as(coordinatorToken).post(`/claims/${claim.body.id}/approve`).expect(200);
    const run = await as(coordinatorToken)
      .post('/fee-runs', { upTo: `${year}-03-21` })
      .expect(202);
    const state = (status: string) => feeRunReaches(as, coordinatorToken, run.body.id, status, 45_000);
    expect((await state('computed')).status).toBe('computed');
    await as(coordinatorToken).post(`/fee-runs/${run.body.id}/approve`).expect(200);
    await as(coordinatorToken).post(`/fee-runs/${run.body.id}/export`).expect(202);
    expect((await state('exported')).status).toBe('exported');

    const paid = (await as(expertToken).get('/my-fees/lines').expect(200)).body.items as {
      claimId: string;
      grossFeeCents: number;
      withholdingCents: number;
    }[];
    expect(paid.filter((l) => l.claimId === claim.body.id)).toEqual([
      expect.objectContaining({ grossFeeCents: fee, withholdingCents: 1569 }),
    ]);
  });
});
