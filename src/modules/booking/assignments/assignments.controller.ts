import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '../../../common/auth/auth-context';
import { Authenticated } from '../../../common/auth/authenticated.decorator';
import { CurrentUser } from '../../../common/auth/current-user.decorator';
import { Role } from '../../../common/auth/role.enum';
import { ApiProblem } from '../../../common/errors/api-problem.decorator';
import { IdParam } from '../../../common/validation/parse-uuid.pipe';
import { AssignmentsService } from './assignments.service';
import { CancelDto, CompleteDto } from '../dto/booking-actions.dto';
import { AssignmentResponse } from '../dto/booking.response';

@ApiTags('booking')
@Controller('assignments')
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @ApiOperation({ summary: 'Assignments visible to me' })
  @Get()
  @Authenticated({ roles: [Role.Expert] })
  @ApiOkResponse({ type: [AssignmentResponse], description: 'The expert’s own assignments' })
  mine(@CurrentUser() ctx: AuthContext): Promise<AssignmentResponse[]> {
    return this.assignments.mine(ctx);
  }

  @ApiOperation({ summary: 'One assignment' })
  @Get(':id')
  @Authenticated({ roles: [Role.Orderer, Role.Expert, Role.Coordinator] })
  @ApiOkResponse({
    type: AssignmentResponse,
    description:
      'An expert’s reason for withdrawing (cancelReason) only to the expert and the coordinator; null for the orderer',
  })
  @ApiProblem(404, 'ASSIGNMENT_NOT_FOUND (or not yours)')
  get(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<AssignmentResponse> {
    return this.assignments.get(ctx, id);
  }

  @ApiOperation({ summary: 'Cancel an assignment (the county side)' })
  @Post(':id/cancel')
  @Authenticated({ roles: [Role.Orderer, Role.Coordinator] })
  @HttpCode(200)
  @ApiOkResponse({
    type: AssignmentResponse,
    description:
      'Cancelled by the county; feeDue records the late-cancellation rule. When the fee is due, the claim for it is filed for the expert, already submitted for approval',
  })
  @ApiProblem(404, 'ASSIGNMENT_NOT_FOUND (or not yours)')
  @ApiProblem(409, 'ASSIGNMENT_STATUS_CONFLICT, or WORK_ENDED: past its end the work is confirmed or marked a no-show')
  cancel(@CurrentUser() ctx: AuthContext, @IdParam() id: string, @Body() dto: CancelDto): Promise<AssignmentResponse> {
    return this.assignments.cancel(ctx, id, dto);
  }

  @ApiOperation({ summary: 'Withdraw from an assignment (the expert)' })
  @Post(':id/withdraw')
  @Authenticated({ roles: [Role.Expert] })
  @HttpCode(200)
  @ApiOkResponse({
    type: AssignmentResponse,
    description: 'The expert withdraws: no fee, no penalty; coordinators are told',
  })
  @ApiProblem(404, 'ASSIGNMENT_NOT_FOUND (or not yours)')
  @ApiProblem(409, 'ASSIGNMENT_STATUS_CONFLICT, or WORK_ENDED: the work has already ended')
  withdraw(
    @CurrentUser() ctx: AuthContext,
    @IdParam() id: string,
    @Body() dto: CancelDto,
  ): Promise<AssignmentResponse> {
    return this.assignments.withdraw(ctx, id, dto);
  }

  @ApiOperation({ summary: 'Confirm whether the work took place' })
  @Post(':id/complete')
  @Authenticated({ roles: [Role.Orderer, Role.Coordinator] })
  @HttpCode(200)
  @ApiOkResponse({
    type: AssignmentResponse,
    description:
      'After the end time: did the work take place? tookPlace false records a no-show (not_held): no fee can be claimed, and the coordinators are told by mail',
  })
  @ApiProblem(404, 'ASSIGNMENT_NOT_FOUND (or not yours)')
  @ApiProblem(409, 'ASSIGNMENT_STATUS_CONFLICT, ASSIGNMENT_NOT_ENDED')
  complete(
    @CurrentUser() ctx: AuthContext,
    @IdParam() id: string,
    @Body() dto: CompleteDto,
  ): Promise<AssignmentResponse> {
    return this.assignments.complete(ctx, id, dto);
  }
}
