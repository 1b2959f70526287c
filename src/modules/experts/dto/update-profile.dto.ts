import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { MatchesPattern } from '../../../common/validation/matches-pattern.decorator';
import { TaskType } from '../../../common/domain/task-type';
import { Language } from '../../../common/i18n/language';
import { IsMunicipalityCode } from '../../../common/validation/code.decorators';
import { IsLanguageCode } from '../../../common/validation/is-language-code.decorator';
import { PersonName } from '../../../common/validation/person-fields.decorators';

export class UpdateProfileDto {
  @PersonName({ optional: true })
  name?: string;

  @ApiPropertyOptional({ enum: Language, enumName: 'Language', description: 'Language of mail and documents' })
  @IsOptional()
  @IsEnum(Language)
  preferredLanguage?: Language;

  @ApiPropertyOptional({ type: String, nullable: true, example: '+358 40 123 4567' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @MatchesPattern(/^\+?[0-9 ()-]{5,30}$/, { message: 'phone must be a phone number' })
  phone?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '905',
    description: 'Municipality code (GET /municipalities)',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsMunicipalityCode()
  homeMunicipality?: string | null;

  @ApiPropertyOptional({ maxItems: 14, type: [String], example: ['905', '499'] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(14)
  @IsMunicipalityCode({ each: true })
  travelMunicipalities?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  worksRemotely?: boolean;

  @ApiPropertyOptional({ maxItems: 20, type: [String], example: ['fi', 'sv'], description: 'ISO 639-1 codes' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(20)
  @IsLanguageCode({ each: true })
  languages?: string[];

  @ApiPropertyOptional({ enum: TaskType, enumName: 'TaskType', isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsEnum(TaskType, { each: true })
  taskTypes?: TaskType[];

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(2000)
  introFi?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(2000)
  introSv?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 50 })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  @Max(50)
  maxPerWeek?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 200 })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  @Max(200)
  maxPerMonth?: number | null;

  @ApiPropertyOptional({
    maximum: 100000000,
    minimum: 1,
    type: Number,
    nullable: true,
    description: 'Yearly earnings ceiling in euro cents',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  yearlyEarningsCeilingCents?: number | null;
}
