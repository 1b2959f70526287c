import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { FeePricingModule } from '../fees/fee-pricing.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { AssignmentContractController } from './lifecycle/assignment-contract.controller';
import { AssignmentContractService } from './lifecycle/assignment-contract.service';
import { ContractAccess } from './contract-access.service';
import { ContractDrafts } from './lifecycle/contract-drafts.service';
import { ContractEnding } from './lifecycle/contract-ending.service';
import { ContractRescheduling } from './lifecycle/contract-rescheduling.service';
import { ContractPdfJob } from './document/contract-pdf.job';
import { ContractPdfsService } from './document/contract-pdfs.service';
import { ContractSignedCopyJob } from './document/contract-signed-copy.job';
import { ContractSigningService } from './lifecycle/contract-signing.service';
import { ContractSnapshots } from './document/contract-snapshots.service';
import { ContractSweepJob } from './lifecycle/contract-sweep.job';
import { ContractsController } from './lifecycle/contracts.controller';
import { ContractsRepository } from './contracts.repository';
import { ContractsService } from './lifecycle/contracts.service';
import { ContractRenderService } from './document/contract-render.service';
import { SignedCopyRenderer } from './document/signed-copy-renderer.service';

// Imported by booking (for ContractDrafts, ContractEnding and ContractRescheduling); it never imports booking's module back, only its entities
// and its rule of who may see an assignment (assignmentAccess from booking's index, in AssignmentContractService).
@Module({
  imports: [AuthModule, FeePricingModule, OrganisationsModule],
  controllers: [ContractsController, AssignmentContractController],
  providers: [
    ContractsRepository,
    ContractAccess,
    ContractDrafts,
    ContractEnding,
    ContractRescheduling,
    ContractSnapshots,
    ContractsService,
    AssignmentContractService,
    ContractSigningService,
    ContractPdfsService,
    ContractPdfJob,
    ContractSignedCopyJob,
    ContractSweepJob,
    ContractRenderService,
    SignedCopyRenderer,
  ],
  exports: [ContractDrafts, ContractEnding, ContractRescheduling],
})
export class ContractsModule {}
