import { Body, Controller, Get, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { FastifyRequest } from 'fastify';
import { AuthContext, RequestMeta } from '../../common/auth/auth-context';
import { Authenticated, Public } from '../../common/auth/authenticated.decorator';
import { CurrentUser, Meta } from '../../common/auth/current-user.decorator';
import { Role } from '../../common/auth/role.enum';
import { ApiProblem } from '../../common/errors/api-problem.decorator';
import { PageQueryDto } from '../../common/http/pagination.dto';
import { AccessibilityFeedbackService } from './accessibility-feedback.service';
import { AccessibilityFeedbackPageResponse } from './dto/accessibility-feedback.response';
import { CreateAccessibilityFeedbackDto } from './dto/create-accessibility-feedback.dto';

// Each message is a mail to a person's inbox: a handful per client address in ten minutes is plenty for people
// and keeps a script from flooding the mailbox.
export const FEEDBACK_PER_ADDRESS = 10;
const FEEDBACK_WINDOW_MS = 10 * 60_000;
const addressTracker = (req: Record<string, unknown>): string =>
  `accessibility-feedback:${(req as unknown as FastifyRequest).ip}`;

@ApiTags('accessibility')
@Controller('accessibility-feedback')
export class AccessibilityFeedbackController {
  constructor(private readonly service: AccessibilityFeedbackService) {}

  @ApiOperation({ summary: 'Give feedback on accessibility' })
  @Post()
  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({
    ip: { limit: FEEDBACK_PER_ADDRESS, ttl: FEEDBACK_WINDOW_MS },
    account: { limit: FEEDBACK_PER_ADDRESS, ttl: FEEDBACK_WINDOW_MS, getTracker: addressTracker },
  })
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'Stored, and mailed to the coordinator (ACCESSIBILITY_FEEDBACK_EMAIL)' })
  @ApiProblem(429, 'TOO_MANY_REQUESTS: too much feedback from this address; wait and try again')
  create(@Meta() meta: RequestMeta, @Body() dto: CreateAccessibilityFeedbackDto): Promise<void> {
    return this.service.create(meta, dto);
  }

  @ApiOperation({ summary: 'List accessibility feedback (coordinator)' })
  @Get()
  @Authenticated({ roles: [Role.Coordinator] })
  @ApiOkResponse({ type: AccessibilityFeedbackPageResponse, description: 'Newest first' })
  list(@CurrentUser() ctx: AuthContext, @Query() query: PageQueryDto): Promise<AccessibilityFeedbackPageResponse> {
    return this.service.list(ctx, query);
  }
}
