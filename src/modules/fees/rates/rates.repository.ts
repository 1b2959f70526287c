import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { FeeRateEntity } from '../entities/fee-rate.entity';
import { RunRates } from '../entities/fee-run.entity';
import { FeeSettingsEntity } from '../entities/fee-settings.entity';
import { TravelRateEntity } from '../entities/travel-rate.entity';

@Injectable()
export class RatesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findSchedule(): Promise<FeeRateEntity[]> {
    return this.dataSource.getRepository(FeeRateEntity).find({ order: { taskType: 'ASC', validFrom: 'ASC' } });
  }

  insertRate(
    manager: EntityManager,
    rate: Pick<FeeRateEntity, 'taskType' | 'basis' | 'rateCents' | 'validFrom' | 'createdBy'>,
  ): Promise<FeeRateEntity> {
    return manager.save(FeeRateEntity, rate);
  }

  // The rates' lock, on the one settings row: a change of the fee schedule or a year's travel rate takes it
  // exclusively, a claim's approval shares it (after its claim's row lock) until it commits. A change then either
  // sees the approval committed, or the approval waits for it and prices with the rates as changed.
  async lockRates(manager: EntityManager, mode: 'change' | 'price'): Promise<void> {
    await manager.query(`SELECT id FROM fee_settings WHERE id = 1 FOR ${mode === 'change' ? 'UPDATE' : 'SHARE'}`);
  }

  // Whether approved or paid work of the task type on or after the day (a claim, or a fee run's line) stands on the
  // rate in force then: a new row from that day would price it differently from what was approved.
  async feeRateUsedFrom(manager: EntityManager, taskType: string, validFrom: string): Promise<boolean> {
    const [{ used }]: { used: boolean }[] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM claims c
                        JOIN assignments a ON a.id = c.assignment_id
                        JOIN booking_requests r ON r.id = a.request_id
                       WHERE c.status IN ('approved', 'paid') AND r.task_type = $1 AND c.work_date >= $2)
           OR EXISTS (SELECT 1 FROM fee_run_lines l WHERE l.task_type = $1 AND l.work_date >= $2) AS used`,
      [taskType, validFrom],
    );
    return used;
  }

  findTravelRates(): Promise<TravelRateEntity[]> {
    return this.dataSource.getRepository(TravelRateEntity).find({ order: { year: 'ASC' } });
  }

  // The year's rate, its row locked (two changes of it are taken one after the other), and whether an approved or
  // paid claim has a trip by car in that year: its amounts stand on the rate.
  async lockTravelRate(manager: EntityManager, year: number): Promise<{ carCentsPerKm: number | null; used: boolean }> {
    const [rate]: { carCentsPerKm: number }[] = await manager.query(
      `SELECT car_cents_per_km AS "carCentsPerKm" FROM travel_rates WHERE year = $1 FOR UPDATE`,
      [year],
    );
    const [{ used }]: { used: boolean }[] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM claims c, jsonb_array_elements(c.trips) t
                       WHERE c.status IN ('approved', 'paid') AND t->>'date' LIKE $1) AS used`,
      [`${year}-%`],
    );
    return { carCentsPerKm: rate?.carCentsPerKm ?? null, used };
  }

  async upsertTravelRate(
    manager: EntityManager,
    rate: Pick<TravelRateEntity, 'year' | 'carCentsPerKm' | 'updatedBy'>,
  ): Promise<TravelRateEntity> {
    await manager.upsert(TravelRateEntity, rate, ['year']);
    return manager.findOneByOrFail(TravelRateEntity, { year: rate.year });
  }

  // The migration seeds the one row.
  settings(manager: EntityManager = this.dataSource.manager): Promise<FeeSettingsEntity> {
    return manager.findOneByOrFail(FeeSettingsEntity, { id: 1 });
  }

  async updateSettings(
    manager: EntityManager,
    changes: Partial<
      Pick<FeeSettingsEntity, 'claimTimeLimitDays' | 'fourEyesApproval' | 'claimFourEyesAboveCents' | 'updatedBy'>
    >,
  ): Promise<FeeSettingsEntity> {
    await manager.update(FeeSettingsEntity, { id: 1 }, changes);
    return this.settings(manager);
  }

  // Every dated row: the arithmetic picks the one in force on each day of work.
  // Read with every priced page (an expert's offers, a booking, a claim): plain SQL, no entities to build.
  async currentRates(manager: EntityManager = this.dataSource.manager): Promise<RunRates> {
    const [fees, travel] = await Promise.all([
      this.currentFees(manager),
      manager.query(`SELECT year, car_cents_per_km AS "carCentsPerKm" FROM travel_rates`) as Promise<
        RunRates['travel']
      >,
    ]);
    return { fees, travel: travel.sort((a, b) => a.year - b.year) };
  }

  // The fee rows alone, for what prices work but not travel (offers, orders, quotes): one query fewer.
  async currentFees(manager: EntityManager = this.dataSource.manager): Promise<RunRates['fees']> {
    const fees = (await manager.query(
      `SELECT task_type AS "taskType", basis, rate_cents AS "rateCents", valid_from::text AS "validFrom"
         FROM fee_schedule`,
    )) as RunRates['fees'];
    return fees.sort((a, b) => a.taskType.localeCompare(b.taskType) || a.validFrom.localeCompare(b.validFrom));
  }
}
