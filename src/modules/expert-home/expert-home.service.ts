import { Injectable } from '@nestjs/common';
import { AuthContext } from '../../common/auth/auth-context';
import { Clock } from '../../common/clock/clock.service';
import { ExpertHomeResponse } from './dto/expert-home.response';
import { ExpertHomeRepository } from './expert-home.repository';

// The expert's first screen in one call instead of five lists (offers, assignments, contracts, claims, time changes).
@Injectable()
export class ExpertHomeService {
  constructor(
    private readonly home: ExpertHomeRepository,
    private readonly clock: Clock,
  ) {}

  async get(ctx: AuthContext): Promise<ExpertHomeResponse> {
    const expertId = ctx.user.id;
    const now = this.clock.now();
    const [offers, assignments, contracts, returnedClaims, timeChanges] = await Promise.all([
      this.home.openOffers(expertId, now),
      this.home.upcomingAssignments(expertId, now),
      this.home.contractsToSign(expertId),
      this.home.returnedClaims(expertId),
      this.home.openTimeChanges(expertId, now),
    ]);
    return {
      offers: offers.map((o) => ({
        id: o.id,
        title: o.title,
        startsAt: o.startsAt.toISOString(),
        endsAt: o.endsAt.toISOString(),
        deadline: o.deadline.toISOString(),
      })),
      nextAssignments: assignments.next.map((a) => ({
        id: a.id,
        title: a.title,
        status: a.status,
        startsAt: a.startsAt.toISOString(),
        endsAt: a.endsAt.toISOString(),
      })),
      upcomingAssignments: assignments.count,
      contractsToSign: contracts.map((c) => ({ id: c.id, number: c.number, titles: c.titles })),
      returnedClaims,
      timeChanges: timeChanges.map((c) => ({
        assignmentId: c.assignmentId,
        title: c.title,
        fromStartsAt: c.fromStartsAt.toISOString(),
        fromEndsAt: c.fromEndsAt.toISOString(),
        startsAt: c.startsAt.toISOString(),
        endsAt: c.endsAt.toISOString(),
        proposedAt: c.proposedAt.toISOString(),
      })),
    };
  }
}
