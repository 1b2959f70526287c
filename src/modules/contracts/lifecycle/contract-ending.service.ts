import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RequestMeta } from '../../../common/auth/auth-context';
import { Clock } from '../../../common/clock/clock.service';
import { localDate } from '../../../common/i18n/format';
import { AuditService } from '../../audit';
import { AssignmentStatus, CancelledBy } from '../../booking/entities/assignment.entity';
import { MailService, recipient } from '../../mail';
import { ContractsRepository } from '../contracts.repository';
import { ContractEntity, ContractStatus, TerminationCause } from '../entities/contract.entity';
import { contractEndedMail } from '../mail/contract.mails';

export interface ContractEnder {
  id: string;
  meta?: Partial<RequestMeta>;
}

export interface ContractEnded {
  // Assignments that went back from confirmed to accepted.
  unconfirmed: string[];
  // Mails to dispatch after commit.
  mailIds: string[];
}

const UNSIGNED = [ContractStatus.Draft, ContractStatus.Approved];
const UNENDED = [...UNSIGNED, ContractStatus.Signed];

const ERASED_REASON = 'The expert’s personal data was erased before the contract was signed';

// Recorded as the reason; the cancellation's own reason stays on the assignment (an expert's may be about health).
const WORK_CANCELLED_REASON: Record<CancelledBy, string> = {
  [CancelledBy.County]: 'Every assignment under the contract was cancelled; the last one by the county',
  [CancelledBy.Expert]: 'Every assignment under the contract was cancelled; the last one by the expert withdrawing',
};

// How a contract ends before its term: the coordinator terminates it, or all the work it covers is cancelled.
// Booking calls lockCovering and workCancelled inside the transaction that cancels an assignment, so a contract
// ends in the same moment as its last piece of work. An expired contract is left as it is: its term is over, and
// its late-cancellation terms still decide the fee.
@Injectable()
export class ContractEnding {
  constructor(
    private readonly contracts: ContractsRepository,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly clock: Clock,
  ) {}

  // Call before changing the assignment: signing and termination lock a contract (a revision before the version
  // it replaces) and then its assignments; taking the locks in that same order keeps them from deadlocking.
  async lockCovering(manager: EntityManager, assignmentId: string): Promise<ContractEntity[]> {
    const locked: ContractEntity[] = [];
    for (const id of await this.contracts.unendedCovering(manager, assignmentId)) {
      const contract = await this.contracts.lockContract(manager, id);
      if (contract && UNENDED.includes(contract.status)) locked.push(contract);
    }
    return locked;
  }

  // After the assignment was cancelled, for the contracts lockCovering returned. With no work left, a contract is
  // terminated. With work left (a series), a draft stops listing the cancelled task, and an approved or signed one
  // stays exactly as it was approved or signed.
  async workCancelled(
    manager: EntityManager,
    covering: ContractEntity[],
    assignmentId: string,
    by: ContractEnder,
    party: CancelledBy,
  ): Promise<string[]> {
    const mailIds: string[] = [];
    for (const contract of covering) {
      const assignments = await this.contracts.findAssignments(
        manager,
        await this.contracts.coveredAssignmentIds(manager, contract.id),
      );
      if (assignments.every((a) => a.status === AssignmentStatus.Cancelled)) {
        mailIds.push(
          ...(await this.terminate(manager, contract, by, TerminationCause.WorkCancelled, WORK_CANCELLED_REASON[party]))
            .mailIds,
        );
      } else if (contract.status === ContractStatus.Draft) {
        await this.contracts.releaseFromDraft(manager, contract.id, assignmentId);
        await this.audit.log(
          { actorId: by.id, meta: by.meta },
          'contract.assignment_released',
          ['contract', contract.id],
          { assignmentId },
          manager,
        );
      }
    }
    return mailIds;
  }

  // The erasure of an expert (in its transaction, after it locked the expert's row): a contract not yet signed will
  // never be, so it is terminated; its snapshot and PDF, which name the person and give their date of birth, go
  // with it, as they do from one terminated before a signature. A signed contract stays whole: it is the legal
  // record the fees were paid on. Returns the ids terminated here.
  async endUnsignedOfErased(manager: EntityManager, expertId: string, by: ContractEnder): Promise<string[]> {
    const ended: string[] = [];
    for (const id of await this.contracts.unsignedOf(manager, expertId)) {
      const contract = await this.contracts.lockContract(manager, id);
      if (!contract || contract.signedAt) continue;
      if (UNSIGNED.includes(contract.status)) {
        await this.terminate(manager, contract, by, TerminationCause.Coordinator, ERASED_REASON);
        ended.push(id);
      } else if (contract.status !== ContractStatus.Terminated) continue;
      await this.contracts.updateContract(manager, id, { snapshot: null, pdf: null, pdfSha256: null });
    }
    return ended;
  }

  // On a contract the caller has locked, in its transaction: who, when, why and the cause are recorded, work not
  // yet started that no signed contract covers any more goes back to accepted, and the expert is told in writing
  // when a contract they signed has ended.
  async terminate(
    manager: EntityManager,
    contract: ContractEntity,
    by: ContractEnder,
    cause: TerminationCause,
    reason: string,
  ): Promise<ContractEnded> {
    const now = this.clock.now();
    const terminated = {
      status: ContractStatus.Terminated,
      terminatedBy: by.id,
      terminatedAt: now,
      terminationReason: reason,
      terminationCause: cause,
    };
    await this.contracts.updateContract(manager, contract.id, terminated);
    const wasSigned = contract.status === ContractStatus.Signed;
    const unconfirmed = wasSigned
      ? await this.contracts.unconfirmUncovered(
          manager,
          await this.contracts.coveredAssignmentIds(manager, contract.id),
          now,
        )
      : [];
    await this.audit.log(
      { actorId: by.id, meta: by.meta },
      'contract.terminated',
      ['contract', contract.id],
      { from: contract.status, cause, unconfirmed },
      manager,
    );
    const expert = wasSigned ? await this.contracts.findUser(manager, contract.expertId) : null;
    if (!expert) return { unconfirmed, mailIds: [] };
    const mailId = await this.mail.compose(manager, recipient(expert), contractEndedMail, {
      contractId: contract.id,
      number: contract.number,
      version: contract.version,
      endedOn: localDate(now),
      workCancelled: cause === TerminationCause.WorkCancelled,
    });
    return { unconfirmed, mailIds: [mailId] };
  }

  dispatch(mailIds: string[]): Promise<void> {
    return this.mail.dispatch(mailIds);
  }
}
