import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { requireAccess } from '../../../common/auth/access';
import { AuthContext } from '../../../common/auth/auth-context';
import { AuditService } from '../../audit';
import { FileDownload, FilesService, UploadedForm } from '../../files';
import { ClaimAccess } from './claim-access.service';
import { canEdit, MAX_COSTS_PER_CLAIM } from './claim.rule';
import { ClaimsRepository } from './claims.repository';
import { AddCostDto } from '../dto/claim.dto';
import { ClaimResponse } from '../dto/claim.response';
import { FeeErrors } from '../fees.errors';

// Costs paid at receipt value: each with its receipt, checked by its bytes like a training certificate.
@Injectable()
export class ClaimCostsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: ClaimsRepository,
    private readonly access: ClaimAccess,
    private readonly files: FilesService,
    private readonly audit: AuditService,
  ) {}

  // With an idempotency key (the cost form's own), a cost added with it before leaves the claim as it is: the form
  // sent again after a lost answer adds nothing more (looked up under the claim's lock; the unique index keeps it).
  async add(
    ctx: AuthContext,
    id: string,
    { fields, file }: UploadedForm<AddCostDto>,
    idempotencyKey?: string,
  ): Promise<ClaimResponse> {
    // The receipt, the cost and the audit event commit together or not at all.
    await this.editCosts(ctx, id, async (manager) => {
      if (idempotencyKey && (await this.repo.costAddedWith(manager, id, idempotencyKey))) return;
      if ((await this.repo.countCosts(manager, id)) >= MAX_COSTS_PER_CLAIM)
        throw FeeErrors.tooManyCosts(MAX_COSTS_PER_CLAIM);
      const receipt = await this.files.store(manager, ctx.user.id, file);
      const cost = await this.repo.insertCost(manager, {
        claimId: id,
        kind: fields.kind,
        amountCents: fields.amountCents,
        description: fields.description ?? '',
        receiptFileId: receipt.id,
        idempotencyKey: idempotencyKey ?? null,
      });
      await this.repo.clearFirstApproval(manager, id);
      // Which cost and receipt, not what it was nor its sum: the admin reads the audit trail, never the claims.
      await this.audit.log(ctx, 'claim.cost_added', ['claim', id], { costId: cost.id, fileId: receipt.id }, manager);
    });
    return this.access.reload(id);
  }

  async remove(ctx: AuthContext, id: string, costId: string): Promise<void> {
    await this.editCosts(ctx, id, async (manager) => {
      const cost = await this.repo.findCost(id, costId, manager);
      if (!cost) throw FeeErrors.costNotFound();
      await this.repo.deleteCost(manager, costId);
      await this.files.remove(manager, cost.receiptFileId);
      await this.repo.clearFirstApproval(manager, id);
      await this.audit.log(ctx, 'claim.cost_removed', ['claim', id], { costId, fileId: cost.receiptFileId }, manager);
    });
  }

  // Costs change only on the expert's own claim while it may still be edited: checked first, and again in the
  // transaction under the claim's lock.
  private async editCosts(
    ctx: AuthContext,
    id: string,
    change: (manager: EntityManager) => Promise<void>,
  ): Promise<void> {
    const claim = await requireAccess(this.audit, ctx, this.access.claim(ctx, id, 'own'));
    if (!canEdit(claim.status, claim.lateCancellation)) throw FeeErrors.claimStatusConflict(claim.status, 'changed');
    await this.dataSource.transaction(async (manager) => {
      const locked = await this.repo.lock(manager, id);
      if (!locked || !canEdit(locked.status, locked.lateCancellation))
        throw FeeErrors.claimStatusConflict(locked?.status ?? 'missing', 'changed');
      await change(manager);
    });
  }

  async receipt(ctx: AuthContext, id: string, costId: string): Promise<FileDownload> {
    await requireAccess(this.audit, ctx, this.access.claim(ctx, id));
    const cost = await this.repo.findCost(id, costId);
    const download = cost ? await this.files.download(cost.receiptFileId) : null;
    if (!download) throw FeeErrors.costNotFound();
    return download;
  }
}
