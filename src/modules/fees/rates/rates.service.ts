import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthContext } from '../../../common/auth/auth-context';
import { Clock } from '../../../common/clock/clock.service';
import { PgCode, pgErrorCode } from '../../../common/errors/pg-errors';
import { localDate } from '../../../common/i18n/format';
import { AuditService } from '../../audit';
import {
  CreateFeeRateDto,
  FeeRateResponse,
  FeeSettingsResponse,
  TravelRateDto,
  TravelRateResponse,
  UpdateFeeSettingsDto,
} from '../dto/rates.dto';
import { FeeRateEntity } from '../entities/fee-rate.entity';
import { FeeSettingsEntity } from '../entities/fee-settings.entity';
import { FeeErrors } from '../fees.errors';
import { RatesRepository } from './rates.repository';

const toRate = (r: FeeRateEntity): FeeRateResponse => ({
  id: r.id,
  taskType: r.taskType,
  basis: r.basis,
  rateCents: r.rateCents,
  validFrom: r.validFrom,
});
const toSettings = (s: FeeSettingsEntity): FeeSettingsResponse => ({
  claimTimeLimitDays: s.claimTimeLimitDays,
  fourEyesApproval: s.fourEyesApproval,
  claimFourEyesAboveCents: s.claimFourEyesAboveCents,
});

// Rates as data: the fee schedule (dated rows, only ever added), the yearly car rates and the settings.
@Injectable()
export class RatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: RatesRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async schedule(): Promise<FeeRateResponse[]> {
    return (await this.repo.findSchedule()).map(toRate);
  }

  // A new period starts today or later: a row for the past would reprice work already claimed. Nor does it start on a
  // day whose work of the task type is already approved or paid (today's, as a rule): like a year's travel rate, the
  // rate that priced approved work stands, and the amounts approved are the amounts paid.
  async addRate(ctx: AuthContext, dto: CreateFeeRateDto): Promise<FeeRateResponse> {
    if (dto.validFrom < localDate(this.clock.now())) throw FeeErrors.rateRetroactive();
    const saved = await this.dataSource
      .transaction(async (manager) => {
        // Under the rates' lock, so that a claim approved at the same moment is either seen here or priced by this row.
        await this.repo.lockRates(manager, 'change');
        if (await this.repo.feeRateUsedFrom(manager, dto.taskType, dto.validFrom)) throw FeeErrors.rateInUse();
        const rate = await this.repo.insertRate(manager, { ...dto, createdBy: ctx.user.id });
        await this.audit.log(
          ctx,
          'fee_rate.added',
          ['fee_rate', rate.id],
          { taskType: dto.taskType, basis: dto.basis, rateCents: dto.rateCents, validFrom: dto.validFrom },
          manager,
        );
        return rate;
      })
      .catch((error: unknown) => {
        throw pgErrorCode(error) === PgCode.UniqueViolation ? FeeErrors.rateExists() : error;
      });
    return toRate(saved);
  }

  async travelRates(): Promise<TravelRateResponse[]> {
    return (await this.repo.findTravelRates()).map((r) => ({ year: r.year, carCentsPerKm: r.carCentsPerKm }));
  }

  async setTravelRate(ctx: AuthContext, year: number, dto: TravelRateDto): Promise<TravelRateResponse> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw FeeErrors.travelYear();
    const saved = await this.dataSource.transaction(async (manager) => {
      // Like the fee schedule's rows, a rate that priced approved work is never rewritten: the amounts the
      // coordinator approved are the amounts paid. A year not yet used can still be corrected. The rates' lock first
      // (as a fee schedule row takes it), so that a claim approved at the same moment cannot slip past the check.
      await this.repo.lockRates(manager, 'change');
      const current = await this.repo.lockTravelRate(manager, year);
      if (current.used && current.carCentsPerKm !== dto.carCentsPerKm) throw FeeErrors.travelRateInUse(year);
      const rate = await this.repo.upsertTravelRate(manager, {
        year,
        carCentsPerKm: dto.carCentsPerKm,
        updatedBy: ctx.user.id,
      });
      await this.audit.log(
        ctx,
        'travel_rate.set',
        ['travel_rate'],
        { year, carCentsPerKm: dto.carCentsPerKm },
        manager,
      );
      return rate;
    });
    return { year: saved.year, carCentsPerKm: saved.carCentsPerKm };
  }

  async settings(): Promise<FeeSettingsResponse> {
    return toSettings(await this.repo.settings());
  }

  async updateSettings(ctx: AuthContext, dto: UpdateFeeSettingsDto): Promise<FeeSettingsResponse> {
    // A change with nothing in it (a form saved as it was) writes nothing, not even an audit row.
    if (Object.values(dto).every((value) => value === undefined)) return this.settings();
    const saved = await this.dataSource.transaction(async (manager) => {
      const settings = await this.repo.updateSettings(manager, { ...dto, updatedBy: ctx.user.id });
      await this.audit.log(ctx, 'fee_settings.updated', ['fee_settings'], { ...dto }, manager);
      return settings;
    });
    return toSettings(saved);
  }
}
