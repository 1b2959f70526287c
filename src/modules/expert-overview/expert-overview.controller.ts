import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { Role } from '../../common/auth/role.enum';
import { ApiProblem } from '../../common/errors/api-problem.decorator';
import { IdParam } from '../../common/validation/parse-uuid.pipe';
import { ExpertOverviewResponse } from './dto/expert-overview.response';
import { ExpertOverviewService } from './expert-overview.service';

@ApiTags('experts')
@Controller('experts/:id/overview')
export class ExpertOverviewController {
  constructor(private readonly overview: ExpertOverviewService) {}

  @ApiOperation({
    summary: "An expert's assignments, load against their caps and earnings against their ceiling (coordinator)",
  })
  @Get()
  @Authenticated({ roles: [Role.Coordinator] })
  @ApiOkResponse({ type: ExpertOverviewResponse })
  @ApiProblem(404, 'EXPERT_NOT_FOUND')
  get(@IdParam() id: string): Promise<ExpertOverviewResponse> {
    return this.overview.get(id);
  }
}
