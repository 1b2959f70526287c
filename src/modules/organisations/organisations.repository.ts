import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
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
    return this.dataSource.getRepository(MembershipEntity).findOne({ where: { organisationId, userId }, relations: { user: true } });
  }

  findMunicipalities(): Promise<MunicipalityEntity[]> {
    return this.dataSource.getRepository(MunicipalityEntity).find({ order: { nameFi: 'ASC' } });
  }
}
