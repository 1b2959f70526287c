import { Role } from '../../../src/common/auth/role.enum';
import { createAssignment, createRequest } from '../../factories/booking.factory';
import { createExpert } from '../../factories/experts.factory';
import { addMember, createUnit } from '../../factories/organisations.factory';
import { createUser, login } from '../../factories/users.factory';
import { createTestApp, TestApp } from '../../utils/test-app';

// An assignment tells the expert what and where, so that their list reads without a call per row.
describe('what an assignment says about its work', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('names the task, the place and the preparation in the expert’s list, on its own page and in the orderer’s order, and shows no other expert’s', async () => {
    const orderer = await createUser(t.db, Role.Orderer);
    const unitId = (await createUnit(t.db)).id;
    await addMember(t.db, unitId, orderer.id);
    const expert = await createExpert(t.db);
    const other = await createExpert(t.db);
    const onSite = await createRequest(t.db, unitId, orderer.id, {
      title: 'Asiakasraati',
      startsAt: '2026-11-03T08:00:00Z',
      endsAt: '2026-11-03T10:00:00Z',
    });
    await t.db.query('UPDATE booking_requests SET preparation_minutes = 90 WHERE id = $1', [onSite.id]);
    const remote = await createRequest(t.db, unitId, orderer.id, {
      title: 'Etäluento',
      remote: true,
      startsAt: '2026-11-04T08:00:00Z',
      endsAt: '2026-11-04T09:00:00Z',
    });
    const first = await createAssignment(t.db, onSite, expert.id);
    await createAssignment(t.db, remote, expert.id);
    const foreign = await createAssignment(
      t.db,
      await createRequest(t.db, unitId, orderer.id, { title: 'Toisen työ' }),
      other.id,
    );

    const token = await login(t.http, expert);
    const list = await t.http.get('/assignments').set('authorization', `Bearer ${token}`).expect(200);
    expect(
      list.body.map((a: Record<string, unknown>) => [
        a.title,
        a.taskType,
        a.remote,
        a.municipality,
        a.address,
        a.preparationHours,
      ]),
    ).toEqual([
      ['Asiakasraati', 'working_group', false, '905', 'Hietalahdenkatu 2', 1.5],
      ['Etäluento', 'working_group', true, null, null, 0],
    ]);
    const one = await t.http.get(`/assignments/${first.id}`).set('authorization', `Bearer ${token}`).expect(200);
    expect(one.body).toMatchObject({ title: 'Asiakasraati', municipality: '905', preparationHours: 1.5 });
    await t.http.get(`/assignments/${foreign.id}`).set('authorization', `Bearer ${token}`).expect(404);

    const order = await t.http
      .get(`/booking-requests/${onSite.id}`)
      .set('authorization', `Bearer ${await login(t.http, orderer)}`)
      .expect(200);
    expect(order.body.assignments).toEqual([expect.objectContaining({ id: first.id, title: 'Asiakasraati' })]);
  });
});
