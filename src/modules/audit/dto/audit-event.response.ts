import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Role } from '../../../common/auth/role.enum';
import { AuditDetails } from '../entities/audit-event.entity';

export class AuditEventResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Null for the system (workers, scheduled jobs) and for anonymous callers',
  })
  actorId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) actorName: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) actorEmail: string | null;
  @ApiPropertyOptional({ enum: Role, enumName: 'Role', nullable: true }) actorRole: Role | null;
  @ApiProperty({ example: 'expert.payment_details_read_clear' }) action: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'expert' }) entityType: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) entityId: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Name of the person the entity is, for users and experts',
  })
  entityName: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) ip: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) requestId: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Ids, state names and the names of fields read or changed; never their values',
    example: { fields: ['iban', 'identityCode'] },
  })
  details: AuditDetails;
}

export class AuditEventPageResponse {
  @ApiProperty({ type: [AuditEventResponse] }) items: AuditEventResponse[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

export interface AuditEventRow {
  id: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_name: string | null;
  actor_email: string | null;
  actor_role: Role | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  entity_name: string | null;
  ip: string | null;
  request_id: string | null;
  details: AuditDetails;
}

// Events are written with ids and names only; this is the second line: a key that names a secret never shows its value.
const SECRET_KEY = /password|token|secret|iban|identity|hash|cipher/i;

export function redactDetails(details: AuditDetails): AuditDetails {
  return Object.fromEntries(
    Object.entries(details ?? {}).map(([key, value]) => [key, SECRET_KEY.test(key) ? '[redacted]' : value]),
  );
}

export function toAuditEventResponse(row: AuditEventRow): AuditEventResponse {
  return {
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    actorId: row.actor_id,
    actorName: row.actor_name,
    actorEmail: row.actor_email,
    actorRole: row.actor_role,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    entityName: row.entity_name,
    ip: row.ip,
    requestId: row.request_id,
    details: redactDetails(row.details),
  };
}
