import { Injectable } from '@nestjs/common';
import { AuthContext } from '../../common/auth/auth-context';
import { Page } from '../../common/http/pagination.dto';
import { auditCsv } from './audit-csv.util';
import { AuditEventsRepository } from './audit-events.repository';
import { AuditService } from './audit.service';
import { AuditEventResponse, toAuditEventResponse } from './dto/audit-event.response';
import { AuditEventFilterQuery, ListAuditEventsQuery } from './dto/list-audit-events.query';

// The newest this many events go into one CSV file; a narrower filter reaches older ones.
export const AUDIT_CSV_MAX_ROWS = 50_000;

// Reading the audit trail (the admin's); writing it is AuditService's.
@Injectable()
export class AuditTrailService {
  constructor(
    private readonly events: AuditEventsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListAuditEventsQuery): Promise<Page<AuditEventResponse>> {
    const [rows, total] = await this.events.findPage(query, query.limit, query.offset);
    return { items: rows.map(toAuditEventResponse), total, limit: query.limit, offset: query.offset };
  }

  // An export carries many people's names out of the service: it is itself in the trail.
  async exportCsv(
    ctx: AuthContext,
    filter: AuditEventFilterQuery,
  ): Promise<{ fileName: string; text: string; rows: number }> {
    const rows = await this.events.findNewest(filter, AUDIT_CSV_MAX_ROWS);
    await this.audit.log(ctx, 'audit_events.exported', null, { rows: rows.length, ...describe(filter) });
    return { fileName: 'audit-events.csv', text: auditCsv(rows.map(toAuditEventResponse)), rows: rows.length };
  }
}

function describe(filter: AuditEventFilterQuery): Record<string, string> {
  const keys = ['actorId', 'action', 'entityType', 'entityId', 'from', 'to'] as const;
  return Object.fromEntries(keys.filter((k) => filter[k] !== undefined).map((k) => [k, filter[k] as string]));
}
