import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RequestMeta } from '../../../common/auth/auth-context';
import { AuditService } from '../../audit';
import { ContractsRepository } from '../contracts.repository';
import { ContractEntity, ContractStatus } from '../entities/contract.entity';
import { ContractDrafts } from './contract-drafts.service';
import { termAfterMove, TimedWork } from './contract.rule';
import { OPEN_ASSIGNMENT_STATUSES } from './contract-transitions.rule';

export interface MovedWork {
  assignmentId: string;
  from: TimedWork;
  to: TimedWork;
}

export interface ContractMover {
  id: string;
  meta?: Partial<RequestMeta>;
}

// What a change of a work's time does to the contracts over it (PRODUCT §4: a signed contract never changes; a
// change is a new version). Booking calls it inside the transaction that moves the assignment, after locking the
// contracts with ContractEnding.lockCovering and before moving it:
// - a draft says nothing yet: its term follows the work;
// - an approved, unsigned one states the old time: a new version replaces it at once, for the coordinator to
//   approve and the expert to sign;
// - a signed one stays in force until its new version, drafted here, is signed (unless a revision is pending
//   already: that one is the new version).
@Injectable()
export class ContractRescheduling {
  constructor(
    private readonly contracts: ContractsRepository,
    private readonly drafts: ContractDrafts,
    private readonly audit: AuditService,
  ) {}

  // Returns the new versions drafted.
  async workMoved(manager: EntityManager, covering: ContractEntity[], work: MovedWork, by: ContractMover) {
    const drafted: ContractEntity[] = [];
    for (const contract of covering) {
      if (contract.status === ContractStatus.Signed && covering.some((c) => c.supersedesId === contract.id)) continue;
      const ids = await this.contracts.coveredAssignmentIds(manager, contract.id);
      const open = (await this.contracts.findAssignments(manager, ids)).filter(
        (a) => OPEN_ASSIGNMENT_STATUSES.includes(a.status) || a.id === work.assignmentId,
      );
      const moved = (a: { id: string } & TimedWork) => (a.id === work.assignmentId ? work.to : a);
      const before = open.map((a) => (a.id === work.assignmentId ? work.from : a));
      const term = termAfterMove(contract, before, open.map(moved));
      const actor = { actorId: by.id, meta: by.meta };
      if (contract.status === ContractStatus.Draft) {
        if (term.validFrom === contract.validFrom && term.validUntil === contract.validUntil) continue;
        await this.contracts.updateContract(manager, contract.id, term, ContractStatus.Draft);
        await this.audit.log(
          actor,
          'contract.term_moved',
          ['contract', contract.id],
          {
            assignmentId: work.assignmentId,
            fromValidFrom: contract.validFrom,
            fromValidUntil: contract.validUntil,
            ...term,
          },
          manager,
        );
        continue;
      }
      const approved = contract.status === ContractStatus.Approved;
      const signedPredecessor =
        approved && contract.supersedesId ? await this.signed(manager, contract.supersedesId) : null;
      const version = await this.drafts.create(manager, {
        expertId: contract.expertId,
        organisationId: contract.organisationId,
        ...term,
        assignmentIds: open.map((a) => a.id),
        createdBy: null,
        revisionOf: approved ? (signedPredecessor ?? undefined) : contract,
        versionOf: approved ? contract : undefined,
        replacing: approved ? [contract] : [],
      });
      await this.audit.log(
        actor,
        'contract.revised',
        ['contract', version.id],
        {
          supersedes: version.supersedesId,
          replaces: approved ? contract.id : null,
          version: version.version,
          cause: 'time_changed',
          assignmentId: work.assignmentId,
        },
        manager,
      );
      drafted.push(version);
    }
    return drafted;
  }

  // The signed (or expired) version a pending revision would replace, locked.
  private async signed(manager: EntityManager, id: string): Promise<ContractEntity | null> {
    const [contract] = await this.contracts.lockContracts(manager, [id]);
    return contract && [ContractStatus.Signed, ContractStatus.Expired].includes(contract.status) ? contract : null;
  }
}
