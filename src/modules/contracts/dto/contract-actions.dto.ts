import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
} from 'class-validator';
import { MatchesPattern } from '../../../common/validation/matches-pattern.decorator';
import { IsDateOnly } from '../../../common/validation/is-date-only.decorator';

export class SignContractDto {
  @ApiProperty({ minLength: 1, maxLength: 200, description: 'The expert’s password, checked again at signing' })
  @IsString()
  @Length(1, 200)
  password: string;

  @ApiPropertyOptional({
    description: 'The SHA-256 (hex) of the PDF the expert read; refused if it is not the stored one',
  })
  @IsOptional()
  @MatchesPattern(/^[0-9a-f]{64}$/, { message: 'pdfSha256 must be a SHA-256 in lower-case hex' })
  pdfSha256?: string;
}

export class TerminateContractDto {
  @ApiProperty({ minLength: 1, maxLength: 500, example: 'Vaitiolovelvollisuuden rikkominen' })
  @IsString()
  @Length(1, 500)
  reason: string;
}

// What a new version changes; anything omitted stays as in the signed version.
export class ReviseContractDto {
  @ApiPropertyOptional({ example: '2026-03-01' })
  @IsOptional()
  @IsDateOnly()
  validFrom?: string;

  @ApiPropertyOptional({ example: '2026-06-30' })
  @IsOptional()
  @IsDateOnly()
  validUntil?: string;

  @ApiPropertyOptional({ maxItems: 50, minItems: 1, type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  assignmentIds?: string[];
}

export class ContractPdfQuery {
  @ApiPropertyOptional({
    enum: ['en'],
    description: 'en: an English information copy, rendered on demand and never signed',
  })
  @IsOptional()
  @IsIn(['en'])
  language?: 'en';
}
