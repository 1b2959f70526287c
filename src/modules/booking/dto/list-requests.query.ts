import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';
import { RequestStatus } from '../entities/booking-request.entity';
import { OfferStatus } from '../entities/offer.entity';

export class ListRequestsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: RequestStatus, enumName: 'RequestStatus' })
  @IsOptional()
  @IsEnum(RequestStatus)
  status?: RequestStatus;
}

export class ListOffersQuery {
  @ApiPropertyOptional({ enum: OfferStatus, enumName: 'OfferStatus' })
  @IsOptional()
  @IsEnum(OfferStatus)
  status?: OfferStatus;
}
