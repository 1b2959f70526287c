import { Role } from '../../../src/common/auth/role.enum';
import { Language } from '../../../src/common/i18n/language';
import { AuditEventEntity } from '../../../src/modules/audit/entities/audit-event.entity';
import { createBookableExpert } from '../../factories/bookable.factory';
import { remoteRequestBody } from '../../factories/booking.factory';
import { samplePng } from '../../factories/credentials.factory';
import { signContractOf } from '../../factories/contracts.factory';
import { createExpert } from '../../factories/experts.factory';
import {
  ClaimOverrides,
  claimWorkOn,
  createFinishedAssignment,
  IBANS,
  setPaymentDetails,
  WorkOverrides,
} from '../../factories/fees.factory';
import { addMember, createUnit } from '../../factories/organisations.factory';
import { createUser, login, TestUser } from '../../factories/users.factory';
import { cents, parseCsv, pdfCells, until } from '../../utils/documents';
import { signedInFeeRunParties } from '../../utils/fee-runs';
import { queriesOf } from '../../utils/query-count';
import { createTestApp, TestApp } from '../../utils/test-app';
import { asUser } from '../../utils/as-user';

// The clock starts on 1 Oct 2026; the work happens on 20 Oct, the run after it.
const NOW = '2026-10-01T07:00:00Z';
const AFTER_WORK = '2026-10-21T08:00:00Z';
// The payroll rows that reimburse travel and costs, tax-free (the rest is the fee).
const TRAVEL_KINDS = ['car_travel', 'public_transport', 'parking', 'other_costs'];

// Where the rules are tested: what may be claimed (status, time limit, one claim, minutes, kilometres, trip dates),
// a claim's return and correction, the late-cancellation fee and the rate in force on the day of the work, through
// the services on the real database in test/medium/fees-claims.ts. Here, over HTTP with the workers:
// the journey from claim to paid run and its files, receipts, validation of the bodies, who sees what, the fee runs,
// settings and reports.
describe('fees', () => {
  let t: TestApp;
  let coordinator: string;
  let coordinator2: string;
  let admin: string;
  let orderer: TestUser & { token: string };
  let unitId: string;
  let unitCode: string;

  beforeAll(async () => {
    t = await createTestApp();
    // Sessions last 14 days of the app's clock: signed in after the work, they hold for the whole spec.
    t.clock.set(AFTER_WORK);
    ({ coordinator, orderer, unitId, unitCode } = await signedInFeeRunParties(t));
    coordinator2 = await login(t.http, await createUser(t.db, Role.Coordinator));
    admin = await login(t.http, await createUser(t.db, Role.Admin));
  });
  afterAll(() => t.close());

  const as = asUser(() => t.http);

  const run = (id: string) =>
    as(coordinator)
      .get(`/fee-runs/${id}`)
      .then((r) => r.body);
  const runReaches = (id: string, status: string) =>
    until(
      () => run(id),
      (r) => r.status === status || r.status === 'failed',
    );

  // A claim (approved by the orderer, unless `claim` says otherwise) of the unit's work on `day`, 07–09 UTC.
  const claimWork = (expertId: string, day: string, work: Partial<WorkOverrides> = {}, claim: ClaimOverrides = {}) =>
    claimWorkOn(t.db, { organisationId: unitId, createdBy: orderer.id }, expertId, day, work, claim);

  // Start, compute, approve and export a run; resolves with the exported run.
  async function payEverything(upTo = '2026-10-21'): Promise<{ id: string; body: Record<string, unknown> }> {
    const started = await as(coordinator).post('/fee-runs', { upTo }).expect(202);
    expect((await runReaches(started.body.id, 'computed')).status).toBe('computed');
    await as(coordinator).post(`/fee-runs/${started.body.id}/approve`).expect(200);
    await as(coordinator).post(`/fee-runs/${started.body.id}/export`).expect(202);
    return { id: started.body.id, body: await runReaches(started.body.id, 'exported') };
  }

  // Over HTTP the whole way: order, offer, acceptance, completion after the end time.
  async function completedAssignment(expert: TestUser, topic: string): Promise<string> {
    t.clock.set(NOW);
    const created = await as(orderer.token)
      .post(
        '/booking-requests',
        remoteRequestBody(unitId, { title: 'Asiakasraati: palveluiden kehittäminen', topics: [topic] }),
      )
      .expect(201);
    await as(orderer.token).post(`/booking-requests/${created.body.id}/submit`).expect(200);
    const offers = await as(coordinator)
      .post(`/booking-requests/${created.body.id}/offers`, { expertIds: [expert.id], deadline: '2026-10-10T12:00:00Z' })
      .expect(201);
    const expertToken = await login(t.http, expert);
    const accepted = await as(expertToken).post(`/offers/${offers.body[0].id}/accept`).expect(201);
    await signContractOf(t, accepted.body.id, coordinator, { ...expert, token: expertToken });
    t.clock.set(AFTER_WORK);
    await as(orderer.token).post(`/assignments/${accepted.body.id}/complete`, { tookPlace: true }).expect(200);
    return accepted.body.id;
  }

  describe('the way of a claim', () => {
    it('pays a completed assignment once: claim, approval, run, approval, export; the CSV and the statement agree', async () => {
      const expert = await createBookableExpert(t.db, {
        name: 'Åsa Öhman',
        language: Language.Sv,
        topics: ['family_carer'],
        worksRemotely: true,
      });
      await setPaymentDetails(t.db, expert.id, { iban: IBANS[2], taxPercent: 12.5, taxCardYear: 2026 });
      const assignmentId = await completedAssignment(expert, 'family_carer');
      const token = await login(t.http, expert);

      // 2 h 10 min of work and the hour of preparation: 13 started quarter hours at 25 €/h.
      const trips = [
        { from: 'Mustasaari, Koivulahti', to: 'Vaasa', km: 24.5, date: '2026-10-20' },
        { from: 'Vaasa', to: 'Mustasaari, Koivulahti', km: 24.5, date: '2026-10-20' },
      ];
      const draft = await as(token)
        .post('/claims', { assignmentId, workedMinutes: 130, trips, note: 'Kokous venyi' })
        .expect(201);
      expect(draft.body).toMatchObject({
        status: 'draft',
        workDate: '2026-10-20',
        workedMinutes: 130,
        preparationMinutes: 60,
        costCentre: unitCode,
      });
      const withCost = await t.http
        .post(`/claims/${draft.body.id}/costs`)
        .set('authorization', `Bearer ${token}`)
        .field('kind', 'parking')
        .field('amountCents', '300')
        .field('description', 'Pysäköinti Vaasa')
        .attach('receipt', samplePng(), { filename: 'kuitti.png', contentType: 'image/png' })
        .expect(201);
      expect(withCost.body.costs).toEqual([
        expect.objectContaining({
          kind: 'parking',
          amountCents: 300,
          receipt: expect.objectContaining({ mediaType: 'image/png' }),
        }),
      ]);
      expect(withCost.body.amounts).toEqual({
        feeBasis: 'hourly',
        rateCents: 2500,
        quarterHours: 13,
        incomeType: '210',
        grossFeeCents: 8125,
        carTravelCents: 2695,
        costsCents: 300,
        travelAndCostsCents: 2995,
        withholdingCents: 1016,
        netPayableCents: 10104,
      });
      await as(token).post(`/claims/${draft.body.id}/submit`).expect(200);
      const approved = await as(coordinator).post(`/claims/${draft.body.id}/approve`).expect(200);
      expect(approved.body.status).toBe('approved');

      const { id: runId, body: exported } = await payEverything();
      expect(exported).toMatchObject({ status: 'exported', executions: 1 });
      const claim = await as(token).get(`/claims/${draft.body.id}`).expect(200);
      expect(claim.body).toMatchObject({ status: 'paid', paidRunId: runId });

      const files = (await as(coordinator).get(`/fee-runs/${runId}/files`).expect(200)).body as {
        id: string;
        kind: string;
        expertId: string | null;
        language: string;
        sha256: string;
      }[];
      const payrollFile = files.find((f) => f.kind === 'payroll_csv')!;
      const payroll = await as(coordinator).download(`/fee-runs/${runId}/files/${payrollFile.id}`).expect(200);
      expect(payroll.headers['content-type']).toMatch(/^text\/csv/);
      expect(payroll.headers.etag).toBe(`"${payrollFile.sha256}"`);
      const all = parseCsv((payroll.body as Buffer).toString('utf8'));
      const rows = all.filter((r) => r.expert_id === expert.id);
      // The fee, the kilometre allowance and the parking each on a row of their own, all with the claim's id.
      const payee = {
        claim_id: draft.body.id,
        payee_type: 'expert',
        payee_name: 'Åsa Öhman',
        iban: IBANS[2],
        cost_centre: unitCode,
      };
      expect(rows).toEqual([
        expect.objectContaining({
          ...payee,
          line_kind: 'fee',
          income_type: '210',
          hours: '3.25',
          amount: '81.25',
          tax_percent: '12.50',
          withholding: '10.16',
          net_payable: '71.09',
        }),
        expect.objectContaining({
          ...payee,
          line_kind: 'car_travel',
          income_type: '',
          hours: '',
          amount: '26.95',
          tax_percent: '',
          withholding: '0.00',
          net_payable: '26.95',
        }),
        expect.objectContaining({
          ...payee,
          line_kind: 'parking',
          income_type: '',
          hours: '',
          amount: '3.00',
          tax_percent: '',
          withholding: '0.00',
          net_payable: '3.00',
        }),
      ]);

      // The statement is in the expert's language (Swedish) and says the same numbers.
      const statementFile = files.find((f) => f.kind === 'statement' && f.expertId === expert.id)!;
      expect(statementFile.language).toBe('sv');
      const statement = await as(coordinator).download(`/fee-runs/${runId}/files/${statementFile.id}`).expect(200);
      const text = await pdfCells(statement.body as Buffer);
      expect(text).toContain('Arvodesspecifikation');
      const total = /Sammanlagt\|([^|]+)\|([^|]+)\|([^|]+)\|([^|]+)\|([^|]+)/.exec(text)!;
      const sum = (of: Record<string, string>[], column: string, kinds = ['fee', ...TRAVEL_KINDS]) =>
        of.filter((r) => kinds.includes(r.line_kind)).reduce((s, r) => s + cents(r[column]), 0);
      expect({
        hours: total[1],
        gross: cents(total[2]),
        travel: cents(total[3]),
        withheld: cents(total[4]),
        net: cents(total[5]),
      }).toEqual({
        hours: '3,25',
        gross: sum(rows, 'amount', ['fee']),
        travel: sum(rows, 'amount', TRAVEL_KINDS),
        withheld: sum(rows, 'withholding'),
        net: sum(rows, 'net_payable'),
      });
      expect(sum(rows, 'net_payable')).toBe(10104);

      // The summary per cost centre and the run's totals agree with the payroll rows.
      const summaryFile = files.find((f) => f.kind === 'cost_centre_summary')!;
      const summary = parseCsv(
        (
          (await as(coordinator).download(`/fee-runs/${runId}/files/${summaryFile.id}`).expect(200)).body as Buffer
        ).toString('utf8'),
      );
      expect(summary.length).toBeGreaterThan(0);
      for (const centre of summary) {
        const of = all.filter((r) => r.cost_centre === centre.cost_centre);
        expect({
          claims: Number(centre.claims),
          gross: cents(centre.gross_fees),
          travel: cents(centre.travel_and_costs),
          withheld: cents(centre.withholding),
          net: cents(centre.net_paid),
        }).toEqual({
          claims: new Set(of.map((r) => r.claim_id)).size,
          gross: sum(of, 'amount', ['fee']),
          travel: sum(of, 'amount', TRAVEL_KINDS),
          withheld: sum(of, 'withholding'),
          net: sum(of, 'net_payable'),
        });
      }
      expect(exported).toMatchObject({
        lineCount: new Set(all.map((r) => r.claim_id)).size,
        netCents: sum(all, 'net_payable'),
        grossFeeCents: sum(all, 'amount', ['fee']),
        travelAndCostsCents: sum(all, 'amount', TRAVEL_KINDS),
      });

      // At rest the payroll file is encrypted: its clear IBANs exist only in the download.
      const [stored] = await t.db.query(`SELECT bytes, encrypted FROM fee_run_files WHERE id = $1`, [payrollFile.id]);
      expect(stored.encrypted).toBe(true);
      expect((stored.bytes as Buffer).includes(Buffer.from(IBANS[2]))).toBe(false);
      expect((stored.bytes as Buffer).includes(Buffer.from('payee_name'))).toBe(false);
      // Paid, the lines keep no IBAN copy: the encrypted payroll file is where the accounts stay.
      expect(
        await t.db.query(
          `SELECT count(*)::int AS n FROM fee_run_lines WHERE run_id = $1 AND iban_encrypted IS NOT NULL`,
          [runId],
        ),
      ).toEqual([{ n: 0 }]);

      // The payroll download is audited as a read of bank details; the run's lines never show an IBAN.
      const audit = await t.db
        .getRepository(AuditEventEntity)
        .findBy({ entityId: runId, action: 'fee_run.payroll_downloaded' });
      expect(audit).toHaveLength(1);
      const lines = await as(coordinator).get(`/fee-runs/${runId}/lines?limit=100`).expect(200);
      expect(JSON.stringify(lines.body)).not.toContain(IBANS[2]);
      expect(JSON.stringify(lines.body)).not.toContain('v1.');

      // The expert's own view: the paid line, the statement, this year's earnings.
      const mine = await as(token).get('/my-fees/statements').expect(200);
      expect(mine.body).toEqual([expect.objectContaining({ id: statementFile.id, runId, language: 'sv' })]);
      const own = await as(token).download(`/my-fees/statements/${statementFile.id}`).expect(200);
      expect((own.body as Buffer).equals(statement.body as Buffer)).toBe(true);
      // The headers the OpenAPI document promises for it.
      expect(own.headers.etag).toBe(`"${statementFile.sha256}"`);
      expect(own.headers['content-disposition']).toMatch(/^attachment; filename="/);
      // Another expert's download: as if it did not exist, the refusal audited.
      const stranger = await createExpert(t.db);
      const refused = await as(await login(t.http, stranger))
        .get(`/my-fees/statements/${statementFile.id}`)
        .expect(404);
      expect(refused.body.code).toBe('STATEMENT_NOT_FOUND');
      expect(
        await t.db.getRepository(AuditEventEntity).findBy({ entityId: statementFile.id, action: 'authz.denied' }),
      ).toEqual([expect.objectContaining({ actorId: stranger.id, entityType: 'fee_run_file' })]);
      const paid = await as(token).get('/my-fees/lines').expect(200);
      expect(paid.body.items).toEqual([
        expect.objectContaining({ claimId: draft.body.id, grossFeeCents: 8125, netCents: 10104 }),
      ]);
      const earnings = await as(token).get('/my-fees/earnings').expect(200);
      expect(earnings.body).toMatchObject({ year: 2026, paidFeesCents: 8125, ceilingCents: null, nearCeiling: false });

      // Paid is final: nothing moves it again, not even the database's own users.
      await as(coordinator).post(`/claims/${draft.body.id}/approve`).expect(409);
      await expect(t.db.query(`UPDATE claims SET status = 'approved' WHERE id = $1`, [draft.body.id])).rejects.toThrow(
        /paid claim never changes/,
      );
      await expect(
        t.db.query(`UPDATE claims SET paid_run_id = NULL, paid_at = NULL WHERE id = $1`, [draft.body.id]),
      ).rejects.toThrow(/paid claim never changes/);
      await payEverything();
      const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM fee_run_lines WHERE claim_id = $1`, [
        draft.body.id,
      ]);
      expect(count).toBe(1);
    });
  });

  describe('bad input', () => {
    let expert: TestUser;
    let token: string;

    beforeAll(async () => {
      expert = await createExpert(t.db);
      token = await login(t.http, expert);
    });

    const finished = (o: Partial<Parameters<typeof createFinishedAssignment>[2]> = {}) =>
      createFinishedAssignment(t.db, expert.id, { organisationId: unitId, createdBy: orderer.id, ...o });

    it('hides another expert’s assignment', async () => {
      const other = await createExpert(t.db);
      const theirs = await createFinishedAssignment(t.db, other.id, { organisationId: unitId, createdBy: orderer.id });
      const res = await as(token).post('/claims', { assignmentId: theirs }).expect(404);
      expect(res.body.code).toBe('ASSIGNMENT_NOT_FOUND');
    });

    it.each([
      [{ workedMinutes: -5 }, 400, 'VALIDATION_FAILED', 'workedMinutes'],
      [{ workedMinutes: 12.5 }, 400, 'VALIDATION_FAILED', 'workedMinutes'],
      [{ workedMinutes: 100000 }, 400, 'VALIDATION_FAILED', 'workedMinutes'],
      [{ trips: [{ from: 'A', to: 'B', km: 5000, date: '2026-10-18' }] }, 400, 'VALIDATION_FAILED', 'trips.0.km'],
      [{ trips: [{ from: 'A', to: 'B', km: -3, date: '2026-10-18' }] }, 400, 'VALIDATION_FAILED', 'trips.0.km'],
      [{ trips: [{ from: 'A', to: 'B', km: 12.55, date: '2026-10-18' }] }, 400, 'VALIDATION_FAILED', 'trips.0.km'],
      [{ trips: [{ from: '', to: 'B', km: 10, date: '2026-10-18' }] }, 400, 'VALIDATION_FAILED', 'trips.0.from'],
      [{ note: 'x'.repeat(2001) }, 400, 'VALIDATION_FAILED', 'note'],
      [{ wages: 1 }, 400, 'VALIDATION_FAILED', 'wages'],
    ])('refuses %j with %i %s naming %s', async (body, status, code, field) => {
      // Booked 2 h and 30 min of preparation: at most 3 h 30 min may be claimed.
      const assignmentId = await finished({ startsAt: '2026-10-18T07:00:00Z', endsAt: '2026-10-18T09:00:00Z' });
      const res = await as(token).post('/claims', { assignmentId, ...body });
      expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM claims WHERE assignment_id = $1`, [
        assignmentId,
      ]);
      expect(count).toBe(0);
    });

    it('refuses a change made on a version that is not a whole number from 1 up, naming version', async () => {
      const assignmentId = await finished({ startsAt: '2026-10-16T07:00:00Z', endsAt: '2026-10-16T09:00:00Z' });
      const claim = await as(token).post('/claims', { assignmentId }).expect(201);
      for (const version of ['1', 0, 1.5, -1, [1], { n: 1 }]) {
        const res = await as(token).patch(`/claims/${claim.body.id}`, { version, note: 'x' });
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
        expect(new Set(res.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set(['version']));
      }
      // Nor does a new claim take one.
      const other = await finished({ startsAt: '2026-10-15T07:00:00Z', endsAt: '2026-10-15T09:00:00Z' });
      const created = await as(token).post('/claims', { assignmentId: other, version: 1 }).expect(400);
      expect(new Set(created.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set(['version']));
      expect((await as(token).get(`/claims/${claim.body.id}`).expect(200)).body).toMatchObject({
        version: 1,
        note: '',
      });
    });

    it('refuses a receipt that is not a PDF, JPEG or PNG, and a cost on a submitted claim', async () => {
      const assignmentId = await finished({ startsAt: '2026-10-17T07:00:00Z', endsAt: '2026-10-17T09:00:00Z' });
      const claim = await as(token).post('/claims', { assignmentId }).expect(201);
      const upload = (bytes: Buffer, amountCents = '480') =>
        t.http
          .post(`/claims/${claim.body.id}/costs`)
          .set('authorization', `Bearer ${token}`)
          .field('kind', 'public_transport')
          .field('amountCents', amountCents)
          .attach('receipt', bytes, { filename: 'kuitti.pdf', contentType: 'application/pdf' });
      expect((await upload(Buffer.from('not a receipt at all')).expect(415)).body.code).toBe('UNSUPPORTED_FILE_TYPE');
      // Decimal notation only: Number() would have read '0x10' as 16, '0b1' as 1 and '' as 0.
      for (const amount of ['-480', '0x10', '0b1', ' 480', '', '4.5']) {
        const refused = await upload(samplePng(), amount).expect(400);
        expect(refused.body.errors.map((e: { field: string }) => e.field)).toContain('amountCents');
      }
      await as(token).post(`/claims/${claim.body.id}/submit`).expect(200);
      expect((await upload(samplePng()).expect(409)).body.code).toBe('CLAIM_STATUS_CONFLICT');
      const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM claim_costs WHERE claim_id = $1`, [
        claim.body.id,
      ]);
      expect(count).toBe(0);
    });

    it('lists a page of claims with their amounts in the same number of queries whatever its size', async () => {
      // Claims of its own, so that the larger page holds more than the smaller whatever ran before.
      for (const day of ['2026-10-11', '2026-10-12', '2026-10-13'])
        await claimWork(expert.id, day, {}, { status: 'submitted' });
      const count = async (limit: number) => {
        const { n, result } = await queriesOf(() => as(coordinator).get(`/claims?limit=${limit}`).expect(200));
        return { n, items: result.body.items as { amounts: unknown }[] };
      };
      const few = await count(2);
      const many = await count(20);
      expect(many.items.length).toBeGreaterThan(few.items.length);
      // Some pages need one lookup fewer (e.g. no claim on them lacks what it fetches); none need more.
      expect(many.n).toBeLessThanOrEqual(few.n);
      expect(many.items.filter((c) => c.amounts !== null).length).toBeGreaterThan(2);
    });

    it('hides another expert’s claim and its receipt', async () => {
      const assignmentId = await finished({ startsAt: '2026-10-16T07:00:00Z', endsAt: '2026-10-16T09:00:00Z' });
      const claim = await as(token).post('/claims', { assignmentId }).expect(201);
      const stranger = await login(t.http, await createExpert(t.db));
      expect((await as(stranger).get(`/claims/${claim.body.id}`).expect(404)).body.code).toBe('CLAIM_NOT_FOUND');
      await as(stranger).patch(`/claims/${claim.body.id}`, { note: 'x' }).expect(404);
      await as(stranger).post(`/claims/${claim.body.id}/submit`).expect(404);
      const list = await as(stranger).get('/claims').expect(200);
      expect(list.body.items).toEqual([]);
    });
  });

  describe('fee runs', () => {
    it('starts one run of two started at the same moment', async () => {
      const results = await Promise.all([1, 2].map(() => as(coordinator).post('/fee-runs', { upTo: '2026-10-21' })));
      expect(results.map((r) => r.status).sort()).toEqual([202, 409]);
      const refused = results.find((r) => r.status === 409)!;
      expect(refused.body.code).toBe('FEE_RUN_IN_PROGRESS');
      const id = results.find((r) => r.status === 202)!.body.id;
      await runReaches(id, 'computed');
      const third = await as(coordinator).post('/fee-runs', { upTo: '2026-10-21' }).expect(409);
      expect(third.body.code).toBe('FEE_RUN_IN_PROGRESS');
      await as(coordinator).post(`/fee-runs/${id}/export`).expect(409);
      await as(coordinator).post(`/fee-runs/${id}/retry`).expect(409);
      await as(coordinator).post(`/fee-runs/${id}/approve`).expect(200);
      await as(coordinator).post(`/fee-runs/${id}/approve`).expect(409);
      await as(coordinator).post(`/fee-runs/${id}/export`).expect(202);
      await runReaches(id, 'exported');
    });

    it('refuses a run up to a day in the future', async () => {
      const res = await as(coordinator).post('/fee-runs', { upTo: '2026-10-22' }).expect(400);
      expect(res.body.errors[0].field).toBe('upTo');
    });

    it('needs two different coordinators with four eyes', async () => {
      await as(coordinator).patch('/fee-settings', { fourEyesApproval: true }).expect(200);
      try {
        const { body } = await as(coordinator).post('/fee-runs', { upTo: '2026-10-21' }).expect(202);
        await runReaches(body.id, 'computed');
        const first = await as(coordinator).post(`/fee-runs/${body.id}/approve`).expect(200);
        expect(first.body).toMatchObject({ status: 'computed', approvedBy: null });
        expect((await as(coordinator).post(`/fee-runs/${body.id}/approve`).expect(409)).body.code).toBe(
          'FEE_RUN_SECOND_APPROVER_REQUIRED',
        );
        await as(coordinator).post(`/fee-runs/${body.id}/export`).expect(409);
        const second = await as(coordinator2).post(`/fee-runs/${body.id}/approve`).expect(200);
        expect(second.body.status).toBe('approved');
        expect(second.body.firstApprovedBy).not.toBe(second.body.approvedBy);
        await as(coordinator2).post(`/fee-runs/${body.id}/export`).expect(202);
        await runReaches(body.id, 'exported');
      } finally {
        await as(coordinator).patch('/fee-settings', { fourEyesApproval: false }).expect(200);
      }
    });

    it('takes the first approver’s second approval once four eyes is switched off between the two', async () => {
      await as(coordinator).patch('/fee-settings', { fourEyesApproval: true }).expect(200);
      let id = '';
      try {
        const { body } = await as(coordinator).post('/fee-runs', { upTo: '2026-10-21' }).expect(202);
        id = body.id;
        await runReaches(id, 'computed');
        await as(coordinator).post(`/fee-runs/${id}/approve`).expect(200);
      } finally {
        await as(coordinator).patch('/fee-settings', { fourEyesApproval: false }).expect(200);
      }
      const approved = await as(coordinator).post(`/fee-runs/${id}/approve`).expect(200);
      expect(approved.body).toMatchObject({
        status: 'approved',
        approvedBy: expect.any(String),
        firstApprovedBy: null,
      });
      await as(coordinator).post(`/fee-runs/${id}/export`).expect(202);
      await runReaches(id, 'exported');
    });

    it('fails on a claim it cannot price, naming it, and resumes after a retry', async () => {
      const expert = await createExpert(t.db);
      await setPaymentDetails(t.db, expert.id);
      const good = await claimWork(expert.id, '2026-10-05');
      // No rate was in force in 2024; only bypassing the API can approve such a claim.
      const bad = await claimWork(expert.id, '2024-06-03');
      try {
        const { body } = await as(coordinator).post('/fee-runs', { upTo: '2026-10-21' }).expect(202);
        const failed = await runReaches(body.id, 'failed');
        expect(failed).toMatchObject({
          status: 'failed',
          lineCount: 0,
          error: { code: 'RATE_NOT_FOUND', claimId: bad },
        });
        expect((await as(coordinator).post('/fee-runs', { upTo: '2026-10-21' }).expect(409)).body.code).toBe(
          'FEE_RUN_IN_PROGRESS',
        );
        await t.db.query(`UPDATE claims SET status = 'submitted', decided_by = NULL, decided_at = NULL WHERE id = $1`, [
          bad,
        ]);
        await as(coordinator).post(`/fee-runs/${body.id}/retry`).expect(202);
        const computed = await runReaches(body.id, 'computed');
        expect(computed).toMatchObject({ status: 'computed', error: null, executions: 2 });
        const lines = await as(coordinator).get(`/fee-runs/${body.id}/lines?limit=100`).expect(200);
        expect(lines.body.items.map((l: { claimId: string }) => l.claimId)).toContain(good);
        await as(coordinator).post(`/fee-runs/${body.id}/approve`).expect(200);
        await as(coordinator).post(`/fee-runs/${body.id}/export`).expect(202);
        await runReaches(body.id, 'exported');
      } finally {
        await t.db.query(
          `UPDATE claims SET status = 'submitted', decided_by = NULL, decided_at = NULL WHERE id = $1 AND status = 'approved'`,
          [bad],
        );
      }
    });

    it('leaves a claim whose payee has no bank account for a later run', async () => {
      const expert = await createExpert(t.db);
      const claimId = await claimWork(expert.id, '2026-10-06');
      const first = await payEverything();
      expect(first.body.skippedCount).toBeGreaterThanOrEqual(1);
      const [{ status }] = await t.db.query(`SELECT status FROM claims WHERE id = $1`, [claimId]);
      expect(status).toBe('approved');
      await setPaymentDetails(t.db, expert.id, { taxPercent: null });
      const second = await payEverything();
      const [after] = await t.db.query(`SELECT status, paid_run_id FROM claims WHERE id = $1`, [claimId]);
      expect(after).toEqual({ status: 'paid', paid_run_id: second.id });
      const line = await t.db.query(
        `SELECT withholding_cents, gross_fee_cents, tax_percent FROM fee_run_lines WHERE claim_id = $1`,
        [claimId],
      );
      // No tax card: 60 % of 2 h 30 min at 25 €/h, and the line says 60 % was withheld.
      expect(line).toEqual([{ gross_fee_cents: 6250, withholding_cents: 3750, tax_percent: '60.00' }]);
    });

    it('withholds 60 % without a tax card for the payment’s year and the statement says no tax card; line, CSV and statement agree to the cent', async () => {
      // A tax card for 2025 is none for a run paid in 2026 (the card of the payment's year counts).
      const noCard = await createExpert(t.db, { name: 'Niilo Nokkonen', language: Language.Fi });
      await setPaymentDetails(t.db, noCard.id, { iban: IBANS[3], taxPercent: 12.5, taxCardYear: 2025 });
      const withCard = await createExpert(t.db, { name: 'Kerttu Korttinen', language: Language.Fi });
      await setPaymentDetails(t.db, withCard.id, { iban: IBANS[2], taxPercent: 7.25, taxCardYear: 2026 });
      // 2 h 10 min, no preparation: 9 started quarter hours at 25 €/h = 56.25 €; 12.5 km in 2026 at 0.55 €/km =
      // 6.875 € -> 6.88 €. 60 % of 56.25 € = 33.75 €; 7.25 % of it = 4.078125 € -> 4.08 €.
      const a = await claimWork(
        noCard.id,
        '2026-10-14',
        {},
        { workedMinutes: 130, preparationMinutes: 0, kmTenths: 125 },
      );
      const b = await claimWork(
        withCard.id,
        '2026-10-14',
        {},
        { workedMinutes: 130, preparationMinutes: 0, kmTenths: 125 },
      );
      const { id } = await payEverything();
      const lines = await t.db.query(
        `SELECT claim_id, gross_fee_cents, car_travel_cents, withholding_cents, net_cents, tax_percent, tax_card_missing
           FROM fee_run_lines WHERE claim_id IN ($1, $2) ORDER BY gross_fee_cents - withholding_cents`,
        [a, b],
      );
      expect(lines).toEqual([
        {
          claim_id: a,
          gross_fee_cents: 5625,
          car_travel_cents: 688,
          withholding_cents: 3375,
          net_cents: 2938,
          tax_percent: '60.00',
          tax_card_missing: true,
        },
        {
          claim_id: b,
          gross_fee_cents: 5625,
          car_travel_cents: 688,
          withholding_cents: 408,
          net_cents: 5905,
          tax_percent: '7.25',
          tax_card_missing: false,
        },
      ]);
      const files = (await as(coordinator).get(`/fee-runs/${id}/files`).expect(200)).body as {
        id: string;
        kind: string;
        expertId: string | null;
      }[];
      const csv = await as(coordinator)
        .download(`/fee-runs/${id}/files/${files.find((f) => f.kind === 'payroll_csv')!.id}`)
        .expect(200);
      const rows = parseCsv((csv.body as Buffer).toString('utf8'));
      for (const [expert, claimId, percent, heading] of [
        [noCard.id, a, '60.00', 'Ei verokorttia tälle vuodelle: 60 %'],
        [withCard.id, b, '7.25', 'Verokortin mukaan 7,25 %'],
      ]) {
        const [line] = lines.filter((l: { claim_id: string }) => l.claim_id === claimId);
        const own = rows.filter((r) => r.claim_id === claimId);
        expect(own.map((r) => [r.line_kind, r.amount, r.tax_percent])).toEqual([
          ['fee', '56.25', percent],
          ['car_travel', '6.88', ''],
        ]);
        const sum = (column: string) => own.reduce((total, r) => total + cents(r[column]), 0);
        expect(sum('withholding')).toBe(line.withholding_cents);
        expect(sum('net_payable')).toBe(line.net_cents);
        const statement = await as(coordinator)
          .download(`/fee-runs/${id}/files/${files.find((f) => f.kind === 'statement' && f.expertId === expert)!.id}`)
          .expect(200);
        const text = await pdfCells(statement.body as Buffer);
        expect(text).toContain(heading);
        if (expert === noCard.id) expect(text).not.toContain('Verokortin mukaan');
        const total = /Yhteensä\|([^|]+)\|([^|]+)\|([^|]+)\|([^|]+)\|([^|]+)/.exec(text)!;
        expect([cents(total[2]), cents(total[3]), cents(total[4]), cents(total[5])]).toEqual([
          line.gross_fee_cents,
          line.car_travel_cents,
          line.withholding_cents,
          line.net_cents,
        ]);
      }
    });

    it('returns, corrects and approves a claim over the new year; approved and paid, its numbers never change', async () => {
      const expert = await createExpert(t.db, { name: 'Uuno Uudenvuoden' });
      await setPaymentDetails(t.db, expert.id, { taxPercent: 10, taxCardYear: 2026 });
      // Sent on time (the factory's submitted claim), the coordinator returns it with a reason.
      const claimId = await claimWork(expert.id, '2025-12-31', {}, { status: 'submitted' });
      const token = await login(t.http, expert);
      await as(coordinator).post(`/claims/${claimId}/return`, { reason: 'Lisää paluumatka.' }).expect(200);
      // The correction: 2 h 10 min and the booked 30 min of preparation, out on 31.12 and back on 1.1.
      const corrected = await as(token)
        .patch(`/claims/${claimId}`, {
          workedMinutes: 130,
          trips: [
            { from: 'Närpiö', to: 'Vaasa', km: 30, date: '2025-12-31' },
            { from: 'Vaasa', to: 'Närpiö', km: 30, date: '2026-01-01' },
          ],
        })
        .expect(200);
      expect(corrected.body).toMatchObject({ status: 'returned', returnReason: 'Lisää paluumatka.' });
      await as(token).post(`/claims/${claimId}/submit`).expect(200);
      const approved = await as(coordinator).post(`/claims/${claimId}/approve`).expect(200);
      // 160 min: 11 started quarter hours at 25 €/h = 68.75 €; 30 km at 0.59 € (2025) + 30 km at 0.55 € (2026) =
      // 34.20 €; 10 % of 68.75 € = 6.875 € -> 6.88 €; paid 68.75 - 6.88 + 34.20 = 96.07 €.
      const amounts = { grossFeeCents: 6875, carTravelCents: 3420, withholdingCents: 688, netPayableCents: 9607 };
      expect(approved.body).toMatchObject({ status: 'approved', returnReason: null, amounts });

      // Approved: the expert changes nothing more, over the API or around it.
      const refusedEdit = await as(token).patch(`/claims/${claimId}`, { workedMinutes: 100 }).expect(409);
      expect(refusedEdit.body.code).toBe('CLAIM_STATUS_CONFLICT');
      await t.http
        .post(`/claims/${claimId}/costs`)
        .set('authorization', `Bearer ${token}`)
        .field('kind', 'parking')
        .field('amountCents', '300')
        .attach('receipt', samplePng(), { filename: 'kuitti.png', contentType: 'image/png' })
        .expect(409);
      await expect(t.db.query(`UPDATE claims SET worked_minutes = 600 WHERE id = $1`, [claimId])).rejects.toThrow(
        /numbers of an approved claim never change/,
      );
      await expect(
        t.db.query(`UPDATE claims SET trips = jsonb_set(trips, '{1,date}', '"2025-12-31"') WHERE id = $1`, [claimId]),
      ).rejects.toThrow(/numbers of an approved claim never change/);

      const { id } = await payEverything();
      const [line] = await t.db.query(
        `SELECT run_id, gross_fee_cents, car_travel_cents, withholding_cents, net_cents FROM fee_run_lines WHERE claim_id = $1`,
        [claimId],
      );
      expect(line).toEqual({
        run_id: id,
        gross_fee_cents: amounts.grossFeeCents,
        car_travel_cents: amounts.carTravelCents,
        withholding_cents: amounts.withholdingCents,
        net_cents: amounts.netPayableCents,
      });
      // Paid: still nothing, but the words may be erased (the expert's note, PRODUCT §6).
      await as(token).patch(`/claims/${claimId}`, { note: 'Muutos' }).expect(409);
      await expect(t.db.query(`UPDATE claims SET work_date = '2026-01-01' WHERE id = $1`, [claimId])).rejects.toThrow(
        /numbers of an approved claim never change/,
      );
      await t.db.query(`UPDATE claims SET note = '' WHERE id = $1`, [claimId]);
    });

    it('adds a cost once for a form sent again with its Idempotency-Key: the receipt is not paid twice', async () => {
      const expert = await createExpert(t.db, { name: 'Kerttu Kahdesti' });
      const claimId = await claimWork(expert.id, '2026-10-09', {}, { status: 'draft' });
      const token = await login(t.http, expert);
      const addCost = (key: string | undefined, amountCents = 480) => {
        const req = t.http
          .post(`/claims/${claimId}/costs`)
          .set('authorization', `Bearer ${token}`)
          .field('kind', 'public_transport')
          .field('amountCents', String(amountCents))
          .attach('receipt', samplePng(), { filename: 'kuitti.png', contentType: 'image/png' });
        return key === undefined ? req : req.set('Idempotency-Key', key);
      };
      const costs = async () =>
        (
          (await t.db.query(`SELECT amount_cents FROM claim_costs WHERE claim_id = $1 ORDER BY amount_cents`, [
            claimId,
          ])) as { amount_cents: number }[]
        ).map((c) => c.amount_cents);
      const receipts = async () =>
        (
          (await t.db.query(`SELECT count(*)::int AS n FROM stored_files WHERE owner_id = $1`, [expert.id])) as {
            n: number;
          }[]
        )[0].n;
      // The first answer lost; the form sent again: the claim as it is, with the one cost.
      const first = await addCost('cost-form-1').expect(201);
      const again = await addCost('cost-form-1').expect(201);
      expect(again.body.costs).toEqual(first.body.costs);
      expect(again.body.amounts).toEqual(first.body.amounts);
      expect(await costs()).toEqual([480]);
      expect(await receipts()).toBe(1);
      // Three sends of the next form at once (a triple tap on a slow line): one cost more.
      await Promise.all([1, 2, 3].map(() => addCost('cost-form-2', 300).expect(201)));
      expect(await costs()).toEqual([300, 480]);
      expect(await receipts()).toBe(2);
      // Without a key, a second send is a second cost.
      await addCost(undefined, 125).expect(201);
      await addCost(undefined, 125).expect(201);
      expect(await costs()).toEqual([125, 125, 300, 480]);
      // A bad key is refused naming the header, and adds nothing.
      const bad = await addCost('kuitti-ä').expect(400);
      expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'Idempotency-Key' }] });
      expect(await costs()).toHaveLength(4);
    });

    it('pays public transport, parking and other costs on rows of their own that add up to the line’s costs', async () => {
      const expert = await createExpert(t.db, { name: 'Kalle Kuitti' });
      await setPaymentDetails(t.db, expert.id, { taxPercent: 10, taxCardYear: 2026 });
      const claimId = await claimWork(expert.id, '2026-10-09', {}, { status: 'draft' });
      const token = await login(t.http, expert);
      for (const [kind, amountCents] of [
        ['public_transport', 480],
        ['parking', 300],
        ['public_transport', 320],
        ['other', 125],
      ] as const) {
        await t.http
          .post(`/claims/${claimId}/costs`)
          .set('authorization', `Bearer ${token}`)
          .field('kind', kind)
          .field('amountCents', String(amountCents))
          .attach('receipt', samplePng(), { filename: 'kuitti.png', contentType: 'image/png' })
          .expect(201);
      }
      await as(token).post(`/claims/${claimId}/submit`).expect(200);
      await as(coordinator).post(`/claims/${claimId}/approve`).expect(200);
      const { id } = await payEverything();
      const files = (await as(coordinator).get(`/fee-runs/${id}/files`).expect(200)).body as {
        id: string;
        kind: string;
      }[];
      const csv = await as(coordinator)
        .download(`/fee-runs/${id}/files/${files.find((f) => f.kind === 'payroll_csv')!.id}`)
        .expect(200);
      const rows = parseCsv((csv.body as Buffer).toString('utf8')).filter((r) => r.claim_id === claimId);
      expect(rows.map((r) => [r.line_kind, r.amount, r.withholding, r.net_payable])).toEqual([
        ['fee', expect.any(String), expect.any(String), expect.any(String)],
        ['public_transport', '8.00', '0.00', '8.00'],
        ['parking', '3.00', '0.00', '3.00'],
        ['other_costs', '1.25', '0.00', '1.25'],
      ]);
      const [line] = await t.db.query(
        `SELECT costs_cents, travel_and_costs_cents, net_cents, public_transport_cents, parking_cents, other_costs_cents
           FROM fee_run_lines WHERE claim_id = $1`,
        [claimId],
      );
      expect(line).toMatchObject({
        costs_cents: 1225,
        travel_and_costs_cents: 1225,
        public_transport_cents: 800,
        parking_cents: 300,
        other_costs_cents: 125,
      });
      const sum = (column: string, kinds: string[]) =>
        rows.filter((r) => kinds.includes(r.line_kind)).reduce((s, r) => s + cents(r[column]), 0);
      expect(sum('amount', TRAVEL_KINDS)).toBe(line.travel_and_costs_cents);
      expect(sum('net_payable', ['fee', ...TRAVEL_KINDS])).toBe(line.net_cents);
    });

    it('pays an association without withholding and tells the volunteer who declined only travel', async () => {
      const member = await createExpert(t.db, { name: 'Bertil Berg' });
      await setPaymentDetails(t.db, member.id, { payee: 'association' });
      const volunteer = await createExpert(t.db, { name: 'Vappu Vapaaehtoinen' });
      await setPaymentDetails(t.db, volunteer.id, { declinesFee: true });
      const a = await claimWork(member.id, '2026-10-07', { taskType: 'lecture', endsAt: '2026-10-07T08:00:00Z' });
      const v = await claimWork(volunteer.id, '2026-10-08', {}, { kmTenths: 200 });
      const { id } = await payEverything();
      const files = (await as(coordinator).get(`/fee-runs/${id}/files`).expect(200)).body as {
        id: string;
        kind: string;
        expertId: string;
      }[];
      const csv = await as(coordinator)
        .download(`/fee-runs/${id}/files/${files.find((f) => f.kind === 'payroll_csv')!.id}`)
        .expect(200);
      const rows = parseCsv((csv.body as Buffer).toString('utf8'));
      expect(rows.filter((r) => r.claim_id === a)).toEqual([
        expect.objectContaining({
          line_kind: 'fee',
          payee_type: 'association',
          payee_name: 'Mielenterveysyhdistys Vaasa ry',
          payee_business_id: '1572860-0',
          iban: IBANS[1],
          income_type: '214',
          amount: '150.00',
          tax_percent: '',
          withholding: '0.00',
          net_payable: '150.00',
        }),
      ]);
      // The volunteer's claim has no fee row: only the kilometre allowance, on its own row.
      expect(rows.filter((r) => r.claim_id === v)).toEqual([
        expect.objectContaining({
          payee_type: 'declined',
          line_kind: 'car_travel',
          income_type: '',
          amount: '11.00',
          withholding: '0.00',
          net_payable: '11.00',
          iban: IBANS[0],
        }),
      ]);
      const summary = await as(coordinator)
        .download(`/fee-runs/${id}/files/${files.find((f) => f.kind === 'cost_centre_summary')!.id}`)
        .expect(200);
      expect((summary.body as Buffer).toString('utf8')).toMatch(/^cost_centre,organisation_code,/);
      const statement = await as(coordinator)
        .download(`/fee-runs/${id}/files/${files.find((f) => f.expertId === member.id)!.id}`)
        .expect(200);
      expect(await pdfCells(statement.body as Buffer)).toContain(
        'Palkkio maksetaan yhdistykselle Mielenterveysyhdistys Vaasa ry',
      );
      // Fees paid to an association are not the expert's earnings.
      const earnings = await as(await login(t.http, member))
        .get('/my-fees/earnings')
        .expect(200);
      expect(earnings.body.paidFeesCents).toBe(0);
    });
  });

  describe('rates and settings', () => {
    it('adds a dated rate through the API and lists it in the schedule', async () => {
      // A day far ahead, different on every run of the suite against the same database.
      const day = new Date(
        Date.UTC(
          2040 + Math.floor(Math.random() * 50),
          Math.floor(Math.random() * 12),
          1 + Math.floor(Math.random() * 28),
        ),
      )
        .toISOString()
        .slice(0, 10);
      const added = await as(coordinator)
        .post('/fee-schedule', { taskType: 'evaluation', basis: 'hourly', rateCents: 2800, validFrom: day })
        .expect(201);
      expect(added.body).toMatchObject({ taskType: 'evaluation', basis: 'hourly', rateCents: 2800, validFrom: day });
      const schedule = await as(orderer.token).get('/fee-schedule').expect(200);
      expect(schedule.body).toEqual(expect.arrayContaining([added.body]));
    });

    it('never rewrites a year’s kilometre rate that approved claims stand on; a year not yet used is corrected', async () => {
      const expert = await createExpert(t.db);
      const put = (carCentsPerKm: number) =>
        t.http.put('/travel-rates/2033').set('authorization', `Bearer ${admin}`).send({ carCentsPerKm });
      await put(61).expect(200);
      const claimId = await claimWork(expert.id, '2033-03-01', {}, { status: 'submitted', kmTenths: 100 });
      await put(62).expect(200);
      await t.db.query(`UPDATE claims SET status = 'approved', decided_by = $2, decided_at = now() WHERE id = $1`, [
        claimId,
        orderer.id,
      ]);
      expect((await put(63).expect(409)).body.code).toBe('TRAVEL_RATE_IN_USE');
      await put(62).expect(200);
      expect((await as(admin).get('/travel-rates').expect(200)).body).toContainEqual({ year: 2033, carCentsPerKm: 62 });
    });

    it('lets the admin set a year’s kilometre rate and the coordinator the claim time limit', async () => {
      expect((await as(admin).get('/travel-rates').expect(200)).body).toEqual(
        expect.arrayContaining([
          { year: 2025, carCentsPerKm: 59 },
          { year: 2026, carCentsPerKm: 55 },
        ]),
      );
      const set = await t.http
        .put('/travel-rates/2027')
        .set('authorization', `Bearer ${admin}`)
        .send({ carCentsPerKm: 57 })
        .expect(200);
      expect(set.body).toEqual({ year: 2027, carCentsPerKm: 57 });
      const bad = await t.http
        .put('/travel-rates/1999')
        .set('authorization', `Bearer ${admin}`)
        .send({ carCentsPerKm: 57 })
        .expect(400);
      expect(bad.body.errors[0].field).toBe('year');
      const settings = await as(coordinator).patch('/fee-settings', { claimTimeLimitDays: 90 }).expect(200);
      expect(settings.body).toEqual({ claimTimeLimitDays: 90, fourEyesApproval: false, claimFourEyesAboveCents: null });
      await as(coordinator).patch('/fee-settings', { claimTimeLimitDays: 60 }).expect(200);
      // Saved as it was: nothing written, not even an audit row.
      const audited = `SELECT count(*)::int AS n FROM audit_events WHERE action = 'fee_settings.updated'`;
      const [{ n: auditedBefore }] = (await t.db.query(audited)) as { n: number }[];
      const unchanged = await as(coordinator).patch('/fee-settings', {}).expect(200);
      expect(unchanged.body).toMatchObject({ claimTimeLimitDays: 60 });
      await expect(t.db.query(audited)).resolves.toEqual([{ n: auditedBefore }]);
      expect((await as(coordinator).patch('/fee-settings', { claimTimeLimitDays: 0 }).expect(400)).body.code).toBe(
        'VALIDATION_FAILED',
      );
      await as(admin).patch('/fee-settings', { claimTimeLimitDays: 90 }).expect(403);
    });
  });

  describe('reports', () => {
    it('shows an orderer only their own units’ spend, and the coordinator everything', async () => {
      const all = await as(coordinator).get('/reports/spend?year=2026').expect(200);
      const ours = all.body.rows.filter((r: { organisationId: string }) => r.organisationId === unitId);
      expect(ours.length).toBeGreaterThan(0);
      expect(ours[0]).toMatchObject({ code: unitCode, month: '2026-10' });
      expect(ours[0].totalCents).toBe(ours[0].feesCents + ours[0].travelAndCostsCents);
      const stranger = await createUser(t.db, Role.Orderer);
      const other = await createUnit(t.db);
      await addMember(t.db, other.id, stranger.id);
      const theirs = await as(await login(t.http, stranger))
        .get('/reports/spend?year=2026')
        .expect(200);
      expect(theirs.body.rows).toEqual([]);
      const own = await as(orderer.token).get('/reports/spend?year=2026').expect(200);
      expect(own.body.rows.every((r: { organisationId: string }) => r.organisationId === unitId)).toBe(true);
    });

    // The test database outlives a run of the suite, so the counts are compared before and after.
    it('counts hours per task type and topic, unfilled requests per topic and language, and experts near their ceiling', async () => {
      const hoursOf = async () => {
        const res = await as(coordinator).get('/reports/hours?year=2026').expect(200);
        return (
          res.body.rows.find(
            (r: { taskType: string; topic: string }) => r.taskType === 'evaluation' && r.topic === 'ageing',
          ) ?? { claims: 0, minutes: 0 }
        );
      };
      const hoursBefore = await hoursOf();
      const worker = await createExpert(t.db);
      await claimWork(
        worker.id,
        '2026-10-10',
        { taskType: 'evaluation', topics: ['ageing', 'disability'] },
        { status: 'submitted', workedMinutes: 100, preparationMinutes: 20 },
      );
      expect(await hoursOf()).toMatchObject({ claims: hoursBefore.claims, minutes: hoursBefore.minutes });
      await t.db.query(
        `UPDATE claims SET status = 'approved', decided_by = $2, decided_at = '2026-10-11T08:00:00Z' WHERE expert_id = $1`,
        [worker.id, orderer.id],
      );
      expect(await hoursOf()).toMatchObject({
        claims: hoursBefore.claims + 1,
        minutes: hoursBefore.minutes + 120,
        hours: (hoursBefore.minutes + 120) / 60,
      });

      const unfilledOf = async () => {
        const res = await as(coordinator).get('/reports/unfilled?year=2026').expect(200);
        return (
          res.body.rows.find(
            (r: { topic: string; language: string }) => r.topic === 'bereavement' && r.language === 'sv',
          ) ?? { requests: 0, missingExperts: 0 }
        );
      };
      const unfilledBefore = await unfilledOf();

      await as(orderer.token)
        .post('/booking-requests', {
          organisationId: unitId,
          taskType: 'lecture',
          title: 'Ingen hittades',
          startsAt: '2026-11-20T07:00:00Z',
          endsAt: '2026-11-20T08:00:00Z',
          remote: true,
          languages: ['sv'],
          topics: ['bereavement'],
          expertsNeeded: 2,
        })
        .expect(201)
        .then((r) => as(orderer.token).post(`/booking-requests/${r.body.id}/submit`).expect(200));
      expect(await unfilledOf()).toEqual({
        topic: 'bereavement',
        language: 'sv',
        requests: unfilledBefore.requests + 1,
        missingExperts: unfilledBefore.missingExperts + 2,
      });

      const near = await createExpert(t.db, { name: 'Nelli Lähellä', yearlyEarningsCeilingCents: 8000 });
      await setPaymentDetails(t.db, near.id);
      await claimWork(
        near.id,
        '2026-10-09',
        { endsAt: '2026-10-09T10:00:00Z', preparationMinutes: 0 },
        { workedMinutes: 180, preparationMinutes: 0 },
      );
      await payEverything();
      const earnings = await as(coordinator).get('/reports/earnings?year=2026').expect(200);
      expect(earnings.body.rows.find((r: { expertId: string }) => r.expertId === near.id)).toEqual({
        expertId: near.id,
        name: 'Nelli Lähellä',
        paidFeesCents: 7500,
        ceilingCents: 8000,
        remainingCents: 500,
        nearCeiling: true,
        overCeiling: false,
      });
      const own = await as(await login(t.http, near))
        .get('/my-fees/earnings?year=2026')
        .expect(200);
      expect(own.body).toEqual({
        year: 2026,
        paidFeesCents: 7500,
        ceilingCents: 8000,
        remainingCents: 500,
        nearCeiling: true,
        overCeiling: false,
      });
    });
  });
});
