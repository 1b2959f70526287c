import { Injectable } from '@nestjs/common';
import { AuthContext } from '../../common/auth/auth-context';
import { Role } from '../../common/auth/role.enum';
import { Clock } from '../../common/clock/clock.service';
import {
  EarningsReportResponse,
  HoursReportResponse,
  NoShowsReportResponse,
  SpendReportResponse,
  UnfilledReportResponse,
} from './dto/reports.dto';
import { YearQuery } from '../fees/dto/my-fees.dto';
import { ceilingStatus, EarningsRepository, helsinkiYear, yearPeriod } from '../fees';
import { ReportsRepository } from './reports.repository';

// The coordinator's reports; an orderer sees only the spend of their own units and projects.
@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly earningsOf: EarningsRepository,
    private readonly clock: Clock,
  ) {}

  async spend(ctx: AuthContext, query: YearQuery): Promise<SpendReportResponse> {
    const year = this.year(query);
    const memberId = ctx.user.role === Role.Coordinator ? null : ctx.user.id;
    const rows = await this.reports.spend(yearPeriod(year), memberId);
    return { year, rows: rows.map((r) => ({ ...r, totalCents: r.feesCents + r.travelAndCostsCents })) };
  }

  async hours(query: YearQuery): Promise<HoursReportResponse> {
    const year = this.year(query);
    const rows = await this.reports.hours(yearPeriod(year));
    return { year, rows: rows.map((r) => ({ ...r, hours: Math.round((r.minutes / 60) * 100) / 100 })) };
  }

  async unfilled(query: YearQuery): Promise<UnfilledReportResponse> {
    const year = this.year(query);
    return { year, rows: await this.reports.unfilled(yearPeriod(year)) };
  }

  async earnings(query: YearQuery): Promise<EarningsReportResponse> {
    const year = this.year(query);
    const rows = await this.earningsOf.earnings(yearPeriod(year), null);
    return {
      year,
      rows: rows.map((r) => ({
        expertId: r.expertId,
        name: r.name,
        paidFeesCents: r.paidFeesCents,
        ...ceilingStatus(r.paidFeesCents, r.ceilingCents),
      })),
    };
  }

  async noShows(query: YearQuery): Promise<NoShowsReportResponse> {
    const year = this.year(query);
    return { year, rows: await this.reports.noShows(yearPeriod(year)) };
  }

  year(query: YearQuery): number {
    return query.year ?? helsinkiYear(this.clock.now());
  }
}
