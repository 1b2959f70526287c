import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { requireAccess } from '../../../common/auth/access';
import { AuthContext } from '../../../common/auth/auth-context';
import { AuditService } from '../../audit';
import { ContractAccess } from '../contract-access.service';
import { ContractPdfDownload, etagMatches } from './contract-pdf.response';
import { ContractsRepository } from '../contracts.repository';
import { ContractErrors } from '../contracts.errors';
import { ContractPdfQuery } from '../dto/contract-actions.dto';
import { ContractRenderService } from './contract-render.service';
import { ContractSnapshots } from './contract-snapshots.service';
import { ContractStatus } from '../entities/contract.entity';
import { refusal } from '../lifecycle/contract-transitions.rule';

// Reading a contract: the stored PDF exactly as stored, an English information copy rendered on demand from
// the same snapshot and never kept, or, once signed, the stored signed copy.
@Injectable()
export class ContractPdfsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly contracts: ContractsRepository,
    private readonly access: ContractAccess,
    private readonly renderer: ContractRenderService,
    private readonly snapshots: ContractSnapshots,
    private readonly audit: AuditService,
  ) {}

  // A draft as it would read if approved now, marked as a draft on every page; rendered on demand, never stored.
  // What stops its approval (no date of birth, no rate in force) answers with approval's own code.
  async preview(ctx: AuthContext, id: string, query: ContractPdfQuery): Promise<ContractPdfDownload> {
    const contract = await requireAccess(this.audit, ctx, this.access.contract(ctx, id));
    if (contract.status !== ContractStatus.Draft)
      throw ContractErrors.refused(refusal('approve', contract.status)!, 'previewed as a draft');
    const document = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const assignments = await this.contracts.findAssignments(
        manager,
        await this.contracts.coveredAssignmentIds(manager, id),
      );
      return this.snapshots.build(manager, contract, assignments, null);
    });
    const language = query.language ?? contract.language;
    const bytes = await this.renderer.render({ ...document, language, draft: true });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return { sha256, fileName: `${contract.number}-v${contract.version}-${language}-draft.pdf`, bytes };
  }

  async download(
    ctx: AuthContext,
    id: string,
    query: ContractPdfQuery,
    ifNoneMatch?: string,
  ): Promise<ContractPdfDownload> {
    const contract = await requireAccess(this.audit, ctx, this.access.contract(ctx, id));
    const name = `${contract.number}-v${contract.version}`;
    if (query.language === 'en') {
      if (!contract.snapshot) throw ContractErrors.pdfNotReady();
      const bytes = await this.renderer.render({ ...contract.snapshot, language: 'en' });
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      return {
        sha256,
        fileName: `${name}-en-information-copy.pdf`,
        bytes: etagMatches(ifNoneMatch, sha256) ? null : bytes,
      };
    }
    if (!contract.pdfSha256) throw ContractErrors.pdfNotReady();
    const fileName = `${name}-${contract.language}.pdf`;
    if (etagMatches(ifNoneMatch, contract.pdfSha256)) return { sha256: contract.pdfSha256, fileName, bytes: null };
    const bytes = await this.contracts.findPdf(id);
    if (!bytes) throw ContractErrors.pdfNotReady();
    return { sha256: contract.pdfSha256, fileName, bytes };
  }

  async downloadSignedCopy(ctx: AuthContext, id: string, ifNoneMatch?: string): Promise<ContractPdfDownload> {
    const contract = await requireAccess(this.audit, ctx, this.access.contract(ctx, id));
    if (!contract.signedAt) throw ContractErrors.noSignedCopy();
    const copy = contract.signedCopy;
    if (!copy) throw ContractErrors.signedCopyNotReady();
    const fileName = `${contract.number}-v${contract.version}-${contract.language}-signed.pdf`;
    if (etagMatches(ifNoneMatch, copy.sha256)) return { sha256: copy.sha256, fileName, bytes: null };
    const bytes = await this.contracts.findSignedCopyPdf(id);
    if (!bytes) throw ContractErrors.signedCopyNotReady();
    return { sha256: copy.sha256, fileName, bytes };
  }
}
