import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MembershipEntity } from '../../src/modules/organisations/entities/membership.entity';
import { OrganisationEntity, OrganisationKind } from '../../src/modules/organisations/entities/organisation.entity';

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
