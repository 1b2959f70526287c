import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, ValidateIf } from 'class-validator';
import { MatchesPattern } from '../../../common/validation/matches-pattern.decorator';
import { IsDateOnly } from '../../../common/validation/is-date-only.decorator';

export class CreateUnitDto {
  @ApiProperty({ example: '4110', description: 'Cost centre (unit) or project code' })
  @IsString()
  @MatchesPattern(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, {
    message: 'code must be 1-32 letters, digits, dots, dashes or underscores',
  })
  code: string;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Psykososiaaliset palvelut' })
  @IsString()
  @Length(1, 200)
  nameFi: string;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Psykosociala tjänster' })
  @IsString()
  @Length(1, 200)
  nameSv: string;

  @ApiProperty({ example: '2026-01-01', format: 'date' })
  @IsDateOnly()
  activeFrom: string;

  @ApiPropertyOptional({
    type: String,
    example: '2027-12-31',
    format: 'date',
    nullable: true,
    description: 'Last day it may order',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsDateOnly()
  activeUntil?: string | null;
}
