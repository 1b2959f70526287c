import { Injectable } from '@nestjs/common';
import { requireAccess } from '../../../common/auth/access';
import { AuthContext } from '../../../common/auth/auth-context';
import { Clock } from '../../../common/clock/clock.service';
import { Page, PageQueryDto } from '../../../common/http/pagination.dto';
import {
  MyEarningsResponse,
  PaidLineResponse,
  StatementResponse,
  toStatementResponse,
  YearQuery,
} from '../dto/my-fees.dto';
import { ceilingStatus, helsinkiYear, yearPeriod } from '../money/earnings.rule';
import { AuditService } from '../../audit';
import { Download } from '../../files';
import { FeeRunsRepository } from '../fee-runs/fee-runs.repository';
import { FeeErrors } from '../fees.errors';
import { EarningsRepository } from './earnings.repository';

// The expert's own money: earnings this year against their ceiling, paid lines and statements. Only ever
// the caller's own rows.
@Injectable()
export class MyFeesService {
  constructor(
    private readonly earningsOf: EarningsRepository,
    private readonly runs: FeeRunsRepository,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async earnings(ctx: AuthContext, query: YearQuery): Promise<MyEarningsResponse> {
    const year = query.year ?? helsinkiYear(this.clock.now());
    const [row] = await this.earningsOf.earnings(yearPeriod(year), ctx.user.id);
    const paid = row?.paidFeesCents ?? 0;
    return { year, paidFeesCents: paid, ...ceilingStatus(paid, row?.ceilingCents ?? null) };
  }

  async lines(ctx: AuthContext, query: PageQueryDto): Promise<Page<PaidLineResponse>> {
    const [lines, total] = await this.runs.findPaidLines(ctx.user.id, query.limit, query.offset);
    const items = lines.map((l) => ({
      id: l.id,
      runId: l.runId,
      claimId: l.claimId,
      workDate: l.workDate,
      paidAt: l.run.exportedAt!.toISOString(),
      payeeKind: l.payeeKind,
      payeeName: l.payeeName,
      grossFeeCents: l.grossFeeCents,
      travelAndCostsCents: l.travelAndCostsCents,
      withholdingCents: l.withholdingCents,
      netCents: l.netCents,
    }));
    return { items, total, limit: query.limit, offset: query.offset };
  }

  async statements(ctx: AuthContext): Promise<StatementResponse[]> {
    return (await this.runs.findStatements(ctx.user.id)).map(toStatementResponse);
  }

  // Another expert's statement answers as if it did not exist (the refusal audited).
  async statement(ctx: AuthContext, id: string): Promise<Download> {
    const file = await requireAccess(this.audit, ctx, {
      entityType: 'fee_run_file',
      id,
      find: () => this.runs.findFileWithBytes(id),
      allows: (f) => f.expertId === ctx.user.id,
      notFound: FeeErrors.statementNotFound,
    });
    return { fileName: file.fileName, mediaType: file.mediaType, sha256: file.sha256, bytes: file.bytes };
  }
}
