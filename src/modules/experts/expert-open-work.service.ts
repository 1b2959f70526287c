import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RequestMeta } from '../../common/auth/auth-context';
import { Clock } from '../../common/clock/clock.service';
import { AuditService } from '../audit';
import { ContractEnding } from '../contracts';
import { ExpertErrors } from './experts.errors';
import { ExpertsRepository } from './experts.repository';

export type Leaving = 'retire' | 'anonymise';

// Null: the system (the privacy job).
export interface LeftBy {
  actorId: string | null;
  meta?: Partial<RequestMeta>;
}

const WITHDRAWAL_REASON: Record<Leaving, string> = { retire: 'expert_retired', anonymise: 'expert_anonymised' };

// What becomes of an expert's open work when they leave (retired, or anonymised on request or by the privacy job),
// in the transaction that moves them, after it locked their row. Work they are still expected at refuses the move:
// the coordinator cancels it first through booking, where the late-cancellation terms apply. Offers awaiting their
// answer are withdrawn, as offers that can no longer lead anywhere are. On erasure, contracts not yet signed end
// and lose the person; signed ones stay whole. Locks in booking's order: the expert's row (the caller's), then the
// offers (an acceptance locks its offer after the expert), then the contracts (as a change of time does).
@Injectable()
export class ExpertOpenWork {
  constructor(
    private readonly experts: ExpertsRepository,
    private readonly contracts: ContractEnding,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async settle(manager: EntityManager, expertId: string, leaving: Leaving, by: LeftBy): Promise<void> {
    const now = this.clock.now();
    const booked = await this.experts.countBookedAhead(manager, expertId, now);
    if (booked > 0) throw ExpertErrors.hasBookedWork(booked);
    const withdrawn = await this.experts.withdrawOpenOffers(manager, expertId, now);
    await this.audit.logAll(
      manager,
      withdrawn.map((id) => ({
        by,
        action: 'offer.withdrawn',
        target: ['offer', id] as const,
        details: { reason: WITHDRAWAL_REASON[leaving] },
      })),
    );
    // The privacy job never gets here with an unsigned contract (its query leaves such an expert alone), and a
    // termination names the person who ended it.
    if (leaving === 'anonymise' && by.actorId)
      await this.contracts.endUnsignedOfErased(manager, expertId, { id: by.actorId, meta: by.meta });
  }
}
