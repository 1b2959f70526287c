import { Injectable } from '@nestjs/common';
import { Clock } from '../../../common/clock/clock.service';
import { BookingErrors } from '../booking.errors';
import { BookingRepository } from '../booking.repository';
import { MATCHING_WEIGHTS } from '../matching/matching-score.rule';
import { MatchingContextResponse } from './matching-context.dto';
import { MatchingContextRepository } from './matching-context.repository';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

@Injectable()
export class MatchingContextService {
  constructor(
    private readonly context: MatchingContextRepository,
    private readonly booking: BookingRepository,
    private readonly clock: Clock,
  ) {}

  // The route is the coordinator's alone (the guard), who matches every order of the county.
  async get(requestId: string, expertIds: string[] = []): Promise<MatchingContextResponse> {
    const request = await this.booking.findRequest(requestId);
    if (!request) throw BookingErrors.requestNotFound();
    const [offers, loads] = await Promise.all([
      this.context.offers(requestId),
      this.context.loads(expertIds, request.startsAt, this.clock.now()),
    ]);
    return {
      offers: offers.map((o) => ({
        ...o,
        offeredAt: iso(o.offeredAt)!,
        deadline: iso(o.deadline)!,
        answeredAt: iso(o.answeredAt),
      })),
      loads: loads.map((l) => ({ ...l, lastOfferedAt: iso(l.lastOfferedAt) })),
      weights: { ...MATCHING_WEIGHTS },
    };
  }
}
