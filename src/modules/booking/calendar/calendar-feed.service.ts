import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthContext } from '../../../common/auth/auth-context';
import { Clock } from '../../../common/clock/clock.service';
import { randomToken, sha256 } from '../../../common/crypto/tokens';
import { API_PREFIX } from '../../../common/http/api-prefix';
import { AppConfig } from '../../../config/app-config';
import { AuditService } from '../../audit';
import { ExpertErrors, ExpertsRepository } from '../../experts';
import { BookingErrors } from '../booking.errors';
import { CalendarFeedResponse, CalendarFeedStatusResponse } from '../dto/calendar-feed.response';
import { CalendarFeedRepository } from './calendar-feed.repository';
import { renderCalendarFeed } from './ics-calendar.util';

// A year of past work is plenty for a calendar; the future is shown whole.
const HISTORY_MS = 365 * 24 * 3600_000;

// The expert's assignments at a secret URL that calendar apps can subscribe to. Only the token's SHA-256 is
// stored, so the URL cannot be read back; the expert makes a new one (which revokes the old) or deletes it.
@Injectable()
export class CalendarFeedService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly feeds: CalendarFeedRepository,
    private readonly experts: ExpertsRepository,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async create(ctx: AuthContext): Promise<CalendarFeedResponse> {
    if (!(await this.experts.findById(ctx.user.id))) throw ExpertErrors.notFound();
    const token = randomToken();
    await this.dataSource.transaction(async (manager) => {
      await this.feeds.replace(manager, ctx.user.id, sha256(token), this.clock.now());
      await this.audit.log(ctx, 'calendar_feed.created', ['expert', ctx.user.id], {}, manager);
    });
    return { url: `${this.config.env.PUBLIC_URL.replace(/\/+$/, '')}${API_PREFIX}/calendar/${token}.ics` };
  }

  async status(ctx: AuthContext): Promise<CalendarFeedStatusResponse> {
    const createdAt = await this.feeds.findCreatedAt(ctx.user.id);
    return { active: createdAt !== null, createdAt: createdAt?.toISOString() ?? null };
  }

  async revoke(ctx: AuthContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (await this.feeds.remove(manager, ctx.user.id)) {
        await this.audit.log(ctx, 'calendar_feed.revoked', ['expert', ctx.user.id], {}, manager);
      }
    });
  }

  // Public: the token is the credential. Calendar apps poll often, so reads are rate limited, not audited.
  async render(token: string): Promise<string> {
    const expertId = await this.feeds.findExpertByTokenHash(sha256(token));
    if (!expertId) throw BookingErrors.calendarFeedNotFound();
    const since = new Date(this.clock.now().getTime() - HISTORY_MS);
    return renderCalendarFeed(await this.feeds.findEntries(expertId, since));
  }
}
