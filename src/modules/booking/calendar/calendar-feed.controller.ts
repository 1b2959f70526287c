import { Controller, Delete, Get, Header, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { AuthContext } from '../../../common/auth/auth-context';
import { Authenticated, Public } from '../../../common/auth/authenticated.decorator';
import { CurrentUser } from '../../../common/auth/current-user.decorator';
import { Role } from '../../../common/auth/role.enum';
import { ApiProblem } from '../../../common/errors/api-problem.decorator';
import { CalendarFeedResponse, CalendarFeedStatusResponse } from '../dto/calendar-feed.response';
import { CalendarFeedService } from './calendar-feed.service';

// Calendar apps poll a feed every few minutes at most. One feed read more often than this is abuse; the limit per
// address is higher because calendar services fetch many people's feeds from a few addresses.
export const FEED_READS_PER_MINUTE = 30;
const feedTracker = (req: Record<string, unknown>): string =>
  `calendar-feed:${String((req.params as { token?: string } | undefined)?.token)}`;

@ApiTags('booking')
@Controller()
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @ApiOperation({ summary: 'Create (or replace) my calendar feed link' })
  @Post('experts/me/calendar-feed')
  @Authenticated({ roles: [Role.Expert] })
  @ApiCreatedResponse({
    type: CalendarFeedResponse,
    description: 'A new secret feed URL; any earlier one stops working',
  })
  create(@CurrentUser() ctx: AuthContext): Promise<CalendarFeedResponse> {
    return this.feeds.create(ctx);
  }

  @ApiOperation({ summary: 'Whether I have a calendar feed link, and since when' })
  @Get('experts/me/calendar-feed')
  @Authenticated({ roles: [Role.Expert] })
  @ApiOkResponse({
    type: CalendarFeedStatusResponse,
    description: 'Whether a feed URL exists and since when; never the URL',
  })
  status(@CurrentUser() ctx: AuthContext): Promise<CalendarFeedStatusResponse> {
    return this.feeds.status(ctx);
  }

  @ApiOperation({ summary: 'Revoke my calendar feed link' })
  @Delete('experts/me/calendar-feed')
  @Authenticated({ roles: [Role.Expert] })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The feed URL stops working' })
  revoke(@CurrentUser() ctx: AuthContext): Promise<void> {
    return this.feeds.revoke(ctx);
  }

  @ApiOperation({ summary: 'My assignments as an iCalendar feed (by secret link)' })
  @Get('calendar/:token.ics')
  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({
    ip: { limit: FEED_READS_PER_MINUTE * 10, ttl: 60_000 },
    account: { limit: FEED_READS_PER_MINUTE, ttl: 60_000, getTracker: feedTracker },
  })
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('cache-control', 'private, no-store')
  @ApiProduces('text/calendar')
  @ApiOkResponse({
    schema: { type: 'string' },
    description: 'iCalendar (RFC 5545): the expert’s accepted, confirmed and completed assignments',
  })
  @ApiProblem(404, 'CALENDAR_FEED_NOT_FOUND: unknown or revoked token')
  @ApiProblem(429, 'TOO_MANY_REQUESTS: wait and try again')
  feed(@Param('token') token: string): Promise<string> {
    return this.feeds.render(token);
  }
}
