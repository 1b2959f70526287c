import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobName, JobPayloads } from '../../../common/jobs/job-names';
import { enqueueAfterCommit } from '../../../common/jobs/enqueue-after-commit';
import { JobQueue } from '../../../common/jobs/job-queue.service';
import { OnJob } from '../../../common/jobs/on-job.decorator';
import { AuditService } from '../../audit';
import { MailService, recipient } from '../../mail';
import { ContractsRepository } from '../contracts.repository';
import { ContractStatus } from '../entities/contract.entity';
import { contractReadyMail } from '../mail/contract.mails';
import { ContractRenderService } from './contract-render.service';

export const renderJobId = (contractId: string) => `contract-pdf-${contractId}`;

// The worker renders an approved contract's PDF from its snapshot. The bytes and their hash land in one UPDATE
// that only an approved contract without a PDF accepts: a crash before it leaves no file at all, and the retried
// job (or a duplicate) either writes the one PDF or finds it written and does nothing.
@Injectable()
export class ContractPdfJob {
  private readonly logger = new Logger('Contracts');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly contracts: ContractsRepository,
    private readonly renderer: ContractRenderService,
    private readonly jobs: JobQueue,
    private readonly mail: MailService,
    private readonly audit: AuditService,
  ) {}

  // After the approval commits. If Redis is unreachable the sweep queues it later.
  async enqueue(contractId: string): Promise<void> {
    await enqueueAfterCommit(
      this.jobs.enqueue(JobName.RenderContractPdf, { contractId }, { jobId: renderJobId(contractId) }),
      this.logger,
      { contractId },
      'PDF rendering not queued yet; the sweep will queue it',
    );
  }

  @OnJob(JobName.RenderContractPdf)
  async render({ contractId }: JobPayloads[JobName.RenderContractPdf]): Promise<void> {
    const contract = await this.contracts.findContract(contractId);
    if (!contract || contract.status !== ContractStatus.Approved || contract.pdfSha256 !== null || !contract.snapshot)
      return;
    const pdf = await this.renderer.render(contract.snapshot);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const mailId = await this.dataSource.transaction(async (manager) => {
      if (!(await this.contracts.storePdf(manager, contractId, pdf, sha256))) return null;
      await this.audit.log(
        null,
        'contract.pdf_stored',
        ['contract', contractId],
        { sha256, bytes: pdf.length },
        manager,
      );
      const expert = await this.contracts.findUser(manager, contract.expertId);
      if (!expert) return null;
      return this.mail.compose(manager, recipient(expert), contractReadyMail, {
        contractId,
        number: contract.number,
        version: contract.version,
        validFrom: contract.validFrom,
        validUntil: contract.validUntil,
      });
    });
    if (mailId) await this.mail.dispatch([mailId]);
  }
}
