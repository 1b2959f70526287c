import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '../../common/auth/auth-context';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { Role } from '../../common/auth/role.enum';
import { ApiProblem } from '../../common/errors/api-problem.decorator';
import { IdParam } from '../../common/validation/parse-uuid.pipe';
import { CoordinatorTodayResponse, NoShowHandledResponse } from './dto/coordinator-today.response';
import { CoordinatorTodayService } from './coordinator-today.service';

@ApiTags('coordinator')
@Controller('coordinator/today')
export class CoordinatorTodayController {
  constructor(private readonly today: CoordinatorTodayService) {}

  @ApiOperation({
    summary:
      "The coordinator's work queues today: certificates, orders, expiring offers, contracts, claims, fee runs, no-shows",
  })
  @Get()
  @Authenticated({ roles: [Role.Coordinator] })
  @ApiOkResponse({
    type: CoordinatorTodayResponse,
    description: 'Counts of every queue and the first rows of each, oldest work first',
  })
  get(): Promise<CoordinatorTodayResponse> {
    return this.today.get();
  }

  @ApiOperation({ summary: 'Mark a no-show handled: it leaves the no-shows queue' })
  @Post('no-shows/:assignmentId/handled')
  @Authenticated({ roles: [Role.Coordinator] })
  @HttpCode(200)
  @ApiOkResponse({
    type: NoShowHandledResponse,
    description:
      'Who marked it and when; marking it again answers with the first mark. 404 ASSIGNMENT_NOT_FOUND, 409 ASSIGNMENT_STATUS_CONFLICT when the assignment is not a no-show',
  })
  @ApiProblem(404, 'ASSIGNMENT_NOT_FOUND')
  @ApiProblem(409, 'ASSIGNMENT_STATUS_CONFLICT: not a no-show waiting to be handled')
  markNoShowHandled(
    @CurrentUser() ctx: AuthContext,
    @IdParam('assignmentId') assignmentId: string,
  ): Promise<NoShowHandledResponse> {
    return this.today.markNoShowHandled(ctx, assignmentId);
  }
}
