import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MembershipEntity } from '../../src/modules/organisations/entities/membership.entity';
import { OrganisationEntity, OrganisationKind } from '../../src/modules/organisations/entities/organisation.entity';
import { Role } from '../../src/common/auth/role.enum';
import { createUser, TestUser } from './users.factory';

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

// An orderer and the unit they order for (a member of it).
export async function createOrdererOfUnit(
  db: DataSource,
  unit: Partial<OrganisationEntity> = {},
  user: Parameters<typeof createUser>[2] = {},
): Promise<{ orderer: TestUser; unitId: string }> {
  const orderer = await createUser(db, Role.Orderer, user);
  const unitId = (await createUnit(db, unit)).id;
  await addMember(db, unitId, orderer.id);
  return { orderer, unitId };
}
