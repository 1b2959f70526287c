import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AssignmentEntity, AssignmentWithRequest } from '../../booking/entities/assignment.entity';
import { ExpertEntity } from '../../experts/entities/expert.entity';
import { PaymentDetailsEntity } from '../../experts/entities/payment-details.entity';
import { StoredFileEntity } from '../../files/entities/stored-file.entity';
import { UserEntity } from '../../users/entities/user.entity';
import { ClaimCostEntity } from '../entities/claim-cost.entity';
import { ClaimEntity, ClaimStatus } from '../entities/claim.entity';

export type LoadedClaim = ClaimEntity & {
  assignment: AssignmentWithRequest;
  costs: (ClaimCostEntity & { receipt: StoredFileEntity })[];
  expert?: ExpertEntity & { user?: UserEntity };
  firstApprover?: UserEntity;
};

const RELATIONS = {
  assignment: { request: true },
  costs: { receipt: true },
  expert: { user: true },
  firstApprover: true,
} as const;

@Injectable()
export class ClaimsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findAssignment(id: string): Promise<AssignmentWithRequest | null> {
    return this.dataSource
      .getRepository(AssignmentEntity)
      .findOne({ where: { id }, relations: { request: true } }) as Promise<AssignmentWithRequest | null>;
  }

  // The claim an expert already has for an assignment of theirs (there is at most one).
  async findIdForAssignment(assignmentId: string, expertId: string): Promise<string | undefined> {
    const claim = await this.dataSource
      .getRepository(ClaimEntity)
      .findOne({ where: { assignmentId, expertId }, select: { id: true } });
    return claim?.id;
  }

  insert(manager: EntityManager, claim: Partial<ClaimEntity>): Promise<ClaimEntity> {
    return manager.save(ClaimEntity, claim);
  }

  // One claim per assignment, ever: when the assignment already has one, nothing is written and null says so.
  async insertOnce(manager: EntityManager, claim: Partial<ClaimEntity>): Promise<string | null> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(ClaimEntity)
      .values(claim)
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as { id: string }[])[0]?.id ?? null;
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<LoadedClaim | null> {
    const claim = (await manager.findOne(ClaimEntity, {
      where: { id },
      relations: RELATIONS,
      order: { costs: { createdAt: 'ASC' } },
    })) as LoadedClaim | null;
    return claim;
  }

  findPage(filter: {
    expertId?: string;
    status?: ClaimStatus;
    limit: number;
    offset: number;
  }): Promise<[LoadedClaim[], number]> {
    return this.dataSource.getRepository(ClaimEntity).findAndCount({
      where: { expertId: filter.expertId, status: filter.status },
      relations: RELATIONS,
      order: { workDate: 'DESC', id: 'ASC' },
      take: filter.limit,
      skip: filter.offset,
    }) as Promise<[LoadedClaim[], number]>;
  }

  // Serialises edits, cost uploads and decisions on one claim.
  lock(manager: EntityManager, id: string): Promise<ClaimEntity | null> {
    return manager.findOne(ClaimEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  // A transition only from the expected statuses (and the expected version, when given); false when another request
  // got there first. The update adds one to the version.
  async transition(
    manager: EntityManager,
    id: string,
    from: ClaimStatus[],
    changes: Partial<ClaimEntity>,
    version?: number,
  ): Promise<boolean> {
    const result = await manager.update(ClaimEntity, { id, status: In(from), ...(version && { version }) }, changes);
    return (result.affected ?? 0) > 0;
  }

  // A change to a submitted claim (a late cancellation's, which the expert may still add to) undoes a first approval:
  // both coordinators approve the same numbers.
  async clearFirstApproval(manager: EntityManager, id: string): Promise<void> {
    await manager.update(ClaimEntity, { id }, { firstApprovedBy: null, firstApprovedAt: null });
  }

  insertCost(
    manager: EntityManager,
    cost: Omit<ClaimCostEntity, 'id' | 'createdAt' | 'claim' | 'receipt'>,
  ): Promise<ClaimCostEntity> {
    return manager.save(ClaimCostEntity, cost);
  }

  findCost(
    claimId: string,
    costId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ClaimCostEntity | null> {
    return manager.findOneBy(ClaimCostEntity, { id: costId, claimId });
  }

  // The claim's cost added with `key` (the Idempotency-Key of its addition).
  costAddedWith(manager: EntityManager, claimId: string, key: string): Promise<boolean> {
    return manager.existsBy(ClaimCostEntity, { claimId, idempotencyKey: key });
  }

  countCosts(manager: EntityManager, claimId: string): Promise<number> {
    return manager.countBy(ClaimCostEntity, { claimId });
  }

  async deleteCost(manager: EntityManager, costId: string): Promise<void> {
    await manager.delete(ClaimCostEntity, { id: costId });
  }

  findPaymentDetails(expertId: string): Promise<PaymentDetailsEntity | null> {
    return this.dataSource.getRepository(PaymentDetailsEntity).findOneBy({ expertId });
  }

  findPaymentDetailsOf(expertIds: string[]): Promise<PaymentDetailsEntity[]> {
    if (expertIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(PaymentDetailsEntity).findBy({ expertId: In(expertIds) });
  }

  findExpertUser(manager: EntityManager, expertId: string): Promise<UserEntity | null> {
    return manager.findOneBy(UserEntity, { id: expertId });
  }

  findPaymentDetailsIn(manager: EntityManager, expertId: string): Promise<PaymentDetailsEntity | null> {
    return manager.findOneBy(PaymentDetailsEntity, { expertId });
  }
}
