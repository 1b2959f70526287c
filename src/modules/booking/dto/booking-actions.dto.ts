import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsInstant } from '../../../common/validation/instant.decorator';

export class CancelDto {
  @ApiProperty({ minLength: 1, maxLength: 500, example: 'The event was moved to spring' })
  @IsString()
  @Length(1, 500)
  reason: string;
}

export class SendOffersDto {
  @ApiProperty({
    maxItems: 50,
    minItems: 1,
    type: [String],
    format: 'uuid',
    description: 'Candidates from GET /booking-requests/{id}/candidates',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  expertIds: string[];

  @ApiProperty({
    example: '2026-12-05T12:00:00Z',
    format: 'date-time',
    description: 'Answer deadline, with its UTC offset; the offer expires then',
  })
  @IsInstant()
  deadline: string;
}

export class AcceptOfferDto {
  @ApiPropertyOptional({ description: 'Needed when accepting would take this year’s fees past the expert’s ceiling' })
  @IsOptional()
  @IsBoolean()
  acknowledgeEarningsCeiling?: boolean;
}

export class DeclineOfferDto {
  @ApiPropertyOptional({ maxLength: 500, description: 'Optional; declining never counts against the expert' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class DirectAssignDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  expertId: string;

  @ApiPropertyOptional({
    description:
      'The expert has agreed to this booking although it takes their fees this year past the yearly earnings ceiling ' +
      'they set. Needed only then (409 DIRECT_BOOKING_CROSSES_CEILING without it); recorded on the assignment and in ' +
      'the booking’s audit row',
  })
  @IsOptional()
  @IsBoolean()
  expertAgreedToCrossCeiling?: boolean;
}

export class CompleteDto {
  @ApiProperty({ description: 'Did the work take place?' })
  @IsBoolean()
  tookPlace: boolean;
}

export class FeedbackDto {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  rating: number;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}
