import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { requireAccess } from '../../../common/auth/access';
import { AuthContext } from '../../../common/auth/auth-context';
import { Clock } from '../../../common/clock/clock';
import { AuditService } from '../../audit/audit.service';
import { MailService } from '../../mail/mail.service';
import { ClaimAccess } from './claim-access.service';
import { ClaimsRepository } from './claims.repository';
import { ReturnClaimDto } from '../dto/claim.dto';
import { ClaimResponse } from '../dto/claim.response';
import { ClaimStatus } from '../entities/claim.entity';
import { FeeErrors, fromArithmetic } from '../fees.errors';
import { claimReturnedMail } from '../mail/claim-returned.mail';

// The coordinator's decision on a submitted claim: approved for the next fee run, or returned with a reason.
@Injectable()
export class ClaimReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: ClaimsRepository,
    private readonly access: ClaimAccess,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  // Only a claim that can be priced is approved: a missing rate shows now, not halfway through a fee run.
  async approve(ctx: AuthContext, id: string): Promise<ClaimResponse> {
    const claim = await requireAccess(this.audit, ctx, this.access.claim(ctx, id));
    if (claim.status !== ClaimStatus.Submitted) throw FeeErrors.claimStatusConflict(claim.status, 'approved');
    await this.access.estimate(claim).catch((error: unknown) => {
      throw fromArithmetic(error);
    });
    await this.dataSource.transaction(async (manager) => {
      const changes = { status: ClaimStatus.Approved, decidedBy: ctx.user.id, decidedAt: this.clock.now() };
      if (!(await this.repo.transition(manager, id, [ClaimStatus.Submitted], changes)))
        throw FeeErrors.claimStatusConflict('changed', 'approved');
      await this.audit.log(ctx, 'claim.approved', ['claim', id], { expertId: claim.expertId }, manager);
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
