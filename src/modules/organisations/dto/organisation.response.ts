import { ApiProperty } from '@nestjs/swagger';
import { MembershipEntity } from '../entities/membership.entity';
import { MunicipalityEntity } from '../entities/municipality.entity';
import { OrganisationEntity, OrganisationKind } from '../entities/organisation.entity';

export class OrganisationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: OrganisationKind, enumName: 'OrganisationKind' }) kind: OrganisationKind;
  @ApiProperty() code: string;
  @ApiProperty() nameFi: string;
  @ApiProperty() nameSv: string;
  @ApiProperty({ format: 'date' }) activeFrom: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) activeUntil: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) ownerUnitId: string | null;
}

export class MemberResponse {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({ format: 'date-time' }) since: string;
}

export class MunicipalityResponse {
  @ApiProperty({ example: '905', description: 'Statistics Finland municipality code' }) code: string;
  @ApiProperty({ example: 'Vaasa' }) nameFi: string;
  @ApiProperty({ example: 'Vasa' }) nameSv: string;
}

export function toOrganisationResponse(o: OrganisationEntity): OrganisationResponse {
  return {
    id: o.id,
    kind: o.kind,
    code: o.code,
    nameFi: o.nameFi,
    nameSv: o.nameSv,
    activeFrom: o.activeFrom,
    activeUntil: o.activeUntil,
    ownerUnitId: o.ownerUnitId,
  };
}

export function toMemberResponse(m: MembershipEntity): MemberResponse {
  return { userId: m.userId, name: m.user?.name ?? '', email: m.user?.email ?? '', since: m.createdAt.toISOString() };
}

export function toMunicipalityResponse(m: MunicipalityEntity): MunicipalityResponse {
  return { code: m.code, nameFi: m.nameFi, nameSv: m.nameSv };
}
