import { randomUUID } from 'node:crypto';
import TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { MembershipEntity } from '../../src/modules/organisations/entities/membership.entity';
import { OrganisationEntity, OrganisationKind } from '../../src/modules/organisations/entities/organisation.entity';
import { Role } from '../../src/common/auth/role.enum';
import { createUser, loggedIn, login, TestUser } from './users.factory';

export async function createUnit(
  db: DataSource,
  overrides: Partial<OrganisationEntity> = {},
): Promise<OrganisationEntity> {
  const code = overrides.code ?? `U${randomUUID().slice(0, 8)}`;
  return db.getRepository(OrganisationEntity).save({
    kind: OrganisationKind.Unit,
    code,
    nameFi: `Yksikkö ${code}`,
    nameSv: `Enhet ${code}`,
    activeFrom: '2025-01-01',
    activeUntil: null,
    ...overrides,
  });
}

export async function addMember(db: DataSource, organisationId: string, userId: string): Promise<void> {
  await db.getRepository(MembershipEntity).insert({ organisationId, userId, createdBy: null });
}

// An orderer and the unit they order for (a member of it), with the unit's code (the cost centre of its work).
export async function createOrdererOfUnit(
  db: DataSource,
  unit: Partial<OrganisationEntity> = {},
  user: Parameters<typeof createUser>[2] = {},
): Promise<{ orderer: TestUser; unitId: string; unitCode: string }> {
  const orderer = await createUser(db, Role.Orderer, user);
  const { id: unitId, code: unitCode } = await createUnit(db, unit);
  await addMember(db, unitId, orderer.id);
  return { orderer, unitId, unitCode };
}

// The same orderer and unit, with the orderer signed in through the API (their access token in `token`).
export async function signedInOrdererOfUnit(
  db: DataSource,
  http: TestAgent,
  unit: Partial<OrganisationEntity> = {},
  user: Parameters<typeof createUser>[2] = {},
): Promise<{ orderer: TestUser & { token: string }; unitId: string; unitCode: string }> {
  const { orderer, ...ofUnit } = await createOrdererOfUnit(db, unit, user);
  return { orderer: { ...orderer, token: await login(http, orderer) }, ...ofUnit };
}

// A coordinator signed in through the API (their access token in `coordinator.token`) and an orderer of a unit:
// the people of the coordinator's queues.
export async function coordinatorAndOrdererOfUnit(
  db: DataSource,
  http: TestAgent,
  unit: Partial<OrganisationEntity> = {},
): Promise<{ coordinator: TestUser & { token: string }; orderer: TestUser; unitId: string }> {
  const coordinator = await loggedIn(db, http, Role.Coordinator);
  return { coordinator, ...(await createOrdererOfUnit(db, unit)) };
}
