import { randomUUID } from 'node:crypto';
import { Role } from '../../../src/common/auth/role.enum';
import { TaskType } from '../../../src/common/domain/task-type';
import { AssignmentStatus } from '../../../src/modules/booking/entities/assignment.entity';
import { CredentialStatus } from '../../../src/modules/credentials/entities/training-credential.entity';
import { ExpertStatus } from '../../../src/modules/experts/entities/expert.entity';
import { createAssignment, createRequest } from '../../factories/booking.factory';
import { createCredential } from '../../factories/credentials.factory';
import { createExpert } from '../../factories/experts.factory';
import { addMember, createUnit } from '../../factories/organisations.factory';
import { createUser, loggedIn } from '../../factories/users.factory';
import { createTestApp, TestApp } from '../../utils/test-app';

// Wednesday 7 Oct 2026 12:00 in Helsinki.
const NOW = '2026-10-07T09:00:00Z';

describe('the coordinator’s experts: directory filters, pause and resume, the overview', () => {
  let t: TestApp;
  let token: string;
  let coordinatorId: string;
  // A word no other spec's expert has, so that the directory's answers are this spec's own.
  const tag = `Zeta${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(NOW);
    ({ id: coordinatorId, token } = await loggedIn(t.db, t.http, Role.Coordinator));
  });
  afterAll(() => t.close());

  const get = (path: string) => t.http.get(path).set('authorization', `Bearer ${token}`);
  const names = async (query: string) =>
    ((await get(`/experts?search=${tag}&${query}`).expect(200)).body.items as { name: string }[])
      .map((e) => e.name)
      .sort();

  it('filters by task type, certificate state and name, and counts each row’s certificates', async () => {
    const pending = await createExpert(t.db, {
      name: `${tag} Pending`,
      status: ExpertStatus.Applicant,
      taskTypes: [TaskType.Lecture],
    });
    await createCredential(t.db, pending.id);
    const verified = await createExpert(t.db, { name: `${tag} Verified`, taskTypes: [TaskType.WorkingGroup] });
    await createCredential(t.db, verified.id, { status: CredentialStatus.Verified, decidedBy: coordinatorId });
    await createCredential(t.db, verified.id, { status: CredentialStatus.Rejected, decidedBy: coordinatorId });
    await createExpert(t.db, { name: `${tag} None`, taskTypes: [TaskType.Lecture, TaskType.WorkingGroup] });

    expect(await names('')).toEqual([`${tag} None`, `${tag} Pending`, `${tag} Verified`]);
    expect(await names('taskType=lecture')).toEqual([`${tag} None`, `${tag} Pending`]);
    expect(await names('credentialState=pending')).toEqual([`${tag} Pending`]);
    expect(await names('credentialState=rejected')).toEqual([`${tag} Verified`]);
    expect(await names('credentialState=none')).toEqual([`${tag} None`]);
    expect(await names('credentialState=verified&taskType=working_group')).toEqual([`${tag} Verified`]);

    const page = (await get(`/experts?search=${tag}&sort=name&order=desc&limit=2`).expect(200)).body;
    expect(page.total).toBe(3);
    expect(page.items.map((e: { name: string }) => e.name)).toEqual([`${tag} Verified`, `${tag} Pending`]);
    expect(page.items[0].credentials).toEqual({ pending: 0, verified: 1, rejected: 1 });
    expect(page.items[1].credentials).toEqual({ pending: 1, verified: 0, rejected: 0 });

    // LIKE's wildcards in the search are plain characters.
    expect((await get(`/experts?search=${tag}%25`).expect(200)).body.total).toBe(0);
    await get('/experts?credentialState=lost').expect(400);
    await get('/experts?taskType=singing').expect(400);
  });

  it('pauses an active expert with a reason and resumes them', async () => {
    const expert = await createExpert(t.db, { name: `${tag} Tauko` });
    const paused = await t.http
      .post(`/experts/${expert.id}/pause`)
      .set('authorization', `Bearer ${token}`)
      .send({ reason: 'Soitti ja pyysi taukoa' })
      .expect(200);
    expect(paused.body).toMatchObject({ status: 'paused', pauseReason: 'Soitti ja pyysi taukoa' });
    const again = await t.http
      .post(`/experts/${expert.id}/pause`)
      .set('authorization', `Bearer ${token}`)
      .send({})
      .expect(409);
    expect(again.body.code).toBeDefined();
    const resumed = await t.http
      .post(`/experts/${expert.id}/resume`)
      .set('authorization', `Bearer ${token}`)
      .send({})
      .expect(200);
    expect(resumed.body).toMatchObject({ status: 'active', pauseReason: null });
    const [audit] = await t.db.query(
      `SELECT details FROM audit_events WHERE entity_id = $1 AND action = 'expert.pause'`,
      [expert.id],
    );
    expect(JSON.stringify(audit.details)).not.toContain('taukoa');
  });

  it('shows an expert’s assignments, load this week and month against the caps, and the ceiling', async () => {
    const orderer = await createUser(t.db, Role.Orderer);
    const unitId = (await createUnit(t.db)).id;
    await addMember(t.db, unitId, orderer.id);
    const expert = await createExpert(t.db, { maxPerWeek: 2, maxPerMonth: 5, yearlyEarningsCeilingCents: 500_000 });
    const at = async (startsAt: string, status: AssignmentStatus) => {
      const request = await createRequest(t.db, unitId, orderer.id, {
        title: `Työ ${startsAt}`,
        startsAt,
        endsAt: new Date(new Date(startsAt).getTime() + 3_600_000).toISOString(),
      });
      return createAssignment(t.db, request, expert.id, { status });
    };
    await at('2026-10-05T08:00:00Z', AssignmentStatus.Completed); // Monday this week
    await at('2026-10-09T08:00:00Z', AssignmentStatus.Confirmed); // Friday this week
    await at('2026-10-20T08:00:00Z', AssignmentStatus.Accepted); // later this month
    await at('2026-10-21T08:00:00Z', AssignmentStatus.Cancelled); // not counted
    await at('2026-11-02T08:00:00Z', AssignmentStatus.Accepted); // next month

    const overview = (await get(`/experts/${expert.id}/overview`).expect(200)).body;
    expect(overview.load).toEqual({ thisWeek: 2, thisMonth: 3, maxPerWeek: 2, maxPerMonth: 5 });
    expect(overview.earnings).toEqual({ year: 2026, paidFeesCents: 0, ceilingCents: 500_000 });
    expect(overview.assignments.map((a: { startsAt: string }) => a.startsAt)).toEqual([
      '2026-11-02T08:00:00.000Z',
      '2026-10-21T08:00:00.000Z',
      '2026-10-20T08:00:00.000Z',
      '2026-10-09T08:00:00.000Z',
      '2026-10-05T08:00:00.000Z',
    ]);
    await get(`/experts/${randomUUID()}/overview`).expect(404);
  });
});
