import { randomUUID } from 'node:crypto';
import { Role } from '../../../src/common/auth/role.enum';
import { CredentialStatus } from '../../../src/modules/credentials/entities/training-credential.entity';
import { ExpertStatus } from '../../../src/modules/experts/entities/expert.entity';
import { TOPICS_CONSENT_VERSION } from '../../../src/modules/experts/topics-consent';
import { createCredential } from '../../factories/credentials.factory';
import { createExpert } from '../../factories/experts.factory';
import { createUser, login } from '../../factories/users.factory';
import {
  AVAILABILITY_ROUTE_PREFIXES,
  BOOKING_ROUTE_PREFIXES,
  CREDENTIAL_ROUTE_PREFIXES,
  documentedRoutes,
  EXPERT_ROUTE_PREFIXES,
} from '../../utils/routes';
import { createTestApp, TestApp } from '../../utils/test-app';
import { itAnswersEveryRouteAsEveryRole, onlyRoles, RouteRow, Who } from '../../utils/authorization-table';

type Staff = Role.Coordinator | Role.Admin;
const only = onlyRoles;
// PRODUCT §1: experts' profiles, topics and payment details are the coordinator's, never the admin's.
const STAFF = [Role.Coordinator];
const IBAN = 'FI21 1234 5600 0007 85';

// Credentials, availability and the calendar feed have tables of their own.
const OWN_TABLES = [...CREDENTIAL_ROUTE_PREFIXES, ...AVAILABILITY_ROUTE_PREFIXES, ...BOOKING_ROUTE_PREFIXES];

describe('experts authorization: every route × every role', () => {
  let t: TestApp;
  const tokens = {} as Record<Role, string>;
  let profile: string;
  let ordererId: string;
  // Lifecycle changes get one target per staff role, so that each role's call is judged on its own.
  const targets = {} as Record<'activate' | 'retire' | 'anonymise' | 'pause' | 'resume', Record<Staff, string>>;

  beforeAll(async () => {
    t = await createTestApp();
    const expert = await createExpert(t.db);
    const orderer = await createUser(t.db, Role.Orderer);
    ordererId = orderer.id;
    for (const user of [
      expert,
      orderer,
      await createUser(t.db, Role.Coordinator),
      await createUser(t.db, Role.Admin),
    ]) {
      tokens[user.role] = await login(t.http, user);
    }
    await t.http
      .put('/experts/me/payment-details')
      .set('authorization', `Bearer ${tokens.expert}`)
      .send({ iban: IBAN, payee: 'expert' })
      .expect(200);

    const other = await createExpert(t.db);
    await t.http
      .put('/experts/me/payment-details')
      .set('authorization', `Bearer ${await login(t.http, other)}`)
      .send({ iban: IBAN, payee: 'expert' })
      .expect(200);
    profile = other.id;

    const verifier = await createUser(t.db, Role.Coordinator);
    const applicant = async () => {
      const a = await createExpert(t.db, { status: ExpertStatus.Applicant });
      await createCredential(t.db, a.id, { status: CredentialStatus.Verified, decidedBy: verifier.id });
      return a.id;
    };
    const active = async () => (await createExpert(t.db)).id;
    targets.activate = { coordinator: await applicant(), admin: await applicant() };
    targets.retire = { coordinator: await active(), admin: await active() };
    targets.anonymise = { coordinator: await active(), admin: await active() };
    targets.pause = { coordinator: await active(), admin: await active() };
    const paused = async () => (await createExpert(t.db, { status: ExpertStatus.Paused })).id;
    targets.resume = { coordinator: await paused(), admin: await paused() };
  });
  afterAll(() => t.close());

  const target = (action: keyof typeof targets) => (who: Who) =>
    targets[action][who as Staff] ?? targets[action].coordinator;

  const rows: RouteRow[] = [
    // Public: the same answer whoever calls, and whether or not the address is known.
    {
      method: 'post',
      template: '/experts/applications',
      path: () => '/experts/applications',
      body: () => ({ email: `applicant-${randomUUID()}@example.test`, name: 'Maija Meikäläinen' }),
      expect: { none: 202, orderer: 202, expert: 202, coordinator: 202, admin: 202 },
    },
    { method: 'get', template: '/topics', path: () => '/topics', expect: only(Object.values(Role), 200) },
    { method: 'get', template: '/experts', path: () => '/experts', expect: only(STAFF, 200) },
    { method: 'get', template: '/experts/{id}', path: () => `/experts/${profile}`, expect: only(STAFF, 200) },
    {
      method: 'get',
      template: '/experts/{id}/payment-details',
      path: () => `/experts/${profile}/payment-details`,
      expect: only(STAFF, 200),
    },
    {
      method: 'post',
      template: '/experts/{id}/activate',
      path: (who) => `/experts/${target('activate')(who)}/activate`,
      expect: only(STAFF, 200),
    },
    {
      method: 'post',
      template: '/experts/{id}/pause',
      path: (who) => `/experts/${target('pause')(who)}/pause`,
      body: () => ({ reason: 'Pyysi puhelimessa taukoa' }),
      expect: only(STAFF, 200),
    },
    {
      method: 'post',
      template: '/experts/{id}/resume',
      path: (who) => `/experts/${target('resume')(who)}/resume`,
      expect: only(STAFF, 200),
    },
    {
      method: 'get',
      template: '/experts/{id}/overview',
      path: () => `/experts/${profile}/overview`,
      expect: only(STAFF, 200),
    },
    {
      method: 'post',
      template: '/experts/{id}/retire',
      path: (who) => `/experts/${target('retire')(who)}/retire`,
      expect: only(STAFF, 200),
    },
    {
      method: 'post',
      template: '/experts/{id}/anonymise',
      path: (who) => `/experts/${target('anonymise')(who)}/anonymise`,
      body: () => ({ reason: 'Erasure requested by the expert (GDPR art. 17)' }),
      expect: only(STAFF, 200),
    },
    // The expert's own: only the expert role, and only their own profile.
    { method: 'get', template: '/experts/me', path: () => '/experts/me', expect: only([Role.Expert], 200) },
    {
      method: 'patch',
      template: '/experts/me',
      path: () => '/experts/me',
      body: () => ({ phone: '+358 40 123 4567' }),
      expect: only([Role.Expert], 200),
    },
    {
      method: 'put',
      template: '/experts/me/topics',
      path: () => '/experts/me/topics',
      body: () => ({ topics: ['ageing'], consentVersion: TOPICS_CONSENT_VERSION }),
      expect: only([Role.Expert], 200),
    },
    // Pause before resume: each moves the expert on from where the one before left them.
    {
      method: 'post',
      template: '/experts/me/pause',
      path: () => '/experts/me/pause',
      expect: only([Role.Expert], 200),
    },
    {
      method: 'post',
      template: '/experts/me/resume',
      path: () => '/experts/me/resume',
      expect: only([Role.Expert], 200),
    },
    {
      method: 'get',
      template: '/experts/me/payment-details',
      path: () => '/experts/me/payment-details',
      expect: only([Role.Expert], 200),
    },
    {
      method: 'put',
      template: '/experts/me/payment-details',
      path: () => '/experts/me/payment-details',
      body: () => ({ iban: IBAN, payee: 'expert' }),
      expect: only([Role.Expert], 200),
    },
    {
      method: 'get',
      template: '/experts/me/payment-details/clear',
      path: () => '/experts/me/payment-details/clear',
      expect: only([Role.Expert], 200),
    },
    { method: 'get', template: '/experts/me/data', path: () => '/experts/me/data', expect: only([Role.Expert], 200) },
    { method: 'get', template: '/experts/me/home', path: () => '/experts/me/home', expect: only([Role.Expert], 200) },
    {
      method: 'post',
      template: '/experts/me/erasure-request',
      path: () => '/experts/me/erasure-request',
      expect: only([Role.Expert], 200),
    },
  ];

  it('covers every documented route under the experts prefixes that has no table of its own', () => {
    const documented = [...documentedRoutes(t.app, EXPERT_ROUTE_PREFIXES)].filter(
      (r) => !OWN_TABLES.some((p) => r.split(' ')[1].startsWith(p)),
    );
    expect(new Set(rows.map((r) => `${r.method} ${r.template}`))).toEqual(new Set(documented));
  });

  itAnswersEveryRouteAsEveryRole(rows, () => ({ http: t.http, tokens }));

  it('audits every refusal by role, one event per refused call', async () => {
    const refused = rows.filter((r) => r.expect.orderer === 403).length;
    const events: { route: string }[] = await t.db.query(
      `SELECT details->>'route' AS route FROM audit_events WHERE action = 'authz.denied' AND actor_id = $1`,
      [ordererId],
    );
    expect(events).toHaveLength(refused);
    expect(events.every((e) => e.route.startsWith('/api/experts'))).toBe(true);
  });
});
