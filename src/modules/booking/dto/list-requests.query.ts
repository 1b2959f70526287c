import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsDateOnly } from '../../../common/validation/is-date-only.decorator';
import { PageQueryDto } from '../../../common/http/pagination.dto';
import { RequestStatus } from '../entities/booking-request.entity';
import { OfferStatus } from '../entities/offer.entity';

export class ListRequestsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: RequestStatus, enumName: 'RequestStatus' })
  @IsOptional()
  @IsEnum(RequestStatus)
  status?: RequestStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the orders of this unit or project' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-10-01',
    description: 'Only orders starting on or after this day (Europe/Helsinki)',
  })
  @IsOptional()
  @IsDateOnly()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-10-31',
    description: 'Only orders starting on or before this day (Europe/Helsinki)',
  })
  @IsOptional()
  @IsDateOnly()
  to?: string;

  @ApiPropertyOptional({
    enum: ['startsAt', 'newest'],
    default: 'startsAt',
    description: 'startsAt: soonest first; newest: the latest made first',
  })
  @IsOptional()
  @IsIn(['startsAt', 'newest'])
  sort?: 'startsAt' | 'newest';
}

export class ListOffersQuery {
  @ApiPropertyOptional({ enum: OfferStatus, enumName: 'OfferStatus' })
  @IsOptional()
  @IsEnum(OfferStatus)
  status?: OfferStatus;
}
