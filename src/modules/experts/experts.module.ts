import { FeePricingModule } from '../fees/fee-pricing.module';
import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ContractsModule } from '../contracts/contracts.module';
import { CredentialsModule } from '../credentials/credentials.module';
import { ExpertAnonymiser } from './expert-anonymiser.service';
import { ExpertErasureRepository } from './expert-erasure.repository';
import { ExpertDataExport } from './expert-data-export.service';
import { ExpertDataRepository } from './expert-data.repository';
import { ExpertLifecycleService } from './expert-lifecycle.service';
import { ExpertOpenWork } from './expert-open-work.service';
import { ExpertPrivacyService } from './expert-privacy.service';
import { ExpertsMeController } from './experts-me.controller';
import { ExpertsController } from './experts.controller';
import { ExpertsRepository } from './experts.repository';
import { ExpertsService } from './experts.service';
import { PaymentDetailsService } from './payment-details.service';
import { InactiveExpertsJob } from './retention/inactive-experts.job';
import { InactiveExpertsRepository } from './retention/inactive-experts.repository';
import { UsersModule } from '../users/users.module';

@Module({
  imports: [AuthModule, ContractsModule, CredentialsModule, FeePricingModule, UsersModule],
  controllers: [ExpertsMeController, ExpertsController],
  providers: [
    ExpertsRepository,
    ExpertsService,
    ExpertLifecycleService,
    ExpertOpenWork,
    PaymentDetailsService,
    ExpertAnonymiser,
    ExpertErasureRepository,
    ExpertPrivacyService,
    ExpertDataRepository,
    ExpertDataExport,
    InactiveExpertsRepository,
    InactiveExpertsJob,
  ],
  exports: [ExpertsRepository],
})
export class ExpertsModule {}
