import { Role } from '../../../src/common/auth/role.enum';
import { draftedAssignment, giveDateOfBirth, waitForPdf, waitForSignedCopy } from '../../factories/contracts.factory';
import { createExpert } from '../../factories/experts.factory';
import { addMember, createUnit } from '../../factories/organisations.factory';
import { createUser, DEFAULT_PASSWORD, login } from '../../factories/users.factory';
import { CONTRACT_ROUTE_PREFIXES, documentedRoutes } from '../../utils/routes';
import { createTestApp, TestApp } from '../../utils/test-app';
import { itAnswersEveryRouteAsEveryRole, RouteRow } from '../../utils/authorization-table';
// PRODUCT §1: contracts are the expert's and the coordinator's; the admin reads none of them.
const readers = (ok: number) => ({ none: 401, orderer: 403, expert: ok, coordinator: ok, admin: 403 });
const coordinatorOnly = (ok: number) => ({ none: 401, orderer: 403, expert: 403, coordinator: ok, admin: 403 });

describe('contracts authorization: every route × every role', () => {
  let t: TestApp;
  const tokens = {} as Record<Role, string>;
  // One contract of the table's expert in each state a route needs.
  const ids = {} as Record<
    'toApprove' | 'toTerminate' | 'toPreview' | 'toSign' | 'signed' | 'signedAssignment',
    string
  >;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-10-01T07:00:00Z');
    const orderer = await createUser(t.db, Role.Orderer);
    const unitId = (await createUnit(t.db)).id;
    await addMember(t.db, unitId, orderer.id);
    tokens[Role.Orderer] = await login(t.http, orderer);
    for (const role of [Role.Coordinator, Role.Admin]) tokens[role] = await login(t.http, await createUser(t.db, role));
    const expert = await createExpert(t.db);
    await giveDateOfBirth(t.db, expert.id);
    tokens[Role.Expert] = await login(t.http, expert);

    const draft = async (day: string) =>
      draftedAssignment(t, {
        expertId: expert.id,
        organisationId: unitId,
        createdBy: orderer.id,
        startsAt: `${day}T08:00:00Z`,
        endsAt: `${day}T10:00:00Z`,
      });
    const auth = (role: Role) => `Bearer ${tokens[role]}`;
    const approved = async (day: string) => {
      const d = await draft(day);
      await t.http.post(`/contracts/${d.contractId}/approve`).set('authorization', auth(Role.Coordinator)).expect(200);
      await waitForPdf(t.db, d.contractId);
      return d;
    };
    ids.toApprove = (await draft('2026-11-02')).contractId;
    ids.toTerminate = (await draft('2026-11-03')).contractId;
    ids.toPreview = (await draft('2026-11-06')).contractId;
    ids.toSign = (await approved('2026-11-04')).contractId;
    const signed = await approved('2026-11-05');
    await t.http
      .post(`/contracts/${signed.contractId}/sign`)
      .set('authorization', auth(Role.Expert))
      .send({ password: DEFAULT_PASSWORD })
      .expect(200);
    ids.signed = signed.contractId;
    await waitForSignedCopy(t.db, signed.contractId);
    ids.signedAssignment = signed.assignmentId;
  });
  afterAll(() => t.close());

  const rows: RouteRow[] = [
    { method: 'get', template: '/contracts', path: () => '/contracts', expect: readers(200) },
    { method: 'post', template: '/contracts', path: () => '/contracts', body: {}, expect: coordinatorOnly(400) },
    { method: 'get', template: '/contracts/{id}', path: () => `/contracts/${ids.signed}`, expect: readers(200) },
    {
      method: 'get',
      template: '/contracts/{id}/pdf',
      path: () => `/contracts/${ids.signed}/pdf`,
      expect: readers(200),
    },
    // The expert who owns it and coordinators; the admin has no access to contracts (PRODUCT §1).
    {
      method: 'get',
      template: '/contracts/{id}/signed-pdf',
      path: () => `/contracts/${ids.signed}/signed-pdf`,
      expect: { none: 401, orderer: 403, expert: 200, coordinator: 200, admin: 403 },
    },
    // A draft's preview is the coordinator's: the expert reads the contract once it is approved.
    {
      method: 'get',
      template: '/contracts/{id}/preview-pdf',
      path: () => `/contracts/${ids.toPreview}/preview-pdf`,
      expect: coordinatorOnly(200),
    },
    {
      method: 'post',
      template: '/contracts/{id}/approve',
      path: () => `/contracts/${ids.toApprove}/approve`,
      expect: coordinatorOnly(200),
    },
    {
      method: 'post',
      template: '/contracts/{id}/sign',
      path: () => `/contracts/${ids.toSign}/sign`,
      body: { password: DEFAULT_PASSWORD },
      expect: { none: 401, orderer: 403, expert: 200, coordinator: 403, admin: 403 },
    },
    {
      method: 'post',
      template: '/contracts/{id}/revise',
      path: () => `/contracts/${ids.signed}/revise`,
      body: {},
      expect: coordinatorOnly(201),
    },
    {
      method: 'post',
      template: '/contracts/{id}/terminate',
      path: () => `/contracts/${ids.toTerminate}/terminate`,
      body: { reason: 'Tehtävä peruttiin' },
      expect: coordinatorOnly(200),
    },
    {
      method: 'get',
      template: '/assignments/{id}/contract-status',
      path: () => `/assignments/${ids.signedAssignment}/contract-status`,
      expect: { none: 401, orderer: 200, expert: 200, coordinator: 200, admin: 403 },
    },
  ];

  it('covers every documented route under the contract prefixes', () => {
    expect(new Set(rows.map((r) => `${r.method} ${r.template}`))).toEqual(
      documentedRoutes(t.app, CONTRACT_ROUTE_PREFIXES),
    );
  });

  itAnswersEveryRouteAsEveryRole(rows, () => ({ http: t.http, tokens }));

  it('never puts a contract’s content in an orderer’s answer', async () => {
    const res = await t.http
      .get(`/assignments/${ids.signedAssignment}/contract-status`)
      .set('authorization', `Bearer ${tokens[Role.Orderer]}`)
      .expect(200);
    // The table above revised the signed contract: the orderer is told of the new version on its way, nothing more.
    expect(res.body).toEqual({ exists: true, status: 'draft' });
  });

  it('hides another expert’s signed copy as not found', async () => {
    const other = await createExpert(t.db);
    const res = await t.http
      .get(`/contracts/${ids.signed}/signed-pdf`)
      .set('authorization', `Bearer ${await login(t.http, other)}`)
      .expect(404);
    expect(res.body.code).toBe('CONTRACT_NOT_FOUND');
  });

  it('lists nothing of another expert’s contracts', async () => {
    const other = await createExpert(t.db);
    const res = await t.http
      .get('/contracts')
      .set('authorization', `Bearer ${await login(t.http, other)}`)
      .expect(200);
    expect(res.body).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
  });
});
