import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { BookingRepository } from '../booking.repository';

export type WithdrawalReason = 'request_filled' | 'assigned_directly';

// Open offers that can no longer lead anywhere are withdrawn in the same transaction as the change that ended them,
// so that no expert is left looking at an offer for a full request.
@Injectable()
export class OfferWithdrawal {
  constructor(
    private readonly booking: BookingRepository,
    private readonly audit: AuditService,
  ) {}

  // All of the request's open offers, or only the one expert's.
  async withdrawLive(
    manager: EntityManager,
    requestId: string,
    now: Date,
    reason: WithdrawalReason,
    expertId?: string,
  ): Promise<void> {
    await this.recordWithdrawn(
      manager,
      await this.booking.withdrawLiveOffers(manager, requestId, now, expertId),
      reason,
    );
  }

  // The audit rows of offers withdrawn (by withdrawLive, or by an acceptance's own statement).
  async recordWithdrawn(manager: EntityManager, offerIds: string[], reason: WithdrawalReason): Promise<void> {
    for (const id of offerIds) await this.audit.log(null, 'offer.withdrawn', ['offer', id], { reason }, manager);
  }
}
