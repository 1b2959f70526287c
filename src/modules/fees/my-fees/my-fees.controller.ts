import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '../../../common/auth/auth-context';
import { Authenticated } from '../../../common/auth/authenticated.decorator';
import { CurrentUser } from '../../../common/auth/current-user.decorator';
import { Role } from '../../../common/auth/role.enum';
import { ApiProblem } from '../../../common/errors/api-problem.decorator';
import { Page, PageQueryDto } from '../../../common/http/pagination.dto';
import { IdParam } from '../../../common/validation/parse-uuid.pipe';
import {
  MyEarningsResponse,
  PaidLinePageResponse,
  PaidLineResponse,
  StatementResponse,
  YearQuery,
} from '../dto/my-fees.dto';
import { ApiFileDownload, Download, SendsFile } from '../../files';
import { MyFeesService } from './my-fees.service';

const EXPERT = [Role.Expert];

@ApiTags('my-fees')
@Controller('my-fees')
export class MyFeesController {
  constructor(private readonly fees: MyFeesService) {}

  @ApiOperation({ summary: 'My earnings this year, against my ceiling' })
  @Get('earnings')
  @Authenticated({ roles: EXPERT })
  @ApiOkResponse({ type: MyEarningsResponse, description: 'Fees paid to you this year against your own ceiling' })
  earnings(@CurrentUser() ctx: AuthContext, @Query() query: YearQuery): Promise<MyEarningsResponse> {
    return this.fees.earnings(ctx, query);
  }

  @ApiOperation({ summary: 'My paid fee and travel lines' })
  @Get('lines')
  @Authenticated({ roles: EXPERT })
  @ApiOkResponse({ type: PaidLinePageResponse, description: 'Your paid lines, newest payment first' })
  lines(@CurrentUser() ctx: AuthContext, @Query() query: PageQueryDto): Promise<Page<PaidLineResponse>> {
    return this.fees.lines(ctx, query);
  }

  @ApiOperation({ summary: 'My fee statements' })
  @Get('statements')
  @Authenticated({ roles: EXPERT })
  @ApiOkResponse({ type: [StatementResponse], description: 'Your statements, one per fee run that paid you' })
  statements(@CurrentUser() ctx: AuthContext): Promise<StatementResponse[]> {
    return this.fees.statements(ctx);
  }

  @ApiOperation({ summary: 'One fee statement (PDF)' })
  @Get('statements/:id')
  @Authenticated({ roles: EXPERT })
  @ApiFileDownload('The statement PDF, in your language', ['application/pdf'])
  @ApiProblem(404, 'STATEMENT_NOT_FOUND (or not yours)')
  @SendsFile()
  statement(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<Download> {
    return this.fees.statement(ctx, id);
  }
}
