import { randomUUID } from 'node:crypto';
import { Role } from '../../../src/common/auth/role.enum';
import { addAbsence, addOneOffWindow, addWeeklyWindow, loggedInExpert } from '../../factories/availability.factory';
import { createExpert } from '../../factories/experts.factory';
import { loggedIn } from '../../factories/users.factory';
import { documentedRoutes } from '../../utils/routes';
import { createTestApp, TestApp } from '../../utils/test-app';
import { itAnswersEveryRouteAsEveryRole, RouteRow } from '../../utils/authorization-table';

const PREFIXES = ['/experts/me/availability', '/experts/{id}/availability', '/availability'];
const expertOnly = (ok: number) => ({ none: 401, orderer: 403, expert: ok, coordinator: 403, admin: 403 });
// PRODUCT §1: an expert's availability is the coordinator's to read, not the admin's.
const staff = (ok: number) => ({ none: 401, orderer: 403, expert: 403, coordinator: ok, admin: 403 });
const RANGE = 'start=2026-10-18T06:00:00Z&end=2026-10-18T09:00:00Z';

describe('availability authorization: every route × every role', () => {
  let t: TestApp;
  const tokens = {} as Record<Role, string>;
  let expertId: string;
  let otherExpert: string;
  const own = {} as Record<'weekly' | 'oneOff' | 'absence', string>;

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of [Role.Orderer, Role.Coordinator, Role.Admin])
      tokens[role] = (await loggedIn(t.db, t.http, role)).token;
    const expert = await loggedInExpert(t.db, t.http);
    tokens[Role.Expert] = expert.token;
    expertId = expert.id;
    own.weekly = await addWeeklyWindow(t.db, expertId, { weekday: 2, from: '09:00', to: '12:00' });
    own.oneOff = await addOneOffWindow(t.db, expertId, { date: '2026-09-10', from: '09:00', to: '12:00' });
    own.absence = await addAbsence(t.db, expertId, { firstDay: '2026-07-01', lastDay: '2026-07-21' });
    otherExpert = (await createExpert(t.db)).id;
  });
  afterAll(() => t.close());

  const rows: RouteRow[] = [
    {
      method: 'get',
      template: '/experts/me/availability',
      path: () => '/experts/me/availability',
      expect: expertOnly(200),
    },
    {
      method: 'get',
      template: '/experts/me/availability/check',
      path: () => `/experts/me/availability/check?${RANGE}`,
      expect: expertOnly(200),
    },
    {
      method: 'post',
      template: '/experts/me/availability/weekly',
      path: () => '/experts/me/availability/weekly',
      body: { weekday: 1, from: '09:00', to: '12:00', validFrom: '2026-01-01' },
      expect: expertOnly(201),
    },
    {
      method: 'delete',
      template: '/experts/me/availability/weekly/{id}',
      path: () => `/experts/me/availability/weekly/${own.weekly}`,
      expect: expertOnly(204),
    },
    {
      method: 'post',
      template: '/experts/me/availability/one-off',
      path: () => '/experts/me/availability/one-off',
      body: { date: '2026-09-11', from: '09:00', to: '12:00' },
      expect: expertOnly(201),
    },
    {
      method: 'delete',
      template: '/experts/me/availability/one-off/{id}',
      path: () => `/experts/me/availability/one-off/${own.oneOff}`,
      expect: expertOnly(204),
    },
    {
      method: 'post',
      template: '/experts/me/availability/absences',
      path: () => '/experts/me/availability/absences',
      body: { firstDay: '2026-08-01', lastDay: '2026-08-02' },
      expect: expertOnly(201),
    },
    {
      method: 'delete',
      template: '/experts/me/availability/absences/{id}',
      path: () => `/experts/me/availability/absences/${own.absence}`,
      expect: expertOnly(204),
    },
    {
      method: 'get',
      template: '/experts/{id}/availability',
      path: () => `/experts/${otherExpert}/availability`,
      expect: staff(200),
    },
    {
      method: 'get',
      template: '/experts/{id}/availability/check',
      path: () => `/experts/${otherExpert}/availability/check?${RANGE}`,
      expect: staff(200),
    },
    {
      method: 'get',
      template: '/availability/experts',
      path: () => `/availability/experts?${RANGE}`,
      expect: staff(200),
    },
  ];

  it('covers every documented route under the availability prefixes', () => {
    expect(new Set(rows.map((r) => `${r.method} ${r.template}`))).toEqual(documentedRoutes(t.app, PREFIXES));
  });

  itAnswersEveryRouteAsEveryRole(rows, () => ({ http: t.http, tokens }));

  it("never lets an expert reach another expert's availability", async () => {
    const other = await loggedInExpert(t.db, t.http);
    const auth = `Bearer ${other.token}`;
    await t.http.get(`/experts/${expertId}/availability`).set('authorization', auth).expect(403);
    await t.http.get(`/experts/${expertId}/availability/check?${RANGE}`).set('authorization', auth).expect(403);
    const weekly = await addWeeklyWindow(t.db, expertId, { weekday: 4, from: '09:00', to: '12:00' });
    await t.http.delete(`/experts/me/availability/weekly/${weekly}`).set('authorization', auth).expect(404);
    await t.http.delete(`/experts/me/availability/weekly/${randomUUID()}`).set('authorization', auth).expect(404);
    const mine = await t.http.get('/experts/me/availability').set('authorization', auth).expect(200);
    expect(mine.body).toEqual({ weekly: [], oneOff: [], absences: [] });
  });
});
