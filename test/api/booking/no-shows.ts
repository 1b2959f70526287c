import { Role } from '../../../src/common/auth/role.enum';
import { createExpert } from '../../factories/experts.factory';
import { createFinishedAssignment } from '../../factories/fees.factory';
import { createUser, login, TestUser } from '../../factories/users.factory';
import { asUser } from '../../utils/as-user';
import { coordinatorQueuesAt } from '../../utils/coordinator-queues';
import { TestApp } from '../../utils/test-app';

// The app's clock stands still on 1 Dec 2026 10:00 local time.
const NOW = '2026-12-01T08:00:00Z';

describe('no-shows: the coordinator’s queue and report', () => {
  let t: TestApp;
  let coordinator: TestUser & { token: string };
  let orderer: TestUser;
  let unitId: string;

  beforeAll(async () => {
    ({ t, coordinator, orderer, unitId } = await coordinatorQueuesAt(NOW, {
      nameFi: 'Poissaoloyksikkö',
      nameSv: 'Frånvaroenheten',
    }));
  });
  afterAll(() => t.close());

  const as = asUser(() => t.http);
  const work = (expertId: string, startsAt: string, status: 'not_held' | 'completed', title = 'Asiakasraati') =>
    createFinishedAssignment(t.db, expertId, {
      organisationId: unitId,
      createdBy: orderer.id,
      title,
      status,
      startsAt,
      endsAt: new Date(new Date(startsAt).getTime() + 2 * 3_600_000).toISOString(),
    });

  it('lists a no-show in Today until a coordinator marks it handled, once, audited', async () => {
    const expert = await createExpert(t.db, { name: 'Noora Noshow' });
    const before = (await as(coordinator.token).get('/coordinator/today').expect(200)).body;
    // Reported later than any other not-yet-handled no-show (the test database keeps earlier runs'): first in the
    // queue, the newest first.
    const startsAt = new Date(Date.now() + 3_600_000);
    startsAt.setUTCMilliseconds(0);
    const noShow = await work(expert.id, startsAt.toISOString(), 'not_held', 'Kehittäjäryhmä');
    await work(expert.id, '2026-11-10T08:00:00Z', 'completed');

    const after = (await as(coordinator.token).get('/coordinator/today').expect(200)).body;
    expect(after.counts.noShowsToHandle - before.counts.noShowsToHandle).toBe(1);
    expect(after.noShows[0]).toMatchObject({
      assignmentId: noShow,
      title: 'Kehittäjäryhmä',
      expertId: expert.id,
      expertName: 'Noora Noshow',
      organisationNameFi: 'Poissaoloyksikkö',
      organisationNameSv: 'Frånvaroenheten',
      startsAt: startsAt.toISOString(),
      reportedAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
    });
    expect(after.noShows[0].requestId).toEqual(expect.any(String));

    const handled = (await as(coordinator.token).post(`/coordinator/today/no-shows/${noShow}/handled`).expect(200))
      .body;
    expect(handled).toEqual({ assignmentId: noShow, handledBy: coordinator.id, handledAt: expect.any(String) });
    const later = (await as(coordinator.token).get('/coordinator/today').expect(200)).body;
    expect(later.counts.noShowsToHandle).toBe(before.counts.noShowsToHandle);
    expect(later.noShows.map((n: { assignmentId: string }) => n.assignmentId)).not.toContain(noShow);

    // Another coordinator marking it again gets the first mark back, and no second audit row is written.
    const other = await login(t.http, await createUser(t.db, Role.Coordinator));
    const again = (await as(other).post(`/coordinator/today/no-shows/${noShow}/handled`).expect(200)).body;
    expect(again).toEqual(handled);
    const audit = await t.db.query(
      `SELECT actor_id, entity_type FROM audit_events WHERE action = 'no_show.handled' AND entity_id = $1`,
      [noShow],
    );
    expect(audit).toEqual([{ actor_id: coordinator.id, entity_type: 'assignment' }]);
  });

  it('refuses to mark anything but a no-show, and names a missing or malformed id', async () => {
    const expert = await createExpert(t.db);
    const held = await work(expert.id, '2026-11-12T08:00:00Z', 'completed');
    const conflict = await as(coordinator.token).post(`/coordinator/today/no-shows/${held}/handled`).expect(409);
    expect(conflict.body.code).toBe('ASSIGNMENT_STATUS_CONFLICT');
    const missing = await as(coordinator.token)
      .post('/coordinator/today/no-shows/6f1c2a9e-0000-4000-8000-000000000000/handled')
      .expect(404);
    expect(missing.body.code).toBe('ASSIGNMENT_NOT_FOUND');
    await as(coordinator.token).post('/coordinator/today/no-shows/not-a-uuid/handled').expect(400);
    // The database keeps the promise too.
    await expect(
      t.db.query(`INSERT INTO no_show_reviews (assignment_id, handled_by) VALUES ($1, $2)`, [held, coordinator.id]),
    ).rejects.toThrow(/not a no-show/);
  });

  it('is the coordinator’s alone: other roles are refused the mark and the report', async () => {
    const expert = await createExpert(t.db);
    const noShow = await work(expert.id, '2026-11-13T08:00:00Z', 'not_held');
    for (const role of [Role.Orderer, Role.Expert, Role.Admin]) {
      const other = await login(t.http, role === Role.Orderer ? orderer : await createUser(t.db, role));
      await as(other).post(`/coordinator/today/no-shows/${noShow}/handled`).expect(403);
      await as(other).get('/reports/no-shows?year=2026').expect(403);
      await as(other).get('/coordinator/today').expect(403);
    }
    await t.http.get('/reports/no-shows').expect(401);
    const [{ count }] = await t.db.query(
      `SELECT count(*)::int AS count FROM no_show_reviews WHERE assignment_id = $1`,
      [noShow],
    );
    expect(count).toBe(0);
  });

  it('reports no-shows per month of the work, unit and expert', async () => {
    const aino = await createExpert(t.db, { name: 'Aino Aaltonen' });
    const bertil = await createExpert(t.db, { name: 'Bertil Berg' });
    await work(aino.id, '2026-10-05T08:00:00Z', 'not_held');
    await work(aino.id, '2026-10-19T08:00:00Z', 'not_held');
    await work(bertil.id, '2026-10-07T08:00:00Z', 'not_held');
    await work(aino.id, '2026-11-02T08:00:00Z', 'not_held');
    // 1 Nov 01:30 Helsinki time is November's, though still October in UTC.
    await work(bertil.id, '2026-10-31T23:30:00Z', 'not_held');
    // Held work and another year's no-show are not counted.
    await work(aino.id, '2026-10-12T08:00:00Z', 'completed');
    await work(aino.id, '2025-10-12T08:00:00Z', 'not_held');

    const res = await as(coordinator.token).get('/reports/no-shows?year=2026').expect(200);
    expect(res.body.year).toBe(2026);
    const ours = res.body.rows.filter((r: { organisationId: string }) => r.organisationId === unitId);
    const brief = ours
      .filter((r: { expertId: string }) => [aino.id, bertil.id].includes(r.expertId))
      .map((r: { month: string; expertName: string; noShows: number; kind: string; nameSv: string }) => ({
        month: r.month,
        expert: r.expertName,
        noShows: r.noShows,
        kind: r.kind,
        nameSv: r.nameSv,
      }));
    expect(brief).toEqual([
      { month: '2026-10', expert: 'Aino Aaltonen', noShows: 2, kind: 'unit', nameSv: 'Frånvaroenheten' },
      { month: '2026-10', expert: 'Bertil Berg', noShows: 1, kind: 'unit', nameSv: 'Frånvaroenheten' },
      { month: '2026-11', expert: 'Aino Aaltonen', noShows: 1, kind: 'unit', nameSv: 'Frånvaroenheten' },
      { month: '2026-11', expert: 'Bertil Berg', noShows: 1, kind: 'unit', nameSv: 'Frånvaroenheten' },
    ]);
    const previous = await as(coordinator.token).get('/reports/no-shows?year=2025').expect(200);
    expect(
      previous.body.rows.filter((r: { expertId: string; organisationId: string }) => r.expertId === aino.id),
    ).toEqual([expect.objectContaining({ month: '2025-10', noShows: 1 })]);
    await as(coordinator.token).get('/reports/no-shows?year=abc').expect(400);
  });
});
