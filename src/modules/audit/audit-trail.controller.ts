import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { AuthContext } from '../../common/auth/auth-context';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { Role } from '../../common/auth/role.enum';
import { AUDIT_CSV_COLUMNS } from './audit-csv.util';
import { AUDIT_CSV_MAX_ROWS, AuditTrailService } from './audit-trail.service';
import { AuditEventPageResponse } from './dto/audit-event.response';
import { AuditEventFilterQuery, ListAuditEventsQuery } from './dto/list-audit-events.query';

// PRODUCT §1: the audit trail is the admin's alone.
@ApiTags('audit-events')
@Controller()
@Authenticated({ roles: [Role.Admin] })
export class AuditTrailController {
  constructor(private readonly trail: AuditTrailService) {}

  @ApiOperation({ summary: 'The audit trail' })
  @Get('audit-events')
  @ApiOkResponse({
    type: AuditEventPageResponse,
    description:
      'Who did what and when, newest first; readings of IBANs and identity codes included, their values never',
  })
  list(@Query() query: ListAuditEventsQuery): Promise<AuditEventPageResponse> {
    return this.trail.list(query);
  }

  @ApiOperation({ summary: 'The audit trail as a CSV file' })
  @Get('audit-events.csv')
  @ApiOkResponse({
    content: { 'text/csv': { schema: { type: 'string', format: 'binary' } } },
    description: `The events the filters select, newest first, at most ${AUDIT_CSV_MAX_ROWS}; RFC 4180, UTF-8, formula-safe cells; the export itself is audited. Columns: ${AUDIT_CSV_COLUMNS.join(', ')}`,
  })
  async csv(
    @CurrentUser() ctx: AuthContext,
    @Query() filter: AuditEventFilterQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.trail.exportCsv(ctx, filter);
    const bytes = Buffer.from(file.text, 'utf8');
    void reply.header('cache-control', 'private, no-store');
    return new StreamableFile(bytes, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${file.fileName}"`,
      length: bytes.length,
    });
  }
}
