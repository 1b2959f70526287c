import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { TaskType } from '../../../common/domain/task-type';
import { PageQueryDto } from '../../../common/http/pagination.dto';
import { IsMunicipalityCode, IsTopicCode } from '../../../common/validation/code.decorators';
import { IsLanguageCode } from '../../../common/validation/is-language-code.decorator';
import { ExpertStatus } from '../entities/expert.entity';

export const CREDENTIAL_TYPES = ['kokemusasiantuntija', 'kokemustoimija', 'other'] as const;
// pending: a certificate waits for the coordinator; none: no certificate at all.
export const CREDENTIAL_STATES = ['pending', 'verified', 'rejected', 'none'] as const;

export class DirectoryQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: ExpertStatus, enumName: 'ExpertStatus' })
  @IsOptional()
  @IsEnum(ExpertStatus)
  status?: ExpertStatus;

  @ApiPropertyOptional({ example: 'mental_health' })
  @IsOptional()
  @IsTopicCode()
  topic?: string;

  @ApiPropertyOptional({ example: 'sv' })
  @IsOptional()
  @IsLanguageCode()
  language?: string;

  @ApiPropertyOptional({ example: '905', description: 'Home municipality or one the expert travels to' })
  @IsOptional()
  @IsMunicipalityCode()
  municipality?: string;

  @ApiPropertyOptional({ enum: CREDENTIAL_TYPES })
  @IsOptional()
  @IsIn(CREDENTIAL_TYPES)
  credentialType?: (typeof CREDENTIAL_TYPES)[number];

  @ApiPropertyOptional({ description: 'Only experts with (true) or without (false) a verified credential' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  verified?: boolean;

  @ApiPropertyOptional({ enum: TaskType, enumName: 'TaskType', description: 'Experts who take this task type' })
  @IsOptional()
  @IsEnum(TaskType)
  taskType?: TaskType;

  @ApiPropertyOptional({
    enum: CREDENTIAL_STATES,
    description: 'Experts with a certificate in this state (pending: waiting to be checked), or none at all',
  })
  @IsOptional()
  @IsIn(CREDENTIAL_STATES)
  credentialState?: (typeof CREDENTIAL_STATES)[number];

  @ApiPropertyOptional({ description: 'Part of the name or e-mail address', maxLength: 100 })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  search?: string;

  @ApiPropertyOptional({ enum: ['name', 'createdAt', 'status'], default: 'name' })
  @IsOptional()
  @IsIn(['name', 'createdAt', 'status'])
  sort: 'name' | 'createdAt' | 'status' = 'name';

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order: 'asc' | 'desc' = 'asc';
}
