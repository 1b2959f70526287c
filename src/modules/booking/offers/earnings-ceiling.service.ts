import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { earningsCeilingCheck, RatesRepository } from '../../fees';
import { BookingErrors } from '../booking.errors';
import { BookingRepository } from '../booking.repository';
import { BookingRequestEntity } from '../entities/booking-request.entity';

// The amounts of a booking that would take the expert's fees of its year past their ceiling (euro cents).
export interface CeilingCrossing {
  earnedCents: number;
  expectedCents: number;
  ceilingCents: number;
}

// Many experts have a pension or benefit with a yearly earnings limit: a booking that would cross the expert's own
// ceiling needs their explicit agreement: their acknowledgement when they accept an offer, the coordinator's word
// that they agreed when the coordinator books them directly.
@Injectable()
export class EarningsCeiling {
  constructor(
    private readonly booking: BookingRepository,
    private readonly rates: RatesRepository,
  ) {}

  // Inside the booking's transaction, under the expert's lock: two bookings of one expert at once cannot both count
  // the year's work without the other's. Null when the expert has no ceiling or the work stays within it.
  async crossing(
    manager: EntityManager,
    expert: { userId: string; yearlyEarningsCeilingCents: number | null },
    request: BookingRequestEntity,
  ): Promise<CeilingCrossing | null> {
    const ceiling = expert.yearlyEarningsCeilingCents;
    if (!ceiling) return null;
    const held = await this.booking.findFeeEarningWorkOfYear(manager, expert.userId, request.startsAt);
    // Priced as the contract and the claim will be: from the rates table, by the row in force on each day.
    const fees = await this.rates.currentFees(manager);
    const check = earningsCeilingCheck(held, request, ceiling, fees);
    return check.crosses
      ? { earnedCents: check.earnedCents, expectedCents: check.expectedCents, ceilingCents: ceiling }
      : null;
  }

  // An acceptance: refused unless the expert acknowledged crossing their ceiling.
  async check(
    manager: EntityManager,
    expert: { userId: string; yearlyEarningsCeilingCents: number | null },
    request: BookingRequestEntity,
    acknowledged: boolean,
  ): Promise<void> {
    if (acknowledged) return;
    const crossing = await this.crossing(manager, expert, request);
    if (crossing)
      throw BookingErrors.ceilingAckRequired(crossing.earnedCents, crossing.expectedCents, crossing.ceilingCents);
  }
}
