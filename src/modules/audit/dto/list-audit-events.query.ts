import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { MatchesPattern } from '../../../common/validation/matches-pattern.decorator';
import { PageQueryDto } from '../../../common/http/pagination.dto';
import { IsAfterInstant, IsInstant } from '../../../common/validation/instant.decorator';

export class AuditEventFilterQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only what this account did' })
  @IsOptional()
  @IsUUID('all')
  actorId?: string;

  @ApiPropertyOptional({ description: 'Only what the account with this e-mail address did (exact, case-insensitive)' })
  @IsOptional()
  @MaxLength(254)
  @IsEmail()
  actorEmail?: string;

  @ApiPropertyOptional({
    description: 'An action (`user.invited`), or a family of actions without the dot (`user`, `fee_run`, `expert`)',
    example: 'user.invited',
  })
  @IsOptional()
  @MatchesPattern(/^[a-z_]{1,40}(\.[a-z_]{1,40})?$/, {
    message: '$property must be an action such as user.invited, or its first part such as user',
  })
  action?: string;

  @ApiPropertyOptional({ description: 'Kind of the entity acted on', example: 'expert' })
  @IsOptional()
  @MatchesPattern(/^[a-z_]{1,40}$/, { message: '$property must be an entity type such as user or fee_run' })
  entityType?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only events about this entity' })
  @IsOptional()
  @IsUUID('all')
  entityId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'From this instant on (inclusive)' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Before this instant (exclusive): the range is [from, to)' })
  @IsOptional()
  @IsInstant()
  @IsAfterInstant('from')
  to?: string;
}

// The CSV export takes the same filters without the page.
export class ListAuditEventsQuery extends IntersectionType(PageQueryDto, AuditEventFilterQuery) {}
