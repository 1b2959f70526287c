import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '../../../common/auth/auth-context';
import { Authenticated } from '../../../common/auth/authenticated.decorator';
import { CurrentUser } from '../../../common/auth/current-user.decorator';
import { Role } from '../../../common/auth/role.enum';
import { ApiProblem } from '../../../common/errors/api-problem.decorator';
import { PageQueryDto } from '../../../common/http/pagination.dto';
import { IdParam } from '../../../common/validation/parse-uuid.pipe';
import {
  CostCentreTotalsResponse,
  FeeRunFileResponse,
  FeeRunLinePageResponse,
  FeeRunLinesQuery,
  FeeRunPageResponse,
  FeeRunProgressResponse,
  FeeRunQueuedResponse,
  FeeRunResponse,
  StartFeeRunDto,
} from '../dto/fee-run.dto';
import { ApiFileDownload, Download, SendsFile } from '../../files';
import { FeeRunsService } from './fee-runs.service';
import { payrollColumnsDescription } from './export/payroll-csv.util';

const COORDINATOR = [Role.Coordinator];

@ApiTags('fee-runs')
@Controller('fee-runs')
export class FeeRunsController {
  constructor(private readonly runs: FeeRunsService) {}

  @ApiOperation({ summary: 'Start a fee run' })
  @Post()
  @Authenticated({ roles: COORDINATOR })
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: FeeRunQueuedResponse,
    description:
      'Queued; the worker computes a line for every approved, unpaid claim up to the date, withholding tax by the cards of the payment date’s year',
  })
  @ApiProblem(409, 'FEE_RUN_IN_PROGRESS: another run is not finished')
  start(@CurrentUser() ctx: AuthContext, @Body() dto: StartFeeRunDto): Promise<FeeRunQueuedResponse> {
    return this.runs.start(ctx, dto);
  }

  @ApiOperation({ summary: 'Fee runs' })
  @Get()
  @Authenticated({ roles: COORDINATOR })
  @ApiOkResponse({ type: FeeRunPageResponse })
  list(@Query() query: PageQueryDto): Promise<FeeRunPageResponse> {
    return this.runs.list(query);
  }

  @ApiOperation({ summary: 'One fee run' })
  @Get(':id')
  @Authenticated({ roles: COORDINATOR })
  @ApiOkResponse({ type: FeeRunResponse, description: 'Status and totals' })
  @ApiProblem(404, 'FEE_RUN_NOT_FOUND')
  get(@IdParam() id: string): Promise<FeeRunResponse> {
    return this.runs.get(id);
  }

  @ApiOperation({ summary: "A fee run's progress while the worker computes it" })
  @Get(':id/progress')
  @Authenticated({ roles: COORDINATOR })
  @ApiOkResponse({
    type: FeeRunProgressResponse,
    description: 'Claims priced of all the run takes; polled by the progress bar',
  })
  @ApiProblem(404, 'FEE_RUN_NOT_FOUND')
  progress(@IdParam() id: string): Promise<FeeRunProgressResponse> {
    return this.runs.progress(id);
  }

  @ApiOperation({ summary: "A fee run's payment lines" })
  @Get(':id/lines')
  @Authenticated({ roles: COORDINATOR })
  @ApiOkResponse({
    type: FeeRunLinePageResponse,
    description: 'The lines for review, filtered by cost centre, task type or payee; never the bank accounts',
  })
  @ApiProblem(404, 'FEE_RUN_NOT_FOUND')
  lines(@IdParam() id: string, @Query() query: FeeRunLinesQuery): Promise<FeeRunLinePageResponse> {
    return this.runs.lines(id, query);
  }

  @ApiOperation({ summary: "A fee run's totals by cost centre" })
  @Get(':id/cost-centres')
  @Authenticated({ roles: COORDINATOR })
  @ApiOkResponse({ type: [CostCentreTotalsResponse], description: 'What each unit and project spends in the run' })
  @ApiProblem(404, 'FEE_RUN_NOT_FOUND')
  costCentres(@IdParam() id: string): Promise<CostCentreTotalsResponse[]> {
    return this.runs.costCentres(id);
  }

  @ApiOperation({ summary: 'Approve a computed fee run' })
  @Post(':id/approve')
  @Authenticated({ roles: COORDINATOR })
  @HttpCode(200)
  @ApiOkResponse({
    type: FeeRunResponse,
    description: 'Approved; with four eyes the first approval waits for a second coordinator',
  })
  @ApiProblem(409, 'FEE_RUN_STATUS_CONFLICT, FEE_RUN_SECOND_APPROVER_REQUIRED')
  @ApiProblem(404, 'FEE_RUN_NOT_FOUND')
  approve(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<FeeRunResponse> {
    return this.runs.approve(ctx, id);
  }

  @ApiOperation({ summary: 'Retry a failed fee run where it stopped' })
  @Post(':id/retry')
  @Authenticated({ roles: COORDINATOR })
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: FeeRunQueuedResponse,
    description: 'A failed run queued again; it resumes where it stopped',
  })
  @ApiProblem(409, 'FEE_RUN_STATUS_CONFLICT: only a failed run is retried')
  @ApiProblem(404, 'FEE_RUN_NOT_FOUND')
  retry(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<FeeRunQueuedResponse> {
    return this.runs.retry(ctx, id);
  }

  @ApiOperation({ summary: 'Export an approved fee run for payroll' })
  @Post(':id/export')
  @Authenticated({ roles: COORDINATOR })
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: FeeRunQueuedResponse,
    description:
      'The worker exports in one transaction: payroll CSV, cost-centre summary, a statement per payee, and its claims paid',
  })
  @ApiProblem(409, 'FEE_RUN_STATUS_CONFLICT: only an approved run is exported')
  @ApiProblem(404, 'FEE_RUN_NOT_FOUND')
  export(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<FeeRunQueuedResponse> {
    return this.runs.export(ctx, id);
  }

  @ApiOperation({ summary: "A fee run's exported files" })
  @Get(':id/files')
  @Authenticated({ roles: COORDINATOR })
  @ApiOkResponse({ type: [FeeRunFileResponse], description: 'What the export produced' })
  @ApiProblem(404, 'FEE_RUN_NOT_FOUND')
  files(@IdParam() id: string): Promise<FeeRunFileResponse[]> {
    return this.runs.files(id);
  }

  @ApiOperation({ summary: 'Download one exported file of a fee run' })
  @Get(':id/files/:fileId')
  @Authenticated({ roles: COORDINATOR })
  @ApiFileDownload(
    `An export file; every download is audited. The payroll CSV (RFC 4180, UTF-8; for each claim a fee row, and travel and costs on rows of their own, all carrying the claim id) has these columns:\n\n${payrollColumnsDescription()}`,
    ['text/csv', 'application/pdf'],
  )
  @ApiProblem(404, 'FEE_RUN_NOT_FOUND or FEE_RUN_FILE_NOT_FOUND')
  @SendsFile()
  download(
    @CurrentUser() ctx: AuthContext,
    @IdParam() id: string,
    @IdParam('fileId') fileId: string,
  ): Promise<Download> {
    return this.runs.download(ctx, id, fileId);
  }
}
