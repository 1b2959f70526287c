import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthContext } from '../../../common/auth/auth-context';
import { Clock } from '../../../common/clock/clock.service';
import { TaskType } from '../../../common/domain/task-type';
import { AppConfig } from '../../../config/app-config';
import { AuditService } from '../../audit';
import { bookedPrice, bookedWork } from '../money/fee-estimate.rule';
import { MailService } from '../../mail';
import { ClaimsRepository } from './claims.repository';
import { ClaimStatus } from '../entities/claim.entity';
import { lateCancellationClaimMail } from '../mail/late-cancellation-claim.mail';
import { RatesRepository } from '../rates/rates.repository';

export interface CancelledWork {
  assignmentId: string;
  expertId: string;
  startsAt: Date;
  endsAt: Date;
  taskType: TaskType;
  title: string;
  preparationMinutes: number;
}

// The county cancelled so late that the full fee is due: the claim for it is filed for the expert in the
// cancellation's own transaction, already submitted, so that it goes to the coordinator's approval and the next fee
// run whether or not the expert ever opens Kokemus. It stays open to the expert's travel and costs until decided.
@Injectable()
export class LateCancellationClaims {
  constructor(
    private readonly claims: ClaimsRepository,
    private readonly rates: RatesRepository,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  // Inside the caller's transaction; returns the ids of the mails to dispatch after commit. Files nothing when the
  // assignment already has a claim (one per assignment, ever).
  async file(manager: EntityManager, ctx: AuthContext, work: CancelledWork): Promise<string[]> {
    const now = this.clock.now();
    const booked = bookedWork(work);
    const claimId = await this.claims.insertOnce(manager, {
      assignmentId: work.assignmentId,
      expertId: work.expertId,
      status: ClaimStatus.Submitted,
      lateCancellation: true,
      workDate: booked.workDate,
      workedMinutes: booked.workedMinutes,
      preparationMinutes: booked.preparationMinutes,
      trips: [],
      note: '',
      submittedAt: now,
      firstSubmittedAt: now,
    });
    if (!claimId) return [];
    await this.audit.log(
      ctx,
      'claim.created',
      ['claim', claimId],
      { assignmentId: work.assignmentId, lateCancellation: true, automatic: true, status: ClaimStatus.Submitted },
      manager,
    );
    const expert = (await this.claims.findExpertUser(manager, work.expertId))!;
    const details = await this.claims.findPaymentDetailsIn(manager, work.expertId);
    const fees = await this.rates.currentFees(manager);
    const mailId = await this.mail.compose(
      manager,
      { userId: expert.id, email: expert.email, language: expert.language },
      lateCancellationClaimMail,
      {
        claimId,
        title: work.title,
        startsAt: work.startsAt,
        endsAt: work.endsAt,
        lateHours: this.config.env.LATE_CANCELLATION_HOURS,
        feeCents: bookedPrice(work, fees)?.feeCents ?? null,
        declined: details?.declinesFee === true,
      },
    );
    return [mailId];
  }
}
