import { createHash } from 'node:crypto';
import { Role } from '../../../src/common/auth/role.enum';
import { buildOpenApi } from '../../../src/http-app';
import { addWeeklyWindow } from '../../factories/availability.factory';
import { createCredential } from '../../factories/credentials.factory';
import { createExpert } from '../../factories/experts.factory';
import {
  addCost,
  createClaim,
  createFinishedAssignment,
  IBANS,
  setPaymentDetails,
  settleOpenFeeRuns,
} from '../../factories/fees.factory';
import { addMember, createUnit } from '../../factories/organisations.factory';
import { createUser, login } from '../../factories/users.factory';
import { JOURNEY_PASSWORD, walkTheJourney } from '../../journey/journey-steps';
import { createTestApp, TestApp } from '../../utils/test-app';
import { asUser } from '../../utils/as-user';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

// GDPR art. 15 and 20: an expert who has been the whole way (test/journey: applied, proved the training, was
// offered work, accepted, signed the contract, worked, claimed and was paid) exports everything about them, and
// nothing about anyone else; every file in it downloads from the path it names, with the expert's own token.
describe('the expert’s own data export', () => {
  let t: TestApp;
  let expertEmail = '';
  let token: string;
  let expertId: string;
  let data: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const extra = {} as { claimId: string; costId: string };
  const other = {} as {
    id: string;
    email: string;
    credentialId: string;
    claimId: string;
    costId: string;
    assignmentId: string;
  };

  const as = asUser(() => t.http);

  beforeAll(async () => {
    t = await createTestApp();
    await settleOpenFeeRuns(t.db);
    await walkTheJourney({
      http: t.http,
      adminToken: async () => login(t.http, await createUser(t.db, Role.Admin)),
      setClock: async (at) => (at === null ? t.clock.reset() : t.clock.set(at)),
      readMail: (to, match) => {
        if (to.startsWith('asiantuntija-')) expertEmail = to;
        return t.mail.waitFor((m) => m.to === to && match(m));
      },
    });
    token = await login(t.http, { email: expertEmail, password: JOURNEY_PASSWORD });
    expertId = (await as(token).get('/experts/me').expect(200)).body.id;

    // After the journey: feedback on the work, and a second claim with a parking receipt.
    const [journeyAssignment] = (await as(token).get('/assignments').expect(200)).body;
    await as(token)
      .post(`/assignments/${journeyAssignment.id}/feedback`, { rating: 5, comment: 'Hyvä ryhmä' })
      .expect(201);
    const orderer = await createUser(t.db, Role.Orderer);
    const unit = await createUnit(t.db);
    await addMember(t.db, unit.id, orderer.id);
    const second = await createFinishedAssignment(t.db, expertId, {
      organisationId: unit.id,
      createdBy: orderer.id,
      startsAt: '2026-09-15T07:00:00Z',
      endsAt: '2026-09-15T09:00:00Z',
    });
    // Booked directly past the yearly ceiling, with the expert's agreement as the coordinator recorded it.
    await t.db.query('UPDATE assignments SET ceiling_crossing_agreed = true WHERE id = $1', [second]);
    // The orderer proposed a new time for it, and the expert declined: the expert's answer is their data too.
    await t.db.query(
      `INSERT INTO assignment_time_changes
         (assignment_id, status, from_starts_at, from_ends_at, starts_at, ends_at, proposed_by, proposed_at,
          answered_at, answered_by)
       VALUES ($1, 'declined', '2026-09-15T07:00:00Z', '2026-09-15T09:00:00Z', '2026-09-15T10:00:00Z',
               '2026-09-15T12:00:00Z', $2, '2026-09-10T07:00:00Z', '2026-09-11T07:00:00Z', $3)`,
      [second, orderer.id, expertId],
    );
    extra.claimId = await createClaim(t.db, expertId, second, { status: 'submitted', workDate: '2026-09-15' });
    extra.costId = await addCost(t.db, extra.claimId, expertId);

    // Another expert with data of every kind, who also tries to read the first one's claim.
    const someone = await createExpert(t.db, { name: 'Olga Toinen-Asiantuntija' });
    other.id = someone.id;
    other.email = someone.email;
    other.credentialId = (await createCredential(t.db, someone.id)).id;
    await addWeeklyWindow(t.db, someone.id, { weekday: 3, from: '10:00', to: '14:00' });
    await setPaymentDetails(t.db, someone.id, { iban: IBANS[1] });
    other.assignmentId = await createFinishedAssignment(t.db, someone.id, {
      organisationId: unit.id,
      createdBy: orderer.id,
      title: 'Toisen asiantuntijan tehtävä',
    });
    other.claimId = await createClaim(t.db, someone.id, other.assignmentId, { status: 'submitted' });
    other.costId = await addCost(t.db, other.claimId, someone.id);
    await as(await login(t.http, someone))
      .get(`/claims/${extra.claimId}`)
      .expect(404);

    data = (await as(token).get('/experts/me/data').expect(200)).body;
  }, 120_000);
  afterAll(() => t.close());

  it('gives the account, the profile with its topics, and the payment details in the clear', () => {
    expect(data.account).toMatchObject({ id: expertId, email: expertEmail, name: 'Eeva Ämmälä' });
    expect(data.profile).toMatchObject({ id: expertId, topics: ['mental_health'], languages: ['fi', 'sv'] });
    expect(data.paymentDetails).toMatchObject({
      payee: 'expert',
      taxPercent: 20,
      clear: { iban: 'FI2112345600000785' },
    });
    expect(data.availability.weekly).toEqual([expect.objectContaining({ weekday: 2, from: '08:00', to: '16:00' })]);
    expect(data.sessions.length).toBeGreaterThanOrEqual(3);
    for (const session of data.sessions) expect(session.id).toMatch(UUID);
    expect(data.mails.map((m: { toAddress: string }) => m.toAddress)).toEqual(
      Array(data.mails.length).fill(expertEmail),
    );
    expect(data.mails.map((m: { template: string }) => m.template)).toEqual(expect.arrayContaining(['offer-made']));
  });

  it('gives the offer, the assignments, the feedback given and the contract with its PDF’s hash', () => {
    expect(data.offers).toEqual([
      expect.objectContaining({ status: 'accepted', expertId, answeredAt: expect.any(String), declineReason: null }),
    ]);
    expect(data.assignments.map((a: { status: string; startsAt: string }) => [a.status, a.startsAt])).toEqual([
      ['completed', '2026-09-15T07:00:00.000Z'],
      ['completed', '2026-10-20T07:00:00.000Z'],
    ]);
    expect(data.assignments[1].title).toMatch(/^Kehittämisryhmä/);
    // The coordinator's word that the expert agreed to work past the ceiling is the expert's own data too.
    expect(data.assignments.map((a: { ceilingCrossingAgreed: boolean }) => a.ceilingCrossingAgreed)).toEqual([
      true,
      false,
    ]);
    // Every proposal of a new time for the expert's work, with its answer; the latest also as the API shows it.
    expect(data.assignments[0].timeChanges).toEqual([
      {
        id: expect.stringMatching(UUID),
        status: 'declined',
        fromStartsAt: '2026-09-15T07:00:00.000Z',
        fromEndsAt: '2026-09-15T09:00:00.000Z',
        startsAt: '2026-09-15T10:00:00.000Z',
        endsAt: '2026-09-15T12:00:00.000Z',
        proposedAt: '2026-09-10T07:00:00.000Z',
        answeredAt: '2026-09-11T07:00:00.000Z',
      },
    ]);
    expect(data.assignments[0].timeChange).toEqual(data.assignments[0].timeChanges[0]);
    expect(data.assignments[1]).toMatchObject({ timeChanges: [], timeChange: null });
    expect(data.feedback).toEqual([expect.objectContaining({ author: 'expert', rating: 5, comment: 'Hyvä ryhmä' })]);
    expect(data.contracts).toHaveLength(1);
    const [contract] = data.contracts;
    expect(contract.signature).toMatchObject({ pdfSha256: contract.pdfSha256 });
    expect(contract.pdf).toEqual({ path: `/api/contracts/${contract.id}/pdf`, sha256: contract.pdfSha256 });
    expect(contract.assignments.map((a: { id: string }) => a.id)).toEqual([data.assignments[1].id]);
  });

  it('gives the claims with their trips and costs, the fee-run line that paid, and the statement', () => {
    const paid = data.claims.find((c: { status: string }) => c.status === 'paid');
    expect(paid.trips).toHaveLength(2);
    const open = data.claims.find((c: { id: string }) => c.id === extra.claimId);
    expect(open.costs).toEqual([
      expect.objectContaining({
        id: extra.costId,
        kind: 'parking',
        amountCents: 300,
        download: {
          path: `/api/claims/${extra.claimId}/costs/${extra.costId}/receipt`,
          sha256: open.costs[0].receipt.sha256,
        },
      }),
    ]);
    expect(data.feeLines).toEqual([
      expect.objectContaining({
        claimId: paid.id,
        runStatus: 'exported',
        paidAt: expect.any(String),
        grossFeeCents: 7500,
        travelAndCostsCents: 2695,
        withholdingCents: 1500,
        netCents: 8695,
        taxPercent: 20,
      }),
    ]);
    expect(data.statements).toEqual([
      expect.objectContaining({
        runId: data.feeLines[0].runId,
        download: { path: `/api/my-fees/statements/${data.statements[0].id}`, sha256: data.statements[0].sha256 },
      }),
    ]);
    expect(data.credentials).toEqual([
      expect.objectContaining({
        status: 'verified',
        download: { path: `/api/credentials/${data.credentials[0].id}/file`, sha256: data.credentials[0].file.sha256 },
      }),
    ]);
  });

  it('downloads every file it lists from its path with the expert’s own token, the bytes matching the hash', async () => {
    const links = [
      ...data.credentials.map((c: { download: unknown }) => c.download),
      ...data.contracts.map((c: { pdf: unknown }) => c.pdf),
      ...data.claims.flatMap((c: { costs: { download: unknown }[] }) => c.costs.map((cost) => cost.download)),
      ...data.statements.map((s: { download: unknown }) => s.download),
    ] as { path: string; sha256: string }[];
    expect(links).toHaveLength(4);
    for (const link of links) {
      const res = await as(token).download(link.path).expect(200);
      expect(sha256(res.body as Buffer)).toBe(link.sha256);
    }
  });

  it('lists the audit entries about the expert with their ids, giving no one else’s address', async () => {
    const trail = data.auditTrail as {
      id: string;
      action: string;
      entityId: string | null;
      actor: string;
      ip: string | null;
      userAgent: string | null;
    }[];
    for (const entry of trail) expect(entry.id).toMatch(UUID);
    expect(new Set(trail.map((e) => e.id)).size).toBe(trail.length);
    const [audited] = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE id = ANY($1::uuid[])`, [
      trail.map((e) => e.id),
    ]);
    expect(audited.n).toBe(trail.length);
    const about = (id: string) => trail.filter((e) => e.entityId === id).map((e) => e.action);
    expect(about(data.contracts[0].id)).toEqual(expect.arrayContaining(['contract.approved', 'contract.signed']));
    expect(about(data.claims.find((c: { status: string }) => c.status === 'paid').id).length).toBeGreaterThan(0);
    expect(trail.filter((e) => e.actor === 'you').map((e) => e.action)).toEqual(
      expect.arrayContaining(['auth.login', 'expert.data_exported']),
    );
    // The other expert's refused look at this expert's claim is there, without their address or browser.
    const refused = trail.filter((e) => e.action === 'authz.denied' && e.entityId === extra.claimId);
    expect(refused).toEqual([expect.objectContaining({ actor: 'other', ip: null, userAgent: null })]);
    for (const entry of trail.filter((e) => e.actor !== 'you'))
      expect([entry.ip, entry.userAgent]).toEqual([null, null]);
  });

  it('keeps each of those files from another expert', async () => {
    const stranger = await login(t.http, await createExpert(t.db));
    const paths = [
      data.credentials[0].download.path,
      data.contracts[0].pdf.path,
      `/claims/${extra.claimId}/costs/${extra.costId}/receipt`,
      data.statements[0].download.path,
    ];
    for (const path of paths) await as(stranger).get(path).expect(404);
  });

  it('holds nothing about another expert', () => {
    const text = JSON.stringify(data);
    for (const secret of [
      other.id,
      other.email,
      'Olga',
      'Toinen',
      IBANS[1],
      other.credentialId,
      other.claimId,
      other.costId,
      other.assignmentId,
      'Toisen asiantuntijan',
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('describes its whole shape in the API description', () => {
    const doc = buildOpenApi(t.app) as unknown as {
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }> }>
      >;
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    const ref = doc.paths['/api/experts/me/data'].get.responses['200'].content['application/json'].schema.$ref;
    expect(ref).toBe('#/components/schemas/ExpertDataResponse');
    expect(Object.keys(doc.components.schemas.ExpertDataResponse.properties).sort()).toEqual(
      [
        'account',
        'sessions',
        'mails',
        'profile',
        'paymentDetails',
        'credentials',
        'availability',
        'calendarFeeds',
        'offers',
        'assignments',
        'feedback',
        'contracts',
        'claims',
        'feeLines',
        'statements',
        'auditTrail',
        'exportedAt',
      ].sort(),
    );
    expect(doc.components.schemas.ExportedClaimCostResponse.properties).toHaveProperty('download');
    expect(doc.components.schemas.ExportedAssignmentResponse.properties).toHaveProperty('ceilingCrossingAgreed');
  });
});
