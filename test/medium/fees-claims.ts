import { Role } from '../../src/common/auth/role.enum';
import { TaskType } from '../../src/common/domain/task-type';
import { Language } from '../../src/common/i18n/language';
import { CreateClaimDto, UpdateClaimDto } from '../../src/modules/fees/dto/claim.dto';
import { FeeBasis } from '../../src/modules/fees/entities/fee-rate.entity';
import { ClaimReviewService } from '../../src/modules/fees/claims/claim-review.service';
import { ClaimsRepository } from '../../src/modules/fees/claims/claims.repository';
import { ClaimsService } from '../../src/modules/fees/claims/claims.service';
import { FeeErrorCode } from '../../src/modules/fees/fees.errors';
import { FeeRate, rateInForce } from '../../src/modules/fees/money/fee-arithmetic.rule';
import { RatesRepository } from '../../src/modules/fees/rates/rates.repository';
import { RatesService } from '../../src/modules/fees/rates/rates.service';
import { createExpert } from '../factories/experts.factory';
import { claimWorkOn, createFinishedAssignment, WorkOverrides } from '../factories/fees.factory';
import { createOrdererOfUnit } from '../factories/organisations.factory';
import { createUser, TestUser } from '../factories/users.factory';
import { body, contextOf, createMediumApp, MediumApp, problemOf } from './medium-app';

// The work happens on 20 Oct 2026; the clock stands the morning after.
const AFTER_WORK = '2026-10-21T08:00:00Z';

// A claim's way through the services on the real database: what it may claim, the states it goes through, the
// money of a late cancellation and the rate in force on the day of the work (the routes, the receipts' uploads,
// the validation of the bodies and the fee runs with their files are test/api/fees/'s).
describe('fee claims (service and database)', () => {
  let m: MediumApp;
  let claims: ClaimsService;
  let review: ClaimReviewService;
  let rates: RatesService;
  let coordinator: TestUser;
  let unit: { organisationId: string; createdBy: string };
  let expert: TestUser;

  beforeAll(async () => {
    m = await createMediumApp();
    m.clock.set(AFTER_WORK);
    claims = m.get(ClaimsService);
    review = m.get(ClaimReviewService);
    rates = m.get(RatesService);
    coordinator = await createUser(m.db, Role.Coordinator);
    const { orderer, unitId } = await createOrdererOfUnit(m.db);
    unit = { organisationId: unitId, createdBy: orderer.id };
    expert = await createExpert(m.db);
  });
  afterAll(() => m.close());

  const finished = (o: Partial<WorkOverrides> = {}, of: TestUser = expert) =>
    createFinishedAssignment(m.db, of.id, { ...unit, ...o });
  const file = async (b: object, of: TestUser = expert) => claims.create(contextOf(of), await body(CreateClaimDto, b));
  const claimsOf = async (assignmentId: string) =>
    (await m.db.query(`SELECT id FROM claims WHERE assignment_id = $1`, [assignmentId])) as { id: string }[];
  const rowOf = async (id: string) =>
    ((await m.db.query(`SELECT * FROM claims WHERE id = $1`, [id])) as Record<string, unknown>[])[0];

  describe('what may be claimed', () => {
    it.each([
      ['accepted', '2026-11-20T07:00:00Z'],
      ['cancelled', '2026-10-20T11:00:00Z'],
      // A no-show: the expert did not come, no fee (PRODUCT §4).
      ['not_held', '2026-10-19T07:00:00Z'],
    ] as const)('refuses an assignment that is %s', async (status, startsAt) => {
      const endsAt = startsAt.replace('07:00', '08:00').replace('11:00', '12:00');
      const id = await finished({ status, startsAt, endsAt });
      expect(await problemOf(file({ assignmentId: id }))).toMatchObject({
        status: 409,
        code: FeeErrorCode.AssignmentNotClaimable,
      });
      expect(await claimsOf(id)).toEqual([]);
    });

    it('refuses a claim filed after the time limit, and a second claim for the same assignment', async () => {
      const late = await finished({ startsAt: '2026-08-01T07:00:00Z', endsAt: '2026-08-01T09:00:00Z' });
      expect(await problemOf(file({ assignmentId: late }))).toMatchObject({
        status: 409,
        code: FeeErrorCode.ClaimTimeLimitPassed,
      });
      expect(await claimsOf(late)).toEqual([]);
      const id = await finished({ startsAt: '2026-10-19T07:00:00Z', endsAt: '2026-10-19T09:00:00Z' });
      const first = await file({ assignmentId: id });
      expect(await problemOf(file({ assignmentId: id }))).toMatchObject({
        status: 409,
        code: FeeErrorCode.ClaimAlreadyExists,
        claimId: first.id,
      });
      expect(await claimsOf(id)).toEqual([{ id: first.id }]);
    });

    it.each([
      [{ workedMinutes: 200, preparationMinutes: 40 }, FeeErrorCode.ClaimMinutesExceedBooking, 'workedMinutes'],
      [
        { trips: [1, 2, 3].map(() => ({ from: 'A', to: 'B', km: 900, date: '2026-10-18' })) },
        FeeErrorCode.ClaimKilometresImplausible,
        'trips',
      ],
      [
        { trips: [{ from: 'A', to: 'B', km: 10, date: '2026-09-01' }] },
        FeeErrorCode.ClaimTripDateOutside,
        'trips.0.date',
      ],
    ])('refuses %j with %s naming %s, and stores no claim', async (b, code, field) => {
      // Booked 2 h and 30 min of preparation: at most 3 h 30 min may be claimed.
      const assignmentId = await finished({ startsAt: '2026-10-18T07:00:00Z', endsAt: '2026-10-18T09:00:00Z' });
      const problem = await problemOf(file({ assignmentId, ...b }));
      expect(problem).toMatchObject({ status: 400, code });
      expect(problem.errors!.map((e) => e.field)).toContain(field);
      expect(await claimsOf(assignmentId)).toEqual([]);
    });

    it('pays the full fee of a late county cancellation for the booked time', async () => {
      const assignmentId = await finished({ status: 'late_cancelled', preparationMinutes: 0 });
      const claim = await file({
        assignmentId,
        workedMinutes: 600,
        trips: [{ from: 'Koti', to: 'Vaasa', km: 10, date: '2026-10-20' }],
      });
      expect(claim).toMatchObject({ lateCancellation: true, workedMinutes: 120, preparationMinutes: 0 });
      expect(claim.amounts).toMatchObject({ grossFeeCents: 5000, carTravelCents: 550 });
    });
  });

  it('counts a trip added to a late cancellation’s claim while it is being approved against four eyes', async () => {
    const assignmentId = await finished({ status: 'late_cancelled', preparationMinutes: 0 });
    const claim = await file({ assignmentId });
    await claims.submit(contextOf(expert), claim.id);
    expect(claim.amounts).toMatchObject({ grossFeeCents: 5000, travelAndCostsCents: 0 });
    const before = await rates.settings();
    await rates.updateSettings(contextOf(coordinator), { claimFourEyesAboveCents: 5500 });
    // The expert's 10 km (5.50 €) lands after the approval read the claim (50 €, one approval) and before it locks it.
    const repo = m.get(ClaimsRepository);
    const lock = repo.lock.bind(repo);
    const spy = jest.spyOn(repo, 'lock').mockImplementationOnce(async (manager, id) => {
      await claims.update(contextOf(expert), id, {
        trips: [{ from: 'Koti', to: 'Vaasa', km: 10, date: '2026-10-20' }],
      });
      return lock(manager, id);
    });
    try {
      // 55.50 € is over 55 €: this is the first of two approvals, not the decision.
      const approved = await review.approve(contextOf(coordinator), claim.id);
      expect(approved).toMatchObject({ status: 'submitted', firstApprovedBy: coordinator.id });
      expect(approved.amounts).toMatchObject({ grossFeeCents: 5000, carTravelCents: 550 });
    } finally {
      spy.mockRestore();
      await rates.updateSettings(contextOf(coordinator), { claimFourEyesAboveCents: before.claimFourEyesAboveCents });
    }
  });

  describe('two tabs changing one claim', () => {
    const trip = (from: string) => ({ from, to: 'Vaasa', km: 12, date: '2026-10-20' });
    const change = async (id: string, b: object) => claims.update(contextOf(expert), id, await body(UpdateClaimDto, b));

    it('refuses a change made on an older version, keeping the other tab’s trips', async () => {
      const claim = await file({ assignmentId: await finished(), trips: [trip('Mustasaari')] });
      expect(claim.version).toBe(1);
      // Both tabs read version 1; the second adds a trip, the first then removes "its" only trip.
      const added = await change(claim.id, { version: 1, trips: [trip('Mustasaari'), trip('Laihia')] });
      expect(added.version).toBe(2);
      expect(await problemOf(change(claim.id, { version: 1, trips: [] }))).toMatchObject({
        status: 409,
        code: FeeErrorCode.ClaimChanged,
      });
      expect((await rowOf(claim.id)).trips).toHaveLength(2);
      // Read again, the change goes through; without a version it applies to the claim as it is.
      expect(await change(claim.id, { version: 2, trips: [trip('Laihia')] })).toMatchObject({ version: 3 });
      expect(await change(claim.id, { note: 'Pysäköinti kuitin mukaan' })).toMatchObject({ version: 4 });
    });

    it('lets one of three changes made on the same version through, at once', async () => {
      const claim = await file({ assignmentId: await finished() });
      const results = await Promise.allSettled(
        ['Laihia', 'Isokyrö', 'Vöyri'].map((from) => change(claim.id, { version: 1, trips: [trip(from)] })),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(refused.map((r) => (r.reason as { code: string }).code)).toEqual([
        FeeErrorCode.ClaimChanged,
        FeeErrorCode.ClaimChanged,
      ]);
      expect(await rowOf(claim.id)).toMatchObject({ version: 2 });
    });
  });

  it('returns a claim with its reason in the expert’s language; the corrected claim comes back and is approved', async () => {
    const sv = await createExpert(m.db, { language: Language.Sv });
    const assignmentId = await finished({ title: 'Workshop i Vasa' }, sv);
    const claim = await file({ assignmentId }, sv);
    expect(claim).toMatchObject({ status: 'draft', workedMinutes: 120, preparationMinutes: 30 });
    await claims.submit(contextOf(sv), claim.id);
    const submitted = await rowOf(claim.id);
    const edit = claims.update(contextOf(sv), claim.id, { workedMinutes: 100 });
    expect(await problemOf(edit)).toMatchObject({ status: 409, code: FeeErrorCode.ClaimStatusConflict });
    expect(await rowOf(claim.id)).toEqual(submitted);

    const reason = 'Parkeringskvittot saknas.';
    expect(await review.return(contextOf(coordinator), claim.id, { reason })).toMatchObject({
      status: 'returned',
      returnReason: reason,
    });
    const mails = (await m.db.query(`SELECT subject, text_body AS text FROM mail_messages WHERE to_address = $1`, [
      sv.email,
    ])) as { subject: string; text: string }[];
    expect(mails).toEqual([
      {
        // The subject names the day, not the title (a lock screen shows it); the link opens the claim to correct.
        subject: expect.stringMatching(
          /^Din arvodes- och kostnadsanmälan returnerades för rättelse: \d{1,2}\.\d{1,2}\.\d{4}$/,
        ),
        text: expect.stringMatching(
          new RegExp(`Orsak:\n${reason}\n[^]*\nÖppna tjänsten: http://kokemus\\.test/claims/${claim.id}$`),
        ),
      },
    ]);
    expect(await problemOf(review.approve(contextOf(coordinator), claim.id))).toMatchObject({
      status: 409,
      code: FeeErrorCode.ClaimStatusConflict,
    });

    // Long after the time limit, a returned claim may still come back: the limit is for the first filing.
    m.clock.set('2027-02-01T08:00:00Z');
    try {
      const corrected = await claims.update(contextOf(sv), claim.id, { workedMinutes: 100, note: 'Korrigerat' });
      expect(corrected).toMatchObject({ status: 'returned', workedMinutes: 100 });
      expect(await claims.submit(contextOf(sv), claim.id)).toMatchObject({ status: 'submitted', returnReason: null });
      expect(await review.approve(contextOf(coordinator), claim.id)).toMatchObject({ status: 'approved' });
    } finally {
      m.clock.set(AFTER_WORK);
      // Out of the way of the fee runs of the specs that share this database.
      await m.db.query(`UPDATE claims SET status = 'submitted', decided_by = NULL, decided_at = NULL WHERE id = $1`, [
        claim.id,
      ]);
    }
  });

  it('adds a dated rate from today on, never one for the past, and prices work by the row in force on its day', async () => {
    // A day far ahead, different on every run against the same database.
    const year = 2040 + Math.floor(Math.random() * 50);
    const day = `${year}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(Math.random() * 28)).padStart(2, '0')}`;
    const rate = { taskType: TaskType.Evaluation, basis: FeeBasis.Hourly, validFrom: day };
    const added = await rates.addRate(contextOf(coordinator), { ...rate, rateCents: 2800 });
    expect(added).toMatchObject({ ...rate, rateCents: 2800 });
    const other = await createUser(m.db, Role.Coordinator);
    expect(await problemOf(rates.addRate(contextOf(other), { ...rate, rateCents: 2900 }))).toMatchObject({
      status: 409,
      code: FeeErrorCode.FeeRateExists,
    });
    const past = rates.addRate(contextOf(coordinator), { ...rate, rateCents: 2900, validFrom: '2026-10-20' });
    expect(await problemOf(past)).toMatchObject({ status: 400, code: FeeErrorCode.FeeRateRetroactive });
    const schedule = await rates.schedule();
    expect(schedule).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ taskType: 'evaluation', rateCents: 2500, validFrom: '2025-01-01' }),
        added,
      ]),
    );

    // Work on the day the new row starts is priced by it; the day before by the old one.
    const worker = await createExpert(m.db);
    const priced = async (date: string) => {
      const id = await claimWorkOn(m.db, unit, worker.id, date, { taskType: 'evaluation' }, { status: 'submitted' });
      return (await claims.get(contextOf(worker), id)).amounts;
    };
    const before = new Date(Date.parse(day) - 86_400_000).toISOString().slice(0, 10);
    // Earlier runs may have added rows before it: the one in force that day is expected.
    const inForce = rateInForce(schedule, TaskType.Evaluation, before)!;
    expect(inForce.validFrom < day).toBe(true);
    expect(await priced(before)).toMatchObject({
      rateCents: inForce.rateCents,
      grossFeeCents: inForce.rateCents * 2.5,
    });
    expect(await priced(day)).toMatchObject({ rateCents: 2800, grossFeeCents: 7000 });
  });
  // A new fee row from today and today's claim approved at the same moment: one of them goes first under the rates'
  // lock, so the claim is never approved at a rate that a row then replaces for its day (PRODUCT §4, §5).
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  // The other call of a race, given up to half a second: without the rates' lock it finishes in that time; with it,
  // it waits.
  const meanwhile = (other: Promise<unknown>) => Promise.race([other.catch(() => undefined), wait(500)]);

  describe('a fee rate added while a claim of its day is approved', () => {
    let day: string;
    let claimId: string;
    let old: FeeRate;

    beforeEach(async () => {
      // A day far ahead, different on every run against the same database, after any approved work there (a row
      // from a day with later approved work of its task type is refused too).
      const [{ latest }] = (await m.db.query(
        `SELECT COALESCE(max(extract(year FROM work_date)), 0)::int AS latest FROM claims WHERE status IN ('approved', 'paid')`,
      )) as { latest: number }[];
      const year = Math.max(5000 + Math.floor(Math.random() * 4000), latest + 1);
      day = `${year}-06-${String(1 + Math.floor(Math.random() * 28)).padStart(2, '0')}`;
      m.clock.set(`${day}T10:00:00Z`);
      const worker = await createExpert(m.db);
      claimId = await claimWorkOn(m.db, unit, worker.id, day, { taskType: 'client_session' }, { status: 'submitted' });
      old = rateInForce(await rates.schedule(), TaskType.ClientSession, day)!;
    });
    afterEach(async () => {
      m.clock.set(AFTER_WORK);
      await m.db.query(`DELETE FROM claims WHERE id = $1`, [claimId]);
    });

    const addRate = () =>
      rates.addRate(contextOf(coordinator), {
        taskType: TaskType.ClientSession,
        basis: old.basis as FeeBasis,
        rateCents: old.rateCents + 300,
        validFrom: day,
      });

    it('refuses the row when the approval, already priced, commits first', async () => {
      const repo = m.get(ClaimsRepository);
      const transition = repo.transition.bind(repo);
      let adding: Promise<unknown> | undefined;
      const spy = jest.spyOn(repo, 'transition').mockImplementationOnce(async (...args) => {
        const done = await transition(...args);
        adding = addRate();
        await meanwhile(adding);
        return done;
      });
      try {
        const approved = await review.approve(contextOf(coordinator), claimId);
        expect(approved).toMatchObject({ status: 'approved', amounts: { rateCents: old.rateCents } });
      } finally {
        spy.mockRestore();
      }
      expect(await problemOf(adding!)).toMatchObject({
        status: 409,
        code: FeeErrorCode.FeeRateInUse,
        errors: [expect.objectContaining({ field: 'validFrom' })],
      });
      expect((await rates.schedule()).filter((r) => r.taskType === 'client_session' && r.validFrom === day)).toEqual(
        [],
      );
    });

    it('prices the claim by the new row when the row, already checked, commits first', async () => {
      const ratesRepo = m.get(RatesRepository);
      const used = ratesRepo.feeRateUsedFrom.bind(ratesRepo);
      let approving: Promise<{ status: string; amounts: unknown }> | undefined;
      const spy = jest.spyOn(ratesRepo, 'feeRateUsedFrom').mockImplementationOnce(async (...args) => {
        approving = review.approve(contextOf(coordinator), claimId);
        await meanwhile(approving);
        return used(...args);
      });
      try {
        expect(await addRate()).toMatchObject({ validFrom: day, rateCents: old.rateCents + 300 });
      } finally {
        spy.mockRestore();
      }
      expect(await approving!).toMatchObject({ status: 'approved', amounts: { rateCents: old.rateCents + 300 } });
    });
  });

  // A year's car rate changed and a claim with a trip by car in that year approved at the same moment: the same
  // rates' lock, so the claim is never approved at a rate that is then rewritten under it (PRODUCT §5).
  describe('a travel rate changed while a claim with a trip in its year is approved', () => {
    const OLD_CENTS = 50;
    const NEW_CENTS = 61;
    let year: number;
    let claimId: string;

    beforeEach(async () => {
      // A year (travel rates are for 2000–2100) with no approved or paid trip yet, so its rate may still change.
      const used = (
        (await m.db.query(
          `SELECT DISTINCT substr(t->>'date', 1, 4)::int AS year FROM claims c, jsonb_array_elements(c.trips) t
            WHERE c.status IN ('approved', 'paid')`,
        )) as { year: number }[]
      ).map((r) => r.year);
      const free = Array.from({ length: 50 }, (_, i) => 2051 + i).filter((y) => !used.includes(y));
      year = free[Math.floor(Math.random() * free.length)];
      await rates.setTravelRate(contextOf(coordinator), year, { carCentsPerKm: OLD_CENTS });
      const worker = await createExpert(m.db);
      // 100 km by car on the day of the work.
      claimId = await claimWorkOn(m.db, unit, worker.id, `${year}-05-12`, {}, { status: 'submitted', kmTenths: 1000 });
    });
    afterEach(() => m.db.query(`DELETE FROM claims WHERE id = $1`, [claimId]));

    const setRate = () => rates.setTravelRate(contextOf(coordinator), year, { carCentsPerKm: NEW_CENTS });
    const rateOfYear = async () => (await rates.travelRates()).find((r) => r.year === year)?.carCentsPerKm;

    it('refuses the change when the approval, already priced, commits first', async () => {
      const repo = m.get(ClaimsRepository);
      const transition = repo.transition.bind(repo);
      let setting: Promise<unknown> | undefined;
      const spy = jest.spyOn(repo, 'transition').mockImplementationOnce(async (...args) => {
        const done = await transition(...args);
        setting = setRate();
        await meanwhile(setting);
        return done;
      });
      try {
        const approved = await review.approve(contextOf(coordinator), claimId);
        expect(approved).toMatchObject({ status: 'approved', amounts: { carTravelCents: 100 * OLD_CENTS } });
      } finally {
        spy.mockRestore();
      }
      expect(await problemOf(setting!)).toMatchObject({ status: 409, code: FeeErrorCode.TravelRateInUse });
      expect(await rateOfYear()).toBe(OLD_CENTS);
    });

    it('prices the claim by the new rate when the change, already checked, commits first', async () => {
      const ratesRepo = m.get(RatesRepository);
      const lockTravelRate = ratesRepo.lockTravelRate.bind(ratesRepo);
      let approving: Promise<{ status: string; amounts: unknown }> | undefined;
      const spy = jest.spyOn(ratesRepo, 'lockTravelRate').mockImplementationOnce(async (...args) => {
        const checked = await lockTravelRate(...args);
        approving = review.approve(contextOf(coordinator), claimId);
        await meanwhile(approving);
        return checked;
      });
      try {
        expect(await setRate()).toEqual({ year, carCentsPerKm: NEW_CENTS });
      } finally {
        spy.mockRestore();
      }
      expect(await approving!).toMatchObject({ status: 'approved', amounts: { carTravelCents: 100 * NEW_CENTS } });
      expect(await rateOfYear()).toBe(NEW_CENTS);
    });
  });
});
