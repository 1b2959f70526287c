import { randomUUID } from 'node:crypto';
import { Role } from '../../src/common/auth/role.enum';
import { CreateProjectDto } from '../../src/modules/organisations/dto/create-project.dto';
import { CreateUnitDto } from '../../src/modules/organisations/dto/create-unit.dto';
import { UpdateProjectDto, UpdateUnitDto } from '../../src/modules/organisations/dto/update-organisation.dto';
import { OrganisationKind } from '../../src/modules/organisations/entities/organisation.entity';
import { OrganisationErrorCode } from '../../src/modules/organisations/organisations.errors';
import { OrganisationsService } from '../../src/modules/organisations/organisations.service';
import { UserErrorCode } from '../../src/modules/users/users.errors';
import { createExpert } from '../factories/experts.factory';
import { createUnit } from '../factories/organisations.factory';
import { createUser, TestUser } from '../factories/users.factory';
import { body, contextOf, createMediumApp, MediumApp, problemOf, untilAStatementWaitsForALock } from './medium-app';

const { Unit, Project } = OrganisationKind;

// The rules of the county's ordering organisations through the organisations service on the real database: units
// and projects with a code (cost centre or project code) no other has, a project owned by a unit, an active period
// that ends on or after it starts, who belongs to which (orderers only), and what an orderer sees (the routes, who may
// call them, the validation of the bodies and path ids, and a refusal as problem+json are
// test/api/security/authorization.ts's and test/api/security/bad-input.ts's).
describe('organisations (service and database)', () => {
  let m: MediumApp;
  let organisations: OrganisationsService;
  let admin: TestUser;
  let coordinator: TestUser;

  beforeAll(async () => {
    m = await createMediumApp();
    organisations = m.get(OrganisationsService);
    admin = await createUser(m.db, Role.Admin);
    coordinator = await createUser(m.db, Role.Coordinator);
  });
  afterAll(() => m.close());

  const code = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
  const unitBody = (c: string, more: object = {}) =>
    body(CreateUnitDto, { code: c, nameFi: `Yksikkö ${c}`, nameSv: `Enhet ${c}`, activeFrom: '2026-01-01', ...more });
  const projectBody = (c: string, ownerUnitId: string, more: object = {}) =>
    body(CreateProjectDto, {
      code: c,
      nameFi: 'Hanke',
      nameSv: 'Projekt',
      activeFrom: '2026-01-01',
      ownerUnitId,
      ...more,
    });
  const create = async (kind: OrganisationKind, dto: CreateUnitDto | CreateProjectDto, by = admin) =>
    organisations.create(contextOf(by), kind, dto);
  const patch = async (kind: OrganisationKind, id: string, plain: object, by = admin) =>
    organisations.update(contextOf(by), kind, id, await body(kind === Unit ? UpdateUnitDto : UpdateProjectDto, plain));
  const rowOf = async (id: string) =>
    ((await m.db.query(`SELECT * FROM organisations WHERE id = $1`, [id])) as Record<string, unknown>[])[0];
  const auditOf = async (id: string) =>
    (await m.db.query(
      `SELECT action, actor_id AS "actorId", details FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at, id`,
      [id],
    )) as { action: string; actorId: string; details: object }[];
  // Everything a refused write could have left: the organisations, memberships and audit rows, counted.
  const totals = async () =>
    (
      await m.db.query(
        `SELECT (SELECT count(*) FROM organisations)::int AS organisations,
                (SELECT count(*) FROM organisation_members)::int AS members,
                (SELECT count(*) FROM audit_events)::int AS audit`,
      )
    )[0] as { organisations: number; members: number; audit: number };

  describe('units and projects', () => {
    it('creates a unit and a project it owns, each audited; a project needs a unit as owner, and no code is taken twice', async () => {
      const unitCode = code('U');
      const unit = await create(Unit, await unitBody(unitCode, { activeUntil: '2027-12-31' }));
      expect(unit).toEqual({
        id: expect.any(String),
        kind: 'unit',
        code: unitCode,
        nameFi: `Yksikkö ${unitCode}`,
        nameSv: `Enhet ${unitCode}`,
        activeFrom: '2026-01-01',
        activeUntil: '2027-12-31',
        ownerUnitId: null,
      });
      const projectCode = code('P');
      const project = await create(Project, await projectBody(projectCode, unit.id), coordinator);
      expect(project).toMatchObject({ kind: 'project', code: projectCode, ownerUnitId: unit.id, activeUntil: null });
      expect(await auditOf(unit.id)).toEqual([{ action: 'unit.created', actorId: admin.id, details: {} }]);
      expect(await auditOf(project.id)).toEqual([{ action: 'project.created', actorId: coordinator.id, details: {} }]);
      expect(await organisations.get(contextOf(admin), Project, project.id)).toEqual(project);

      const before = await totals();
      // The owner must be a unit that exists: neither an unknown id nor a project will do.
      for (const owner of [randomUUID(), project.id]) {
        const refused = await problemOf(create(Project, await projectBody(code('P'), owner)));
        expect(refused).toMatchObject({ status: 400, code: OrganisationErrorCode.OwnerUnitNotFound });
        expect(refused.errors).toEqual([{ field: 'ownerUnitId', code: 'notFound', message: 'no such unit' }]);
      }
      // One code across units and projects.
      for (const [kind, dto] of [
        [Unit, await unitBody(unitCode)],
        [Project, await projectBody(unitCode, unit.id)],
        [Unit, await unitBody(projectCode)],
      ] as const) {
        expect(await problemOf(create(kind, dto))).toMatchObject({
          status: 409,
          code: OrganisationErrorCode.OrganisationCodeTaken,
        });
      }
      // An active period that ends before it starts names its end.
      const backwards = await problemOf(
        create(Unit, await unitBody(code('U'), { activeFrom: '2026-05-01', activeUntil: '2026-04-30' })),
      );
      expect(backwards).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      expect(backwards.errors).toEqual([expect.objectContaining({ field: 'activeUntil', code: 'beforeActiveFrom' })]);
      expect(await totals()).toEqual(before);
      // One day is a period too.
      await create(Unit, await unitBody(code('U'), { activeFrom: '2026-05-01', activeUntil: '2026-05-01' }));
    });

    it('a change with nothing in it (a form saved as it was) writes nothing: no row changed, no audit row', async () => {
      const unit = await createUnit(m.db);
      const before = { row: await rowOf(unit.id), totals: await totals() };
      await expect(patch(Unit, unit.id, {})).resolves.toMatchObject({ id: unit.id, code: unit.code });
      expect({ row: await rowOf(unit.id), totals: await totals() }).toEqual(before);
    });

    it('changes a unit or project, auditing the fields sent, and refuses a period, a code or an owner that breaks the rules, changing nothing', async () => {
      const unit = await createUnit(m.db, { activeFrom: '2026-01-01', activeUntil: '2026-06-30' });
      const other = await createUnit(m.db);
      const project = await create(Project, await projectBody(code('P'), unit.id));

      const renamed = await patch(Unit, unit.id, { nameFi: 'Uusi nimi', activeUntil: null });
      expect(renamed).toMatchObject({ id: unit.id, nameFi: 'Uusi nimi', activeUntil: null, code: unit.code });
      expect(await rowOf(unit.id)).toMatchObject({ name_fi: 'Uusi nimi', active_until: null });
      const moved = await patch(Project, project.id, { ownerUnitId: other.id }, coordinator);
      expect(moved.ownerUnitId).toBe(other.id);
      expect(await auditOf(unit.id)).toEqual([
        { action: 'unit.updated', actorId: admin.id, details: { fields: ['nameFi', 'activeUntil'] } },
      ]);
      expect((await auditOf(project.id)).map((a) => [a.action, a.actorId, a.details])).toEqual([
        ['project.created', admin.id, {}],
        ['project.updated', coordinator.id, { fields: ['ownerUnitId'] }],
      ]);

      await patch(Unit, unit.id, { activeUntil: '2026-06-30' });
      const before = { unit: await rowOf(unit.id), project: await rowOf(project.id), totals: await totals() };
      const refusals: [OrganisationKind, string, object, Record<string, unknown>][] = [
        // A new start after the stored end is the start's fault; a new end before the stored start is the end's.
        [
          Unit,
          unit.id,
          { activeFrom: '2026-07-01' },
          { status: 400, errors: [field('activeFrom', 'afterActiveUntil')] },
        ],
        [
          Unit,
          unit.id,
          { activeUntil: '2025-12-31' },
          { status: 400, errors: [field('activeUntil', 'beforeActiveFrom')] },
        ],
        // Both sent: the end is named.
        [
          Unit,
          unit.id,
          { activeFrom: '2026-07-01', activeUntil: '2026-06-30' },
          { status: 400, errors: [field('activeUntil', 'beforeActiveFrom')] },
        ],
        [Unit, unit.id, { code: other.code }, { status: 409, code: OrganisationErrorCode.OrganisationCodeTaken }],
        [
          Project,
          project.id,
          { ownerUnitId: randomUUID() },
          { status: 400, code: OrganisationErrorCode.OwnerUnitNotFound },
        ],
        [
          Project,
          project.id,
          { ownerUnitId: project.id },
          { status: 400, code: OrganisationErrorCode.OwnerUnitNotFound },
        ],
        // A unit is not found as a project, nor a project as a unit.
        [
          Project,
          unit.id,
          { nameFi: 'X' },
          { status: 404, code: OrganisationErrorCode.OrganisationNotFound, detail: 'Project not found' },
        ],
        [
          Unit,
          project.id,
          { nameFi: 'X' },
          { status: 404, code: OrganisationErrorCode.OrganisationNotFound, detail: 'Unit not found' },
        ],
      ];
      for (const [kind, id, plain, expected] of refusals) {
        expect(await problemOf(patch(kind, id, plain))).toMatchObject(expected);
      }
      expect({ unit: await rowOf(unit.id), project: await rowOf(project.id), totals: await totals() }).toEqual(before);
      expect(await problemOf(organisations.get(contextOf(admin), Unit, project.id))).toMatchObject({
        status: 404,
        detail: 'Unit not found',
      });
    });
  });

  describe('members', () => {
    it('takes only orderers as members, once, auditing each addition and removal; refuses the rest, changing nothing', async () => {
      const unit = await createUnit(m.db);
      const orderer = await createUser(m.db, Role.Orderer, { name: 'Olli Tilaaja' });
      const ctx = contextOf(coordinator);

      const added = await organisations.addMember(ctx, unit.id, orderer.id);
      expect(added).toEqual({
        userId: orderer.id,
        name: 'Olli Tilaaja',
        email: orderer.email,
        since: expect.any(String),
      });
      // Idempotent: the same answer again, one row, one audit row.
      expect(await organisations.addMember(contextOf(admin), unit.id, orderer.id)).toEqual(added);
      expect(await organisations.members(ctx, unit.id)).toEqual([added]);
      const memberRows = () =>
        m.db.query(
          `SELECT user_id AS "userId", created_by AS "createdBy" FROM organisation_members WHERE organisation_id = $1`,
          [unit.id],
        );
      expect(await memberRows()).toEqual([{ userId: orderer.id, createdBy: coordinator.id }]);
      expect(await auditOf(unit.id)).toEqual([
        { action: 'membership.added', actorId: coordinator.id, details: { userId: orderer.id } },
      ]);

      const expert = await createExpert(m.db);
      const refusals: [string, string, Record<string, unknown>][] = [
        [unit.id, coordinator.id, { status: 409, code: OrganisationErrorCode.MemberNotOrderer }],
        [unit.id, admin.id, { status: 409, code: OrganisationErrorCode.MemberNotOrderer }],
        [unit.id, expert.id, { status: 409, code: OrganisationErrorCode.MemberNotOrderer }],
        [unit.id, randomUUID(), { status: 404, code: UserErrorCode.UserNotFound }],
        [
          randomUUID(),
          orderer.id,
          { status: 404, code: OrganisationErrorCode.OrganisationNotFound, detail: 'Organisation not found' },
        ],
      ];
      const before = await totals();
      for (const [organisationId, userId, expected] of refusals) {
        expect(await problemOf(organisations.addMember(ctx, organisationId, userId))).toMatchObject(expected);
      }
      expect(await totals()).toEqual(before);

      await organisations.removeMember(contextOf(admin), unit.id, orderer.id);
      expect(await memberRows()).toEqual([]);
      expect(await organisations.members(ctx, unit.id)).toEqual([]);
      expect((await auditOf(unit.id)).map((a) => [a.action, a.actorId, a.details])).toEqual([
        ['membership.added', coordinator.id, { userId: orderer.id }],
        ['membership.removed', admin.id, { userId: orderer.id }],
      ]);
      // Removing one who does not belong (any more), or no one, is refused, and leaves no audit row.
      const afterRemoval = await totals();
      for (const [organisationId, userId, expected] of [
        [
          unit.id,
          orderer.id,
          {
            status: 404,
            code: OrganisationErrorCode.MemberNotFound,
            detail: 'The account is not a member of this unit or project',
          },
        ],
        [unit.id, randomUUID(), { status: 404, code: UserErrorCode.UserNotFound }],
        [randomUUID(), orderer.id, { status: 404, code: OrganisationErrorCode.OrganisationNotFound }],
      ] as const) {
        expect(await problemOf(organisations.removeMember(ctx, organisationId, userId))).toMatchObject(expected);
      }
      expect(await totals()).toEqual(afterRemoval);
    });

    it('does not add a member whose role is being changed at the same moment: the addition waits and sees the new role', async () => {
      const unit = await createUnit(m.db);
      const orderer = await createUser(m.db, Role.Orderer);
      const before = await totals();
      // The role change, uncommitted, holds the account's row.
      const roleChange = m.db.createQueryRunner();
      await roleChange.connect();
      await roleChange.startTransaction();
      try {
        await roleChange.query(`UPDATE users SET role = 'coordinator' WHERE id = $1`, [orderer.id]);
        const addition = problemOf(organisations.addMember(contextOf(admin), unit.id, orderer.id));
        await untilAStatementWaitsForALock(m.db);
        await roleChange.commitTransaction();
        expect(await addition).toMatchObject({ status: 409, code: OrganisationErrorCode.MemberNotOrderer });
      } finally {
        if (roleChange.isTransactionActive) await roleChange.rollbackTransaction();
        await roleChange.release();
      }
      expect(await totals()).toEqual(before);
    });
  });

  it('shows an orderer only the units and projects they belong to; another’s answers as if it did not exist, each attempt audited', async () => {
    const mine = await createUnit(m.db);
    const theirs = await createUnit(m.db);
    const myProject = await create(Project, await projectBody(code('P'), theirs.id));
    const theirProject = await create(Project, await projectBody(code('P'), theirs.id));
    const orderer = await createUser(m.db, Role.Orderer);
    const fresh = await createUser(m.db, Role.Orderer);
    await organisations.addMember(contextOf(admin), mine.id, orderer.id);
    await organisations.addMember(contextOf(admin), myProject.id, orderer.id);
    await organisations.addMember(contextOf(admin), mine.id, fresh.id);
    const as = contextOf(orderer);

    expect((await organisations.list(as, Unit)).map((u) => u.id)).toEqual([mine.id]);
    expect((await organisations.list(as, Project)).map((p) => p.id)).toEqual([myProject.id]);
    expect((await organisations.list(contextOf(fresh), Unit)).map((u) => u.id)).toEqual([mine.id]);
    expect(await organisations.list(contextOf(fresh), Project)).toEqual([]);
    expect((await organisations.get(as, Unit, mine.id)).id).toBe(mine.id);
    expect((await organisations.get(as, Project, myProject.id)).ownerUnitId).toBe(theirs.id);
    expect((await organisations.members(as, mine.id)).map((x) => x.userId).sort()).toEqual(
      [orderer.id, fresh.id].sort(),
    );
    // Staff see them all.
    for (const staff of [admin, coordinator]) {
      const units = (await organisations.list(contextOf(staff), Unit)).map((u) => u.id);
      expect(units).toEqual(expect.arrayContaining([mine.id, theirs.id]));
      const projects = (await organisations.list(contextOf(staff), Project)).map((p) => p.id);
      expect(projects).toEqual(expect.arrayContaining([myProject.id, theirProject.id]));
    }

    const refusedUnit = await problemOf(organisations.get(as, Unit, theirs.id));
    expect(refusedUnit).toMatchObject({ status: 404, code: OrganisationErrorCode.OrganisationNotFound });
    expect(await problemOf(organisations.get(as, Unit, randomUUID()))).toEqual(refusedUnit);
    expect(await problemOf(organisations.get(as, Project, theirProject.id))).toMatchObject({ status: 404 });
    expect(await problemOf(organisations.members(as, theirs.id))).toMatchObject({
      status: 404,
      code: OrganisationErrorCode.OrganisationNotFound,
    });
    const denied = await m.db.query(
      `SELECT entity_id AS id FROM audit_events WHERE action = 'authz.denied' AND actor_id = $1 ORDER BY occurred_at`,
      [orderer.id],
    );
    expect(denied).toEqual([{ id: theirs.id }, { id: theirProject.id }, { id: theirs.id }]);
  });
});

function field(name: string, code: string) {
  return expect.objectContaining({ field: name, code });
}
