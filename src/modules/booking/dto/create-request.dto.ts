import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsMunicipalityCode, IsTopicCode } from '../../../common/validation/code.decorators';
import { IsInstant } from '../../../common/validation/instant.decorator';
import { IsDecimal } from '../../../common/validation/is-decimal.decorator';
import { TaskType } from '../../../common/domain/task-type';
import { IsLanguageCode } from '../../../common/validation/is-language-code.decorator';

export class CreateRequestDto {
  @ApiProperty({ format: 'uuid', description: 'One of your own units or projects' })
  @IsUUID()
  organisationId: string;

  @ApiProperty({ enum: TaskType, enumName: 'TaskType' })
  @IsEnum(TaskType)
  taskType: TaskType;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Asiakasraadin kokous' })
  @IsString()
  @Length(1, 200)
  title: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiPropertyOptional({
    maxLength: 1000,
    example: 'Asiakkaan näkökulma palvelupolun kehittämiseen',
    description: 'What the orderer wants the work to achieve',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  goal?: string;

  @ApiPropertyOptional({
    maxLength: 500,
    example: 'Psykiatrian poliklinikan henkilökunta, noin 30 henkeä',
    description: 'Who the expert will meet or speak to',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  audience?: string;

  @ApiPropertyOptional({
    maxLength: 1000,
    example: 'Puheenvuoro 20 min ja keskustelu',
    description: 'The expert’s role in the event: speaker, member of a working group, a professional’s pair…',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  expertRole?: string;

  @ApiProperty({
    example: '2026-12-10T08:00:00Z',
    format: 'date-time',
    description: 'ISO instant with its UTC offset (Z or +02:00); half-open [startsAt, endsAt)',
  })
  @IsInstant()
  startsAt: string;

  @ApiProperty({ example: '2026-12-10T10:00:00Z', format: 'date-time' })
  @IsInstant()
  endsAt: string;

  @ApiProperty()
  @IsBoolean()
  remote: boolean;

  @ApiPropertyOptional({ example: '905', description: 'Required unless remote' })
  @ValidateIf((o: CreateRequestDto) => !o.remote || o.municipality !== undefined)
  @IsMunicipalityCode()
  municipality?: string;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 300,
    example: 'Hietalahdenkatu 2–4',
    description: 'Required unless remote',
  })
  @ValidateIf((o: CreateRequestDto) => !o.remote || o.address !== undefined)
  @IsString()
  @Length(1, 300)
  address?: string;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 300,
    example: 'Pääovi, aula 2. krs',
    description: 'Where to meet on site; only when not remote (400 meetingPoint onlyOnSite otherwise)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  meetingPoint?: string;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 100,
    example: 'Teams',
    description: 'The remote tool (Teams, Zoom…); only when remote (400 remoteTool onlyRemote otherwise)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  remoteTool?: string;

  @ApiPropertyOptional({
    maxLength: 2000,
    example: 'https://example.org/ohjelma.pdf',
    description:
      'Material for the expert to read beforehand, as an http(s) link. A file is uploaded with PUT /booking-requests/{id}/material',
  })
  @IsOptional()
  @IsUrl(
    { protocols: ['https', 'http'], require_protocol: true, require_tld: false },
    { message: 'materialUrl must be an http or https address' },
  )
  @MaxLength(2000)
  materialUrl?: string;

  @ApiProperty({
    maxItems: 10,
    minItems: 1,
    type: [String],
    example: ['fi', 'sv'],
    description: 'Acceptable languages (ISO 639-1)',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsLanguageCode({ each: true })
  languages: string[];

  @ApiPropertyOptional({ maxItems: 13, type: [String], example: ['mental_health'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(13)
  @ArrayUnique()
  @IsTopicCode({ each: true })
  topics?: string[];

  @ApiProperty({ minimum: 1, maximum: 10 })
  @IsInt()
  @Min(1)
  @Max(10)
  expertsNeeded: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 40,
    description: 'Expected preparation in hours (quarter hours allowed)',
  })
  @IsOptional()
  @IsDecimal(2)
  @Min(0)
  @Max(40)
  preparationHours?: number;
}
