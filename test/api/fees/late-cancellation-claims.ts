import { Role } from '../../../src/common/auth/role.enum';
import { TaskType } from '../../../src/common/domain/task-type';
import { Language } from '../../../src/common/i18n/language';
import { LateCancellationClaims } from '../../../src/modules/fees/claims/late-cancellation-claims.service';
import { createBookableExpert } from '../../factories/bookable.factory';
import { IBANS, setPaymentDetails } from '../../factories/fees.factory';
import { login, TestUser } from '../../factories/users.factory';
import { feeRunReaches, oneApproverFeeRuns } from '../../utils/fee-runs';
import { createTestApp, TestApp } from '../../utils/test-app';
import { asUser } from '../../utils/as-user';

// The app's clock stands on 2 Nov 2026; each test books its own expert for work later in November.
const NOW = '2026-11-02T07:00:00Z';

describe('a late cancellation’s claim', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let orderer: TestUser;
  let unitId: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(NOW);
    ({ coordinator, orderer, unitId } = await oneApproverFeeRuns(t));
  });
  afterEach(() => t.clock.set(NOW));
  afterAll(() => t.close());

  const as = asUser(() => t.http);
  // Sessions follow the app's clock: sign in again after moving it.
  const tokenOf = (user: TestUser) => login(t.http, user);

  // Ordered, offered and accepted over HTTP: 2 h of work with 1 h of preparation (12 quarter hours: 75 € at 25 €/h).
  async function acceptedAssignment(expert: TestUser, day: string, title = 'Asiakasraati') {
    const order = await as(await tokenOf(orderer))
      .post('/booking-requests', {
        organisationId: unitId,
        taskType: 'working_group',
        title,
        startsAt: `${day}T07:00:00Z`,
        endsAt: `${day}T09:00:00Z`,
        remote: true,
        languages: ['fi'],
        topics: ['family_carer'],
        expertsNeeded: 1,
        preparationHours: 1,
      })
      .expect(201);
    await as(await tokenOf(orderer))
      .post(`/booking-requests/${order.body.id}/submit`)
      .expect(200);
    const offers = await as(await tokenOf(coordinator))
      .post(`/booking-requests/${order.body.id}/offers`, { expertIds: [expert.id], deadline: '2026-11-05T12:00:00Z' })
      .expect(201);
    const accepted = await as(await tokenOf(expert))
      .post(`/offers/${offers.body[0].id}/accept`)
      .expect(201);
    return { assignmentId: accepted.body.id as string, requestId: order.body.id as string };
  }

  const claimsOf = async (assignmentId: string) =>
    (await t.db.query(
      `SELECT id, status, late_cancellation AS "lateCancellation" FROM claims WHERE assignment_id = $1`,
      [assignmentId],
    )) as {
      id: string;
      status: string;
      lateCancellation: boolean;
    }[];
  const claimMails = async (userId: string) =>
    (
      await t.db.query(
        `SELECT count(*)::int AS n FROM mail_messages WHERE user_id = $1 AND template = 'late-cancellation-claim'`,
        [userId],
      )
    )[0].n as number;
  const newExpert = (language = Language.Fi) =>
    createBookableExpert(t.db, { topics: ['family_carer'], worksRemotely: true, language });

  it('is filed, submitted, for the full fee when the county cancels less than 48 h before the start; the expert is told in their language', async () => {
    const expert = await newExpert(Language.Sv);
    const { assignmentId } = await acceptedAssignment(expert, '2026-11-10', 'Klientrådet');
    t.clock.set('2026-11-09T08:00:00Z');
    const cancelled = await as(await tokenOf(orderer))
      .post(`/assignments/${assignmentId}/cancel`, { reason: 'Lokalen är inte tillgänglig' })
      .expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', feeDue: true });

    const [claim, ...more] = await claimsOf(assignmentId);
    expect(more).toEqual([]);
    const expertToken = await tokenOf(expert);
    const seen = await as(expertToken).get(`/claims/${claim.id}`).expect(200);
    expect(seen.body).toMatchObject({
      status: 'submitted',
      lateCancellation: true,
      workDate: '2026-11-10',
      workedMinutes: 120,
      preparationMinutes: 60,
      amounts: { rateCents: 2500, quarterHours: 12, grossFeeCents: 7500 },
    });
    expect(seen.body.submittedAt).toBe('2026-11-09T08:00:00.000Z');

    const mail = await t.mail.waitFor(
      (m) => m.to === expert.email && m.subject.startsWith('Arvode betalas för ett avbokat uppdrag'),
    );
    // The work by its time, not its title, on a lock screen; the link opens the claim filed for the expert.
    expect(mail.subject).toBe('Arvode betalas för ett avbokat uppdrag: tis 10.11.2026 kl. 9.00');
    expect(mail.text.split('\n').pop()).toBe(`Öppna tjänsten: http://kokemus.test/claims/${claim.id}`);
    expect(mail.text).toContain('fullt erfarenhetsarvode för det, 75,00\u00a0€.');
    const [audit] = await t.db.query(
      `SELECT actor_id AS "actorId", details FROM audit_events WHERE action = 'claim.created' AND entity_id = $1`,
      [claim.id],
    );
    expect(audit).toEqual({
      actorId: orderer.id,
      details: { assignmentId, lateCancellation: true, automatic: true, status: 'submitted' },
    });

    // The expert cannot file a second one; they can still add the travel they had before the cancellation.
    const again = await as(expertToken).post('/claims', { assignmentId }).expect(409);
    expect(again.body).toMatchObject({ code: 'CLAIM_ALREADY_EXISTS', claimId: claim.id });
    const withTrip = await as(expertToken)
      .patch(`/claims/${claim.id}`, { trips: [{ from: 'Korsholm', to: 'Vasa', km: 12.5, date: '2026-11-09' }] })
      .expect(200);
    expect(withTrip.body).toMatchObject({ status: 'submitted', amounts: { grossFeeCents: 7500, carTravelCents: 688 } });
    expect((await as(expertToken).post(`/claims/${claim.id}/submit`).expect(409)).body.code).toBe(
      'CLAIM_STATUS_CONFLICT',
    );
  });

  it('is filed once only, however often the cancellation’s claim is asked for', async () => {
    const expert = await newExpert();
    const { assignmentId } = await acceptedAssignment(expert, '2026-11-11');
    t.clock.set('2026-11-10T20:00:00Z');
    await as(await tokenOf(orderer))
      .post(`/assignments/${assignmentId}/cancel`, { reason: 'Tila ei ole käytettävissä' })
      .expect(200);
    const filing = t.app.get(LateCancellationClaims);
    const work = {
      assignmentId,
      expertId: expert.id,
      startsAt: new Date('2026-11-11T07:00:00Z'),
      endsAt: new Date('2026-11-11T09:00:00Z'),
      taskType: TaskType.WorkingGroup,
      title: 'Asiakasraati',
      preparationMinutes: 60,
    };
    const ctx = {
      user: {
        id: coordinator.id,
        email: coordinator.email,
        name: 'K',
        role: Role.Coordinator,
        language: Language.Fi,
        sessionId: 's',
      },
      ip: '127.0.0.1',
      userAgent: 'test',
      requestId: 'r',
    };
    const mailIds = await t.db.transaction((manager) =>
      Promise.all([filing.file(manager, ctx, work), filing.file(manager, ctx, work)]),
    );
    expect(mailIds).toEqual([[], []]);
    expect(await claimsOf(assignmentId)).toHaveLength(1);
    expect(await claimMails(expert.id)).toBe(1);
  });

  it('is not filed when the county cancels 48 hours or more before the start', async () => {
    const expert = await newExpert();
    const { assignmentId } = await acceptedAssignment(expert, '2026-11-12');
    t.clock.set('2026-11-10T07:00:00Z');
    const cancelled = await as(await tokenOf(orderer))
      .post(`/assignments/${assignmentId}/cancel`, { reason: 'Tilaisuus siirtyy' })
      .expect(200);
    expect(cancelled.body.feeDue).toBe(false);
    expect(await claimsOf(assignmentId)).toEqual([]);
    expect(await claimMails(expert.id)).toBe(0);
  });

  it('is not filed when the expert withdraws, however late', async () => {
    const expert = await newExpert();
    const { assignmentId } = await acceptedAssignment(expert, '2026-11-13');
    t.clock.set('2026-11-13T06:00:00Z');
    await as(await tokenOf(expert))
      .post(`/assignments/${assignmentId}/withdraw`, { reason: 'Sairastuin' })
      .expect(200);
    expect(await claimsOf(assignmentId)).toEqual([]);
    expect(await claimMails(expert.id)).toBe(0);
  });

  it('is filed when the whole order is cancelled late', async () => {
    const expert = await newExpert(Language.En);
    const { assignmentId, requestId } = await acceptedAssignment(expert, '2026-11-14', 'Client council');
    t.clock.set('2026-11-13T07:00:00Z');
    await as(await tokenOf(orderer))
      .post(`/booking-requests/${requestId}/cancel`, { reason: 'Event cancelled' })
      .expect(200);
    expect(await claimsOf(assignmentId)).toEqual([
      expect.objectContaining({ status: 'submitted', lateCancellation: true }),
    ]);
    const mail = await t.mail.waitFor((m) => m.to === expert.email && m.subject.startsWith('A fee is due'));
    expect(mail.text).toContain('so you are paid the full experience fee for it, €75.00.');
  });

  it('goes through approval and a fee run without the expert, and is paid once', async () => {
    const expert = await newExpert();
    await setPaymentDetails(t.db, expert.id, { iban: IBANS[3], taxPercent: 20, taxCardYear: 2026 });
    const { assignmentId } = await acceptedAssignment(expert, '2026-11-16');
    t.clock.set('2026-11-15T07:00:00Z');
    await as(await tokenOf(coordinator))
      .post(`/assignments/${assignmentId}/cancel`, { reason: 'Tila ei ole käytettävissä' })
      .expect(200);
    const [{ id: claimId }] = await claimsOf(assignmentId);
    await t.mail.waitFor(
      (m) =>
        m.to === expert.email && m.subject === 'Palkkio maksetaan perutusta toimeksiannosta: ma 16.11.2026 klo 9.00',
    );

    t.clock.set('2026-11-17T08:00:00Z');
    const coordinatorToken = await tokenOf(coordinator);
    await as(coordinatorToken).post(`/claims/${claimId}/approve`).expect(200);
    const payRun = async () => {
      const run = await as(coordinatorToken).post('/fee-runs', { upTo: '2026-11-17' }).expect(202);
      const state = (status: string) => feeRunReaches(as, coordinatorToken, run.body.id, status, 45_000);
      expect((await state('computed')).status).toBe('computed');
      await as(coordinatorToken).post(`/fee-runs/${run.body.id}/approve`).expect(200);
      await as(coordinatorToken).post(`/fee-runs/${run.body.id}/export`).expect(202);
      expect((await state('exported')).status).toBe('exported');
      return run.body.id as string;
    };
    const first = await payRun();
    // A second run finds nothing of it left to pay.
    await payRun();

    const expertToken = await tokenOf(expert);
    expect((await as(expertToken).get(`/claims/${claimId}`).expect(200)).body).toMatchObject({
      status: 'paid',
      paidRunId: first,
    });
    const lines = (await as(expertToken).get('/my-fees/lines').expect(200)).body.items as {
      claimId: string;
      runId: string;
      grossFeeCents: number;
      withholdingCents: number;
      netCents: number;
    }[];
    expect(lines.filter((l) => l.claimId === claimId)).toEqual([
      expect.objectContaining({ runId: first, grossFeeCents: 7500, withholdingCents: 1500, netCents: 6000 }),
    ]);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM fee_run_lines WHERE claim_id = $1`, [claimId]);
    expect(n).toBe(1);
    expect((await as(coordinatorToken).post(`/claims/${claimId}/approve`).expect(409)).body.code).toBe(
      'CLAIM_STATUS_CONFLICT',
    );
  });
});
