import { Injectable } from '@nestjs/common';
import { AuthContext } from '../../../common/auth/auth-context';
import { BookingRequestsService } from '../requests/booking-requests.service';
import { TimelineRepository } from './timeline.repository';
import { TimelineEventResponse } from './timeline.response';

// What happened to an order, in order, for whoever may read the order.
@Injectable()
export class TimelineService {
  constructor(
    private readonly requests: BookingRequestsService,
    private readonly timeline: TimelineRepository,
  ) {}

  async of(ctx: AuthContext, id: string): Promise<TimelineEventResponse[]> {
    await this.requests.visible(ctx, id);
    return (await this.timeline.events(id)).map((e) => ({
      at: new Date(e.at).toISOString(),
      kind: e.kind,
      assignmentId: e.assignmentId,
      count: e.count,
    }));
  }
}
