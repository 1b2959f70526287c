import { csvRows } from '../../common/csv/csv';
import { AuditEventResponse } from './dto/audit-event.response';

// A Kokemus CSV file (see CSV_OPTIONS), UTF-8, with a header row.
export const AUDIT_CSV_COLUMNS = [
  'occurred_at',
  'actor_id',
  'actor_name',
  'actor_email',
  'actor_role',
  'action',
  'entity_type',
  'entity_id',
  'entity_name',
  'ip',
  'request_id',
  'details',
] as const;

export function auditCsv(events: AuditEventResponse[]): string {
  return csvRows([
    [...AUDIT_CSV_COLUMNS],
    ...events.map((e) => [
      e.occurredAt,
      e.actorId,
      e.actorName,
      e.actorEmail,
      e.actorRole,
      e.action,
      e.entityType,
      e.entityId,
      e.entityName,
      e.ip,
      e.requestId,
      JSON.stringify(e.details),
    ]),
  ]);
}
