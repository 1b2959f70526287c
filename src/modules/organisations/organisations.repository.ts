import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, DeepPartial, EntityManager } from 'typeorm';
import { UserEntity } from '../users/entities/user.entity';
import { MembershipEntity } from './entities/membership.entity';
import { MunicipalityEntity } from './entities/municipality.entity';
import { OrganisationEntity, OrganisationKind } from './entities/organisation.entity';

@Injectable()
export class OrganisationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string, kind?: OrganisationKind): Promise<OrganisationEntity | null> {
    return this.dataSource.getRepository(OrganisationEntity).findOneBy({ id, kind });
  }

  findAll(kind: OrganisationKind): Promise<OrganisationEntity[]> {
    return this.dataSource.getRepository(OrganisationEntity).find({ where: { kind }, order: { code: 'ASC' } });
  }

  findForMember(kind: OrganisationKind, userId: string): Promise<OrganisationEntity[]> {
    return this.dataSource
      .getRepository(OrganisationEntity)
      .createQueryBuilder('o')
      .innerJoin(MembershipEntity, 'm', 'm.organisation_id = o.id AND m.user_id = :userId', { userId })
      .where('o.kind = :kind', { kind })
      .orderBy('o.code', 'ASC')
      .getMany();
  }

  isMember(organisationId: string, userId: string): Promise<boolean> {
    return this.dataSource.getRepository(MembershipEntity).existsBy({ organisationId, userId });
  }

  // The county's first rule in one query: the orderer belongs to it and it is active on that day.
  findOrderable(organisationId: string, userId: string, date: string): Promise<OrganisationEntity | null> {
    return this.dataSource
      .getRepository(OrganisationEntity)
      .createQueryBuilder('o')
      .innerJoin(MembershipEntity, 'm', 'm.organisation_id = o.id AND m.user_id = :userId', { userId })
      .where('o.id = :organisationId', { organisationId })
      .andWhere('o.active_from <= :date AND (o.active_until IS NULL OR o.active_until >= :date)', { date })
      .getOne();
  }

  findMembers(organisationId: string): Promise<MembershipEntity[]> {
    return this.dataSource
      .getRepository(MembershipEntity)
      .find({ where: { organisationId }, relations: { user: true }, order: { createdAt: 'ASC' } });
  }

  findMember(organisationId: string, userId: string): Promise<MembershipEntity | null> {
    return this.dataSource
      .getRepository(MembershipEntity)
      .findOne({ where: { organisationId, userId }, relations: { user: true } });
  }

  save(manager: EntityManager, organisation: DeepPartial<OrganisationEntity>): Promise<OrganisationEntity> {
    return manager.save(OrganisationEntity, organisation);
  }

  findUserShared(manager: EntityManager, id: string): Promise<UserEntity | null> {
    return manager.createQueryBuilder(UserEntity, 'u').where('u.id = :id', { id }).setLock('pessimistic_read').getOne();
  }

  userExists(manager: EntityManager, id: string): Promise<boolean> {
    return manager.existsBy(UserEntity, { id });
  }

  // Idempotent: false when the person already belonged to it.
  async addMember(manager: EntityManager, organisationId: string, userId: string, createdBy: string): Promise<boolean> {
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(MembershipEntity)
      .values({ organisationId, userId, createdBy })
      .orIgnore()
      .returning('user_id')
      .execute();
    return (inserted.raw as unknown[]).length > 0;
  }

  // False when the person did not belong to it.
  async removeMember(manager: EntityManager, organisationId: string, userId: string): Promise<boolean> {
    const result = await manager.delete(MembershipEntity, { organisationId, userId });
    return Boolean(result.affected);
  }

  findMunicipalities(): Promise<MunicipalityEntity[]> {
    return this.dataSource.getRepository(MunicipalityEntity).find({ order: { nameFi: 'ASC' } });
  }
}
