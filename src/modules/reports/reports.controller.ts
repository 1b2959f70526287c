import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '../../common/auth/auth-context';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { Role } from '../../common/auth/role.enum';
import {
  EarningsReportResponse,
  HoursReportResponse,
  NoShowsReportResponse,
  SpendReportResponse,
  UnfilledReportResponse,
} from './dto/reports.dto';
import { YearQuery } from '../fees/dto/my-fees.dto';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @ApiOperation({ summary: 'Report: fees and costs by cost centre' })
  @Get('spend')
  @Authenticated({ roles: [Role.Coordinator, Role.Orderer] })
  @ApiOkResponse({
    type: SpendReportResponse,
    description: 'Paid fees and travel per unit and project per month of work; an orderer sees only their own',
  })
  spend(@CurrentUser() ctx: AuthContext, @Query() query: YearQuery): Promise<SpendReportResponse> {
    return this.reports.spend(ctx, query);
  }

  @ApiOperation({ summary: 'Report: hours of expert work' })
  @Get('hours')
  @Authenticated({ roles: [Role.Coordinator] })
  @ApiOkResponse({
    type: HoursReportResponse,
    description: 'Reported hours of approved and paid claims per task type and topic',
  })
  hours(@Query() query: YearQuery): Promise<HoursReportResponse> {
    return this.reports.hours(query);
  }

  @ApiOperation({ summary: 'Report: orders left unfilled' })
  @Get('unfilled')
  @Authenticated({ roles: [Role.Coordinator] })
  @ApiOkResponse({
    type: UnfilledReportResponse,
    description: 'Requests left short of experts, per topic and language',
  })
  unfilled(@Query() query: YearQuery): Promise<UnfilledReportResponse> {
    return this.reports.unfilled(query);
  }

  @ApiOperation({ summary: "Report: experts' earnings" })
  @Get('earnings')
  @Authenticated({ roles: [Role.Coordinator] })
  @ApiOkResponse({
    type: EarningsReportResponse,
    description: 'Experts’ paid fees this year; those within 10 % of their ceiling first',
  })
  earnings(@Query() query: YearQuery): Promise<EarningsReportResponse> {
    return this.reports.earnings(query);
  }

  @ApiOperation({ summary: 'Report: no-shows' })
  @Get('no-shows')
  @Authenticated({ roles: [Role.Coordinator] })
  @ApiOkResponse({
    type: NoShowsReportResponse,
    description: 'Assignments the expert did not come to, per month of the work, ordering unit or project and expert',
  })
  noShows(@Query() query: YearQuery): Promise<NoShowsReportResponse> {
    return this.reports.noShows(query);
  }
}
