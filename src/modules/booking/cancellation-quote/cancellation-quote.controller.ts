import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '../../../common/auth/auth-context';
import { Authenticated } from '../../../common/auth/authenticated.decorator';
import { CurrentUser } from '../../../common/auth/current-user.decorator';
import { Role } from '../../../common/auth/role.enum';
import { ApiProblem } from '../../../common/errors/api-problem.decorator';
import { IdParam } from '../../../common/validation/parse-uuid.pipe';
import { CancellationQuoteResponse } from './cancellation-quote.response';
import { CancellationQuoteService } from './cancellation-quote.service';

@ApiTags('booking')
@Controller()
export class CancellationQuoteController {
  constructor(private readonly quotes: CancellationQuoteService) {}

  @ApiOperation({ summary: 'What cancelling an order now would cost (a dry run)' })
  @Get('booking-requests/:id/cancellation-quote')
  @Authenticated({ roles: [Role.Orderer, Role.Coordinator] })
  @ApiOkResponse({
    type: CancellationQuoteResponse,
    description:
      'Whether the late-cancellation fee falls due, and how much, by the rule POST /booking-requests/{id}/cancel applies',
  })
  @ApiProblem(404, 'REQUEST_NOT_FOUND (or another unit’s)')
  @ApiProblem(
    409,
    'REQUEST_STATUS_CONFLICT: the order can no longer be cancelled; WORK_ENDED: its booked work has ended',
  )
  forRequest(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<CancellationQuoteResponse> {
    return this.quotes.forRequest(ctx, id);
  }

  @ApiOperation({ summary: 'What cancelling an assignment now would cost (a dry run)' })
  @Get('assignments/:id/cancellation-quote')
  @Authenticated({ roles: [Role.Orderer, Role.Coordinator] })
  @ApiOkResponse({ type: CancellationQuoteResponse, description: 'By the rule POST /assignments/{id}/cancel applies' })
  @ApiProblem(404, 'ASSIGNMENT_NOT_FOUND (or another unit’s)')
  @ApiProblem(409, 'ASSIGNMENT_STATUS_CONFLICT: it no longer holds the expert; WORK_ENDED: the work has ended')
  forAssignment(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<CancellationQuoteResponse> {
    return this.quotes.forAssignment(ctx, id);
  }
}
