import { Module } from '@nestjs/common';
import { ExpertOverviewController } from './expert-overview.controller';
import { ExpertOverviewRepository } from './expert-overview.repository';
import { ExpertOverviewService } from './expert-overview.service';

@Module({
  controllers: [ExpertOverviewController],
  providers: [ExpertOverviewRepository, ExpertOverviewService],
})
export class ExpertOverviewModule {}
