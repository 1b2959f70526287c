import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthContext } from '../../../common/auth/auth-context';
import { Clock } from '../../../common/clock/clock.service';
import { Page } from '../../../common/http/pagination.dto';
import { BookingErrors } from '../booking.errors';
import { CandidateResponse, MatchFunnelResponse } from '../dto/candidate.response';
import { BookingRepository } from '../booking.repository';
import { BookingRequestEntity, RequestStatus } from '../entities/booking-request.entity';
import { CandidateRow, FUNNEL_STEPS, MatchingRepository } from './matching.repository';
import { canOffer } from '../requests/request-transitions.rule';

function toCandidate(row: CandidateRow): CandidateResponse {
  return {
    expertId: row.expertId,
    name: row.name,
    languages: row.languages,
    homeMunicipality: row.homeMunicipality,
    score: row.score,
    reasons: [
      ...row.sharedLanguages.map((l) => `language:${l}`),
      ...row.sharedTopics.map((t) => `topic:${t}`),
      `place:${row.place}`,
      `recent:${row.recentAssignments}`,
    ],
    alreadyOffered: row.alreadyOffered,
  };
}

@Injectable()
export class MatchingService {
  constructor(
    private readonly matching: MatchingRepository,
    private readonly booking: BookingRepository,
    private readonly clock: Clock,
  ) {}

  // One page of the ranking, best first, with the number of all candidates.
  async candidates(
    _ctx: AuthContext,
    requestId: string,
    page: { limit: number; offset: number },
  ): Promise<Page<CandidateResponse>> {
    const request = await this.booking.findRequest(requestId);
    if (!request) throw BookingErrors.requestNotFound();
    this.assertOpen(request.status);
    const { rows, total } = await this.matching.findCandidates(request, this.clock.now(), page);
    return { items: rows.map(toCandidate), total, limit: page.limit, offset: page.offset };
  }

  // Why an order has the candidates it has: the experts left after each condition in turn.
  async funnel(_ctx: AuthContext, requestId: string): Promise<MatchFunnelResponse> {
    const request = await this.booking.findRequest(requestId);
    if (!request) throw BookingErrors.requestNotFound();
    this.assertOpen(request.status);
    const counts = await this.matching.funnel(request);
    return { steps: FUNNEL_STEPS.map((step) => ({ step, experts: counts[step] })) };
  }

  // A draft is not ordered yet, a filled request needs nobody more, and a cancelled or completed one is over.
  assertOpen(status: RequestStatus): void {
    if (status === RequestStatus.Filled) throw BookingErrors.requestFilled();
    if (!canOffer(status)) throw BookingErrors.notOpenForMatching(status);
  }

  // Matching respects the expert's caps when it offers (PRODUCT.md §5), and so does accepting: several offers may be
  // open at once. Inside the acceptance's transaction, under the expert's lock.
  async assertWithinCaps(manager: EntityManager, expertId: string, startsAt: Date): Promise<void> {
    const crossed = await this.matching.capCrossed(manager, expertId, startsAt);
    if (crossed) throw BookingErrors.loadCapReached(crossed);
  }

  // The experts among these who are not candidates now (an offer goes only to a match).
  async nonCandidates(request: BookingRequestEntity, expertIds: string[]): Promise<string[]> {
    const { rows } = await this.matching.findCandidates(request, this.clock.now(), null, expertIds);
    const ok = new Set(rows.map((r) => r.expertId));
    return expertIds.filter((id) => !ok.has(id));
  }
}
