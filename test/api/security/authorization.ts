import { randomUUID } from 'node:crypto';
import { Role } from '../../../src/common/auth/role.enum';
import { createUser, loggedIn } from '../../factories/users.factory';
import { documentedRoutes, FEATURE_ROUTE_PREFIXES } from '../../utils/routes';
import { createTestApp, TestApp } from '../../utils/test-app';
import { itAnswersEveryRouteAsEveryRole, RouteRow } from '../../utils/authorization-table';
const staff = (allowed: number, others = 403) => ({
  none: 401,
  orderer: others,
  expert: others,
  coordinator: allowed,
  admin: allowed,
});

describe('authorization: every route × every role', () => {
  let t: TestApp;
  const tokens = {} as Record<Role, string>;
  let unitA: string;
  let unitB: string;
  let projectA: string;
  let projectB: string;
  let target: string;

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of Object.values(Role)) tokens[role] = (await loggedIn(t.db, t.http, role)).token;
    const orderer = (await t.http.get('/me').set('authorization', `Bearer ${tokens.orderer}`)).body.id as string;
    const admin = `Bearer ${tokens.admin}`;
    const unit = async (code: string) =>
      (
        await t.http
          .post('/units')
          .set('authorization', admin)
          .send({ code, nameFi: `Yksikkö ${code}`, nameSv: `Enhet ${code}`, activeFrom: '2026-01-01' })
          .expect(201)
      ).body.id;
    const suffix = randomUUID().slice(0, 6);
    unitA = await unit(`A-${suffix}`);
    unitB = await unit(`B-${suffix}`);
    const project = async (code: string, owner: string) =>
      (
        await t.http
          .post('/projects')
          .set('authorization', admin)
          .send({ code, nameFi: 'Hanke', nameSv: 'Projekt', activeFrom: '2026-01-01', ownerUnitId: owner })
          .expect(201)
      ).body.id;
    projectA = await project(`PA-${suffix}`, unitA);
    projectB = await project(`PB-${suffix}`, unitB);
    await t.http.put(`/organisations/${unitA}/members/${orderer}`).set('authorization', admin).expect(200);
    await t.http.put(`/organisations/${projectA}/members/${orderer}`).set('authorization', admin).expect(200);
    target = (await createUser(t.db, Role.Orderer)).id;
  });
  afterAll(() => t.close());

  const nobody = () => randomUUID();
  const rows: RouteRow[] = [
    {
      method: 'get',
      template: '/me',
      path: () => '/me',
      expect: { none: 401, orderer: 200, expert: 200, coordinator: 200, admin: 200 },
    },
    {
      method: 'patch',
      template: '/me',
      path: () => '/me',
      body: { language: 'de' },
      expect: { none: 401, orderer: 400, expert: 400, coordinator: 400, admin: 400 },
    },
    {
      method: 'post',
      template: '/me/password',
      path: () => '/me/password',
      body: {},
      expect: { none: 401, orderer: 400, expert: 400, coordinator: 400, admin: 400 },
    },
    {
      method: 'get',
      template: '/accessibility-feedback',
      path: () => '/accessibility-feedback',
      expect: { none: 401, orderer: 403, expert: 403, coordinator: 200, admin: 403 },
    },
    {
      method: 'get',
      template: '/coordinator/today',
      path: () => '/coordinator/today',
      expect: { none: 401, orderer: 403, expert: 403, coordinator: 200, admin: 403 },
    },
    {
      method: 'post',
      template: '/coordinator/today/no-shows/{assignmentId}/handled',
      path: () => `/coordinator/today/no-shows/${nobody()}/handled`,
      expect: { none: 401, orderer: 403, expert: 403, coordinator: 404, admin: 403 },
    },
    {
      method: 'get',
      template: '/municipalities',
      path: () => '/municipalities',
      expect: { none: 401, orderer: 200, expert: 200, coordinator: 200, admin: 200 },
    },
    { method: 'post', template: '/users', path: () => '/users', body: {}, expect: staff(400) },
    { method: 'get', template: '/users', path: () => '/users', expect: staff(200) },
    { method: 'get', template: '/users/{id}', path: () => `/users/${target}`, expect: staff(200) },
    { method: 'patch', template: '/users/{id}', path: () => `/users/${target}`, body: { name: 5 }, expect: staff(400) },
    {
      method: 'put',
      template: '/users/{id}/role',
      path: () => `/users/${target}/role`,
      body: { role: 'nobody' },
      expect: staff(400),
    },
    { method: 'post', template: '/users/{id}/disable', path: () => `/users/${nobody()}/disable`, expect: staff(404) },
    { method: 'post', template: '/users/{id}/enable', path: () => `/users/${nobody()}/enable`, expect: staff(404) },
    {
      method: 'post',
      template: '/users/{id}/invitation',
      path: () => `/users/${target}/invitation`,
      expect: staff(409),
    },
    { method: 'post', template: '/units', path: () => '/units', body: {}, expect: staff(400) },
    {
      method: 'get',
      template: '/units',
      path: () => '/units',
      expect: { none: 401, orderer: 200, expert: 403, coordinator: 200, admin: 200 },
    },
    {
      method: 'get',
      template: '/units/{id}',
      path: () => `/units/${unitA}`,
      expect: { none: 401, orderer: 200, expert: 403, coordinator: 200, admin: 200 },
    },
    { method: 'patch', template: '/units/{id}', path: () => `/units/${unitB}`, body: { code: '' }, expect: staff(400) },
    { method: 'post', template: '/projects', path: () => '/projects', body: {}, expect: staff(400) },
    {
      method: 'get',
      template: '/projects',
      path: () => '/projects',
      expect: { none: 401, orderer: 200, expert: 403, coordinator: 200, admin: 200 },
    },
    {
      method: 'get',
      template: '/projects/{id}',
      path: () => `/projects/${projectB}`,
      expect: { none: 401, orderer: 404, expert: 403, coordinator: 200, admin: 200 },
    },
    {
      method: 'patch',
      template: '/projects/{id}',
      path: () => `/projects/${projectA}`,
      body: { code: '' },
      expect: staff(400),
    },
    {
      method: 'get',
      template: '/organisations/{id}/members',
      path: () => `/organisations/${unitB}/members`,
      expect: { none: 401, orderer: 404, expert: 403, coordinator: 200, admin: 200 },
    },
    {
      method: 'put',
      template: '/organisations/{id}/members/{userId}',
      path: () => `/organisations/${unitB}/members/${nobody()}`,
      expect: staff(404),
    },
    {
      method: 'delete',
      template: '/organisations/{id}/members/{userId}',
      path: () => `/organisations/${unitB}/members/${nobody()}`,
      expect: staff(404),
    },
    // Public routes: the same answer whoever calls.
    {
      method: 'post',
      template: '/auth/login',
      path: () => '/auth/login',
      body: {},
      expect: { none: 400, orderer: 400, expert: 400, coordinator: 400, admin: 400 },
    },
    {
      method: 'post',
      template: '/auth/refresh',
      path: () => '/auth/refresh',
      body: { refreshToken: 'x'.repeat(43) },
      expect: { none: 401, orderer: 401, expert: 401, coordinator: 401, admin: 401 },
    },
    {
      method: 'post',
      template: '/auth/invitations/accept',
      path: () => '/auth/invitations/accept',
      body: { token: 'x'.repeat(43), password: 'Laihela-stranden-2026' },
      expect: { none: 410, orderer: 410, expert: 410, coordinator: 410, admin: 410 },
    },
    {
      method: 'post',
      template: '/auth/password-reset',
      path: () => '/auth/password-reset',
      body: {},
      expect: { none: 400, orderer: 400, expert: 400, coordinator: 400, admin: 400 },
    },
    {
      method: 'post',
      template: '/auth/password-reset/confirm',
      path: () => '/auth/password-reset/confirm',
      body: { token: 'x'.repeat(43), password: 'Laihela-stranden-2026' },
      expect: { none: 410, orderer: 410, expert: 410, coordinator: 410, admin: 410 },
    },
    {
      method: 'post',
      template: '/accessibility-feedback',
      path: () => '/accessibility-feedback',
      body: {},
      expect: { none: 400, orderer: 400, expert: 400, coordinator: 400, admin: 400 },
    },
    {
      method: 'get',
      template: '/health',
      path: () => '/health',
      expect: { none: 200, orderer: 200, expert: 200, coordinator: 200, admin: 200 },
    },
    // Last: it ends each caller's session.
    {
      method: 'post',
      template: '/auth/logout',
      path: () => '/auth/logout',
      expect: { none: 401, orderer: 204, expert: 204, coordinator: 204, admin: 204 },
    },
  ];

  it('covers every route in the API description', () => {
    const documented = [...documentedRoutes(t.app)].filter(
      (r) => !FEATURE_ROUTE_PREFIXES.some((p) => r.split(' ')[1].startsWith(p)),
    );
    expect(new Set(rows.map((r) => `${r.method} ${r.template}`))).toEqual(new Set(documented));
  });

  itAnswersEveryRouteAsEveryRole(rows, () => ({ http: t.http, tokens }));

  it('shows an orderer only their own units and projects', async () => {
    const fresh = await loggedIn(t.db, t.http, Role.Orderer);
    // The table's last row logged everyone out.
    const admin = `Bearer ${(await loggedIn(t.db, t.http, Role.Admin)).token}`;
    await t.http.put(`/organisations/${unitA}/members/${fresh.id}`).set('authorization', admin).expect(200);
    const units = await t.http.get('/units').set('authorization', `Bearer ${fresh.token}`).expect(200);
    expect(units.body.map((u: { id: string }) => u.id)).toEqual([unitA]);
    const projects = await t.http.get('/projects').set('authorization', `Bearer ${fresh.token}`).expect(200);
    expect(projects.body).toEqual([]);
    await t.http.get(`/units/${unitB}`).set('authorization', `Bearer ${fresh.token}`).expect(404);
    await t.http
      .patch(`/units/${unitA}`)
      .set('authorization', `Bearer ${fresh.token}`)
      .send({ nameFi: 'Muutettu' })
      .expect(403);
  });

  it('lets a coordinator invite orderers and experts but not coordinators or admins', async () => {
    const coordinator = await loggedIn(t.db, t.http, Role.Coordinator);
    const send = (role: Role) =>
      t.http
        .post('/users')
        .set('authorization', `Bearer ${coordinator.token}`)
        .send({ email: `${role}-${randomUUID()}@example.test`, name: 'N N', role });
    expect((await send(Role.Orderer)).status).toBe(201);
    expect((await send(Role.Expert)).status).toBe(201);
    expect((await send(Role.Coordinator)).body.code).toBe('ROLE_NOT_GRANTABLE');
    expect((await send(Role.Admin)).status).toBe(403);
  });
});
