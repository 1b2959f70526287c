import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { earningsCeilingCheck, RatesRepository } from '../../fees';
import { BookingErrors } from '../booking.errors';
import { BookingRepository } from '../booking.repository';
import { BookingRequestEntity } from '../entities/booking-request.entity';

// Many experts have a pension or benefit with a yearly earnings limit: accepting an offer that would cross
// the expert's own ceiling needs their explicit acknowledgement.
@Injectable()
export class EarningsCeiling {
  constructor(
    private readonly booking: BookingRepository,
    private readonly rates: RatesRepository,
  ) {}

  // Inside the acceptance's transaction, under the expert's lock: two acceptances of one expert at once cannot
  // both count the year's work without the other's.
  async check(
    manager: EntityManager,
    expert: { userId: string; yearlyEarningsCeilingCents: number | null },
    request: BookingRequestEntity,
    acknowledged: boolean,
  ): Promise<void> {
    const ceiling = expert.yearlyEarningsCeilingCents;
    if (!ceiling || acknowledged) return;
    const held = await this.booking.findFeeEarningWorkOfYear(manager, expert.userId, request.startsAt);
    // Priced as the contract and the claim will be: from the rates table, by the row in force on each day.
    const fees = await this.rates.currentFees(manager);
    const check = earningsCeilingCheck(held, request, ceiling, fees);
    if (check.crosses) throw BookingErrors.ceilingAckRequired(check.earnedCents, check.expectedCents, ceiling);
  }
}
