import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditEvent, AuditService } from '../../audit';
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

  // The audit rows of offers withdrawn (by withdrawLive), in one statement.
  async recordWithdrawn(manager: EntityManager, offerIds: string[], reason: WithdrawalReason): Promise<void> {
    await this.audit.logAll(manager, this.withdrawnEvents(offerIds, reason));
  }

  // The same events, for a caller that writes them with its own (an acceptance's own statement withdrew them).
  withdrawnEvents(offerIds: string[], reason: WithdrawalReason): AuditEvent[] {
    return offerIds.map((id) => ({ by: null, action: 'offer.withdrawn', target: ['offer', id], details: { reason } }));
  }
}
