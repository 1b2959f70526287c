import { Role } from '../../../src/common/auth/role.enum';
import { Language } from '../../../src/common/i18n/language';
import { createBookableExpert } from '../../factories/bookable.factory';
import { samplePdf, samplePng } from '../../factories/credentials.factory';
import { setPaymentDetails } from '../../factories/fees.factory';
import { addMember, createUnit, signedInOrdererOfUnit } from '../../factories/organisations.factory';
import { createUser, login, TestUser } from '../../factories/users.factory';
import { asUser } from '../../utils/as-user';
import { createTestApp, TestApp } from '../../utils/test-app';

// The clock stands on 1 Oct 2026 10:00 local time; orders lie in the weeks after.
const NOW = '2026-10-01T07:00:00Z';

describe('orders: the orderer’s details, filters, estimate, material and the cancellation quote', () => {
  let t: TestApp;
  let coordinator: string;
  let orderer: TestUser & { token: string };
  let unitId: string;
  let projectId: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(NOW);
    coordinator = await login(t.http, await createUser(t.db, Role.Coordinator));
    ({ orderer, unitId } = await signedInOrdererOfUnit(t.db, t.http));
    projectId = (await createUnit(t.db)).id;
    await addMember(t.db, projectId, orderer.id);
  });
  afterAll(() => t.close());

  const as = asUser(() => t.http);

  const order = (overrides: Record<string, unknown> = {}) => ({
    organisationId: unitId,
    taskType: 'working_group',
    title: 'Asiakasraati',
    goal: 'Asiakkaan näkökulma palvelupolun kehittämiseen',
    audience: 'Poliklinikan henkilökunta, noin 30 henkeä',
    expertRole: 'Puheenvuoro 20 min ja keskustelu',
    startsAt: '2026-10-20T07:00:00Z',
    endsAt: '2026-10-20T09:00:00Z',
    remote: false,
    municipality: '905',
    address: 'Hietalahdenkatu 2, Vaasa',
    meetingPoint: 'Pääovi, aula 2. krs',
    materialUrl: 'https://example.org/ohjelma.pdf',
    languages: ['fi'],
    topics: ['mental_health'],
    expertsNeeded: 1,
    preparationHours: 1,
    ...overrides,
  });

  describe('the order’s details', () => {
    it('keeps the goal, audience, the expert’s role, meeting point and material link, and estimates the fee from the schedule', async () => {
      const res = await as(orderer.token).post('/booking-requests', order()).expect(201);
      expect(res.body).toMatchObject({
        goal: 'Asiakkaan näkökulma palvelupolun kehittämiseen',
        audience: 'Poliklinikan henkilökunta, noin 30 henkeä',
        expertRole: 'Puheenvuoro 20 min ja keskustelu',
        meetingPoint: 'Pääovi, aula 2. krs',
        remoteTool: null,
        materialUrl: 'https://example.org/ohjelma.pdf',
        materialFile: null,
      });
      expect(res.body.feeEstimateCents).toBeGreaterThan(0);
      expect(res.body.feeEstimateTotalCents).toBe(res.body.feeEstimateCents);
      const read = await as(orderer.token).get(`/booking-requests/${res.body.id}`).expect(200);
      expect(read.body).toMatchObject({
        goal: res.body.goal,
        meetingPoint: res.body.meetingPoint,
        feeEstimateCents: res.body.feeEstimateCents,
      });
    });

    it('keeps the remote tool of remote work', async () => {
      const res = await as(orderer.token)
        .post(
          '/booking-requests',
          order({
            remote: true,
            municipality: undefined,
            address: undefined,
            meetingPoint: undefined,
            remoteTool: 'Teams',
          }),
        )
        .expect(201);
      expect(res.body).toMatchObject({ remote: true, remoteTool: 'Teams', meetingPoint: null });
    });

    it('defaults the new details to empty for an order that leaves them out', async () => {
      const res = await as(orderer.token)
        .post(
          '/booking-requests',
          order({
            goal: undefined,
            audience: undefined,
            expertRole: undefined,
            meetingPoint: undefined,
            materialUrl: undefined,
          }),
        )
        .expect(201);
      expect(res.body).toMatchObject({ goal: '', audience: '', expertRole: '', meetingPoint: null, materialUrl: null });
    });

    it.each([
      ['remoteTool', 'onlyRemote', { remoteTool: 'Teams' }],
      ['endsAt', 'longerThanWorkDay', { endsAt: '2026-10-20T18:00:00Z' }],
      ['meetingPoint', 'onlyOnSite', { remote: true, municipality: undefined, address: undefined }],
      ['materialUrl', 'invalid', { materialUrl: 'javascript:alert(1)' }],
      ['materialUrl', 'invalid', { materialUrl: 'ohjelma.pdf' }],
      ['goal', 'invalid', { goal: 'x'.repeat(1001) }],
      ['audience', 'invalid', { audience: 'x'.repeat(501) }],
      ['expertRole', 'invalid', { expertRole: 'x'.repeat(1001) }],
      ['meetingPoint', 'invalid', { meetingPoint: '' }],
      [
        'remoteTool',
        'invalid',
        {
          remote: true,
          municipality: undefined,
          address: undefined,
          meetingPoint: undefined,
          remoteTool: 'x'.repeat(101),
        },
      ],
    ])('refuses a bad %s (%s)', async (field, code, overrides) => {
      const res = await as(orderer.token).post('/booking-requests', order(overrides)).expect(400);
      const named = res.body.errors.find((e: { field: string }) => e.field === field);
      expect(named).toBeDefined();
      if (code !== 'invalid') expect(named.code).toBe(code);
    });

    it('changes the details of a draft with PUT', async () => {
      const created = await as(orderer.token).post('/booking-requests', order()).expect(201);
      const res = await as(orderer.token)
        .put(`/booking-requests/${created.body.id}`, order({ goal: 'Uusi tavoite', materialUrl: undefined }))
        .expect(200);
      expect(res.body).toMatchObject({ goal: 'Uusi tavoite', materialUrl: null });
    });

    it('makes one draft of a form sent again with its Idempotency-Key, changed to what was sent last', async () => {
      const key = `order-form-${Date.now()}`;
      const drafts = async (title: string) =>
        (await t.db.query(`SELECT id, goal FROM booking_requests WHERE created_by = $1 AND title = $2`, [
          orderer.id,
          title,
        ])) as { id: string; goal: string }[];
      const send = (body: object, token = orderer.token) =>
        as(token).post('/booking-requests', body).set('Idempotency-Key', key);
      // The first answer lost; the form sent again, with a goal changed meanwhile.
      const first = await send(order({ title: 'Avain-tilaus' })).expect(201);
      const again = await send(order({ title: 'Avain-tilaus', goal: 'Korjattu tavoite' })).expect(201);
      expect(again.body).toMatchObject({ id: first.body.id, goal: 'Korjattu tavoite', status: 'draft' });
      expect(await drafts('Avain-tilaus')).toEqual([{ id: first.body.id, goal: 'Korjattu tavoite' }]);
      // Three first sends of another form at once (a triple click on a slow line): one draft.
      const three = await Promise.all(
        [1, 2, 3].map(() =>
          as(orderer.token)
            .post('/booking-requests', order({ title: 'Kolme kerralla' }))
            .set('Idempotency-Key', `${key}-three`)
            .expect(201),
        ),
      );
      expect(await drafts('Kolme kerralla')).toEqual([{ id: three[0].body.id, goal: expect.any(String) }]);
      expect(new Set(three.map((res) => res.body.id)).size).toBe(1);
      // Another orderer's key is theirs: the same string makes their own draft.
      const other = await signedInOrdererOfUnit(t.db, t.http);
      const theirs = await send(order({ title: 'Avain-tilaus', organisationId: other.unitId }), other.orderer.token);
      expect(theirs.status).toBe(201);
      expect(theirs.body.id).not.toBe(first.body.id);
      // Once sent to the coordinator, the form cannot change it any more.
      await as(orderer.token).post(`/booking-requests/${first.body.id}/submit`).expect(200);
      const late = await send(order({ title: 'Avain-tilaus' })).expect(409);
      expect(late.body.code).toBe('REQUEST_STATUS_CONFLICT');
      // Without a key, a second send is a second order.
      await as(orderer.token)
        .post('/booking-requests', order({ title: 'Ilman avainta' }))
        .expect(201);
      await as(orderer.token)
        .post('/booking-requests', order({ title: 'Ilman avainta' }))
        .expect(201);
      expect(await drafts('Ilman avainta')).toHaveLength(2);
    });

    it.each([
      ['empty', ''],
      ['too long', 'k'.repeat(129)],
      ['not ASCII', 'tilaus-ä'],
    ])('refuses an Idempotency-Key %s with a 400 naming the header, making nothing', async (_, key) => {
      const res = await as(orderer.token)
        .post('/booking-requests', order({ title: 'Huono avain' }))
        .set('Idempotency-Key', key)
        .expect(400);
      expect(res.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        errors: [{ field: 'Idempotency-Key', code: 'matches' }],
      });
      expect(await t.db.query(`SELECT 1 FROM booking_requests WHERE title = 'Huono avain'`)).toEqual([]);
    });
  });

  describe('the material file', () => {
    it('attaches a file to a draft, replaces it, serves it to the orderer and the coordinator, and refuses it once sent', async () => {
      const created = await as(orderer.token)
        .post('/booking-requests', order({ materialUrl: undefined }))
        .expect(201);
      const id = created.body.id as string;
      const first = await t.http
        .put(`/booking-requests/${id}/material`)
        .set('authorization', `Bearer ${orderer.token}`)
        .attach('file', samplePdf(), { filename: 'ohjelma.pdf', contentType: 'application/pdf' })
        .expect(200);
      expect(first.body.materialFile).toMatchObject({ fileName: 'ohjelma.pdf', mediaType: 'application/pdf' });
      const second = await t.http
        .put(`/booking-requests/${id}/material`)
        .set('authorization', `Bearer ${orderer.token}`)
        .attach('file', samplePng(), { filename: 'kartta.png', contentType: 'image/png' })
        .expect(200);
      expect(second.body.materialFile).toMatchObject({ fileName: 'kartta.png', mediaType: 'image/png' });
      // The replaced file is gone, not left behind.
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM stored_files WHERE owner_id = $1 AND original_name = 'ohjelma.pdf'`,
        [orderer.id],
      );
      expect(n).toBe(0);
      const unknownField = await t.http
        .put(`/booking-requests/${id}/material`)
        .set('authorization', `Bearer ${orderer.token}`)
        .field('owner', 'x')
        .attach('file', samplePdf(), { filename: 'x.pdf', contentType: 'application/pdf' })
        .expect(400);
      expect(unknownField.body.errors[0].field).toBe('owner');
      for (const token of [orderer.token, coordinator]) {
        const file = await t.http
          .get(`/booking-requests/${id}/material`)
          .set('authorization', `Bearer ${token}`)
          .buffer(true)
          .expect(200);
        expect(file.headers['content-type']).toBe('image/png');
        expect(file.headers['content-disposition']).toContain('attachment');
      }
      await as(orderer.token).post(`/booking-requests/${id}/submit`).expect(200);
      const late = await t.http
        .put(`/booking-requests/${id}/material`)
        .set('authorization', `Bearer ${orderer.token}`)
        .attach('file', samplePdf(), { filename: 'x.pdf', contentType: 'application/pdf' })
        .expect(409);
      expect(late.body.code).toBe('REQUEST_STATUS_CONFLICT');
    });

    it('serves the material to an expert the work was offered to', async () => {
      const expert = await createBookableExpert(t.db, { topics: ['family_carer'] });
      const created = await as(orderer.token)
        .post(
          '/booking-requests',
          order({ topics: ['family_carer'], startsAt: '2026-10-21T07:00:00Z', endsAt: '2026-10-21T08:00:00Z' }),
        )
        .expect(201);
      const id = created.body.id as string;
      await t.http
        .put(`/booking-requests/${id}/material`)
        .set('authorization', `Bearer ${orderer.token}`)
        .attach('file', samplePdf(), { filename: 'ohjelma.pdf', contentType: 'application/pdf' })
        .expect(200);
      await as(orderer.token).post(`/booking-requests/${id}/submit`).expect(200);
      const expertToken = await login(t.http, expert);
      await as(expertToken).get(`/booking-requests/${id}/material`).expect(404);
      await as(coordinator)
        .post(`/booking-requests/${id}/offers`, { expertIds: [expert.id], deadline: '2026-10-10T12:00:00Z' })
        .expect(201);
      await as(expertToken).get(`/booking-requests/${id}/material`).expect(200);
    });
  });

  describe('My orders', () => {
    it('filters by unit or project and by day, and lists the newest first', async () => {
      const a = (
        await as(orderer.token)
          .post(
            '/booking-requests',
            order({ title: 'A', startsAt: '2026-11-02T07:00:00Z', endsAt: '2026-11-02T08:00:00Z' }),
          )
          .expect(201)
      ).body.id;
      t.clock.set('2026-10-01T07:01:00Z');
      const b = (
        await as(orderer.token)
          .post(
            '/booking-requests',
            order({
              title: 'B',
              organisationId: projectId,
              startsAt: '2026-11-02T22:30:00Z',
              endsAt: '2026-11-02T23:30:00Z',
            }),
          )
          .expect(201)
      ).body.id;
      t.clock.set(NOW);
      const ids = async (query: string) =>
        (await as(orderer.token).get(`/booking-requests?limit=100&${query}`).expect(200)).body.items.map(
          (r: { id: string }) => r.id,
        );
      expect(await ids(`organisationId=${projectId}`)).toEqual([b]);
      // 3 Nov 00:30 in Helsinki is 2 Nov in UTC: days are the county's.
      expect(await ids('from=2026-11-02&to=2026-11-02')).toEqual([a]);
      expect(await ids('from=2026-11-03')).toEqual([b]);
      const newest = await ids('sort=newest&from=2026-11-02&to=2026-11-03');
      expect(newest).toEqual([b, a]);
      const bad = await as(orderer.token).get('/booking-requests?sort=oldest').expect(400);
      expect(bad.body.errors[0].field).toBe('sort');
    });
  });

  // An order of `topic` sent, offered to a bookable expert of it and accepted.
  async function booked(
    topic: string,
    startsAt: string,
    endsAt: string,
    extra: Record<string, unknown> = {},
    expertOptions: { name?: string } = {},
  ) {
    const expert = await createBookableExpert(t.db, { topics: [topic], ...expertOptions });
    const created = await as(orderer.token)
      .post('/booking-requests', order({ topics: [topic], startsAt, endsAt, ...extra }))
      .expect(201);
    const id = created.body.id as string;
    await as(orderer.token).post(`/booking-requests/${id}/submit`).expect(200);
    const [offer] = (
      await as(coordinator)
        .post(`/booking-requests/${id}/offers`, { expertIds: [expert.id], deadline: '2026-10-05T12:00:00Z' })
        .expect(201)
    ).body;
    const accepted = await as(await login(t.http, expert))
      .post(`/offers/${offer.id}/accept`)
      .expect(201);
    return {
      expert,
      requestId: id,
      assignmentId: accepted.body.id as string,
      estimate: created.body.feeEstimateCents as number,
    };
  }

  describe('the cancellation quote', () => {
    it.each([
      [
        'just under 48 hours before: the full fee falls due, as the cancellation then records',
        '2026-10-13T07:00:00.001Z',
        true,
      ],
      ['exactly 48 hours before: nothing is due', '2026-10-13T07:00:00.000Z', false],
    ])('%s', async (_label, at, due) => {
      const { requestId, estimate } = await booked('neurodivergence', '2026-10-15T07:00:00Z', '2026-10-15T09:00:00Z');
      t.clock.set(at);
      try {
        const token = await login(t.http, orderer);
        const quote = await as(token).get(`/booking-requests/${requestId}/cancellation-quote`).expect(200);
        expect(quote.body).toMatchObject({
          lateCancellationHours: 48,
          feeDue: due,
          totalFeeCents: due ? estimate : 0,
          quotedAt: new Date(at).toISOString(),
        });
        expect(quote.body.assignments).toHaveLength(1);
        const cancelled = await as(token)
          .post(`/booking-requests/${requestId}/cancel`, { reason: 'Tilaisuus siirtyy' })
          .expect(200);
        expect(cancelled.body.assignments[0].feeDue).toBe(due);
      } finally {
        t.clock.set(NOW);
      }
    });

    it('quotes no fee for an expert who declines fees, as the fee run pays none, and says only that none is paid', async () => {
      const volunteer = await booked('neurodivergence', '2026-10-15T10:00:00Z', '2026-10-15T12:00:00Z', {
        expertsNeeded: 2,
      });
      await setPaymentDetails(t.db, volunteer.expert.id, { declinesFee: true });
      const paid = await createBookableExpert(t.db, { topics: ['neurodivergence'] });
      await setPaymentDetails(t.db, paid.id, { declinesFee: false });
      const [offer] = (
        await as(coordinator)
          .post(`/booking-requests/${volunteer.requestId}/offers`, {
            expertIds: [paid.id],
            deadline: '2026-10-05T12:00:00Z',
          })
          .expect(201)
      ).body;
      const accepted = await as(await login(t.http, paid))
        .post(`/offers/${offer.id}/accept`)
        .expect(201);
      // Under 48 hours before the start: by the rule the full fee falls due for both.
      t.clock.set('2026-10-13T12:00:00Z');
      try {
        const token = await login(t.http, orderer);
        const quote = await as(token).get(`/booking-requests/${volunteer.requestId}/cancellation-quote`).expect(200);
        expect(quote.body).toMatchObject({ feeDue: true, noFeePaid: true, totalFeeCents: volunteer.estimate });
        expect(quote.body.assignments).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              assignmentId: volunteer.assignmentId,
              feeDue: true,
              noFeePaid: true,
              feeCents: 0,
            }),
            expect.objectContaining({
              assignmentId: accepted.body.id,
              feeDue: true,
              noFeePaid: false,
              feeCents: volunteer.estimate,
            }),
          ]),
        );
        // Alone, the volunteer's assignment costs nothing to cancel, and the quote says no more than that.
        const alone = await as(token).get(`/assignments/${volunteer.assignmentId}/cancellation-quote`).expect(200);
        expect(alone.body).toMatchObject({
          feeDue: false,
          noFeePaid: true,
          totalFeeCents: 0,
          assignments: [{ assignmentId: volunteer.assignmentId, feeDue: true, noFeePaid: true, feeCents: 0 }],
        });
        expect(JSON.stringify(alone.body)).not.toMatch(/declin|volunt|payee/i);
      } finally {
        t.clock.set(NOW);
      }
    });

    it('leaves out of the order’s estimate the fee of a booked expert for whose work none is paid, without saying why', async () => {
      const volunteer = await booked('neurodivergence', '2026-10-17T10:00:00Z', '2026-10-17T12:00:00Z', {
        expertsNeeded: 2,
      });
      const before = await as(orderer.token).get(`/booking-requests/${volunteer.requestId}`).expect(200);
      expect(before.body).toMatchObject({
        feeEstimateCents: volunteer.estimate,
        feeEstimateTotalCents: 2 * volunteer.estimate,
        assignments: [{ id: volunteer.assignmentId, noFeePaid: false }],
      });
      await setPaymentDetails(t.db, volunteer.expert.id, { declinesFee: true });
      const read = await as(orderer.token).get(`/booking-requests/${volunteer.requestId}`).expect(200);
      // The per-expert estimate is the work's price; the order's total counts only the place still to be filled.
      expect(read.body).toMatchObject({
        feeEstimateCents: volunteer.estimate,
        feeEstimateTotalCents: volunteer.estimate,
        assignments: [{ id: volunteer.assignmentId, noFeePaid: true }],
      });
      const listed = await as(orderer.token).get('/booking-requests?limit=100').expect(200);
      expect(listed.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: volunteer.requestId, feeEstimateTotalCents: volunteer.estimate }),
        ]),
      );
      expect(JSON.stringify(read.body)).not.toMatch(/declin|volunt|payee/i);
    });

    it('quotes one assignment, and nothing for an order with no expert booked', async () => {
      const { assignmentId } = await booked('neurodivergence', '2026-10-16T07:00:00Z', '2026-10-16T08:00:00Z');
      const quote = await as(orderer.token).get(`/assignments/${assignmentId}/cancellation-quote`).expect(200);
      expect(quote.body).toMatchObject({
        feeDue: false,
        totalFeeCents: 0,
        noFeePaid: false,
        assignments: [{ assignmentId, feeDue: false, noFeePaid: false, feeCents: 0 }],
      });
      const created = await as(orderer.token).post('/booking-requests', order()).expect(201);
      const empty = await as(orderer.token).get(`/booking-requests/${created.body.id}/cancellation-quote`).expect(200);
      expect(empty.body).toMatchObject({ feeDue: false, totalFeeCents: 0, assignments: [] });
    });

    it('tells the timeline of an order: sent, offers out and answered, booked, cancelled, naming no expert before acceptance', async () => {
      const decliner = await createBookableExpert(t.db, { topics: ['neurodivergence'], name: 'Dagny Declinerson' });
      const { requestId, assignmentId } = await booked(
        'neurodivergence',
        '2026-10-22T07:00:00Z',
        '2026-10-22T08:00:00Z',
        { expertsNeeded: 2 },
      );
      const [offer] = (
        await as(coordinator)
          .post(`/booking-requests/${requestId}/offers`, { expertIds: [decliner.id], deadline: '2026-10-05T12:00:00Z' })
          .expect(201)
      ).body;
      await as(await login(t.http, decliner))
        .post(`/offers/${offer.id}/decline`, { reason: 'Ei sovi' })
        .expect(200);
      await as(orderer.token)
        .post(`/booking-requests/${requestId}/cancel`, { reason: 'Tilaisuus siirtyy' })
        .expect(200);
      const res = await as(orderer.token).get(`/booking-requests/${requestId}/timeline`).expect(200);
      const kinds = res.body.map((e: { kind: string }) => e.kind);
      expect(kinds).toEqual(
        expect.arrayContaining([
          'created',
          'submitted',
          'offers_sent',
          'offer_declined',
          'booked',
          'assignment_cancelled',
          'cancelled',
        ]),
      );
      expect(res.body.find((e: { kind: string }) => e.kind === 'booked').assignmentId).toBe(assignmentId);
      expect(res.body.find((e: { kind: string }) => e.kind === 'offer_declined').assignmentId).toBeNull();
      expect(JSON.stringify(res.body)).not.toMatch(/Dagny|Ei sovi/);
      const times = res.body.map((e: { at: string }) => e.at);
      expect([...times].sort()).toEqual(times);
    });

    it('refuses a quote for an order that can no longer be cancelled', async () => {
      const created = await as(orderer.token).post('/booking-requests', order()).expect(201);
      await as(orderer.token).post(`/booking-requests/${created.body.id}/cancel`, { reason: 'x' }).expect(200);
      const res = await as(orderer.token).get(`/booking-requests/${created.body.id}/cancellation-quote`).expect(409);
      expect(res.body.code).toBe('REQUEST_STATUS_CONFLICT');
    });
  });

  describe('a no-show', () => {
    it('records that the expert did not come: no fee can be claimed, the coordinators are told in their language, the audit keeps it', async () => {
      const svCoordinator = await createUser(t.db, Role.Coordinator, { language: Language.Sv });
      const {
        expert,
        requestId: id,
        assignmentId,
      } = await booked(
        'long_term_illness',
        '2026-10-23T07:00:00Z',
        '2026-10-23T08:00:00Z',
        {},
        { name: 'Niko Noshow' },
      );
      t.clock.set('2026-10-23T09:00:00Z');
      try {
        const token = await login(t.http, orderer);
        const res = await as(token).post(`/assignments/${assignmentId}/complete`, { tookPlace: false }).expect(200);
        expect(res.body.status).toBe('not_held');
        const mail = await t.mail.waitFor(
          (m) => m.to === svCoordinator.email && m.subject.startsWith('Erfarenhetsexperten kom inte'),
        );
        expect(mail.text).toContain('Niko Noshow');
        expect(mail.text).toContain('Inget arvode betalas');
        const claim = await as(await login(t.http, expert))
          .post('/claims', { assignmentId })
          .expect(409);
        expect(claim.body.code).toBe('ASSIGNMENT_NOT_CLAIMABLE');
        const [audit] = await t.db.query(
          `SELECT actor_id, details FROM audit_events WHERE entity_id = $1 AND action = 'assignment.not_held'`,
          [assignmentId],
        );
        expect(audit).toMatchObject({ actor_id: orderer.id, details: { by: 'orderer' } });
        expect((await as(token).get(`/booking-requests/${id}`).expect(200)).body.status).toBe('completed');
        await as(token).post(`/assignments/${assignmentId}/feedback`, { rating: 1 }).expect(409);
      } finally {
        t.clock.set(NOW);
      }
    });
  });
});
