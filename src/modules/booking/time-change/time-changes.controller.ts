import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '../../../common/auth/auth-context';
import { Authenticated } from '../../../common/auth/authenticated.decorator';
import { CurrentUser } from '../../../common/auth/current-user.decorator';
import { Role } from '../../../common/auth/role.enum';
import { ApiProblem } from '../../../common/errors/api-problem.decorator';
import { IdParam } from '../../../common/validation/parse-uuid.pipe';
import { AssignmentResponse } from '../dto/booking.response';
import { ProposeTimeChangeDto } from './propose-time-change.dto';
import { TimeChangesService } from './time-changes.service';

@ApiTags('booking')
@Controller('assignments/:id/time-change')
export class TimeChangesController {
  constructor(private readonly timeChanges: TimeChangesService) {}

  @ApiOperation({ summary: 'Propose a new time for a booked assignment (the orderer)' })
  @Post()
  @Authenticated({ roles: [Role.Orderer] })
  @ApiCreatedResponse({
    type: AssignmentResponse,
    description:
      'The assignment, unchanged, with the open proposal in timeChange; the expert is mailed and answers on their home screen or on the assignment’s page (GET /assignments/{id} gives them the open proposal in timeChange)',
  })
  @ApiProblem(400, 'startsAt in the past or unchanged, endsAt not after startsAt or more than 10 hours after it')
  @ApiProblem(404, 'ASSIGNMENT_NOT_FOUND (or another unit’s)')
  @ApiProblem(
    409,
    'TIME_CHANGE_ALREADY_OPEN (one at a time; one left unanswered past its proposed start gives way to a new one), ASSIGNMENT_NOT_MOVABLE (finished, cancelled or begun) or EXPERT_DOUBLE_BOOKED (the expert has other work then)',
  )
  propose(
    @CurrentUser() ctx: AuthContext,
    @IdParam() id: string,
    @Body() dto: ProposeTimeChangeDto,
  ): Promise<AssignmentResponse> {
    return this.timeChanges.propose(ctx, id, dto);
  }

  @ApiOperation({ summary: 'Accept the proposed new time (the assigned expert)' })
  @Post('accept')
  @Authenticated({ roles: [Role.Expert] })
  @HttpCode(200)
  @ApiOkResponse({
    type: AssignmentResponse,
    description:
      'The assignment at its new time. A contract that stated the old time gets a new version for the coordinator to approve and the expert to sign (confirmed work goes back to accepted until then); the orderer is mailed',
  })
  @ApiProblem(404, 'ASSIGNMENT_NOT_FOUND (or another expert’s)')
  @ApiProblem(
    409,
    'TIME_CHANGE_NOT_OPEN, TIME_CHANGE_LAPSED (not answered before the work began or the proposed start passed), ASSIGNMENT_NOT_MOVABLE, or EXPERT_DOUBLE_BOOKED naming the assignment the new time overlaps; nothing is changed',
  )
  accept(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<AssignmentResponse> {
    return this.timeChanges.accept(ctx, id);
  }

  @ApiOperation({ summary: 'Decline the proposed new time (the assigned expert)' })
  @Post('decline')
  @Authenticated({ roles: [Role.Expert] })
  @HttpCode(200)
  @ApiOkResponse({
    type: AssignmentResponse,
    description:
      'Nothing changes; the orderer is mailed and may cancel, the late-cancellation clock then counting from when the change was proposed',
  })
  @ApiProblem(404, 'ASSIGNMENT_NOT_FOUND (or another expert’s)')
  @ApiProblem(
    409,
    'TIME_CHANGE_NOT_OPEN, or TIME_CHANGE_LAPSED (not answered before the work began or the proposed start passed)',
  )
  decline(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<AssignmentResponse> {
    return this.timeChanges.decline(ctx, id);
  }
}
