import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { Clock } from '../../../common/clock/clock.service';
import { COUNTY_ZONE } from '../../../common/i18n/format';
import { JobName } from '../../../common/jobs/job-names';
import { OnJob } from '../../../common/jobs/on-job.decorator';
import { AuditService } from '../../audit';
import { FeeRunsRepository } from './fee-runs.repository';

// Kirjanpitolaki 2:10 §: vouchers are kept six years from the end of the year they belong to (the county's
// financial year is the calendar year).
export const VOUCHER_RETENTION_YEARS = 6;

// A run's payroll file is its voucher: every payee's name and IBAN as sent to payroll, encrypted at rest and
// kept whole (an expert's erasure does not reach it, GDPR art. 17(3)(b)) until the retention ends. Then it goes,
// with any statements left; the run, its lines (amounts, dates, income types) and the cost-centre summary,
// which name no one, stay.
@Injectable()
export class FeeRunFileRetentionJob {
  private readonly logger = new Logger('FeeRuns');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runs: FeeRunsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  // Runs exported before this instant are past their retention.
  exportedBefore(now: Date): Date {
    return DateTime.fromJSDate(now, { zone: COUNTY_ZONE })
      .startOf('year')
      .minus({ years: VOUCHER_RETENTION_YEARS })
      .toJSDate();
  }

  @OnJob(JobName.PurgeExpiredPayrollFiles)
  async purge(): Promise<{ runs: number; files: number }> {
    const before = this.exportedBefore(this.clock.now());
    return this.dataSource.transaction(async (manager) => {
      const rows = await this.runs.purgeFilesExportedBefore(manager, before);
      for (const { runId, files } of rows) {
        await this.audit.log(
          null,
          'fee_run.files_purged',
          ['fee_run', runId],
          { files, retentionYears: VOUCHER_RETENTION_YEARS },
          manager,
        );
      }
      const files = rows.reduce((sum, r) => sum + r.files, 0);
      if (rows.length > 0) this.logger.log({ runs: rows.length, files }, 'Payroll files past their retention purged');
      return { runs: rows.length, files };
    });
  }
}
