import { randomUUID } from 'node:crypto';
import { Role } from '../../../src/common/auth/role.enum';
import { createExpert } from '../../factories/experts.factory';
import { addCost, createClaim, createFinishedAssignment } from '../../factories/fees.factory';
import { addMember, createUnit } from '../../factories/organisations.factory';
import { createUser, login, loggedIn } from '../../factories/users.factory';
import { documentedRoutes, FEE_ROUTE_PREFIXES } from '../../utils/routes';
import { createTestApp, TestApp } from '../../utils/test-app';
import { itAnswersEveryRouteAsEveryRole, onlyRoles, RouteRow } from '../../utils/authorization-table';

const only = onlyRoles;
const everyone = (ok: number) => only([Role.Orderer, Role.Expert, Role.Coordinator, Role.Admin], ok);
const expert = (ok: number) => only([Role.Expert], ok);
const coordinator = (ok: number) => only([Role.Coordinator], ok);
const ownerOrCoordinator = (ok: number) => only([Role.Expert, Role.Coordinator], ok);

// Fee runs are reached through ids that do not exist (404 for the coordinator): the table never starts
// or changes a run, so it cannot disturb the one-open-run rule of the other specs.
describe('fees authorization: every route × every role', () => {
  let t: TestApp;
  const tokens = {} as Record<Role, string>;
  let claimId: string;
  let costId: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-10-21T08:00:00Z');
    for (const role of [Role.Orderer, Role.Coordinator, Role.Admin])
      tokens[role] = (await loggedIn(t.db, t.http, role)).token;
    const owner = await createExpert(t.db);
    tokens[Role.Expert] = await login(t.http, owner);
    const orderer = await createUser(t.db, Role.Orderer);
    const unit = await createUnit(t.db);
    await addMember(t.db, unit.id, orderer.id);
    const assignmentId = await createFinishedAssignment(t.db, owner.id, {
      organisationId: unit.id,
      createdBy: orderer.id,
    });
    claimId = await createClaim(t.db, owner.id, assignmentId, { decidedBy: orderer.id });
    // An approved claim with one receipt: decisions on it answer 409, the receipt downloads.
    costId = await addCost(t.db, claimId, owner.id);
  });
  afterAll(() => t.close());

  const nobody = () => randomUUID();
  const rows: RouteRow[] = [
    { method: 'get', template: '/fee-schedule', path: () => '/fee-schedule', expect: everyone(200) },
    // The fee schedule and its settings are the coordinator's (UI.md); the admin keeps the travel rates (PRODUCT §1).
    { method: 'post', template: '/fee-schedule', path: () => '/fee-schedule', body: {}, expect: coordinator(400) },
    { method: 'get', template: '/travel-rates', path: () => '/travel-rates', expect: everyone(200) },
    {
      method: 'put',
      template: '/travel-rates/{year}',
      path: () => '/travel-rates/2026',
      body: {},
      expect: only([Role.Admin], 400),
    },
    { method: 'get', template: '/fee-settings', path: () => '/fee-settings', expect: coordinator(200) },
    {
      method: 'patch',
      template: '/fee-settings',
      path: () => '/fee-settings',
      body: { claimTimeLimitDays: 0 },
      expect: coordinator(400),
    },
    { method: 'post', template: '/claims', path: () => '/claims', body: {}, expect: expert(400) },
    { method: 'get', template: '/claims', path: () => '/claims', expect: ownerOrCoordinator(200) },
    { method: 'get', template: '/claims/{id}', path: () => `/claims/${claimId}`, expect: ownerOrCoordinator(200) },
    {
      method: 'patch',
      template: '/claims/{id}',
      path: () => `/claims/${claimId}`,
      body: { note: 'muutettu' },
      expect: expert(409),
    },
    { method: 'post', template: '/claims/{id}/submit', path: () => `/claims/${claimId}/submit`, expect: expert(409) },
    {
      method: 'post',
      template: '/claims/{id}/approve',
      path: () => `/claims/${claimId}/approve`,
      expect: coordinator(409),
    },
    {
      method: 'post',
      template: '/claims/{id}/return',
      path: () => `/claims/${claimId}/return`,
      body: { reason: 'Puuttuu' },
      expect: coordinator(409),
    },
    {
      method: 'post',
      template: '/claims/{id}/costs',
      path: () => `/claims/${claimId}/costs`,
      body: {},
      expect: expert(415),
    },
    {
      method: 'delete',
      template: '/claims/{id}/costs/{costId}',
      path: () => `/claims/${claimId}/costs/${costId}`,
      expect: expert(409),
    },
    {
      method: 'get',
      template: '/claims/{id}/costs/{costId}/receipt',
      path: () => `/claims/${claimId}/costs/${costId}/receipt`,
      expect: ownerOrCoordinator(200),
    },
    { method: 'post', template: '/fee-runs', path: () => '/fee-runs', body: {}, expect: coordinator(400) },
    { method: 'get', template: '/fee-runs', path: () => '/fee-runs', expect: coordinator(200) },
    { method: 'get', template: '/fee-runs/{id}', path: () => `/fee-runs/${nobody()}`, expect: coordinator(404) },
    {
      method: 'get',
      template: '/fee-runs/{id}/progress',
      path: () => `/fee-runs/${nobody()}/progress`,
      expect: coordinator(404),
    },
    {
      method: 'get',
      template: '/fee-runs/{id}/lines',
      path: () => `/fee-runs/${nobody()}/lines`,
      expect: coordinator(404),
    },
    {
      method: 'get',
      template: '/fee-runs/{id}/cost-centres',
      path: () => `/fee-runs/${nobody()}/cost-centres`,
      expect: coordinator(404),
    },
    {
      method: 'post',
      template: '/fee-runs/{id}/approve',
      path: () => `/fee-runs/${nobody()}/approve`,
      expect: coordinator(404),
    },
    {
      method: 'post',
      template: '/fee-runs/{id}/retry',
      path: () => `/fee-runs/${nobody()}/retry`,
      expect: coordinator(404),
    },
    {
      method: 'post',
      template: '/fee-runs/{id}/export',
      path: () => `/fee-runs/${nobody()}/export`,
      expect: coordinator(404),
    },
    {
      method: 'get',
      template: '/fee-runs/{id}/files',
      path: () => `/fee-runs/${nobody()}/files`,
      expect: coordinator(404),
    },
    {
      method: 'get',
      template: '/fee-runs/{id}/files/{fileId}',
      path: () => `/fee-runs/${nobody()}/files/${nobody()}`,
      expect: coordinator(404),
    },
    { method: 'get', template: '/my-fees/earnings', path: () => '/my-fees/earnings', expect: expert(200) },
    { method: 'get', template: '/my-fees/lines', path: () => '/my-fees/lines', expect: expert(200) },
    { method: 'get', template: '/my-fees/statements', path: () => '/my-fees/statements', expect: expert(200) },
    {
      method: 'get',
      template: '/my-fees/statements/{id}',
      path: () => `/my-fees/statements/${nobody()}`,
      expect: expert(404),
    },
    {
      method: 'get',
      template: '/reports/spend',
      path: () => '/reports/spend',
      expect: only([Role.Orderer, Role.Coordinator], 200),
    },
    { method: 'get', template: '/reports/hours', path: () => '/reports/hours', expect: coordinator(200) },
    { method: 'get', template: '/reports/unfilled', path: () => '/reports/unfilled', expect: coordinator(200) },
    { method: 'get', template: '/reports/earnings', path: () => '/reports/earnings', expect: coordinator(200) },
    { method: 'get', template: '/reports/no-shows', path: () => '/reports/no-shows', expect: coordinator(200) },
  ];

  it('covers every documented route under the fee prefixes', () => {
    expect(new Set(rows.map((r) => `${r.method} ${r.template}`))).toEqual(documentedRoutes(t.app, FEE_ROUTE_PREFIXES));
  });

  itAnswersEveryRouteAsEveryRole(rows, () => ({ http: t.http, tokens }));

  it('keeps another expert out of a claim, its receipt and their statements', async () => {
    const stranger = await login(t.http, await createExpert(t.db));
    const auth = `Bearer ${stranger}`;
    await t.http.get(`/claims/${claimId}`).set('authorization', auth).expect(404);
    await t.http.get(`/claims/${claimId}/costs/${costId}/receipt`).set('authorization', auth).expect(404);
    await t.http.delete(`/claims/${claimId}/costs/${costId}`).set('authorization', auth).expect(404);
    const denied = await t.db.query(
      `SELECT count(*)::int AS count FROM audit_events WHERE action = 'authz.denied' AND entity_id = $1`,
      [claimId],
    );
    expect(denied[0].count).toBeGreaterThanOrEqual(3);
  });
});
