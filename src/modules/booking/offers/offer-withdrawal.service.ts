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
    const withdrawn = await this.booking.withdrawLiveOffers(manager, requestId, now, expertId);
    for (const id of withdrawn) await this.audit.log(null, 'offer.withdrawn', ['offer', id], { reason }, manager);
  }
}
