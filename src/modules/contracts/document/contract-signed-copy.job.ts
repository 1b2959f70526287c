import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobName, JobPayloads } from '../../../common/jobs/job-names';
import { enqueueAfterCommit } from '../../../common/jobs/enqueue-after-commit';
import { JobQueue } from '../../../common/jobs/job-queue.service';
import { OnJob } from '../../../common/jobs/on-job.decorator';
import { AuditService } from '../../audit';
import { ContractsRepository } from '../contracts.repository';
import { SignedCopyRenderer } from './signed-copy-renderer.service';

export const signedCopyJobId = (contractId: string) => `contract-signed-copy-${contractId}`;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

// After signing, the worker makes the signed copy: the approved PDF, byte for byte, with a page saying who
// signed, when and from where, and the approved document's SHA-256. One INSERT stores it with its own hash; a
// retried or duplicate job finds it stored (or loses the insert) and does nothing.
@Injectable()
export class ContractSignedCopyJob {
  private readonly logger = new Logger('Contracts');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly contracts: ContractsRepository,
    private readonly renderer: SignedCopyRenderer,
    private readonly jobs: JobQueue,
    private readonly audit: AuditService,
  ) {}

  // After the signature commits. If Redis is unreachable the sweep queues it later.
  async enqueue(contractId: string): Promise<void> {
    await enqueueAfterCommit(
      this.jobs.enqueue(JobName.RenderSignedContractCopy, { contractId }, { jobId: signedCopyJobId(contractId) }),
      this.logger,
      { contractId },
      'Signed copy not queued yet; the sweep will queue it',
    );
  }

  @OnJob(JobName.RenderSignedContractCopy)
  async render({ contractId }: JobPayloads[JobName.RenderSignedContractCopy]): Promise<void> {
    const contract = await this.contracts.findContract(contractId);
    if (!contract?.signedAt || !contract.signedPdfSha256 || !contract.snapshot || contract.signedCopy) return;
    const approved = await this.contracts.findPdf(contractId);
    // The guard on signed contracts keeps these bytes; a mismatch would mean the stored file was damaged.
    if (!approved || sha256(approved) !== contract.signedPdfSha256)
      throw new Error(`Contract ${contractId}: the stored PDF is not the one signed`);
    const { snapshot } = contract;
    const copy = await this.renderer.render(approved, {
      language: snapshot.language,
      contractNumber: contract.number,
      version: contract.version,
      signer: {
        name: snapshot.expert.name,
        at: contract.signedAt.toISOString(),
        ip: contract.signedIp,
        userAgent: contract.signedUserAgent,
      },
      approver: snapshot.approvedBy ?? null,
      approvedSha256: contract.signedPdfSha256,
    });
    const hash = sha256(copy.bytes);
    const approvedSha256 = contract.signedPdfSha256;
    await this.dataSource.transaction(async (manager) => {
      const stored = await this.contracts.storeSignedCopy(manager, {
        contractId,
        approvedSha256,
        approvedBytes: copy.originalLength,
        pdf: copy.bytes,
        sha256: hash,
      });
      if (!stored) return;
      await this.audit.log(
        null,
        'contract.signed_copy_stored',
        ['contract', contractId],
        { sha256: hash, approvedSha256, bytes: copy.bytes.length },
        manager,
      );
    });
  }
}
