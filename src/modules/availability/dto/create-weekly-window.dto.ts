import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min, ValidateIf } from 'class-validator';
import { MatchesPattern } from '../../../common/validation/matches-pattern.decorator';
import { IsDateOnly } from '../../../common/validation/is-date-only.decorator';
import { LOCAL_END_TIME_PATTERN, LOCAL_TIME_PATTERN } from '../local-time.util';

export class CreateWeeklyWindowDto {
  @ApiProperty({ minimum: 1, maximum: 7, example: 1, description: 'ISO weekday: 1 = Monday … 7 = Sunday' })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday: number;

  @ApiProperty({ example: '09:00', description: 'Local time in Europe/Helsinki, HH:MM' })
  @MatchesPattern(LOCAL_TIME_PATTERN, { message: 'from must be a time of day as HH:MM' })
  from: string;

  @ApiProperty({
    example: '12:00',
    description: 'Local time in Europe/Helsinki, HH:MM (24:00 = end of day); after from',
  })
  @MatchesPattern(LOCAL_END_TIME_PATTERN, { message: 'to must be a time of day as HH:MM, or 24:00' })
  to: string;

  @ApiProperty({ example: '2026-01-01', format: 'date', description: 'First day the window applies' })
  @IsDateOnly()
  validFrom: string;

  @ApiPropertyOptional({
    type: String,
    example: '2026-12-31',
    format: 'date',
    nullable: true,
    description: 'Last day it applies (inclusive); open when absent',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsDateOnly()
  validUntil?: string | null;
}
