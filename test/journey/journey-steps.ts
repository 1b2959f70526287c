import { randomUUID } from 'node:crypto';
import TestAgent from 'supertest/lib/agent';
import { identityCodeBornOn } from '../factories/contracts.factory';
import { samplePdf } from '../factories/credentials.factory';
import { cents, parseCsv, pdfCells, until } from '../utils/documents';
import { asUser } from '../utils/as-user';

// The whole way, through HTTP only, each step as its role would take it: people are invited or apply, an
// orderer orders, the coordinator matches and offers, the expert accepts and signs the contract, the orderer
// confirms the work, the expert claims, the coordinator pays; the payroll export and the statement agree.
// One walk for every way the app runs: the driver says how to reach it, move its clock and read its mail.
export interface JourneyDriver {
  // Requests to the app: supertest on the in-process server, or on a child process's URL.
  http: TestAgent;
  // The first admin's access token: in a real installation it comes from the CLI, not the API.
  adminToken(): Promise<string>;
  // Moves the app's clock (it then stands still there); null: back to the real time.
  setClock(at: string | null): Promise<void>;
  // The first mail delivered to the address that matches, waited for.
  readMail(
    to: string,
    match: (mail: { subject: string; text: string }) => boolean,
  ): Promise<{ subject: string; text: string }>;
}

export const JOURNEY_NOW = '2026-10-01T07:00:00Z';
export const JOURNEY_AFTER_WORK = '2026-10-21T08:00:00Z';
// Everyone's password on the walk; other specs sign in as the journey's people with it afterwards.
export const JOURNEY_PASSWORD = 'Mustasaari-kevät-2026';
const PASSWORD = JOURNEY_PASSWORD;
// Background work (the contract PDF, the fee run) on a busy machine; polled, so a long limit costs nothing.
const JOB_TIMEOUT_MS = 45_000;

export async function walkTheJourney(driver: JourneyDriver): Promise<void> {
  await driver.setClock(JOURNEY_NOW);
  try {
    await walk(driver);
  } finally {
    await driver.setClock(null);
  }
}

async function walk({ http, adminToken, setClock, readMail }: JourneyDriver): Promise<void> {
  const as = asUser(() => http);
  const login = async (email: string) =>
    (await http.post('/auth/login').send({ email, password: PASSWORD }).expect(200)).body.accessToken as string;
  async function acceptMailedLink(email: string): Promise<string> {
    const mail = await readMail(email, (m) => m.text.includes('#token='));
    const token = /#token=([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    await http.post('/auth/invitations/accept').send({ token, password: PASSWORD }).expect(204);
    return login(email);
  }

  const tag = randomUUID().slice(0, 8);
  const admin = await adminToken();
  const coordinatorEmail = `koordinaattori-${tag}@example.test`;
  const ordererEmail = `tilaaja-${tag}@example.test`;
  const expertEmail = `asiantuntija-${tag}@example.test`;
  await as(admin)
    .post('/users', { email: coordinatorEmail, name: 'Katja Koordinaattori', role: 'coordinator', language: 'fi' })
    .expect(201);
  const orderer = await as(admin)
    .post('/users', { email: ordererEmail, name: 'Olli Tilaaja', role: 'orderer', language: 'fi' })
    .expect(201);
  let coordinator = await acceptMailedLink(coordinatorEmail);
  let ordererToken = await acceptMailedLink(ordererEmail);

  const unit = await as(coordinator)
    .post('/units', {
      code: `PSY-${tag}`,
      nameFi: 'Psykososiaaliset palvelut',
      nameSv: 'Psykosociala tjänster',
      activeFrom: '2026-01-01',
    })
    .expect(201);
  await as(coordinator).put(`/organisations/${unit.body.id}/members/${orderer.body.id}`, {}).expect(200);

  // The expert applies, verifies the address, completes the profile and proves the training.
  await http
    .post('/experts/applications')
    .send({ email: expertEmail, name: 'Eeva Ämmälä', language: 'fi' })
    .expect(202);
  let expert = await acceptMailedLink(expertEmail);
  const me = await as(expert)
    .patch('/experts/me', {
      languages: ['fi', 'sv'],
      homeMunicipality: '499',
      travelMunicipalities: ['905'],
      taskTypes: ['working_group'],
    })
    .expect(200);
  const expertId = me.body.id as string;
  await as(expert)
    .put('/experts/me/topics', { topics: ['mental_health'], consentVersion: 'topics-v1' })
    .expect(200);
  await as(expert)
    .put('/experts/me/payment-details', {
      iban: 'FI21 1234 5600 0007 85',
      identityCode: identityCodeBornOn('1981-03-14'),
      taxPercent: 20,
      taxCardYear: 2026,
      payee: 'expert',
    })
    .expect(200);
  await as(expert)
    .post('/experts/me/availability/weekly', { weekday: 2, from: '08:00', to: '16:00', validFrom: '2026-01-01' })
    .expect(201);
  const credential = await http
    .post('/experts/me/credentials')
    .set('authorization', `Bearer ${expert}`)
    .field('type', 'kokemusasiantuntija')
    .field('provider', 'Vamia')
    .field('completedOn', '2025-05-28')
    .attach('file', samplePdf(), { filename: 'todistus.pdf', contentType: 'application/pdf' })
    .expect(201);
  await as(coordinator).post(`/credentials/${credential.body.id}/verify`).expect(200);
  await as(coordinator).post(`/experts/${expertId}/activate`).expect(200);

  // The orderer orders for their own unit.
  const order = await as(ordererToken)
    .post('/booking-requests', {
      organisationId: unit.body.id,
      taskType: 'working_group',
      title: `Kehittämisryhmä: mielenterveyspalvelut ${tag}`,
      startsAt: '2026-10-20T07:00:00Z',
      endsAt: '2026-10-20T09:00:00Z',
      remote: false,
      municipality: '905',
      address: 'Hietalahdenkatu 2–4',
      languages: ['fi'],
      topics: ['mental_health'],
      expertsNeeded: 1,
      preparationHours: 1,
    })
    .expect(201);
  await as(ordererToken).post(`/booking-requests/${order.body.id}/submit`).expect(200);

  // The coordinator matches and offers; the expert hears of it by mail and accepts.
  const candidates = await as(coordinator).get(`/booking-requests/${order.body.id}/candidates?limit=200`).expect(200);
  expect(candidates.body.total).toBeLessThanOrEqual(200);
  expect(candidates.body.items.map((c: { expertId: string }) => c.expertId)).toContain(expertId);
  await as(coordinator)
    .post(`/booking-requests/${order.body.id}/offers`, { expertIds: [expertId], deadline: '2026-10-10T12:00:00Z' })
    .expect(201);
  await readMail(expertEmail, (m) => m.text.includes(order.body.title));
  const offers = await as(expert).get('/offers').expect(200);
  const accepted = await as(expert).post(`/offers/${offers.body[0].id}/accept`).expect(201);
  const assignmentId = accepted.body.id as string;
  expect((await as(ordererToken).get(`/booking-requests/${order.body.id}`).expect(200)).body.status).toBe('filled');
  await readMail(ordererEmail, (m) => m.text.includes(order.body.title));

  // The contract: a draft appears, the coordinator approves, the worker renders, the expert signs.
  const contracts = await as(coordinator).get(`/contracts?assignmentId=${assignmentId}`).expect(200);
  const contractId = contracts.body.items[0].id as string;
  await as(coordinator).post(`/contracts/${contractId}/approve`).expect(200);
  const rendered = await until(
    () =>
      as(expert)
        .get(`/contracts/${contractId}`)
        .then((r) => r.body),
    (c) => c.pdfSha256 !== null,
    JOB_TIMEOUT_MS,
  );
  const pdf = await as(expert).download(`/contracts/${contractId}/pdf`).expect(200);
  expect(pdf.headers.etag).toBe(`"${rendered.pdfSha256}"`);
  expect(await pdfCells(pdf.body as Buffer)).toContain('vaitiolovelvollisuus');
  await as(expert).post(`/contracts/${contractId}/sign`, { password: PASSWORD }).expect(200);
  expect((await as(expert).get(`/assignments/${assignmentId}`).expect(200)).body.status).toBe('confirmed');
  expect((await as(ordererToken).get(`/assignments/${assignmentId}/contract-status`).expect(200)).body).toEqual({
    exists: true,
    status: 'signed',
  });

  // After the work: everyone signs in again (the app's clock moved three weeks), the orderer confirms.
  await setClock(JOURNEY_AFTER_WORK);
  [coordinator, ordererToken, expert] = await Promise.all([coordinatorEmail, ordererEmail, expertEmail].map(login));
  await as(ordererToken).post(`/assignments/${assignmentId}/complete`, { tookPlace: true }).expect(200);

  // The expert claims: 2 h of work, 1 h of preparation, 24.5 km by car each way.
  const trips = [
    { from: 'Mustasaari', to: 'Vaasa', km: 24.5, date: '2026-10-20' },
    { from: 'Vaasa', to: 'Mustasaari', km: 24.5, date: '2026-10-20' },
  ];
  const claim = await as(expert).post('/claims', { assignmentId, workedMinutes: 120, trips }).expect(201);
  await as(expert).post(`/claims/${claim.body.id}/submit`).expect(200);
  await as(coordinator).post(`/claims/${claim.body.id}/approve`).expect(200);

  // The coordinator runs the fees, approves and exports.
  const run = await as(coordinator).post('/fee-runs', { upTo: '2026-10-21' }).expect(202);
  const state = (status: string) =>
    until(
      () =>
        as(coordinator)
          .get(`/fee-runs/${run.body.id}`)
          .then((r) => r.body),
      (r) => r.status === status || r.status === 'failed',
      JOB_TIMEOUT_MS,
    );
  expect((await state('computed')).status).toBe('computed');
  await as(coordinator).post(`/fee-runs/${run.body.id}/approve`).expect(200);
  await as(coordinator).post(`/fee-runs/${run.body.id}/export`).expect(202);
  expect((await state('exported')).status).toBe('exported');

  // The payroll export and the expert's statement say the same numbers; the claim is paid.
  const files = (await as(coordinator).get(`/fee-runs/${run.body.id}/files`).expect(200)).body as {
    id: string;
    kind: string;
    expertId: string | null;
  }[];
  const csv = await as(coordinator)
    .download(`/fee-runs/${run.body.id}/files/${files.find((f) => f.kind === 'payroll_csv')!.id}`)
    .expect(200);
  const rows = parseCsv((csv.body as Buffer).toString('utf8')).filter((r) => r.expert_id === expertId);
  // 12 quarter hours at 25 €/h = 75 €; 49 km at 0.55 €/km = 26.95 € on a row of its own; 20 % withheld from the fee only.
  expect(rows).toEqual([
    expect.objectContaining({
      claim_id: claim.body.id,
      line_kind: 'fee',
      payee_name: 'Eeva Ämmälä',
      iban: 'FI2112345600000785',
      income_type: '210',
      amount: '75.00',
      withholding: '15.00',
      net_payable: '60.00',
    }),
    expect.objectContaining({
      claim_id: claim.body.id,
      line_kind: 'car_travel',
      payee_name: 'Eeva Ämmälä',
      iban: 'FI2112345600000785',
      income_type: '',
      amount: '26.95',
      withholding: '0.00',
      net_payable: '26.95',
    }),
  ]);
  const statementFile = files.find((f) => f.kind === 'statement' && f.expertId === expertId)!;
  const statement = await as(expert).download(`/my-fees/statements/${statementFile.id}`).expect(200);
  const text = await pdfCells(statement.body as Buffer);
  const total = /Yhteensä\|([^|]+)\|([^|]+)\|([^|]+)\|([^|]+)\|([^|]+)/.exec(text)!;
  const travel = ['car_travel', 'public_transport', 'parking', 'other_costs'];
  const sum = (column: string, kinds = ['fee', ...travel]) =>
    rows.filter((r) => kinds.includes(r.line_kind)).reduce((s, r) => s + cents(r[column]), 0);
  expect({ gross: cents(total[2]), travel: cents(total[3]), withheld: cents(total[4]), net: cents(total[5]) }).toEqual({
    gross: sum('amount', ['fee']),
    travel: sum('amount', travel),
    withheld: sum('withholding'),
    net: sum('net_payable'),
  });
  expect((await as(expert).get(`/claims/${claim.body.id}`).expect(200)).body.status).toBe('paid');
}
