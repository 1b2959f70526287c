import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { requireAccess } from '../../../common/auth/access';
import { AuthContext } from '../../../common/auth/auth-context';
import { Clock } from '../../../common/clock/clock.service';
import { AuditService } from '../../audit';
import { AuditDetails } from '../../audit/entities/audit-event.entity';
import { MailService } from '../../mail';
import { ClaimAccess } from './claim-access.service';
import { approvalStep } from './claim.rule';
import { ClaimsRepository } from './claims.repository';
import { ReturnClaimDto } from '../dto/claim.dto';
import { claimTotalCents, ClaimResponse } from '../dto/claim.response';
import { ClaimEntity, ClaimStatus } from '../entities/claim.entity';
import { FeeErrors, fromArithmetic } from '../fees.errors';
import { claimReturnedMail } from '../mail/claim-returned.mail';
import { RatesRepository } from '../rates/rates.repository';

// The coordinator's decision on a submitted claim: approved for the next fee run, or returned with a reason.
@Injectable()
export class ClaimReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: ClaimsRepository,
    private readonly access: ClaimAccess,
    private readonly rates: RatesRepository,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  // Only a claim that can be priced is approved: a missing rate shows now, not halfway through a fee run. With four
  // eyes (a claim over the settings' amount) the first approval is recorded and the claim stays submitted until a
  // second, different coordinator approves it; the database refuses one person as both (claims_four_eyes).
  async approve(ctx: AuthContext, id: string): Promise<ClaimResponse> {
    const claim = await requireAccess(this.audit, ctx, this.access.claim(ctx, id));
    if (claim.status !== ClaimStatus.Submitted) throw FeeErrors.claimStatusConflict(claim.status, 'approved');
    const { claimFourEyesAboveCents } = await this.rates.settings();
    await this.dataSource.transaction(async (manager) => {
      const locked = await this.repo.lock(manager, id);
      if (!locked || locked.status !== ClaimStatus.Submitted)
        throw FeeErrors.claimStatusConflict(locked?.status ?? 'changed', 'approved');
      // The rates' lock, shared, after the claim's (the order every approval takes them): a new fee schedule row or a
      // travel rate changed at the same moment waits for this approval and then sees it, or comes first and prices it.
      await this.rates.lockRates(manager, 'price');
      // Priced as it stands under the lock: a late cancellation's claim, still open to the expert's trips and
      // receipts, may have grown since it was read, and four eyes counts what is approved.
      const current = (await this.repo.find(id, manager))!;
      const amounts = await this.access.estimate(current, manager).catch((error: unknown) => {
        throw fromArithmetic(error);
      });
      const totalCents = claimTotalCents(amounts);
      const step = approvalStep({
        totalCents,
        fourEyesAboveCents: claimFourEyesAboveCents,
        firstApprovedBy: locked.firstApprovedBy,
        approver: ctx.user.id,
      });
      if (step === 'same_approver') throw FeeErrors.claimSecondApproverRequired();
      const now = this.clock.now();
      const changes: Partial<ClaimEntity> =
        step === 'first_approval'
          ? { firstApprovedBy: ctx.user.id, firstApprovedAt: now, decidedBy: null, decidedAt: null }
          : {
              status: ClaimStatus.Approved,
              decidedBy: ctx.user.id,
              decidedAt: now,
              // Four eyes was turned off after this coordinator's first approval: theirs is now the only one.
              ...(locked.firstApprovedBy === ctx.user.id ? { firstApprovedBy: null, firstApprovedAt: null } : {}),
            };
      if (!(await this.repo.transition(manager, id, [ClaimStatus.Submitted], changes)))
        throw FeeErrors.claimStatusConflict('changed', 'approved');
      const fourEyes: AuditDetails =
        claimFourEyesAboveCents === null
          ? {}
          : { totalCents, fourEyesAboveCents: claimFourEyesAboveCents, firstApprovedBy: locked.firstApprovedBy };
      await this.audit.log(
        ctx,
        step === 'first_approval' ? 'claim.first_approval' : 'claim.approved',
        ['claim', id],
        { expertId: claim.expertId, ...fourEyes },
        manager,
      );
    });
    return this.access.reload(id);
  }

  async return(ctx: AuthContext, id: string, dto: ReturnClaimDto): Promise<ClaimResponse> {
    const claim = await requireAccess(this.audit, ctx, this.access.claim(ctx, id));
    if (claim.status !== ClaimStatus.Submitted) throw FeeErrors.claimStatusConflict(claim.status, 'returned');
    const mailId = await this.dataSource.transaction(async (manager) => {
      const changes = {
        status: ClaimStatus.Returned,
        returnReason: dto.reason,
        // A returned claim comes back changed: both approvals are given again to what is sent then.
        firstApprovedBy: null,
        firstApprovedAt: null,
        decidedBy: ctx.user.id,
        decidedAt: this.clock.now(),
      };
      if (!(await this.repo.transition(manager, id, [ClaimStatus.Submitted], changes)))
        throw FeeErrors.claimStatusConflict('changed', 'returned');
      await this.audit.log(ctx, 'claim.returned', ['claim', id], { expertId: claim.expertId }, manager);
      const expert = await this.repo.findExpertUser(manager, claim.expertId);
      if (!expert) return null;
      return this.mail.compose(
        manager,
        { userId: expert.id, email: expert.email, language: expert.language },
        claimReturnedMail,
        {
          claimId: id,
          name: expert.name,
          title: claim.assignment.request.title,
          workDate: claim.workDate,
          reason: dto.reason,
        },
      );
    });
    if (mailId) await this.mail.dispatch([mailId]);
    return this.access.reload(id);
  }
}
