import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../../common/auth/authenticated.decorator';
import { Role } from '../../../common/auth/role.enum';
import { ApiProblem } from '../../../common/errors/api-problem.decorator';
import { IdParam } from '../../../common/validation/parse-uuid.pipe';
import { MatchingContextQuery, MatchingContextResponse } from './matching-context.dto';
import { MatchingContextService } from './matching-context.service';

@ApiTags('booking')
@Controller('booking-requests/:id/matching')
export class MatchingContextController {
  constructor(private readonly context: MatchingContextService) {}

  @ApiOperation({
    summary:
      "Beside an order's candidates: its offers in every state, the candidates' load and recent offers, the score weights",
  })
  @Get()
  @Authenticated({ roles: [Role.Coordinator] })
  @ApiOkResponse({ type: MatchingContextResponse })
  @ApiProblem(404, 'REQUEST_NOT_FOUND')
  get(@IdParam() id: string, @Query() query: MatchingContextQuery): Promise<MatchingContextResponse> {
    return this.context.get(id, query.expertIds);
  }
}
