import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '../../../common/auth/auth-context';
import { Authenticated } from '../../../common/auth/authenticated.decorator';
import { CurrentUser } from '../../../common/auth/current-user.decorator';
import { Role } from '../../../common/auth/role.enum';
import { ApiProblem } from '../../../common/errors/api-problem.decorator';
import { IdParam } from '../../../common/validation/parse-uuid.pipe';
import { TimelineEventResponse } from './timeline.response';
import { TimelineService } from './timeline.service';

@ApiTags('booking')
@Controller('booking-requests/:id/timeline')
export class TimelineController {
  constructor(private readonly timeline: TimelineService) {}

  @ApiOperation({ summary: 'What happened to an order, with times' })
  @Get()
  @Authenticated({ roles: [Role.Orderer, Role.Coordinator] })
  @ApiOkResponse({
    type: [TimelineEventResponse],
    description:
      'Oldest first: sent, offers out and answered, booked, contract approved and signed, completed, claimed, paid',
  })
  @ApiProblem(404, 'REQUEST_NOT_FOUND (or another unit’s)')
  of(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<TimelineEventResponse[]> {
    return this.timeline.of(ctx, id);
  }
}
