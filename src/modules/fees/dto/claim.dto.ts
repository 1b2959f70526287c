import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsDecimal } from '../../../common/validation/is-decimal.decorator';
import { PageQueryDto } from '../../../common/http/pagination.dto';
import { IsDateOnly } from '../../../common/validation/is-date-only.decorator';
import { ClaimCostKind } from '../entities/claim-cost.entity';
import { ClaimStatus } from '../entities/claim.entity';
import { Trimmed } from '../../../common/validation/text.decorators';
import { IntFromText } from '../../../common/validation/query-int.decorator';

export class TripDto {
  @ApiProperty({ example: 'Mustasaari, Koivulahti', minLength: 1, maxLength: 200 })
  @Trimmed()
  @IsString()
  @Length(1, 200)
  from: string;

  @ApiProperty({ example: 'Vaasa, Hietalahdenkatu 2', minLength: 1, maxLength: 200 })
  @Trimmed()
  @IsString()
  @Length(1, 200)
  to: string;

  @ApiProperty({
    example: 24.5,
    minimum: 0.1,
    maximum: 1000,
    description: 'Kilometres by own car, at most one decimal',
  })
  @IsDecimal(1)
  @Min(0.1)
  @Max(1000)
  km: number;

  @ApiProperty({
    example: '2026-10-20',
    format: 'date',
    description: 'Day of travel (Helsinki); its year picks the rate',
  })
  @IsDateOnly()
  date: string;
}

// Minutes default to the booked ones; for a late-cancelled assignment they are always the booked ones.
// What the expert reports, when creating a claim and when changing it.
export class ClaimFieldsDto {
  @ApiPropertyOptional({ example: 150, minimum: 0, maximum: 1440, description: 'Minutes worked at the event' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1440)
  workedMinutes?: number;

  @ApiPropertyOptional({ example: 60, minimum: 0, maximum: 2400, description: 'Preparation minutes (count as work)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2400)
  preparationMinutes?: number;

  @ApiPropertyOptional({ type: [TripDto], maxItems: 10, description: 'Replaces the trips as a whole' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => TripDto)
  trips?: TripDto[];

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class UpdateClaimDto extends ClaimFieldsDto {
  @ApiPropertyOptional({
    example: 3,
    minimum: 1,
    description:
      'The claim’s version the change was made on, as read: another version (changed meanwhile, say in a second tab) answers 409 CLAIM_CHANGED and changes nothing. Left out, the change applies to the claim as it now is',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class CreateClaimDto extends ClaimFieldsDto {
  @ApiProperty({ format: 'uuid', description: 'Your completed assignment, or one the county cancelled late' })
  @IsUUID()
  assignmentId: string;
}

export class ReturnClaimDto {
  @ApiProperty({ example: 'The parking receipt is missing; please add it.', minLength: 1, maxLength: 1000 })
  @Trimmed()
  @IsString()
  @Length(1, 1000)
  reason: string;
}

// The text fields of the multipart cost upload; the receipt itself is the form's `receipt`.
export class AddCostDto {
  @ApiProperty({ enum: ClaimCostKind, enumName: 'ClaimCostKind' })
  @IsEnum(ClaimCostKind)
  kind: ClaimCostKind;

  @ApiProperty({ example: 480, minimum: 1, maximum: 100000, description: 'Euro cents, as on the receipt' })
  @IntFromText()
  @IsInt()
  @Min(1)
  @Max(100_000)
  amountCents: number;

  @ApiPropertyOptional({ example: 'Bussilippu Vaasa–Mustasaari', maxLength: 200 })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(200)
  description?: string;
}

export class AddCostForm extends AddCostDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'The receipt: PDF, JPEG or PNG, at most 5 MB; the type is read from the bytes',
  })
  receipt: unknown;
}

export class ListClaimsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: ClaimStatus, enumName: 'ClaimStatus' })
  @IsOptional()
  @IsEnum(ClaimStatus)
  status?: ClaimStatus;
}
