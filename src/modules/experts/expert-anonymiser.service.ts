import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RequestMeta } from '../../common/auth/auth-context';
import { Clock } from '../../common/clock/clock.service';
import { AuditService } from '../audit';
import { SessionsService } from '../auth';
import { ExpertStatus } from './entities/expert.entity';
import { ExpertErasureRepository } from './expert-erasure.repository';
import { ExpertOpenWork } from './expert-open-work.service';

export interface AnonymisedBy {
  // Null: the system (the privacy job).
  actorId: string | null;
  meta?: Partial<RequestMeta>;
  reason: string;
}

// Erasure by anonymisation (GDPR art. 17), one path for the coordinator's request and the privacy job, inside
// the caller's transaction after it locked the expert's row (lockStatus).
//
// The money records stay: claims and fee-run lines keep their amounts, dates, income types, cost centres and
// runs, since the county must account for what it paid. What names or reaches the person goes: on the lines
// of exported runs the payee name becomes the anonymised one (an association's name is not the expert's) and
// the IBAN copy goes (the export clears it anyway); the expert's own statement PDFs go. Lines of a run not yet
// exported keep both until it is paid, or the payment would fail; the privacy job clears them afterwards
// (ExpertErasureRepository.scrubPaidLines). The payroll file of a run stays whole and encrypted as the
// bookkeeping voucher until its retention ends (see FeeRunFileRetentionJob). The receipts of claims stay as the
// vouchers of their costs; the words the expert and orderers wrote about the expert go, and so does unsent mail to
// them or naming them (ExpertErasureRepository).
// Signed contracts stay whole, the name and date of birth in them included: a signed contract never changes
// (PRODUCT.md §4) and it is the ground on which the fees were paid. Unsigned ones end and lose the person, open
// offers are withdrawn, and work not yet ended refuses the erasure (ExpertOpenWork).
@Injectable()
export class ExpertAnonymiser {
  constructor(
    private readonly erasure: ExpertErasureRepository,
    private readonly openWork: ExpertOpenWork,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  // Locks the expert's row for the rest of the transaction: of two concurrent erasures (the coordinator and the
  // job, or two workers), the second waits and then sees the expert anonymised.
  lockStatus(manager: EntityManager, id: string): Promise<ExpertStatus | null> {
    return this.erasure.lockStatus(manager, id);
  }

  async anonymise(manager: EntityManager, id: string, by: AnonymisedBy): Promise<void> {
    await this.openWork.settle(manager, id, 'anonymise', by);
    const now = this.clock.now();
    await this.erasure.anonymiseAccount(manager, id, now);
    await this.sessions.revokeAllForUser(manager, id, 'anonymised');
    await this.erasure.anonymiseProfile(manager, id);
    await this.erasure.deletePersonalData(manager, id, now);
    const mails = await this.erasure.dropMails(manager, id);
    const lines = await this.erasure.scrubPaidLines(manager, id);
    const statements = await this.erasure.deleteStatements(manager, id);
    await this.audit.log(
      by,
      'expert.anonymised',
      ['expert', id],
      { reason: by.reason, scrubbedLines: lines, deletedStatements: statements, droppedMails: mails },
      manager,
    );
  }
}
