import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../../common/clock/clock.service';
import { localDate } from '../../../common/i18n/format';
import { JobName } from '../../../common/jobs/job-names';
import { OnJob } from '../../../common/jobs/on-job.decorator';
import { AuditService } from '../../audit';
import { ContractPdfJob } from '../document/contract-pdf.job';
import { ContractSignedCopyJob } from '../document/contract-signed-copy.job';
import { ContractsRepository } from '../contracts.repository';

const RENDER_GRACE_MS = 2 * 60_000;

// Every ten minutes (SCHEDULES): signed contracts past their last day become expired, and an approved contract
// whose render job never reached Redis is queued again, as is a signed contract still without its signed copy.
@Injectable()
export class ContractSweepJob {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly contracts: ContractsRepository,
    private readonly pdfJob: ContractPdfJob,
    private readonly signedCopyJob: ContractSignedCopyJob,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  @OnJob(JobName.SweepContracts)
  async sweep(): Promise<void> {
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      for (const id of await this.contracts.expireEnded(manager, localDate(now))) {
        await this.audit.log(null, 'contract.expired', ['contract', id], {}, manager);
      }
    });
    for (const id of await this.contracts.approvedWithoutPdf(new Date(now.getTime() - RENDER_GRACE_MS))) {
      await this.pdfJob.enqueue(id);
    }
    for (const id of await this.contracts.signedWithoutCopy(new Date(now.getTime() - RENDER_GRACE_MS))) {
      await this.signedCopyJob.enqueue(id);
    }
  }
}
