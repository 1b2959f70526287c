import { AuditEventResponse } from './dto/audit-event.response';

// RFC 4180 (comma separated, CRLF, quotes where needed), UTF-8, a header row. Every text cell is defused:
// one that a spreadsheet would read as a formula gets a leading apostrophe.
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

export function formulaSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function cell(value: string | null): string {
  const safe = formulaSafe(value ?? '');
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function auditCsv(events: AuditEventResponse[]): string {
  const line = (cells: (string | null)[]) => `${cells.map(cell).join(',')}\r\n`;
  return (
    line([...AUDIT_CSV_COLUMNS]) +
    events
      .map((e) =>
        line([
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
      )
      .join('')
  );
}
