import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { CoordinatorTodayResponse } from './dto/coordinator-today.response';
import { CoordinatorTodayRepository } from './coordinator-today.repository';

@Injectable()
export class CoordinatorTodayService {
  constructor(
    private readonly today: CoordinatorTodayRepository,
    private readonly clock: Clock,
  ) {}

  // The route is the coordinator's alone (the guard); every queue is county-wide, so there is nothing per object to check.
  async get(): Promise<CoordinatorTodayResponse> {
    const now = this.clock.now();
    const [counts, credentials, orders, offersExpiring, contracts, claims, feeRuns] = await Promise.all([
      this.today.counts(now),
      this.today.credentials(),
      this.today.orders(),
      this.today.offersExpiring(now),
      this.today.contracts(),
      this.today.claims(),
      this.today.feeRuns(),
    ]);
    return { counts, credentials, orders, offersExpiring, contracts, claims, feeRuns };
  }
}
