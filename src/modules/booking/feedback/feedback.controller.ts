import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '../../../common/auth/auth-context';
import { Authenticated } from '../../../common/auth/authenticated.decorator';
import { CurrentUser } from '../../../common/auth/current-user.decorator';
import { Role } from '../../../common/auth/role.enum';
import { ApiProblem } from '../../../common/errors/api-problem.decorator';
import { IdParam } from '../../../common/validation/parse-uuid.pipe';
import { FeedbackDto } from '../dto/booking-actions.dto';
import { FeedbackResponse } from '../dto/feedback.response';
import { FeedbackService } from './feedback.service';

@ApiTags('booking')
@Controller('assignments/:id/feedback')
export class FeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @ApiOperation({ summary: 'Give feedback on an assignment' })
  @Post()
  @Authenticated({ roles: [Role.Orderer, Role.Expert] })
  @ApiCreatedResponse({ type: FeedbackResponse, description: 'Once per side, after the work is confirmed completed' })
  @ApiProblem(409, 'FEEDBACK_NOT_OPEN or FEEDBACK_ALREADY_GIVEN')
  @ApiProblem(404, 'ASSIGNMENT_NOT_FOUND (or not yours)')
  give(@CurrentUser() ctx: AuthContext, @IdParam() id: string, @Body() dto: FeedbackDto): Promise<FeedbackResponse> {
    return this.feedback.give(ctx, id, dto);
  }

  @ApiOperation({ summary: 'Feedback on an assignment' })
  @Get()
  @Authenticated({ roles: [Role.Orderer, Role.Expert, Role.Coordinator] })
  @ApiOkResponse({
    type: [FeedbackResponse],
    description: 'Coordinator: both sides. Orderer and expert: only their own side',
  })
  @ApiProblem(404, 'ASSIGNMENT_NOT_FOUND (or not yours)')
  list(@CurrentUser() ctx: AuthContext, @IdParam() id: string): Promise<FeedbackResponse[]> {
    return this.feedback.list(ctx, id);
  }
}
