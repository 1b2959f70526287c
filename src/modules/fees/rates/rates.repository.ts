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

  findTravelRates(): Promise<TravelRateEntity[]> {
    return this.dataSource.getRepository(TravelRateEntity).find({ order: { year: 'ASC' } });
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
  async currentRates(manager: EntityManager = this.dataSource.manager): Promise<RunRates> {
    const [fees, travel] = await Promise.all([manager.find(FeeRateEntity), manager.find(TravelRateEntity)]);
    return {
      fees: fees
        .map((r) => ({ taskType: r.taskType, basis: r.basis, rateCents: r.rateCents, validFrom: r.validFrom }))
        .sort((a, b) => a.taskType.localeCompare(b.taskType) || a.validFrom.localeCompare(b.validFrom)),
      travel: travel.map((r) => ({ year: r.year, carCentsPerKm: r.carCentsPerKm })).sort((a, b) => a.year - b.year),
    };
  }
}
