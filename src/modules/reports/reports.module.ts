import { Module } from '@nestjs/common';
import { FeePricingModule } from '../fees/fee-pricing.module';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

// Reports: a read model across features (requests, assignments, fee runs), for the coordinator and orderers. It reads
// fees' earnings query (the expert's own earnings use it too) and its money rules through fees' index.ts.
@Module({
  imports: [FeePricingModule],
  controllers: [ReportsController],
  providers: [ReportsRepository, ReportsService],
})
export class ReportsModule {}
