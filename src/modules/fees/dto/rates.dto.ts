import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';
import { TaskType } from '../../../common/domain/task-type';
import { IsDateOnly } from '../../../common/validation/is-date-only.decorator';
import { FeeBasis } from '../entities/fee-rate.entity';

export class CreateFeeRateDto {
  @ApiProperty({ enum: TaskType, enumName: 'TaskType' })
  @IsEnum(TaskType)
  taskType: TaskType;

  @ApiProperty({
    enum: FeeBasis,
    enumName: 'FeeBasis',
    description: 'hourly: per hour, billed in started quarter hours; per_event: a fixed fee',
  })
  @IsEnum(FeeBasis)
  basis: FeeBasis;

  @ApiProperty({ example: 2600, minimum: 1, maximum: 1000000, description: 'Euro cents per hour or per event' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  rateCents: number;

  @ApiProperty({
    example: '2027-01-01',
    format: 'date',
    description: 'Today or later (Europe/Helsinki); earlier rows keep pricing earlier work',
  })
  @IsDateOnly()
  validFrom: string;
}

export class TravelRateDto {
  @ApiProperty({ example: 55, minimum: 1, maximum: 1000, description: 'Own car, euro cents per km' })
  @IsInt()
  @Min(1)
  @Max(1000)
  carCentsPerKm: number;
}

export class UpdateFeeSettingsDto {
  @ApiPropertyOptional({
    example: 60,
    minimum: 1,
    maximum: 3650,
    description: 'Days after the assignment’s end within which a claim is filed',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  claimTimeLimitDays?: number;

  @ApiPropertyOptional({ description: 'A fee run needs the approval of two different coordinators' })
  @IsOptional()
  @IsBoolean()
  fourEyesApproval?: boolean;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 50000,
    minimum: 0,
    maximum: 10000000,
    description:
      'Four eyes for claims: a claim whose fee, travel and costs together come to more than this many euro cents needs the approval of two different coordinators. null: one coordinator approves any claim; 0: every claim needs two',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  claimFourEyesAboveCents?: number | null;
}

export class FeeRateResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: TaskType, enumName: 'TaskType' }) taskType: TaskType;
  @ApiProperty({ enum: FeeBasis, enumName: 'FeeBasis' }) basis: FeeBasis;
  @ApiProperty() rateCents: number;
  @ApiProperty({ format: 'date' }) validFrom: string;
}

export class TravelRateResponse {
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ example: 55 }) carCentsPerKm: number;
}

export class FeeSettingsResponse {
  @ApiProperty() claimTimeLimitDays: number;
  @ApiProperty({ description: 'A fee run needs the approval of two different coordinators' })
  fourEyesApproval: boolean;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Claims over this many euro cents need two different coordinators; null: never',
  })
  claimFourEyesAboveCents: number | null;
}
