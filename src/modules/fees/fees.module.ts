import { DynamicModule, Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module';
import { ClaimAccess } from './claim-access';
import { ClaimCostsService } from './claim-costs.service';
import { ClaimReviewService } from './claim-review.service';
import { ClaimsController } from './claims.controller';
import { ClaimsService } from './claims.service';
import { FeeRunComputer } from './fee-run-computer';
import { FeeRunExporter } from './fee-run-exporter';
import { FeeRunFileRetentionJob } from './fee-run-file-retention.job';
import { FeeRunJobs } from './fee-run-jobs';
import { FeeRunProcessor } from './fee-run.processor';
import { FeeRunsController } from './fee-runs.controller';
import { FeeRunsRepository } from './fee-runs.repository';
import { FeeRunsService } from './fee-runs.service';
import { FeePricingModule } from './fee-pricing.module';
import { MyFeesController } from './my-fees.controller';
import { MyFeesService } from './my-fees.service';
import { RatesController } from './rates.controller';
import { RatesService } from './rates.service';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

// Fees and travel: rates, claims, fee runs (computed and exported in the worker), statements, reports.
@Module({})
export class FeesModule {
  static forRoot(options: { runWorkers: boolean }): DynamicModule {
    return {
      module: FeesModule,
      imports: [FilesModule, FeePricingModule],
      controllers: [RatesController, ClaimsController, FeeRunsController, MyFeesController, ReportsController],
      providers: [
        RatesService,
        ClaimAccess,
        ClaimsService,
        ClaimCostsService,
        ClaimReviewService,
        FeeRunsRepository,
        FeeRunJobs,
        FeeRunsService,
        ReportsRepository,
        ReportsService,
        MyFeesService,
        FeeRunFileRetentionJob,
        ...(options.runWorkers ? [FeeRunComputer, FeeRunExporter, FeeRunProcessor] : []),
      ],
    };
  }
}
