import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RequestMeta } from '../../../common/auth/auth-context';
import { Clock } from '../../../common/clock/clock.service';
import { localDate } from '../../../common/i18n/format';
import { AuditEvent, AuditService } from '../../audit';
import { contractLanguage, contractNumber, defaultTerm, Term } from './contract.rule';
import { ContractsRepository } from '../contracts.repository';
import { ContractErrors } from '../contracts.errors';
import { ContractEntity, ContractStatus } from '../entities/contract.entity';

export interface NewContract extends Term {
  expertId: string;
  organisationId: string;
  assignmentIds: string[];
  // Null when drafted automatically.
  createdBy: string | null;
  // A new version of this signed contract: same number, next version; it replaces the signed one once signed.
  revisionOf?: ContractEntity;
  // The next version of this number, replacing it at once (an approved contract whose work moved).
  versionOf?: ContractEntity;
  // Unsigned (draft or approved) contracts this one replaces; the caller has locked them.
  replacing?: ContractEntity[];
}

// Makes contracts. Booking calls draftForNewAssignment inside the transaction that creates an assignment, so the
// draft exists exactly when the assignment does. This module never imports booking's module, only its entities.
@Injectable()
export class ContractDrafts {
  constructor(
    private readonly contracts: ContractsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  // A new assignment has no contract yet: it gets a draft of its own, for the days of the work. `along`: the
  // caller's own audit events of the same transaction, written in one statement with the draft's.
  async draftForNewAssignment(
    manager: EntityManager,
    assignment: { id: string; expertId: string; startsAt: Date; endsAt: Date },
    organisationId: string,
    actorId: string,
    meta?: Partial<RequestMeta>,
    along: AuditEvent[] = [],
  ): Promise<ContractEntity> {
    const contract = await this.create(manager, {
      expertId: assignment.expertId,
      organisationId,
      ...defaultTerm([assignment]),
      assignmentIds: [assignment.id],
      createdBy: null,
    });
    await this.audit.logAll(manager, [
      {
        by: { actorId, meta },
        action: 'contract.drafted',
        target: ['contract', contract.id],
        details: { assignmentId: assignment.id, automatic: true },
      },
      ...along,
    ]);
    return contract;
  }

  async create(manager: EntityManager, c: NewContract): Promise<ContractEntity> {
    const versionOf = c.revisionOf ?? c.versionOf;
    const expert = await this.contracts.findDraftingFacts(manager, c.expertId, !versionOf);
    if (!expert) throw ContractErrors.expertNotFound();
    const number =
      versionOf?.number ?? contractNumber(Number(localDate(this.clock.now()).slice(0, 4)), expert.sequence!);
    // Linked to its assignments as it is inserted, unless something must first stop covering them (the replaced
    // drafts) or it must first be marked a revision (which does not cover them until signed).
    const linkAtOnce = !c.replacing?.length && !c.revisionOf;
    // What it supersedes is written after the replaced ones have stopped being pending revisions of the same one.
    const contract = await this.contracts.insert(
      manager,
      {
        number,
        version: versionOf ? await this.contracts.nextVersion(manager, number) : 1,
        expertId: c.expertId,
        organisationId: c.organisationId,
        validFrom: c.validFrom,
        validUntil: c.validUntil,
        language: contractLanguage(expert.language, expert.languages),
        status: ContractStatus.Draft,
        createdBy: c.createdBy,
      },
      linkAtOnce ? c.assignmentIds : [],
    );
    // The replaced drafts stop covering their assignments before this one starts to (one live contract each).
    const now = this.clock.now();
    for (const replaced of c.replacing ?? []) {
      const superseded = { status: ContractStatus.Superseded, supersededById: contract.id, supersededAt: now };
      await this.contracts.updateContract(manager, replaced.id, superseded, replaced.status);
      await this.audit.log(
        { actorId: c.createdBy },
        'contract.superseded',
        ['contract', replaced.id],
        { by: contract.id, from: replaced.status },
        manager,
      );
    }
    if (c.revisionOf) {
      await this.contracts.updateContract(manager, contract.id, { supersedesId: c.revisionOf.id });
      contract.supersedesId = c.revisionOf.id;
    }
    if (!linkAtOnce) await this.contracts.addAssignments(manager, contract.id, c.assignmentIds);
    return contract;
  }
}
