import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, LessThan } from 'typeorm';
import { AssignmentEntity, AssignmentStatus, AssignmentWithRequest } from '../booking/entities/assignment.entity';
import { ExpertEntity } from '../experts/entities/expert.entity';
import { PaymentDetailsEntity } from '../experts/entities/payment-details.entity';
import { MunicipalityEntity } from '../organisations/entities/municipality.entity';
import { OrganisationEntity } from '../organisations/entities/organisation.entity';
import { UserEntity } from '../users/entities/user.entity';
import { Language } from '../../common/i18n/language';
import { entityColumns } from '../../common/database/entity-columns';
import { LocalName } from './document/contract-document.builder';
import { ContractAssignmentEntity } from './entities/contract-assignment.entity';
import { ContractEntity, ContractStatus } from './entities/contract.entity';

export type CoveredAssignment = ContractAssignmentEntity & { assignment: AssignmentWithRequest };

export interface ContractFilter {
  expertId?: string;
  status?: ContractStatus;
  organisationId?: string;
  assignmentId?: string;
  // A Helsinki date: the status filter is by the state as of this day.
  today: string;
  limit: number;
  offset: number;
}

// The fee terms the contract states; never the encrypted identity code or IBANs.
export interface PayeeTerms {
  dateOfBirth: string | null;
  payee: string;
  declinesFee: boolean;
  associationName: string | null;
}

// What a contract is inserted with; the rest takes its default.
export type NewContractRow = Pick<
  ContractEntity,
  | 'number'
  | 'version'
  | 'expertId'
  | 'organisationId'
  | 'validFrom'
  | 'validUntil'
  | 'language'
  | 'status'
  | 'createdBy'
>;

// Built once: the contract's columns come from its entity's metadata (`entityColumns`).
let insertContractText: string | undefined;
function insertContractSql(manager: EntityManager): string {
  insertContractText ??= `WITH c AS (
        INSERT INTO contracts (number, version, expert_id, organisation_id, valid_from, valid_until, language, status,
                               created_by)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *),
      linked AS (INSERT INTO contract_assignments (contract_id, assignment_id) SELECT c.id, unnest($10::uuid[]) FROM c)
      SELECT ${entityColumns(manager, ContractEntity, 'c')} FROM c`;
  return insertContractText;
}

@Injectable()
export class ContractsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // A new contract, read back whole (but its PDF), and linked to `assignmentIds` in the same statement: plain SQL
  // of one constant text (booking drafts one inside every acceptance; the ORM's save cost several times the
  // statement). The link's trigger sees the contract inserted beside it, so it still refuses another expert's
  // assignment and still sets `live` from the contract's state.
  async insert(manager: EntityManager, c: NewContractRow, assignmentIds: string[] = []): Promise<ContractEntity> {
    const [row] = (await manager.query(insertContractSql(manager), [
      c.number,
      c.version,
      c.expertId,
      c.organisationId,
      c.validFrom,
      c.validUntil,
      c.language,
      c.status,
      c.createdBy,
      assignmentIds,
    ])) as ContractEntity[];
    return Object.assign(new ContractEntity(), row);
  }

  // `from`: change it only while it still has that status (the database triggers guard the rest).
  async updateContract(
    manager: EntityManager,
    id: string,
    changes: Partial<ContractEntity>,
    from?: ContractStatus,
  ): Promise<void> {
    await manager.update(ContractEntity, from ? { id, status: from } : { id }, changes);
  }

  async nextVersion(manager: EntityManager, number: string): Promise<number> {
    const [row] = (await manager.query(
      `SELECT COALESCE(MAX(version), 0)::int + 1 AS v FROM contracts WHERE number = $1`,
      [number],
    )) as { v: number }[];
    return row.v;
  }

  findContract(id: string, manager: EntityManager = this.dataSource.manager): Promise<ContractEntity | null> {
    return manager.findOne(ContractEntity, {
      where: { id },
      relations: { expert: { user: true }, organisation: true, signedCopy: true },
    });
  }

  // Serialises approval, signing, revision and termination of one contract.
  lockContract(manager: EntityManager, id: string): Promise<ContractEntity | null> {
    return manager.findOne(ContractEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  lockContracts(manager: EntityManager, ids: string[]): Promise<ContractEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return manager.find(ContractEntity, {
      where: { id: In(ids) },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async findPdf(id: string): Promise<Buffer | null> {
    const row = await this.dataSource
      .getRepository(ContractEntity)
      .createQueryBuilder('c')
      .select('c.id')
      .addSelect('c.pdf')
      .where('c.id = :id', { id })
      .getOne();
    return row?.pdf ?? null;
  }

  async findSignedCopyPdf(contractId: string): Promise<Buffer | null> {
    const [row] = await this.dataSource.query<{ pdf: Buffer }[]>(
      `SELECT pdf FROM contract_signed_copies WHERE contract_id = $1`,
      [contractId],
    );
    return row?.pdf ?? null;
  }

  // The rendered PDF lands only on an approved contract without one; returns whether this call stored it.
  async storePdf(manager: EntityManager, id: string, pdf: Buffer, sha256: string): Promise<boolean> {
    const stored = await manager
      .createQueryBuilder()
      .update(ContractEntity)
      .set({ pdf, pdfSha256: sha256 })
      .where('id = :id AND status = :approved AND pdf IS NULL', { id, approved: ContractStatus.Approved })
      .execute();
    return Boolean(stored.affected);
  }

  // One signed copy a contract: returns whether this call stored it (a duplicate job loses the insert).
  async storeSignedCopy(
    manager: EntityManager,
    copy: { contractId: string; approvedSha256: string; approvedBytes: number; pdf: Buffer; sha256: string },
  ): Promise<boolean> {
    const stored: unknown[] = await manager.query(
      `INSERT INTO contract_signed_copies (contract_id, approved_sha256, approved_bytes, pdf, sha256) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (contract_id) DO NOTHING RETURNING contract_id`,
      [copy.contractId, copy.approvedSha256, copy.approvedBytes, copy.pdf, copy.sha256],
    );
    return stored.length > 0;
  }

  findPage(filter: ContractFilter): Promise<[ContractEntity[], number]> {
    const qb = this.dataSource
      .getRepository(ContractEntity)
      .createQueryBuilder('c')
      .leftJoinAndSelect('c.expert', 'e')
      .leftJoinAndSelect('e.user', 'u')
      .leftJoinAndSelect('c.organisation', 'o')
      .leftJoinAndSelect('c.signedCopy', 'sc');
    if (filter.expertId) qb.andWhere('c.expert_id = :expertId', { expertId: filter.expertId });
    // By the state as of today (see statusOn): a signed contract past its last day is listed as expired.
    if (filter.status === ContractStatus.Signed)
      qb.andWhere(`c.status = 'signed' AND c.valid_until >= :today`, { today: filter.today });
    else if (filter.status === ContractStatus.Expired)
      qb.andWhere(`(c.status = 'expired' OR (c.status = 'signed' AND c.valid_until < :today))`, {
        today: filter.today,
      });
    else if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
    if (filter.organisationId)
      qb.andWhere('c.organisation_id = :organisationId', { organisationId: filter.organisationId });
    if (filter.assignmentId) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM contract_assignments ca WHERE ca.contract_id = c.id AND ca.assignment_id = :assignmentId)',
        {
          assignmentId: filter.assignmentId,
        },
      );
    }
    // Every contract joins one expert, one user, one organisation and at most one signed copy: LIMIT/OFFSET is exact.
    return qb
      .orderBy('c.createdAt', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .limit(filter.limit)
      .offset(filter.offset)
      .getManyAndCount();
  }

  // The assignments of many contracts in one query, with the order each belongs to.
  async coverages(
    contractIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, CoveredAssignment[]>> {
    const rows =
      contractIds.length === 0
        ? []
        : ((await manager.find(ContractAssignmentEntity, {
            where: { contractId: In(contractIds) },
            relations: { assignment: { request: true } },
          })) as CoveredAssignment[]);
    const byContract = new Map<string, CoveredAssignment[]>(contractIds.map((id) => [id, []]));
    for (const row of rows.sort((a, b) => a.assignment.startsAt.getTime() - b.assignment.startsAt.getTime())) {
      byContract.get(row.contractId)!.push(row);
    }
    return byContract;
  }

  async coveredAssignmentIds(manager: EntityManager, contractId: string): Promise<string[]> {
    return (
      await manager.find(ContractAssignmentEntity, { where: { contractId }, select: { assignmentId: true } })
    ).map((r) => r.assignmentId);
  }

  findAssignments(manager: EntityManager, ids: string[]): Promise<AssignmentWithRequest[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return manager.find(AssignmentEntity, { where: { id: In(ids) }, relations: { request: true } }) as Promise<
      AssignmentWithRequest[]
    >;
  }

  findAssignment(id: string): Promise<AssignmentWithRequest | null> {
    return this.dataSource.manager.findOne(AssignmentEntity, {
      where: { id },
      relations: { request: true },
    }) as Promise<AssignmentWithRequest | null>;
  }

  // Which live contracts cover any of these assignments (at most one each, by the unique index).
  liveCoverage(manager: EntityManager, assignmentIds: string[]): Promise<ContractAssignmentEntity[]> {
    if (assignmentIds.length === 0) return Promise.resolve([]);
    return manager.find(ContractAssignmentEntity, { where: { assignmentId: In(assignmentIds), live: true } });
  }

  // The contract an orderer is told of: a new version on its way (after a change of time, say) before the one it
  // will replace, which still covers the work until the new one is signed; else the one covering the work.
  async currentContractOf(assignmentId: string): Promise<ContractEntity | null> {
    const rows = await this.dataSource.manager.find(ContractAssignmentEntity, {
      where: { assignmentId },
      relations: { contract: true },
    });
    const pending = rows.find(
      (r) => !r.live && [ContractStatus.Draft, ContractStatus.Approved].includes(r.contract!.status),
    );
    return (pending ?? rows.find((r) => r.live))?.contract ?? null;
  }

  // The contracts still in force or on their way to it that cover this assignment, pending revisions included
  // (their coverage is not live until signed); revisions first, the order in which signing locks them.
  async unendedCovering(manager: EntityManager, assignmentId: string): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT c.id FROM contract_assignments ca JOIN contracts c ON c.id = ca.contract_id
        WHERE ca.assignment_id = $1 AND c.status IN ('draft', 'approved', 'signed')
        ORDER BY c.supersedes_id IS NULL, c.id`,
      [assignmentId],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  // The expert's contracts never signed that still hold content: awaiting approval or signature, or terminated
  // before a signature. Revisions before the versions they replace (as unendedCovering orders them, so that the
  // locks are taken in the same order).
  async unsignedOf(manager: EntityManager, expertId: string): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT id FROM contracts
        WHERE expert_id = $1 AND signed_at IS NULL
          AND (status IN ('draft', 'approved') OR (status = 'terminated' AND (snapshot IS NOT NULL OR pdf IS NOT NULL)))
        ORDER BY supersedes_id IS NULL, id`,
      [expertId],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  // A draft says nothing yet: it simply stops listing work that was cancelled.
  async releaseFromDraft(manager: EntityManager, contractId: string, assignmentId: string): Promise<void> {
    await manager.delete(ContractAssignmentEntity, { contractId, assignmentId });
  }

  async addAssignments(manager: EntityManager, contractId: string, assignmentIds: string[]): Promise<void> {
    await manager.insert(
      ContractAssignmentEntity,
      assignmentIds.map((assignmentId) => ({ contractId, assignmentId })),
    );
  }

  // accepted → confirmed: a signed contract now covers them.
  async confirmAssignments(manager: EntityManager, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const result = await manager
      .createQueryBuilder()
      .update(AssignmentEntity)
      .set({ status: AssignmentStatus.Confirmed })
      .where('id IN (:...ids) AND status = :accepted', { ids, accepted: AssignmentStatus.Accepted })
      .returning(['id'])
      .execute();
    return (result.raw as { id: string }[]).map((r) => r.id);
  }

  // confirmed → accepted for work not yet started that no signed contract covers any more (after a termination
  // or a new version without it): an assignment is confirmed only under a signed contract.
  async unconfirmUncovered(manager: EntityManager, ids: string[], now: Date): Promise<string[]> {
    if (ids.length === 0) return [];
    const result = await manager
      .createQueryBuilder()
      .update(AssignmentEntity)
      .set({ status: AssignmentStatus.Accepted })
      .where('id IN (:...ids) AND status = :confirmed AND starts_at > :now', {
        ids,
        confirmed: AssignmentStatus.Confirmed,
        now,
      })
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM contract_assignments ca JOIN contracts c ON c.id = ca.contract_id
           WHERE ca.assignment_id = assignments.id AND ca.live AND c.status IN ('signed', 'expired'))`,
      )
      .returning(['id'])
      .execute();
    return (result.raw as { id: string }[]).map((r) => r.id);
  }

  // What a new contract is drafted from, in one statement: the expert's own language and the languages they work
  // in (its language is chosen from them), and, when `numbered`, the next number of the contract sequence.
  async findDraftingFacts(
    manager: EntityManager,
    expertId: string,
    numbered: boolean,
  ): Promise<{ language: Language; languages: string[]; sequence: number | null } | null> {
    const [row] = (await manager.query(
      `SELECT u.language, e.languages, CASE WHEN $2 THEN nextval('contract_number_seq')::int END AS sequence
         FROM experts e JOIN users u ON u.id = e.user_id WHERE e.user_id = $1`,
      [expertId, numbered],
    )) as { language: Language; languages: string[]; sequence: number | null }[];
    return row ?? null;
  }

  findExpert(manager: EntityManager, expertId: string): Promise<(ExpertEntity & { user: UserEntity }) | null> {
    // One query (findOne with a relation adds a DISTINCT query for its LIMIT 1).
    return manager
      .createQueryBuilder(ExpertEntity, 'e')
      .leftJoinAndSelect('e.user', 'user')
      .where('e.user_id = :expertId', { expertId })
      .getOne() as Promise<(ExpertEntity & { user: UserEntity }) | null>;
  }

  async payeeTerms(manager: EntityManager, expertId: string): Promise<PayeeTerms | null> {
    return manager.findOne(PaymentDetailsEntity, {
      where: { expertId },
      select: { expertId: true, dateOfBirth: true, payee: true, declinesFee: true, associationName: true },
    });
  }

  async municipalityNames(manager: EntityManager, codes: (string | null)[]): Promise<Map<string, LocalName>> {
    const wanted = [...new Set(codes.filter((c): c is string => !!c))];
    const rows = wanted.length === 0 ? [] : await manager.findBy(MunicipalityEntity, { code: In(wanted) });
    return new Map(rows.map((m) => [m.code, { fi: m.nameFi, sv: m.nameSv }]));
  }

  findOrganisation(manager: EntityManager, id: string): Promise<OrganisationEntity | null> {
    return manager.findOneBy(OrganisationEntity, { id });
  }

  findUser(manager: EntityManager, id: string): Promise<UserEntity | null> {
    return manager.findOneBy(UserEntity, { id });
  }

  async passwordHashOf(userId: string): Promise<string | null> {
    const user = await this.dataSource.manager.findOne(UserEntity, {
      where: { id: userId },
      select: { id: true, passwordHash: true },
    });
    return user?.passwordHash ?? null;
  }

  // Signed contracts whose last day is before today end by themselves.
  async expireEnded(manager: EntityManager, today: string): Promise<string[]> {
    const result = await manager
      .createQueryBuilder()
      .update(ContractEntity)
      .set({ status: ContractStatus.Expired })
      .where('status = :signed AND valid_until < :today', { signed: ContractStatus.Signed, today })
      .returning(['id'])
      .execute();
    return (result.raw as { id: string }[]).map((r) => r.id);
  }

  async approvedWithoutPdf(approvedBefore: Date): Promise<string[]> {
    const rows = await this.dataSource.manager.find(ContractEntity, {
      where: { status: ContractStatus.Approved, pdfSha256: IsNull(), approvedAt: LessThan(approvedBefore) },
      select: { id: true },
      take: 500,
    });
    return rows.map((r) => r.id);
  }

  // Signed before the cutoff and still without a signed copy (its job never reached Redis, or failed for good).
  async signedWithoutCopy(signedBefore: Date): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT c.id FROM contracts c
        WHERE c.signed_at IS NOT NULL AND c.signed_at < $1
          AND NOT EXISTS (SELECT 1 FROM contract_signed_copies s WHERE s.contract_id = c.id)
        LIMIT 500`,
      [signedBefore],
    );
    return rows.map((r) => r.id);
  }
}
