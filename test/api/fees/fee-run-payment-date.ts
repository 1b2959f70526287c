import { Language } from '../../../src/common/i18n/language';
import { createExpert } from '../../factories/experts.factory';
import { claimWorkOn, setPaymentDetails, settleOpenFeeRuns } from '../../factories/fees.factory';
import { login, TestUser } from '../../factories/users.factory';
import { asUser } from '../../utils/as-user';
import { parseCsv, pdfCells } from '../../utils/documents';
import { feeRunReaches, oneApproverFeeRuns } from '../../utils/fee-runs';
import { createTestApp, TestApp } from '../../utils/test-app';

// 20 Oct 2026 21:30 UTC is already 21 Oct, 00:30, in Helsinki: "today" is the county's day, not UTC's.
const HELSINKI_MIDNIGHT = '2026-10-20T21:30:00Z';
// Up to a day long before any claim: the runs of the date's own tests pay nothing.
const NOTHING_UP_TO = '2001-01-31';

// A fee run's planned payment day: today in Helsinki unless given, refused in the past or more than 366 days ahead,
// and the tax cards of its year are the ones that count (a run started in December and paid in January withholds by
// the January year's card).
describe('a fee run’s payment date', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let token: string;
  let ordererId: string;
  let unitId: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(HELSINKI_MIDNIGHT);
    const given = await oneApproverFeeRuns(t);
    coordinator = given.coordinator;
    ordererId = given.orderer.id;
    unitId = given.unitId;
    token = await login(t.http, coordinator);
  });
  afterEach(() => settleOpenFeeRuns(t.db));
  afterAll(() => t.close());

  const as = asUser(() => t.http);
  const taxYear = async (runId: string) =>
    (await t.db.query(`SELECT tax_year FROM fee_runs WHERE id = $1`, [runId]))[0].tax_year as number;

  it('is today in Helsinki when the start leaves it out', async () => {
    const started = await as(token).post('/fee-runs', { upTo: NOTHING_UP_TO }).expect(202);
    const run = await as(token).get(`/fee-runs/${started.body.id}`).expect(200);
    expect(run.body.paymentDate).toBe('2026-10-21');
    expect(await taxYear(started.body.id)).toBe(2026);
  });

  it('is the day given, up to 366 days ahead, and gives the run its tax year', async () => {
    const started = await as(token).post('/fee-runs', { upTo: NOTHING_UP_TO, paymentDate: '2027-10-22' }).expect(202);
    const run = await as(token).get(`/fee-runs/${started.body.id}`).expect(200);
    expect(run.body.paymentDate).toBe('2027-10-22');
    expect(await taxYear(started.body.id)).toBe(2027);
    const list = await as(token).get('/fee-runs').expect(200);
    expect(list.body.items.find((r: { id: string }) => r.id === started.body.id).paymentDate).toBe('2027-10-22');
  });

  it.each([
    ['a day that does not exist', '2026-02-30', undefined],
    ['a Finnish way of writing it', '21.10.2026', undefined],
    ['a number', 20261021, undefined],
    ['yesterday in Helsinki (still today in UTC)', '2026-10-20', 'beforeToday'],
    ['367 days ahead', '2027-10-23', 'tooFarAhead'],
  ])('refuses %s, naming paymentDate, and starts no run', async (_label, paymentDate, code) => {
    const [{ before }] = await t.db.query(`SELECT count(*)::int AS before FROM fee_runs`);
    const res = await as(token).post('/fee-runs', { upTo: NOTHING_UP_TO, paymentDate }).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['paymentDate']));
    expect(res.body.errors.every((e: { field: string }) => e.field === 'paymentDate')).toBe(true);
    if (code) expect(res.body.errors[0].code).toBe(code);
    const [{ after }] = await t.db.query(`SELECT count(*)::int AS after FROM fee_runs`);
    expect(after).toBe(before);
  });

  it('withholds by the tax card of the payment’s year: started on 30 December, paid in January', async () => {
    t.clock.set('2026-12-30T10:00:00Z');
    // Sessions follow the app's clock: signed in again on the day.
    const onTheDay = await login(t.http, coordinator);
    try {
      const newCard = await createExpert(t.db, { name: 'Tammi Tammikuinen', language: Language.Fi });
      await setPaymentDetails(t.db, newCard.id, { taxPercent: 10, taxCardYear: 2027 });
      const oldCard = await createExpert(t.db, { name: 'Joulu Joulukuinen', language: Language.Fi });
      await setPaymentDetails(t.db, oldCard.id, { taxPercent: 12.5, taxCardYear: 2026 });
      // Each: 2 h of work on 28 December, no preparation, no travel: 8 quarter hours at 25 €/h = 50.00 €.
      // Paid on 5 January 2027, the 2027 cards count:
      // - the 2027 card of 10 %: 5.00 € withheld, 45.00 € paid (by the year of the start, 2026: no card, 60 %);
      // - only a 2026 card: none for 2027, 60 % = 30.00 € withheld, 20.00 € paid (by 2026: 12.5 % = 6.25 €).
      const unit = { organisationId: unitId, createdBy: ordererId };
      const work = { workedMinutes: 120, preparationMinutes: 0, kmTenths: 0 };
      const newClaim = await claimWorkOn(t.db, unit, newCard.id, '2026-12-28', {}, work);
      const oldClaim = await claimWorkOn(t.db, unit, oldCard.id, '2026-12-28', {}, work);

      const started = await as(onTheDay)
        .post('/fee-runs', { upTo: '2026-12-30', paymentDate: '2027-01-05' })
        .expect(202);
      const id = started.body.id as string;
      expect((await feeRunReaches(as, onTheDay, id, 'computed', 60_000)).status).toBe('computed');
      expect(await taxYear(id)).toBe(2027);
      const lines = await t.db.query(
        `SELECT claim_id, gross_fee_cents, withholding_cents, net_cents, tax_percent, tax_card_missing
           FROM fee_run_lines WHERE run_id = $1 AND claim_id IN ($2, $3) ORDER BY withholding_cents`,
        [id, newClaim, oldClaim],
      );
      expect(lines).toEqual([
        {
          claim_id: newClaim,
          gross_fee_cents: 5000,
          withholding_cents: 500,
          net_cents: 4500,
          tax_percent: '10.00',
          tax_card_missing: false,
        },
        {
          claim_id: oldClaim,
          gross_fee_cents: 5000,
          withholding_cents: 3000,
          net_cents: 2000,
          tax_percent: '60.00',
          tax_card_missing: true,
        },
      ]);

      // The payroll rows and the expert's statement carry the payment date.
      await as(onTheDay).post(`/fee-runs/${id}/approve`).expect(200);
      await as(onTheDay).post(`/fee-runs/${id}/export`).expect(202);
      expect((await feeRunReaches(as, onTheDay, id, 'exported', 60_000)).status).toBe('exported');
      const files = (await as(onTheDay).get(`/fee-runs/${id}/files`).expect(200)).body as {
        id: string;
        kind: string;
        expertId: string | null;
      }[];
      const csv = await as(onTheDay)
        .download(`/fee-runs/${id}/files/${files.find((f) => f.kind === 'payroll_csv')!.id}`)
        .expect(200);
      const rows = parseCsv((csv.body as Buffer).toString('utf8')).filter((r) => r.claim_id === newClaim);
      expect(rows.map((r) => [r.line_kind, r.tax_percent, r.withholding, r.payment_date])).toEqual([
        ['fee', '10.00', '5.00', '2027-01-05'],
      ]);
      const statement = await as(onTheDay)
        .download(`/fee-runs/${id}/files/${files.find((f) => f.kind === 'statement' && f.expertId === newCard.id)!.id}`)
        .expect(200);
      const text = await pdfCells(statement.body as Buffer);
      expect(text).toContain('Maksupäivä|5.1.2027');
      expect(text).toContain('Verokortin mukaan 10,00 %');
    } finally {
      t.clock.set(HELSINKI_MIDNIGHT);
    }
  });
});
