import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { ExpertEntity } from '../experts/entities/expert.entity';
import { AssignmentEntity, AssignmentStatus } from './entities/assignment.entity';
import { BookingRequestEntity, RequestStatus } from './entities/booking-request.entity';
import { OfferEntity, OfferStatus } from './entities/offer.entity';

const ASSIGNMENTS_OF_ORDERS_SQL = `
  SELECT a.id, a.request_id AS "requestId", a.offer_id AS "offerId", a.expert_id AS "expertId", a.status, a.starts_at AS "startsAt",
         a.ends_at AS "endsAt", a.cancelled_at AS "cancelledAt", a.cancelled_by_party AS "cancelledByParty", a.cancelled_by AS "cancelledBy",
         a.cancel_reason AS "cancelReason", a.fee_due AS "feeDue", a.completed_at AS "completedAt", a.completed_by AS "completedBy",
         a.created_at AS "createdAt", a.updated_at AS "updatedAt",
         e.languages, e.topics, e.topics_consent_at AS "topicsConsentAt", e.home_municipality AS "homeMunicipality", u.name
    FROM assignments a JOIN experts e ON e.user_id = a.expert_id JOIN users u ON u.id = a.expert_id
   WHERE a.request_id = ANY($1::uuid[])
   ORDER BY a.created_at, a.id`;

type AssignmentOfOrderRow = Omit<AssignmentEntity, 'expert' | 'request'> &
  Pick<ExpertEntity, 'languages' | 'topics' | 'topicsConsentAt' | 'homeMunicipality'> & { name: string };

export const HOLDING_STATUSES = [AssignmentStatus.Accepted, AssignmentStatus.Confirmed];

@Injectable()
export class BookingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findRequest(id: string, manager: EntityManager = this.dataSource.manager): Promise<BookingRequestEntity | null> {
    return manager.findOneBy(BookingRequestEntity, { id });
  }

  // Serialises acceptances of one request: the N-th and the (N+1)-th cannot both see room left.
  lockRequest(manager: EntityManager, id: string): Promise<BookingRequestEntity | null> {
    return manager.findOne(BookingRequestEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  // Serialises bookings of one expert. Without it, two transactions inserting overlapping assignments for the
  // same expert each wait in the exclusion constraint for the other and deadlock; with it, the second inserts
  // only after the first has committed, and meets the constraint at once. Always taken after lockRequest:
  // the order is request, then expert, everywhere an assignment is made.
  async lockExpert(manager: EntityManager, expertId: string): Promise<void> {
    await manager.query('SELECT 1 FROM experts WHERE user_id = $1 FOR NO KEY UPDATE', [expertId]);
  }

  findRequests(filter: { memberId?: string; status?: RequestStatus; limit: number; offset: number }): Promise<[BookingRequestEntity[], number]> {
    const qb = this.dataSource.getRepository(BookingRequestEntity).createQueryBuilder('r');
    if (filter.memberId) {
      qb.where('r.organisation_id IN (SELECT organisation_id FROM organisation_members WHERE user_id = :memberId)', {
        memberId: filter.memberId,
      });
    }
    if (filter.status) qb.andWhere('r.status = :status', { status: filter.status });
    return qb.orderBy('r.startsAt', 'ASC').addOrderBy('r.id', 'ASC').limit(filter.limit).offset(filter.offset).getManyAndCount();
  }

  // The assignments an order shows, with only what it shows of the expert (a name, not the user's row). Plain SQL
  // of one constant text: the ORM rebuilt the same statement from its metadata on every call of the order list.
  async findAssignmentsOf(requestIds: string[]): Promise<AssignmentEntity[]> {
    if (requestIds.length === 0) return [];
    const rows: AssignmentOfOrderRow[] = await this.dataSource.query(ASSIGNMENTS_OF_ORDERS_SQL, [requestIds]);
    return rows.map(({ languages, topics, topicsConsentAt, homeMunicipality, name, ...a }) =>
      Object.assign(new AssignmentEntity(), a, { expert: Object.assign(new ExpertEntity(), { userId: a.expertId, languages, topics, topicsConsentAt, homeMunicipality, user: { name } }) }),
    );
  }

  countHolding(manager: EntityManager, requestId: string): Promise<number> {
    return manager.countBy(AssignmentEntity, { requestId, status: In(HOLDING_STATUSES) });
  }

  countNonCancelled(manager: EntityManager, requestId: string): Promise<number> {
    return manager.countBy(AssignmentEntity, {
      requestId,
      status: In([...HOLDING_STATUSES, AssignmentStatus.Completed, AssignmentStatus.NotHeld]),
    });
  }

  findOffer(id: string, manager: EntityManager = this.dataSource.manager): Promise<(OfferEntity & { request: BookingRequestEntity }) | null> {
    return manager.findOne(OfferEntity, { where: { id }, relations: { request: true } }) as Promise<
      (OfferEntity & { request: BookingRequestEntity }) | null
    >;
  }

  findOffersOfExpert(expertId: string, status?: OfferStatus): Promise<(OfferEntity & { request: BookingRequestEntity })[]> {
    return this.dataSource.getRepository(OfferEntity).find({
      where: { expertId, status },
      relations: { request: true },
      order: { deadline: 'ASC' },
    }) as Promise<(OfferEntity & { request: BookingRequestEntity })[]>;
  }

  findLiveOffers(manager: EntityManager, requestId: string): Promise<OfferEntity[]> {
    return manager.findBy(OfferEntity, { requestId, status: OfferStatus.Offered });
  }

  findAssignment(id: string, manager: EntityManager = this.dataSource.manager): Promise<(AssignmentEntity & { request: BookingRequestEntity }) | null> {
    return manager.findOne(AssignmentEntity, { where: { id }, relations: { request: true, expert: { user: true } } }) as Promise<
      (AssignmentEntity & { request: BookingRequestEntity }) | null
    >;
  }

  findAssignmentsOfExpert(expertId: string): Promise<(AssignmentEntity & { request: BookingRequestEntity })[]> {
    return this.dataSource.getRepository(AssignmentEntity).find({
      where: { expertId },
      relations: { request: true, expert: { user: true } },
      order: { startsAt: 'ASC' },
    }) as Promise<(AssignmentEntity & { request: BookingRequestEntity })[]>;
  }

  holdsOverlapping(expertId: string, startsAt: Date, endsAt: Date): Promise<boolean> {
    return this.dataSource
      .query(
        `SELECT 1 FROM assignments WHERE expert_id = $1 AND status IN ('accepted', 'confirmed')
            AND tstzrange(starts_at, ends_at, '[)') && tstzrange($2, $3, '[)') LIMIT 1`,
        [expertId, startsAt, endsAt],
      )
      .then((rows: unknown[]) => rows.length > 0);
  }

  isMember(organisationId: string, userId: string): Promise<boolean> {
    return this.dataSource
      .query(`SELECT 1 FROM organisation_members WHERE organisation_id = $1 AND user_id = $2`, [organisationId, userId])
      .then((rows: unknown[]) => rows.length > 0);
  }
}
