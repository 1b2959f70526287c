import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { FeePricingModule } from '../fees/fee-pricing.module';
import { AssignmentContractController } from './assignment-contract.controller';
import { ContractAccess } from './contract-access';
import { ContractDrafts } from './contract-drafts.service';
import { ContractEnding } from './contract-ending.service';
import { ContractPdfJob } from './contract-pdf.job';
import { ContractPdfsService } from './contract-pdfs.service';
import { ContractSignedCopyJob } from './contract-signed-copy.job';
import { ContractSigningService } from './contract-signing.service';
import { ContractSnapshots } from './contract-snapshots';
import { ContractSweepJob } from './contract-sweep.job';
import { ContractsController } from './contracts.controller';
import { ContractsRepository } from './contracts.repository';
import { ContractsService } from './contracts.service';
import { ContractPdfRenderer } from './pdf/contract-pdf-renderer';
import { SignedCopyRenderer } from './pdf/signed-copy-renderer';

// Imported by booking (for ContractDrafts and ContractEnding); it never imports booking's module back, only its entities.
@Module({
  imports: [AuthModule, FeePricingModule],
  controllers: [ContractsController, AssignmentContractController],
  providers: [
    ContractsRepository,
    ContractAccess,
    ContractDrafts,
    ContractEnding,
    ContractSnapshots,
    ContractsService,
    ContractSigningService,
    ContractPdfsService,
    ContractPdfJob,
    ContractSignedCopyJob,
    ContractSweepJob,
    ContractPdfRenderer,
    SignedCopyRenderer,
  ],
  exports: [ContractDrafts, ContractEnding],
})
export class ContractsModule {}
