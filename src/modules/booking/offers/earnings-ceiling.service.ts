import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { COUNTY_ZONE } from '../../../common/i18n/format';
import { TaskType } from '../../../common/domain/task-type';
import { ExpertEntity } from '../../experts/entities/expert.entity';
import { RatesRepository } from '../../fees/rates/rates.repository';
import { BookingErrors } from '../booking.errors';
import { BookingRequestEntity } from '../entities/booking-request.entity';
import { earningsCeilingCheck } from '../../fees/money/fee-estimate.rule';

interface HeldWork {
  taskType: TaskType;
  startsAt: Date;
  endsAt: Date;
  preparationMinutes: number;
}

// Many experts have a pension or benefit with a yearly earnings limit: accepting an offer that would cross
// the expert's own ceiling needs their explicit acknowledgement.
@Injectable()
export class EarningsCeiling {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rates: RatesRepository,
  ) {}

  async check(expertId: string, request: BookingRequestEntity, acknowledged: boolean): Promise<void> {
    const expert = await this.dataSource.getRepository(ExpertEntity).findOneBy({ userId: expertId });
    const ceiling = expert?.yearlyEarningsCeilingCents;
    if (!ceiling || acknowledged) return;
    const held: HeldWork[] = await this.dataSource.query(
      `SELECT r.task_type AS "taskType", a.starts_at AS "startsAt", a.ends_at AS "endsAt", r.preparation_minutes AS "preparationMinutes"
         FROM assignments a JOIN booking_requests r ON r.id = a.request_id
        WHERE a.expert_id = $1
          AND (a.status IN ('accepted', 'confirmed', 'completed') OR (a.status = 'cancelled' AND a.fee_due))
          AND date_part('year', a.starts_at AT TIME ZONE '${COUNTY_ZONE}') = date_part('year', $2::timestamptz AT TIME ZONE '${COUNTY_ZONE}')`,
      [expertId, request.startsAt],
    );
    // Priced as the contract and the claim will be: from the rates table, by the row in force on each day.
    const { fees } = await this.rates.currentRates();
    const check = earningsCeilingCheck(held, request, ceiling, fees);
    if (check.crosses) throw BookingErrors.ceilingAckRequired(check.earnedCents, check.expectedCents, ceiling);
  }
}
