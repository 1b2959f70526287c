import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AssignmentEntity, AssignmentStatus } from './entities/assignment.entity';
import { BookingRequestEntity, RequestStatus } from './entities/booking-request.entity';
import { OfferEntity, OfferStatus } from './entities/offer.entity';

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

  findAssignmentsOf(requestIds: string[]): Promise<AssignmentEntity[]> {
    if (requestIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(AssignmentEntity).find({
      where: { requestId: In(requestIds) },
      relations: { expert: { user: true } },
      order: { createdAt: 'ASC' },
    });
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
}
