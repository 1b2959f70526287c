import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, DeepPartial, EntityManager, IsNull } from 'typeorm';
import { DirectoryQuery } from './dto/directory.query';
import { ExpertEntity, ExpertStatus } from './entities/expert.entity';
import { PaymentDetailsEntity } from './entities/payment-details.entity';
import { TopicEntity } from './entities/topic.entity';
import { containing } from '../../common/database/like-pattern';

const SORT_COLUMNS = { name: 'u.name', createdAt: 'e.createdAt', status: 'e.status' } as const;

@Injectable()
export class ExpertsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(userId: string): Promise<ExpertEntity | null> {
    return this.dataSource.getRepository(ExpertEntity).findOne({ where: { userId }, relations: { user: true } });
  }

  findPaymentDetails(expertId: string): Promise<PaymentDetailsEntity | null> {
    return this.dataSource.getRepository(PaymentDetailsEntity).findOneBy({ expertId });
  }

  // With the ciphertexts, which no other read loads: only for the audited path to the clear values.
  findPaymentDetailsWithSecrets(expertId: string): Promise<PaymentDetailsEntity | null> {
    return this.dataSource
      .getRepository(PaymentDetailsEntity)
      .createQueryBuilder('pd')
      .addSelect(['pd.ibanEncrypted', 'pd.identityCodeEncrypted', 'pd.associationIbanEncrypted'])
      .where('pd.expertId = :expertId', { expertId })
      .getOne();
  }

  // One query whatever the filters; the credential filters read the credentials table by EXISTS.
  findDirectoryPage(q: DirectoryQuery): Promise<[ExpertEntity[], number]> {
    const qb = this.dataSource.getRepository(ExpertEntity).createQueryBuilder('e').innerJoinAndSelect('e.user', 'u');
    if (q.status) qb.andWhere('e.status = :status', { status: q.status });
    if (q.topic) qb.andWhere(':topic = ANY(e.topics)', { topic: q.topic });
    if (q.language) qb.andWhere(':language = ANY(e.languages)', { language: q.language });
    if (q.municipality) {
      qb.andWhere(
        new Brackets((w) =>
          w.where('e.home_municipality = :m', { m: q.municipality }).orWhere(':m = ANY(e.travel_municipalities)'),
        ),
      );
    }
    if (q.taskType) qb.andWhere(':taskType = ANY(e.task_types)', { taskType: q.taskType });
    if (q.search) {
      const like = containing(q.search);
      qb.andWhere(new Brackets((w) => w.where('u.name ILIKE :like', { like }).orWhere('u.email ILIKE :like')));
    }
    if (q.credentialState === 'none') {
      qb.andWhere('NOT EXISTS (SELECT 1 FROM training_credentials cs WHERE cs.expert_id = e.user_id)');
    } else if (q.credentialState) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM training_credentials cs WHERE cs.expert_id = e.user_id AND cs.status = :credentialState)',
        { credentialState: q.credentialState },
      );
    }
    if (q.credentialType || q.verified !== undefined) {
      const conditions = ['c.expert_id = e.user_id'];
      if (q.credentialType) conditions.push('c.type = :credentialType');
      if (q.verified !== undefined) conditions.push(`c.status = 'verified'`);
      const exists = `EXISTS (SELECT 1 FROM training_credentials c WHERE ${conditions.join(' AND ')})`;
      qb.andWhere(q.verified === false ? `NOT ${exists}` : exists, { credentialType: q.credentialType });
    }
    return (
      qb
        .orderBy(SORT_COLUMNS[q.sort], q.order === 'desc' ? 'DESC' : 'ASC')
        .addOrderBy('e.userId', 'ASC')
        // One user per expert: plain LIMIT/OFFSET is exact (no join fan-out).
        .limit(q.limit)
        .offset(q.offset)
        .getManyAndCount()
    );
  }

  // Each expert's certificates by state, for one page of the directory.
  async credentialCounts(
    expertIds: string[],
  ): Promise<Map<string, { pending: number; verified: number; rejected: number }>> {
    const rows: { expertId: string; pending: number; verified: number; rejected: number }[] = expertIds.length
      ? await this.dataSource.query(
          `SELECT expert_id AS "expertId", count(*) FILTER (WHERE status = 'pending')::int AS pending,
                  count(*) FILTER (WHERE status = 'verified')::int AS verified, count(*) FILTER (WHERE status = 'rejected')::int AS rejected
             FROM training_credentials WHERE expert_id = ANY($1::uuid[]) GROUP BY expert_id`,
          [expertIds],
        )
      : [];
    return new Map(rows.map(({ expertId, ...counts }) => [expertId, counts]));
  }

  // Guarded by the old status: of two concurrent moves, one wins and the other changes nothing (false).
  async moveStatus(
    manager: EntityManager,
    userId: string,
    from: ExpertStatus,
    changes: Partial<ExpertEntity>,
  ): Promise<boolean> {
    const result = await manager.update(ExpertEntity, { userId, status: from }, changes);
    return Boolean(result.affected);
  }

  // Work the expert is still expected at: accepted or confirmed, not yet ended. Read after the caller locked the
  // expert's row, which every booking of the expert also locks (request, then expert), so none slips in between.
  async countBookedAhead(manager: EntityManager, userId: string, now: Date): Promise<number> {
    const [{ count }] = (await manager.query(
      `SELECT count(*)::int AS count FROM assignments
        WHERE expert_id = $1 AND status IN ('accepted', 'confirmed') AND ends_at > $2`,
      [userId, now],
    )) as { count: number }[];
    return count;
  }

  // The expert's offers still awaiting an answer are withdrawn (as booking withdraws offers that can no longer lead
  // anywhere); returns their ids. After the expert's row lock, as an acceptance takes the offer's after it.
  async withdrawOpenOffers(manager: EntityManager, userId: string, at: Date): Promise<string[]> {
    const [rows] = (await manager.query(
      `UPDATE offers SET status = 'withdrawn', answered_at = $2 WHERE expert_id = $1 AND status = 'offered' RETURNING id`,
      [userId, at],
    )) as [{ id: string }[], number];
    return rows.map((r) => r.id);
  }

  async update(manager: EntityManager, userId: string, changes: Partial<ExpertEntity>): Promise<void> {
    await manager.update(ExpertEntity, { userId }, changes);
  }

  // The first request stands: a repeated one keeps its time.
  // True when this call made the request; false when one was already on file (the first one's time stays).
  async markErasureRequested(manager: EntityManager, userId: string, at: Date): Promise<boolean> {
    const result = await manager.update(
      ExpertEntity,
      { userId, erasureRequestedAt: IsNull() },
      { erasureRequestedAt: at },
    );
    return (result.affected ?? 0) > 0;
  }

  async savePaymentDetails(
    manager: EntityManager,
    details: DeepPartial<PaymentDetailsEntity>,
  ): Promise<PaymentDetailsEntity> {
    await manager.upsert(PaymentDetailsEntity, details as PaymentDetailsEntity, ['expertId']);
    return manager.findOneByOrFail(PaymentDetailsEntity, { expertId: details.expertId as string });
  }

  findTopics(): Promise<TopicEntity[]> {
    return this.dataSource.getRepository(TopicEntity).find({ order: { code: 'ASC' } });
  }

  unknownTopics(codes: string[]): Promise<string[]> {
    return this.unknownCodes(codes, 'topics');
  }

  unknownMunicipalities(codes: string[]): Promise<string[]> {
    return this.unknownCodes(codes, 'municipalities');
  }

  private async unknownCodes(codes: string[], table: 'topics' | 'municipalities'): Promise<string[]> {
    if (codes.length === 0) return [];
    const rows: { code: string }[] = await this.dataSource.query(
      `SELECT c AS code FROM unnest($1::varchar[]) AS c WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.code = c)`,
      [codes],
    );
    return rows.map((r) => r.code);
  }
}
