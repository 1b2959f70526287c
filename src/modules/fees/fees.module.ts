import { DynamicModule, Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module';
import { ClaimAccess } from './claims/claim-access.service';
import { ClaimCostsService } from './claims/claim-costs.service';
import { ClaimReviewService } from './claims/claim-review.service';
import { ClaimsController } from './claims/claims.controller';
import { ClaimsService } from './claims/claims.service';
import { FeeRunComputer } from './fee-runs/fee-run-computer.service';
import { FeeRunExporter } from './fee-runs/export/fee-run-exporter.service';
import { FeeRunFileRetentionJob } from './fee-runs/fee-run-file-retention.job';
import { FeeRunQueue } from './fee-runs/fee-run-queue.service';
import { FeeRunJob } from './fee-runs/fee-run.job';
import { FeeRunsController } from './fee-runs/fee-runs.controller';
import { FeeRunsRepository } from './fee-runs/fee-runs.repository';
import { FeeRunsService } from './fee-runs/fee-runs.service';
import { FeePricingModule } from './fee-pricing.module';
import { MyFeesController } from './my-fees/my-fees.controller';
import { MyFeesService } from './my-fees/my-fees.service';
import { RatesController } from './rates/rates.controller';
import { RatesService } from './rates/rates.service';

// Fees and travel: rates, claims, fee runs (computed and exported in the worker), statements.
@Module({})
export class FeesModule {
  static forRoot(options: { runWorkers: boolean }): DynamicModule {
    return {
      module: FeesModule,
      imports: [FilesModule, FeePricingModule],
      controllers: [RatesController, ClaimsController, FeeRunsController, MyFeesController],
      providers: [
        RatesService,
        ClaimAccess,
        ClaimsService,
        ClaimCostsService,
        ClaimReviewService,
        FeeRunsRepository,
        FeeRunQueue,
        FeeRunsService,
        MyFeesService,
        FeeRunFileRetentionJob,
        ...(options.runWorkers ? [FeeRunComputer, FeeRunExporter, FeeRunJob] : []),
      ],
    };
  }
}
