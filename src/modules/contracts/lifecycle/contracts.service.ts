import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { requireAccess } from '../../../common/auth/access';
import { AuthContext } from '../../../common/auth/auth-context';
import { Role } from '../../../common/auth/role.enum';
import { Clock } from '../../../common/clock/clock.service';
import { localDate } from '../../../common/i18n/format';
import { AuditService } from '../../audit';
import { ContractAccess } from '../contract-access.service';
import { ContractDrafts } from './contract-drafts.service';
import { ContractEnding } from './contract-ending.service';
import { outsideTerm, Term } from './contract.rule';
import { ContractSnapshots } from '../document/contract-snapshots.service';
import { OPEN_ASSIGNMENT_STATUSES, refusal, statusOn } from './contract-transitions.rule';
import { ContractsRepository } from '../contracts.repository';
import { ContractErrors, fromDatabase } from '../contracts.errors';
import { ReviseContractDto, TerminateContractDto } from '../dto/contract-actions.dto';
import { ContractPageResponse, ContractResponse, toContractResponse } from '../dto/contract.response';
import { CreateContractDto } from '../dto/create-contract.dto';
import { ListContractsQuery } from '../dto/list-contracts.query';
import { ContractEntity, ContractStatus, TerminationCause } from '../entities/contract.entity';
import { AssignmentWithRequest } from '../../booking/entities/assignment.entity';

// Contracts as the coordinator shapes them: one for a series, a new version of a signed one, an early end.
@Injectable()
export class ContractsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly contracts: ContractsRepository,
    private readonly access: ContractAccess,
    private readonly drafts: ContractDrafts,
    private readonly ending: ContractEnding,
    private readonly snapshots: ContractSnapshots,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  // Today in Helsinki: what a contract's state is read against (statusOn).
  private today(): string {
    return localDate(this.clock.now());
  }

  async list(ctx: AuthContext, q: ListContractsQuery): Promise<ContractPageResponse> {
    // An expert sees only their own, whatever the filter says.
    const expertId = ctx.user.role === Role.Expert ? ctx.user.id : q.expertId;
    const today = this.today();
    const [items, total] = await this.contracts.findPage({ ...q, expertId, today, limit: q.limit, offset: q.offset });
    const covered = await this.contracts.coverages(items.map((c) => c.id));
    return {
      items: items.map((c) => toContractResponse(c, covered.get(c.id)!, today)),
      total,
      limit: q.limit,
      offset: q.offset,
    };
  }

  async get(ctx: AuthContext, id: string): Promise<ContractResponse> {
    return this.respond(await requireAccess(this.audit, ctx, this.access.contract(ctx, id)));
  }

  // One contract for a series of one expert's assignments; it replaces the drafts made for them one by one.
  async create(ctx: AuthContext, dto: CreateContractDto): Promise<ContractResponse> {
    const term = checkedTerm(dto.validFrom, dto.validUntil);
    const id = await this.dataSource
      .transaction(async (manager) => {
        if (!(await this.contracts.findExpert(manager, dto.expertId))) throw ContractErrors.expertNotFound();
        const organisationId = await this.checkScope(manager, dto.expertId, dto.assignmentIds, term);
        const replacing = await this.replaceableDrafts(manager, dto.assignmentIds);
        const contract = await this.drafts.create(manager, {
          expertId: dto.expertId,
          organisationId,
          ...term,
          assignmentIds: dto.assignmentIds,
          createdBy: ctx.user.id,
          replacing,
        });
        await this.audit.log(
          ctx,
          'contract.created',
          ['contract', contract.id],
          { assignmentIds: dto.assignmentIds, replaced: replacing.map((c) => c.id) },
          manager,
        );
        return contract.id;
      })
      .catch((error: unknown) => {
        throw fromDatabase(error);
      });
    return this.reload(id);
  }

  // A change to a signed contract is a new version: a draft that replaces the signed one once it is signed.
  async revise(ctx: AuthContext, id: string, dto: ReviseContractDto): Promise<ContractResponse> {
    const current = await requireAccess(this.audit, ctx, this.access.contract(ctx, id));
    const refused = refusal('revise', statusOn(current, this.today()), current.terminationCause);
    if (refused) throw ContractErrors.refused(refused, 'revised');
    const revisionId = await this.dataSource
      .transaction(async (manager) => {
        const locked = await this.lockedFor(manager, id, 'revise', 'revised');
        const assignmentIds = dto.assignmentIds ?? (await this.contracts.coveredAssignmentIds(manager, id));
        const term = checkedTerm(dto.validFrom ?? locked.validFrom, dto.validUntil ?? locked.validUntil);
        await this.checkScope(manager, locked.expertId, assignmentIds, term, locked.organisationId);
        const replacing = await this.replaceableDrafts(manager, assignmentIds, id);
        const revision = await this.drafts.create(manager, {
          expertId: locked.expertId,
          organisationId: locked.organisationId,
          ...term,
          assignmentIds,
          createdBy: ctx.user.id,
          revisionOf: locked,
          replacing,
        });
        await this.audit.log(
          ctx,
          'contract.revised',
          ['contract', revision.id],
          { supersedes: id, version: revision.version },
          manager,
        );
        return revision.id;
      })
      .catch((error: unknown) => {
        throw fromDatabase(error);
      });
    return this.reload(revisionId);
  }

  // Ends a contract early (or withdraws an unsigned one), recording who, when and why.
  async terminate(ctx: AuthContext, id: string, dto: TerminateContractDto): Promise<ContractResponse> {
    const current = await requireAccess(this.audit, ctx, this.access.contract(ctx, id));
    const refused = refusal('terminate', statusOn(current, this.today()), current.terminationCause);
    if (refused) throw ContractErrors.refused(refused, 'terminated');
    const mailIds = await this.dataSource
      .transaction(async (manager) => {
        const locked = await this.lockedFor(manager, id, 'terminate', 'terminated');
        return (
          await this.ending.terminate(
            manager,
            locked,
            { id: ctx.user.id, meta: ctx },
            TerminationCause.Coordinator,
            dto.reason,
          )
        ).mailIds;
      })
      .catch((error: unknown) => {
        throw fromDatabase(error);
      });
    await this.ending.dispatch(mailIds);
    return this.reload(id);
  }

  async reload(id: string): Promise<ContractResponse> {
    const contract = await this.contracts.findContract(id);
    if (!contract) throw ContractErrors.notFound();
    return this.respond(contract);
  }

  private async respond(contract: ContractEntity): Promise<ContractResponse> {
    const covered = await this.contracts.coverages([contract.id]);
    return toContractResponse(contract, covered.get(contract.id)!, this.today());
  }

  private async lockedFor(
    manager: EntityManager,
    id: string,
    action: 'revise' | 'terminate',
    verb: string,
  ): Promise<ContractEntity> {
    const locked = await this.contracts.lockContract(manager, id);
    if (!locked) throw ContractErrors.notFound();
    const refused = refusal(action, statusOn(locked, this.today()), locked.terminationCause);
    if (refused) throw ContractErrors.refused(refused, verb);
    return locked;
  }

  // The assignments one contract may cover: the expert's own, open, ordered by one unit or project, inside the
  // term and priced alike. Returns that unit or project.
  private async checkScope(
    manager: EntityManager,
    expertId: string,
    ids: string[],
    term: Term,
    organisationId?: string,
  ): Promise<string> {
    const assignments = await this.contracts.findAssignments(manager, ids);
    const unknown = ids.filter((id) => !assignments.some((a) => a.id === id));
    if (unknown.length > 0) throw ContractErrors.unknownAssignments(unknown);
    const foreign = assignments.filter((a) => a.expertId !== expertId);
    if (foreign.length > 0) throw ContractErrors.anotherExpertsAssignment(foreign.map((a) => a.id));
    const organisations = new Set([
      ...assignments.map((a) => a.request.organisationId),
      ...(organisationId ? [organisationId] : []),
    ]);
    if (organisations.size > 1) throw ContractErrors.mixedOrganisations();
    const closed = assignments.filter((a) => !OPEN_ASSIGNMENT_STATUSES.includes(a.status));
    if (closed.length > 0) throw ContractErrors.assignmentNotOpen(closed.map((a) => a.id));
    const outside = outsideTerm(term, assignments);
    if (outside.length > 0) throw ContractErrors.termNotCovering(outside.map((a: AssignmentWithRequest) => a.id));
    await this.snapshots.checkFeeTerms(manager, assignments);
    return assignments[0].request.organisationId;
  }

  // The live contracts over these assignments, locked. Drafts wholly inside the new set are replaced; anything
  // approved or signed stays, and is refused (it is terminated or revised instead).
  private async replaceableDrafts(
    manager: EntityManager,
    assignmentIds: string[],
    except?: string,
  ): Promise<ContractEntity[]> {
    const covering = await this.contracts.liveCoverage(manager, assignmentIds);
    const locked = await this.contracts.lockContracts(
      manager,
      [...new Set(covering.map((c) => c.contractId))].filter((id) => id !== except),
    );
    const blocking = locked.filter((c) =>
      [ContractStatus.Approved, ContractStatus.Signed, ContractStatus.Expired].includes(c.status),
    );
    if (blocking.length > 0) {
      throw ContractErrors.alreadyUnderContract(
        covering.filter((c) => blocking.some((b) => b.id === c.contractId)).map((c) => c.assignmentId),
      );
    }
    const drafts = locked.filter((c) => c.status === ContractStatus.Draft);
    const partial: string[] = [];
    for (const draft of drafts) {
      const theirs = await this.contracts.coveredAssignmentIds(manager, draft.id);
      if (theirs.some((a) => !assignmentIds.includes(a))) partial.push(draft.number);
    }
    if (partial.length > 0) throw ContractErrors.partialReplacement(partial);
    return drafts;
  }
}

function checkedTerm(validFrom: string, validUntil: string): Term {
  if (validUntil < validFrom) throw ContractErrors.termReversed();
  return { validFrom, validUntil };
}
