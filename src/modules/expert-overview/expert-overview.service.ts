import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.service';
import { ExpertErrors } from '../experts';
import { helsinkiYear, yearPeriod } from '../fees';
import { ExpertOverviewResponse } from './dto/expert-overview.response';
import { ExpertOverviewRepository } from './expert-overview.repository';

@Injectable()
export class ExpertOverviewService {
  constructor(
    private readonly overview: ExpertOverviewRepository,
    private readonly clock: Clock,
  ) {}

  // The route is the coordinator's alone (the guard), who reads every expert's work.
  async get(expertId: string): Promise<ExpertOverviewResponse> {
    const expert = await this.overview.expert(expertId);
    if (!expert) throw ExpertErrors.notFound();
    const now = this.clock.now();
    const year = helsinkiYear(now);
    const period = yearPeriod(year);
    const [assignments, load, paidFeesCents] = await Promise.all([
      this.overview.assignments(expertId),
      this.overview.load(expertId, now),
      this.overview.paidFees(expertId, period.from, period.until),
    ]);
    return {
      assignments: assignments.map((a) => ({
        ...a,
        startsAt: a.startsAt.toISOString(),
        endsAt: a.endsAt.toISOString(),
      })),
      load: { ...load, maxPerWeek: expert.maxPerWeek, maxPerMonth: expert.maxPerMonth },
      earnings: { year, paidFeesCents, ceilingCents: expert.ceilingCents },
    };
  }
}
