import { Role } from '../../../src/common/auth/role.enum';
import { randomToken, sha256 } from '../../../src/common/crypto/tokens';
import { AssignmentStatus } from '../../../src/modules/booking/entities/assignment.entity';
import { RequestStatus } from '../../../src/modules/booking/entities/booking-request.entity';
import { CalendarFeedEntity } from '../../../src/modules/booking/entities/calendar-feed.entity';
import { createAssignment, createOffer, createRequest } from '../../factories/booking.factory';
import { createBookableExpert } from '../../factories/bookable.factory';
import { samplePdf } from '../../factories/credentials.factory';
import { createExpert } from '../../factories/experts.factory';
import { addMember, createUnit } from '../../factories/organisations.factory';
import { createUser, login } from '../../factories/users.factory';
import { buildOpenApi } from '../../../src/http-app';
import { apiPath } from '../../utils/api-agent';
import { BOOKING_ROUTE_PREFIXES, CONTRACT_ROUTE_PREFIXES, documentedRoutes } from '../../utils/routes';
import { createTestApp, TestApp } from '../../utils/test-app';
import { itAnswersEveryRouteAsEveryRole, onlyRoles, RouteRow, Who } from '../../utils/authorization-table';

type Staff = Role.Orderer | Role.Coordinator | Role.Admin;
// The app's clock stands on 1 Oct 2026; orders lie in the weeks after it, completed work in September.
const NOW = '2026-10-01T07:00:00Z';
const only = onlyRoles;
const everyone = (status: number): Record<Who, number> => ({
  none: status,
  orderer: status,
  expert: status,
  coordinator: status,
  admin: status,
});

describe('booking authorization: every route × every role', () => {
  let t: TestApp;
  const tokens = {} as Record<Role, string>;
  const ids = {} as Record<string, string>;
  // Routes that change state get one target per role allowed, so that each role's call is judged on its own.
  const perRole = {} as Record<'cancelRequest' | 'cancelAssignment' | 'complete', Record<Staff, string>>;
  const staffOnly = {} as Record<'offerRequest' | 'assignRequest', Record<Role.Coordinator | Role.Admin, string>>;
  let candidate: string;
  let directlyBookable: string;
  let unitA: string;
  let feedToken: string;
  const others = {} as Record<'ordererB' | 'expertB', string>;

  // Each fixture on a day of its own, so that the expert's holding assignments never overlap. Future orders start
  // after 10 Oct, the answer deadline of every offer here.
  const days = { future: 0, past: 0 };
  const slot = (from: string, n: number) => {
    const startsAt = new Date(Date.parse(from) + n * 24 * 3600_000);
    return { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3600_000).toISOString() };
  };
  const future = () => slot('2026-10-11T07:00:00Z', days.future++);
  const past = () => slot('2026-08-01T07:00:00Z', days.past++);

  const order = () => ({
    organisationId: unitA,
    taskType: 'working_group',
    title: 'Asiakasraati',
    ...future(),
    remote: false,
    municipality: '905',
    address: 'Hietalahdenkatu 2, Vaasa',
    languages: ['fi'],
    expertsNeeded: 1,
  });

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(NOW);
    const orderer = await createUser(t.db, Role.Orderer);
    const expert = await createExpert(t.db);
    for (const user of [orderer, expert, await createUser(t.db, Role.Coordinator), await createUser(t.db, Role.Admin)])
      tokens[user.role] = await login(t.http, user);
    const coordinatorId = (await t.http.get('/me').set('authorization', `Bearer ${tokens.coordinator}`)).body
      .id as string;
    unitA = (await createUnit(t.db)).id;
    await addMember(t.db, unitA, orderer.id);
    const ordererB = await createUser(t.db, Role.Orderer);
    await addMember(t.db, (await createUnit(t.db)).id, ordererB.id);
    others.ordererB = await login(t.http, ordererB);
    others.expertB = await login(t.http, await createExpert(t.db));
    candidate = (await createBookableExpert(t.db)).id;
    directlyBookable = (await createBookableExpert(t.db)).id;

    const request = (overrides: Parameters<typeof createRequest>[3] = {}) =>
      createRequest(t.db, unitA, orderer.id, { ...future(), ...overrides });
    const held = async (status = AssignmentStatus.Accepted, when = future()) => {
      const r = await request({ ...when, status: RequestStatus.Filled });
      return (await createAssignment(t.db, r, expert.id, { status })).id;
    };

    ids.request = (await request()).id;
    ids.draft = (await request({ status: RequestStatus.Draft })).id;
    ids.draftToSubmit = (await request({ status: RequestStatus.Draft })).id;
    ids.offerToAccept = (await createOffer(t.db, await request(), expert.id, coordinatorId)).id;
    ids.offerToDecline = (await createOffer(t.db, await request(), expert.id, coordinatorId)).id;
    ids.assignment = await held();
    ids.assignmentToWithdraw = await held();
    ids.completed = await held(AssignmentStatus.Completed, past());
    // Changes of time: work to propose one for, and proposals waiting for the expert's answer.
    const proposed = async () => {
      const id = await held();
      const to = future();
      await t.db.query(
        `INSERT INTO assignment_time_changes (assignment_id, from_starts_at, from_ends_at, starts_at, ends_at, proposed_by, proposed_at)
         SELECT id, starts_at, ends_at, $2, $3, $4, now() FROM assignments WHERE id = $1`,
        [id, to.startsAt, to.endsAt, orderer.id],
      );
      return id;
    };
    ids.toMove = await held();
    ids.changeToAccept = await proposed();
    ids.changeToDecline = await proposed();
    perRole.cancelRequest = {
      orderer: (await request()).id,
      coordinator: (await request()).id,
      admin: (await request()).id,
    };
    perRole.cancelAssignment = { orderer: await held(), coordinator: await held(), admin: await held() };
    // Work done under a signed contract (confirmed) is what can be confirmed as done.
    perRole.complete = {
      orderer: await held(AssignmentStatus.Confirmed, past()),
      coordinator: await held(AssignmentStatus.Confirmed, past()),
      admin: await held(AssignmentStatus.Confirmed, past()),
    };
    staffOnly.offerRequest = { coordinator: (await request()).id, admin: (await request()).id };
    staffOnly.assignRequest = { coordinator: (await request()).id, admin: (await request()).id };

    // Material files: a draft to attach one to, a draft to remove one from, and an order offered to the expert.
    const attachMaterial = (id: string) =>
      t.http
        .put(`/booking-requests/${id}/material`)
        .set('authorization', `Bearer ${tokens.orderer}`)
        .attach('file', samplePdf(), { filename: 'ohjelma.pdf', contentType: 'application/pdf' })
        .expect(200);
    ids.draftForMaterial = (await request({ status: RequestStatus.Draft })).id;
    ids.draftWithMaterial = (await request({ status: RequestStatus.Draft })).id;
    await attachMaterial(ids.draftWithMaterial);
    ids.requestWithMaterial = (await request({ status: RequestStatus.Draft })).id;
    await attachMaterial(ids.requestWithMaterial);
    await t.db.query(`UPDATE booking_requests SET status = 'submitted', submitted_at = now() WHERE id = $1`, [
      ids.requestWithMaterial,
    ]);
    await createOffer(t.db, { id: ids.requestWithMaterial }, expert.id, coordinatorId);
    ids.foreignWithMaterial = (await request({ status: RequestStatus.Draft })).id;
    await attachMaterial(ids.foreignWithMaterial);

    // Another expert's feed: the expert in the table makes and drops their own.
    feedToken = randomToken();
    await t.db
      .getRepository(CalendarFeedEntity)
      .insert({ expertId: (await createExpert(t.db)).id, tokenHash: sha256(feedToken) });

    // Object-level targets that no allowed caller changes.
    ids.foreignRequest = (await request()).id;
    ids.foreignDraft = (await request({ status: RequestStatus.Draft })).id;
    ids.foreignOffer = (await createOffer(t.db, await request(), expert.id, coordinatorId)).id;
    ids.foreignAssignment = await held();
    ids.foreignPast = await held(undefined, past());
    ids.foreignCompleted = await held(AssignmentStatus.Completed, past());
    ids.foreignChange = await proposed();
  });
  afterAll(() => t.close());

  const staffTarget = (targets: Record<Staff, string>) => (who: Who) => targets[who as Staff] ?? targets.orderer;
  const adminTarget = (targets: Record<Role.Coordinator | Role.Admin, string>) => (who: Who) =>
    targets[who as Role.Admin] ?? targets.coordinator;
  // PRODUCT §1: the admin keeps accounts, units, projects, travel rates and the audit trail; orders are not theirs.
  const STAFF = [Role.Coordinator];
  const PARTIES = [Role.Orderer, Role.Expert, Role.Coordinator];

  const rows: RouteRow[] = [
    {
      method: 'post',
      template: '/booking-requests',
      path: () => '/booking-requests',
      body: order,
      expect: only([Role.Orderer], 201),
    },
    {
      method: 'get',
      template: '/booking-requests',
      path: () => '/booking-requests',
      expect: only([Role.Orderer, ...STAFF], 200),
    },
    {
      method: 'get',
      template: '/booking-requests/{id}',
      path: () => `/booking-requests/${ids.request}`,
      expect: only([Role.Orderer, ...STAFF], 200),
    },
    {
      method: 'put',
      template: '/booking-requests/{id}',
      path: () => `/booking-requests/${ids.draft}`,
      body: order,
      expect: only([Role.Orderer], 200),
    },
    {
      method: 'post',
      template: '/booking-requests/{id}/submit',
      path: () => `/booking-requests/${ids.draftToSubmit}/submit`,
      expect: only([Role.Orderer], 200),
    },
    {
      method: 'post',
      template: '/booking-requests/{id}/cancel',
      path: (who) => `/booking-requests/${staffTarget(perRole.cancelRequest)(who)}/cancel`,
      body: () => ({ reason: 'Tilaisuus siirtyy' }),
      expect: only([Role.Orderer, ...STAFF], 200),
    },
    {
      method: 'put',
      template: '/booking-requests/{id}/material',
      path: () => `/booking-requests/${ids.draftForMaterial}/material`,
      send: (req) => req.attach('file', samplePdf(), { filename: 'ohjelma.pdf', contentType: 'application/pdf' }),
      expect: only([Role.Orderer], 200),
    },
    {
      method: 'delete',
      template: '/booking-requests/{id}/material',
      path: () => `/booking-requests/${ids.draftWithMaterial}/material`,
      expect: only([Role.Orderer], 204),
    },
    {
      method: 'get',
      template: '/booking-requests/{id}/material',
      path: () => `/booking-requests/${ids.requestWithMaterial}/material`,
      expect: only(PARTIES, 200),
    },
    {
      method: 'get',
      template: '/booking-requests/{id}/cancellation-quote',
      path: () => `/booking-requests/${ids.request}/cancellation-quote`,
      expect: only([Role.Orderer, ...STAFF], 200),
    },
    {
      method: 'get',
      template: '/booking-requests/{id}/timeline',
      path: () => `/booking-requests/${ids.request}/timeline`,
      expect: only([Role.Orderer, ...STAFF], 200),
    },
    {
      method: 'get',
      template: '/assignments/{id}/cancellation-quote',
      path: () => `/assignments/${ids.assignment}/cancellation-quote`,
      expect: only([Role.Orderer, ...STAFF], 200),
    },
    {
      method: 'get',
      template: '/booking-requests/{id}/matching',
      path: () => `/booking-requests/${ids.request}/matching`,
      expect: only(STAFF, 200),
    },
    {
      method: 'get',
      template: '/booking-requests/{id}/candidates',
      path: () => `/booking-requests/${ids.request}/candidates`,
      expect: only(STAFF, 200),
    },
    {
      method: 'get',
      template: '/booking-requests/{id}/match-funnel',
      path: () => `/booking-requests/${ids.request}/match-funnel`,
      expect: only(STAFF, 200),
    },
    {
      method: 'post',
      template: '/booking-requests/{id}/offers',
      path: (who) => `/booking-requests/${adminTarget(staffOnly.offerRequest)(who)}/offers`,
      body: () => ({ expertIds: [candidate], deadline: '2026-10-10T12:00:00Z' }),
      expect: only(STAFF, 201),
    },
    {
      method: 'post',
      template: '/booking-requests/{id}/assignments',
      path: (who) => `/booking-requests/${adminTarget(staffOnly.assignRequest)(who)}/assignments`,
      body: () => ({ expertId: directlyBookable }),
      expect: only(STAFF, 201),
    },
    { method: 'get', template: '/offers', path: () => '/offers', expect: only([Role.Expert], 200) },
    {
      method: 'post',
      template: '/offers/{id}/accept',
      path: () => `/offers/${ids.offerToAccept}/accept`,
      body: () => ({}),
      expect: only([Role.Expert], 201),
    },
    {
      method: 'post',
      template: '/offers/{id}/decline',
      path: () => `/offers/${ids.offerToDecline}/decline`,
      body: () => ({}),
      expect: only([Role.Expert], 200),
    },
    { method: 'get', template: '/assignments', path: () => '/assignments', expect: only([Role.Expert], 200) },
    {
      method: 'get',
      template: '/assignments/{id}',
      path: () => `/assignments/${ids.assignment}`,
      expect: only(PARTIES, 200),
    },
    {
      method: 'post',
      template: '/assignments/{id}/cancel',
      path: (who) => `/assignments/${staffTarget(perRole.cancelAssignment)(who)}/cancel`,
      body: () => ({ reason: 'Tila ei ole käytettävissä' }),
      expect: only([Role.Orderer, ...STAFF], 200),
    },
    {
      method: 'post',
      template: '/assignments/{id}/withdraw',
      path: () => `/assignments/${ids.assignmentToWithdraw}/withdraw`,
      body: () => ({ reason: 'Sairastuin' }),
      expect: only([Role.Expert], 200),
    },
    {
      method: 'post',
      template: '/assignments/{id}/time-change',
      path: () => `/assignments/${ids.toMove}/time-change`,
      body: () => future(),
      expect: only([Role.Orderer], 201),
    },
    {
      method: 'post',
      template: '/assignments/{id}/time-change/accept',
      path: () => `/assignments/${ids.changeToAccept}/time-change/accept`,
      expect: only([Role.Expert], 200),
    },
    {
      method: 'post',
      template: '/assignments/{id}/time-change/decline',
      path: () => `/assignments/${ids.changeToDecline}/time-change/decline`,
      expect: only([Role.Expert], 200),
    },
    {
      method: 'post',
      template: '/assignments/{id}/complete',
      path: (who) => `/assignments/${staffTarget(perRole.complete)(who)}/complete`,
      body: () => ({ tookPlace: true }),
      expect: only([Role.Orderer, ...STAFF], 200),
    },
    // Each side once: the orderer's and the expert's calls do not collide.
    {
      method: 'post',
      template: '/assignments/{id}/feedback',
      path: () => `/assignments/${ids.completed}/feedback`,
      body: () => ({ rating: 4 }),
      expect: only([Role.Orderer, Role.Expert], 201),
    },
    {
      method: 'get',
      template: '/assignments/{id}/feedback',
      path: () => `/assignments/${ids.completed}/feedback`,
      expect: only(PARTIES, 200),
    },
    {
      method: 'get',
      template: '/experts/me/calendar-feed',
      path: () => '/experts/me/calendar-feed',
      expect: only([Role.Expert], 200),
    },
    {
      method: 'post',
      template: '/experts/me/calendar-feed',
      path: () => '/experts/me/calendar-feed',
      expect: only([Role.Expert], 201),
    },
    {
      method: 'delete',
      template: '/experts/me/calendar-feed',
      path: () => '/experts/me/calendar-feed',
      expect: only([Role.Expert], 204),
    },
    // Public: the token is the credential, whoever calls.
    {
      method: 'get',
      template: '/calendar/{token}.ics',
      path: () => `/calendar/${feedToken}.ics`,
      expect: everyone(200),
    },
  ];

  it('covers every documented route under the booking prefixes', () => {
    expect(new Set(rows.map((r) => `${r.method} ${r.template}`))).toEqual(
      documentedRoutes(t.app, BOOKING_ROUTE_PREFIXES, CONTRACT_ROUTE_PREFIXES),
    );
  });

  it('documents the success status each route really answers with', () => {
    const paths = buildOpenApi(t.app).paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;
    const undocumented = rows
      .map((row) => ({
        route: `${row.method} ${row.template}`,
        status: String(Object.values(row.expect).find((s) => s < 300)),
      }))
      .filter(({ route, status }) => {
        const [method, template] = route.split(' ');
        return !(status in paths[apiPath(template)][method].responses);
      });
    expect(undocumented).toEqual([]);
  });

  itAnswersEveryRouteAsEveryRole(rows, () => ({ http: t.http, tokens }));

  // Another unit's orderer and another expert reach nothing of this unit's or this expert's, and learn nothing.
  const foreign: {
    name: string;
    as: 'ordererB' | 'expertB';
    method: 'get' | 'post' | 'put' | 'delete';
    path: () => string;
    body?: () => object;
    status: number;
    code: string;
  }[] = [
    {
      name: 'orderer B reads orderer A’s request',
      as: 'ordererB',
      method: 'get',
      path: () => `/booking-requests/${ids.foreignRequest}`,
      status: 404,
      code: 'REQUEST_NOT_FOUND',
    },
    {
      name: 'orderer B edits orderer A’s draft',
      as: 'ordererB',
      method: 'put',
      path: () => `/booking-requests/${ids.foreignDraft}`,
      body: order,
      status: 404,
      code: 'REQUEST_NOT_FOUND',
    },
    {
      name: 'orderer B submits orderer A’s draft',
      as: 'ordererB',
      method: 'post',
      path: () => `/booking-requests/${ids.foreignDraft}/submit`,
      status: 404,
      code: 'REQUEST_NOT_FOUND',
    },
    {
      name: 'orderer B cancels orderer A’s request',
      as: 'ordererB',
      method: 'post',
      path: () => `/booking-requests/${ids.foreignRequest}/cancel`,
      body: () => ({ reason: 'x' }),
      status: 404,
      code: 'REQUEST_NOT_FOUND',
    },
    {
      name: 'orderer B orders for orderer A’s unit',
      as: 'ordererB',
      method: 'post',
      path: () => '/booking-requests',
      body: order,
      status: 403,
      code: 'NOT_OWN_ORGANISATION',
    },
    {
      name: 'orderer B reads orderer A’s material',
      as: 'ordererB',
      method: 'get',
      path: () => `/booking-requests/${ids.foreignWithMaterial}/material`,
      status: 404,
      code: 'REQUEST_NOT_FOUND',
    },
    {
      name: 'orderer B removes orderer A’s material',
      as: 'ordererB',
      method: 'delete',
      path: () => `/booking-requests/${ids.foreignWithMaterial}/material`,
      status: 404,
      code: 'REQUEST_NOT_FOUND',
    },
    {
      name: 'orderer B asks what cancelling orderer A’s request would cost',
      as: 'ordererB',
      method: 'get',
      path: () => `/booking-requests/${ids.foreignRequest}/cancellation-quote`,
      status: 404,
      code: 'REQUEST_NOT_FOUND',
    },
    {
      name: 'orderer B asks what cancelling orderer A’s assignment would cost',
      as: 'ordererB',
      method: 'get',
      path: () => `/assignments/${ids.foreignAssignment}/cancellation-quote`,
      status: 404,
      code: 'ASSIGNMENT_NOT_FOUND',
    },
    {
      name: 'orderer B proposes a new time for orderer A’s assignment',
      as: 'ordererB',
      method: 'post',
      path: () => `/assignments/${ids.foreignAssignment}/time-change`,
      body: () => future(),
      status: 404,
      code: 'ASSIGNMENT_NOT_FOUND',
    },
    {
      name: 'expert B accepts a new time for another expert’s assignment',
      as: 'expertB',
      method: 'post',
      path: () => `/assignments/${ids.foreignChange}/time-change/accept`,
      status: 404,
      code: 'ASSIGNMENT_NOT_FOUND',
    },
    {
      name: 'expert B declines a new time for another expert’s assignment',
      as: 'expertB',
      method: 'post',
      path: () => `/assignments/${ids.foreignChange}/time-change/decline`,
      status: 404,
      code: 'ASSIGNMENT_NOT_FOUND',
    },
    {
      name: 'orderer B reads the timeline of orderer A’s request',
      as: 'ordererB',
      method: 'get',
      path: () => `/booking-requests/${ids.foreignRequest}/timeline`,
      status: 404,
      code: 'REQUEST_NOT_FOUND',
    },
    {
      name: 'expert B reads material of work never offered to them',
      as: 'expertB',
      method: 'get',
      path: () => `/booking-requests/${ids.foreignWithMaterial}/material`,
      status: 404,
      code: 'REQUEST_NOT_FOUND',
    },
    {
      name: 'orderer B reads orderer A’s assignment',
      as: 'ordererB',
      method: 'get',
      path: () => `/assignments/${ids.foreignAssignment}`,
      status: 404,
      code: 'ASSIGNMENT_NOT_FOUND',
    },
    {
      name: 'orderer B cancels orderer A’s assignment',
      as: 'ordererB',
      method: 'post',
      path: () => `/assignments/${ids.foreignAssignment}/cancel`,
      body: () => ({ reason: 'x' }),
      status: 404,
      code: 'ASSIGNMENT_NOT_FOUND',
    },
    {
      name: 'orderer B confirms orderer A’s work',
      as: 'ordererB',
      method: 'post',
      path: () => `/assignments/${ids.foreignPast}/complete`,
      body: () => ({ tookPlace: false }),
      status: 404,
      code: 'ASSIGNMENT_NOT_FOUND',
    },
    {
      name: 'orderer B rates orderer A’s assignment',
      as: 'ordererB',
      method: 'post',
      path: () => `/assignments/${ids.foreignCompleted}/feedback`,
      body: () => ({ rating: 1 }),
      status: 404,
      code: 'ASSIGNMENT_NOT_FOUND',
    },
    {
      name: 'orderer B reads orderer A’s feedback',
      as: 'ordererB',
      method: 'get',
      path: () => `/assignments/${ids.foreignCompleted}/feedback`,
      status: 404,
      code: 'ASSIGNMENT_NOT_FOUND',
    },
    {
      name: 'an orderer reads a candidate list',
      as: 'ordererB',
      method: 'get',
      path: () => `/booking-requests/${ids.foreignRequest}/candidates`,
      status: 403,
      code: 'ROLE_NOT_ALLOWED',
    },
    {
      name: 'expert B accepts expert A’s offer',
      as: 'expertB',
      method: 'post',
      path: () => `/offers/${ids.foreignOffer}/accept`,
      body: () => ({}),
      status: 404,
      code: 'OFFER_NOT_FOUND',
    },
    {
      name: 'expert B declines expert A’s offer',
      as: 'expertB',
      method: 'post',
      path: () => `/offers/${ids.foreignOffer}/decline`,
      body: () => ({}),
      status: 404,
      code: 'OFFER_NOT_FOUND',
    },
    {
      name: 'expert B reads expert A’s assignment',
      as: 'expertB',
      method: 'get',
      path: () => `/assignments/${ids.foreignAssignment}`,
      status: 404,
      code: 'ASSIGNMENT_NOT_FOUND',
    },
    {
      name: 'expert B withdraws from expert A’s assignment',
      as: 'expertB',
      method: 'post',
      path: () => `/assignments/${ids.foreignAssignment}/withdraw`,
      body: () => ({ reason: 'x' }),
      status: 404,
      code: 'ASSIGNMENT_NOT_FOUND',
    },
    {
      name: 'expert B rates expert A’s assignment',
      as: 'expertB',
      method: 'post',
      path: () => `/assignments/${ids.foreignCompleted}/feedback`,
      body: () => ({ rating: 1 }),
      status: 404,
      code: 'ASSIGNMENT_NOT_FOUND',
    },
    {
      name: 'expert B reads expert A’s feedback',
      as: 'expertB',
      method: 'get',
      path: () => `/assignments/${ids.foreignCompleted}/feedback`,
      status: 404,
      code: 'ASSIGNMENT_NOT_FOUND',
    },
  ];

  it.each(foreign.map((f) => [f.name, f] as const))('refuses: %s', async (_name, f) => {
    const req = t.http[f.method](f.path()).set('authorization', `Bearer ${others[f.as]}`);
    const res = await (f.body ? req.send(f.body()) : req);
    expect({ status: res.status, code: res.body?.code }).toEqual({ status: f.status, code: f.code });
  });

  it('changed nothing of theirs, and lists none of it to the others', async () => {
    const coordinator = `Bearer ${tokens.coordinator}`;
    const request = await t.http
      .get(`/booking-requests/${ids.foreignRequest}`)
      .set('authorization', coordinator)
      .expect(200);
    expect(request.body.status).toBe('submitted');
    expect(
      (await t.http.get(`/booking-requests/${ids.foreignDraft}`).set('authorization', coordinator).expect(200)).body
        .status,
    ).toBe('draft');
    for (const id of [ids.foreignAssignment, ids.foreignPast]) {
      expect((await t.http.get(`/assignments/${id}`).set('authorization', coordinator).expect(200)).body.status).toBe(
        'accepted',
      );
    }
    expect(
      (await t.http.get(`/assignments/${ids.foreignCompleted}/feedback`).set('authorization', coordinator).expect(200))
        .body,
    ).toEqual([]);
    const listed = await t.http
      .get('/booking-requests?limit=100')
      .set('authorization', `Bearer ${others.ordererB}`)
      .expect(200);
    expect(listed.body.items).toEqual([]);
    expect((await t.http.get('/offers').set('authorization', `Bearer ${others.expertB}`).expect(200)).body).toEqual([]);
    expect(
      (await t.http.get('/assignments').set('authorization', `Bearer ${others.expertB}`).expect(200)).body,
    ).toEqual([]);
  });
});
