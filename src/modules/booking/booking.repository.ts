import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, DeepPartial, EntityManager, In } from 'typeorm';
import { Role } from '../../common/auth/role.enum';
import { TaskType } from '../../common/domain/task-type';
import { COUNTY_ZONE } from '../../common/i18n/format';
import { Language } from '../../common/i18n/language';
import { ExpertEntity, ExpertStatus } from '../experts/entities/expert.entity';
import { StoredFileEntity } from '../files/entities/stored-file.entity';
import { UserEntity, UserStatus } from '../users/entities/user.entity';
import { AssignmentEntity, AssignmentStatus, AssignmentWithRequest } from './entities/assignment.entity';
import { BookingRequestEntity, RequestStatus } from './entities/booking-request.entity';
import { ShownOffer } from './dto/booking.response';
import { OfferEntity, OfferStatus } from './entities/offer.entity';

export interface FeeEarningWork {
  taskType: TaskType;
  startsAt: Date;
  endsAt: Date;
  preparationMinutes: number;
}

const ASSIGNMENTS_OF_ORDERS_SQL = `
  SELECT a.id, a.request_id AS "requestId", a.offer_id AS "offerId", a.expert_id AS "expertId", a.status, a.starts_at AS "startsAt",
         a.ends_at AS "endsAt", a.cancelled_at AS "cancelledAt", a.cancelled_by_party AS "cancelledByParty", a.cancelled_by AS "cancelledBy",
         a.cancel_reason AS "cancelReason", a.fee_due AS "feeDue",
         a.ceiling_crossing_agreed AS "ceilingCrossingAgreed", a.completed_at AS "completedAt", a.completed_by AS "completedBy",
         a.created_at AS "createdAt", a.updated_at AS "updatedAt",
         e.languages, e.topics, e.topics_consent_at AS "topicsConsentAt", e.home_municipality AS "homeMunicipality", u.name
    FROM assignments a JOIN experts e ON e.user_id = a.expert_id JOIN users u ON u.id = a.expert_id
   WHERE a.request_id = ANY($1::uuid[])
   ORDER BY a.created_at, a.id`;

const ASSIGNMENT_COLUMNS = `id, request_id AS "requestId", offer_id AS "offerId", expert_id AS "expertId", status,
  starts_at AS "startsAt", ends_at AS "endsAt", cancelled_at AS "cancelledAt", cancelled_by_party AS "cancelledByParty",
  cancelled_by AS "cancelledBy", cancel_reason AS "cancelReason", fee_due AS "feeDue",
  ceiling_crossing_agreed AS "ceilingCrossingAgreed", completed_at AS "completedAt", completed_by AS "completedBy", created_at AS "createdAt", updated_at AS "updatedAt"`;

// Every column of booking_requests and offers, named as the entities name them. The acceptances' hot path reads
// them with plain SQL: the ORM's findOne costs three times the CPU of the query itself.
const REQUEST_FIELDS = {
  id: 'id',
  organisationId: 'organisation_id',
  costCentre: 'cost_centre',
  createdBy: 'created_by',
  status: 'status',
  taskType: 'task_type',
  title: 'title',
  description: 'description',
  goal: 'goal',
  audience: 'audience',
  expertRole: 'expert_role',
  startsAt: 'starts_at',
  endsAt: 'ends_at',
  remote: 'remote',
  municipality: 'municipality',
  address: 'address',
  meetingPoint: 'meeting_point',
  remoteTool: 'remote_tool',
  materialUrl: 'material_url',
  materialFileId: 'material_file_id',
  languages: 'languages',
  topics: 'topics',
  expertsNeeded: 'experts_needed',
  preparationMinutes: 'preparation_minutes',
  submittedAt: 'submitted_at',
  cancelledAt: 'cancelled_at',
  cancelledBy: 'cancelled_by',
  cancelReason: 'cancel_reason',
  idempotencyKey: 'idempotency_key',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
} satisfies Record<keyof Omit<BookingRequestEntity, 'organisation' | 'creator' | 'materialFile'>, string>;

const OFFER_FIELDS = {
  id: 'id',
  requestId: 'request_id',
  expertId: 'expert_id',
  status: 'status',
  deadline: 'deadline',
  offeredBy: 'offered_by',
  offeredAt: 'offered_at',
  answeredAt: 'answered_at',
  declineReason: 'decline_reason',
  ceilingAcknowledged: 'ceiling_acknowledged',
} satisfies Record<keyof Omit<OfferEntity, 'request' | 'expert'>, string>;

// `alias.column AS "prefixproperty"` for each field.
function columns(fields: Record<string, string>, alias: string, prefix = ''): string {
  return Object.entries(fields)
    .map(([property, column]) => `${alias}.${column} AS "${prefix}${property}"`)
    .join(', ');
}

const REQUEST_COLUMNS = columns(REQUEST_FIELDS, 'r');

// What an order shows of its material file: never the bytes.
const SHOWN_FILE_FIELDS = {
  originalName: 'original_name',
  mediaType: 'media_type',
  sizeBytes: 'size_bytes',
} satisfies Partial<Record<keyof StoredFileEntity, string>>;

const REQUEST_WITH_FILE_SQL = `SELECT ${REQUEST_COLUMNS}, ${columns(SHOWN_FILE_FIELDS, 'f', 'file.')}
  FROM booking_requests r LEFT JOIN stored_files f ON f.id = r.material_file_id`;

const REQUEST_KEYS = Object.keys(REQUEST_FIELDS);
const FILE_KEYS = Object.keys(SHOWN_FILE_FIELDS).map((property) => [property, `file.${property}`] as const);

// Field by field from the known aliases (every order list maps 50 rows of 30 columns).
function toRequestWithFile(row: Record<string, unknown>): BookingRequestEntity {
  const request = new BookingRequestEntity();
  const fields = request as unknown as Record<string, unknown>;
  for (const key of REQUEST_KEYS) fields[key] = row[key];
  if (request.materialFileId) {
    const file = new StoredFileEntity() as unknown as Record<string, unknown>;
    for (const [property, alias] of FILE_KEYS) file[property] = row[alias];
    request.materialFile = file as unknown as StoredFileEntity;
  }
  return request;
}

const OFFER_WITH_REQUEST_SQL = `SELECT ${columns(OFFER_FIELDS, 'o')}, ${columns(REQUEST_FIELDS, 'r', 'request.')}
  FROM offers o JOIN booking_requests r ON r.id = o.request_id WHERE o.id = $1`;

const LOCK_OFFER_REQUEST_SQL = `${OFFER_WITH_REQUEST_SQL} FOR UPDATE OF r`;

function toOfferWithRequest(row: Record<string, unknown>): OfferEntity & { request: BookingRequestEntity } {
  const offer = new OfferEntity();
  const request = new BookingRequestEntity();
  const offerFields = offer as unknown as Record<string, unknown>;
  const requestFields = request as unknown as Record<string, unknown>;
  for (const key in row) {
    if (key.startsWith('request.')) requestFields[key.slice('request.'.length)] = row[key];
    else offerFields[key] = row[key];
  }
  return Object.assign(offer, { request });
}

const LOCK_REQUEST_SQL = `SELECT ${REQUEST_COLUMNS} FROM booking_requests r WHERE r.id = $1 FOR UPDATE`;

const INSERT_ASSIGNMENT_SQL = `
  INSERT INTO assignments (request_id, offer_id, expert_id, starts_at, ends_at, ceiling_crossing_agreed)
  VALUES ($1, $2, $3, $4, $5, $6)
  RETURNING ${ASSIGNMENT_COLUMNS}`;

const LOCK_EXPERT_SQL = `
  SELECT status, languages, topics, topics_consent_at AS "topicsConsentAt", home_municipality AS "homeMunicipality",
         yearly_earnings_ceiling_cents AS "yearlyEarningsCeilingCents"
    FROM experts WHERE user_id = $1 FOR NO KEY UPDATE`;

// An acceptance's expert lock, and its reads once the request and the expert are locked, in one statement: what a
// booking reads of the expert, the offer's state, the request's holding assignments, and whom to tell. After the
// request's lock, so that its snapshot sees every booking of the request committed before this transaction got
// that lock (a booking of the request needs the request's lock, which this transaction holds).
const LOCK_EXPERT_FOR_ACCEPTANCE_SQL = `
  SELECT e.languages, e.topics, e.topics_consent_at AS "topicsConsentAt", e.home_municipality AS "homeMunicipality",
         e.yearly_earnings_ceiling_cents AS "yearlyEarningsCeilingCents", e.status AS "expertStatus", o.status, o.deadline,
         (SELECT count(*) FROM assignments a
           WHERE a.request_id = o.request_id AND a.status IN ('accepted', 'confirmed'))::int AS holding,
         u.id AS "ordererId", u.email AS "ordererEmail", u.language AS "ordererLanguage"
    FROM offers o JOIN experts e ON e.user_id = o.expert_id
         JOIN booking_requests r ON r.id = o.request_id JOIN users u ON u.id = r.created_by
   WHERE o.id = $1 FOR NO KEY UPDATE OF e`;

// The offer accepted (only while still open), the request's new status, and, when `$6`, the request's other open
// offers withdrawn: one statement. The sub-statements share one snapshot, in which the accepted offer is still
// open, hence the withdrawal's `id <> $1`.
// An acceptance's writes in one statement: the offer accepted if still open, and only then its assignment inserted
// (the exclusion constraint refusing a double booking as for any insert), the request's status set and, when it
// is filled, its other open offers withdrawn.
const ACCEPT_OFFER_SQL = `
  WITH accepted AS (
         UPDATE offers SET status = 'accepted', answered_at = $2, ceiling_acknowledged = $3
          WHERE id = $1 AND status = 'offered' RETURNING id),
       assignment AS (
         INSERT INTO assignments (request_id, offer_id, expert_id, starts_at, ends_at)
         SELECT $4::uuid, accepted.id, $7::uuid, $8::timestamptz, $9::timestamptz FROM accepted
         RETURNING ${ASSIGNMENT_COLUMNS}),
       request AS (
         UPDATE booking_requests SET status = $5, updated_at = CURRENT_TIMESTAMP
          WHERE id = $4 AND EXISTS (SELECT FROM accepted)),
       withdrawn AS (
         UPDATE offers SET status = 'withdrawn', answered_at = $2
          WHERE request_id = $4 AND status = 'offered' AND id <> $1 AND $6 AND EXISTS (SELECT FROM accepted)
         RETURNING id)
  SELECT ARRAY(SELECT id FROM withdrawn) AS withdrawn, assignment.* FROM (VALUES (1)) AS one LEFT JOIN assignment ON true`;

// What a booking reads of the expert it locks: the response's expert part and the earnings ceiling.
export type LockedExpert = Pick<
  ExpertEntity,
  'languages' | 'topics' | 'topicsConsentAt' | 'homeMunicipality' | 'yearlyEarningsCeilingCents'
>;

export interface AcceptanceState {
  // The expert's, read under their lock: one retired or anonymised meanwhile answers nothing.
  expertStatus: ExpertStatus;
  status: OfferStatus;
  deadline: Date;
  // The request's assignments that hold an expert's time.
  holding: number;
  orderer: { userId: string; email: string; language: Language };
}

type AssignmentOfOrderRow = Omit<AssignmentEntity, 'expert' | 'request'> &
  Pick<ExpertEntity, 'languages' | 'topics' | 'topicsConsentAt' | 'homeMunicipality'> & { name: string };

export interface RequestFilter {
  memberId?: string;
  status?: RequestStatus;
  organisationId?: string;
  from?: string;
  to?: string;
  sort?: 'startsAt' | 'newest';
  limit: number;
  offset: number;
}

// A type, not an interface: it goes into an audit row's details as it is.
export type RequestStatusChange = { from: RequestStatus; to: RequestStatus };

export const HOLDING_STATUSES = [AssignmentStatus.Accepted, AssignmentStatus.Confirmed];
const FINISHED = [AssignmentStatus.Completed, AssignmentStatus.NotHeld, AssignmentStatus.Cancelled];

type ShownOfferRow = Omit<ShownOffer, 'request'> & Omit<ShownOffer['request'], 'id'> & { requestId: string };

@Injectable()
export class BookingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // One order with what it shows of its material file: plain SQL of one constant text (read by the order's page,
  // its candidates, its offers and its assignments).
  async findRequest(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<BookingRequestEntity | null> {
    const [row] = (await manager.query(`${REQUEST_WITH_FILE_SQL} WHERE r.id = $1`, [id])) as Record<string, unknown>[];
    return row ? toRequestWithFile(row) : null;
  }

  // The orderer's order made with `key` (the Idempotency-Key of its creation).
  async findRequestByKey(createdBy: string, key: string): Promise<BookingRequestEntity | null> {
    const [row] = (await this.dataSource.query(
      `${REQUEST_WITH_FILE_SQL} WHERE r.created_by = $1 AND r.idempotency_key = $2`,
      [createdBy, key],
    )) as Record<string, unknown>[];
    return row ? toRequestWithFile(row) : null;
  }

  // Serialises acceptances of one request: the N-th and the (N+1)-th cannot both see room left.
  async lockRequest(manager: EntityManager, id: string): Promise<BookingRequestEntity | null> {
    const [row] = (await manager.query(LOCK_REQUEST_SQL, [id])) as BookingRequestEntity[];
    return row ? Object.assign(new BookingRequestEntity(), row) : null;
  }

  // Serialises bookings of one expert. Without it, two transactions inserting overlapping assignments for the
  // same expert each wait in the exclusion constraint for the other and deadlock; with it, the second inserts
  // only after the first has committed, and meets the constraint at once. Always taken after lockRequest:
  // the order is request, then expert, everywhere an assignment is made.
  // Returns what a booking reads of the expert and their status, read under the lock (null: no such expert).
  async lockExpert(
    manager: EntityManager,
    expertId: string,
  ): Promise<(LockedExpert & Pick<ExpertEntity, 'status'>) | null> {
    const [row] = (await manager.query(LOCK_EXPERT_SQL, [expertId])) as (LockedExpert & Pick<ExpertEntity, 'status'>)[];
    return row ?? null;
  }

  // Takes the expert's lock for an acceptance of `offerId` (always after lockRequest) and reads, under it, what the
  // acceptance decides on. Null: no such offer.
  async lockExpertForAcceptance(
    manager: EntityManager,
    offerId: string,
  ): Promise<{ expert: LockedExpert; state: AcceptanceState } | null> {
    const [row] = (await manager.query(LOCK_EXPERT_FOR_ACCEPTANCE_SQL, [offerId])) as (LockedExpert &
      Omit<AcceptanceState, 'orderer'> & { ordererId: string; ordererEmail: string; ordererLanguage: Language })[];
    if (!row) return null;
    const { languages, topics, topicsConsentAt, homeMunicipality, yearlyEarningsCeilingCents, ...rest } = row;
    const { expertStatus, status, deadline, holding, ordererId, ordererEmail, ordererLanguage } = rest;
    return {
      expert: { languages, topics, topicsConsentAt, homeMunicipality, yearlyEarningsCeilingCents },
      state: {
        expertStatus,
        status,
        deadline,
        holding,
        orderer: { userId: ordererId, email: ordererEmail, language: ordererLanguage },
      },
    };
  }

  // The order list's page and its total: plain SQL of a few fixed shapes, with only the material file's name, type
  // and size (the ORM's query builder rebuilt and hydrated the same statement from metadata on every call).
  async findRequests(filter: RequestFilter): Promise<[BookingRequestEntity[], number]> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (filter.memberId)
      where.push(
        `r.organisation_id IN (SELECT organisation_id FROM organisation_members WHERE user_id = ${param(filter.memberId)})`,
      );
    if (filter.status) where.push(`r.status = ${param(filter.status)}::request_status`);
    if (filter.organisationId) where.push(`r.organisation_id = ${param(filter.organisationId)}::uuid`);
    // Days are Helsinki days: an order at 00:30 local time on the 1st starts on the 1st.
    if (filter.from) where.push(`(r.starts_at AT TIME ZONE '${COUNTY_ZONE}')::date >= ${param(filter.from)}::date`);
    if (filter.to) where.push(`(r.starts_at AT TIME ZONE '${COUNTY_ZONE}')::date <= ${param(filter.to)}::date`);
    const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const order = filter.sort === 'newest' ? 'r.created_at DESC, r.id DESC' : 'r.starts_at, r.id';
    const countParams = [...params];
    const [rows, [{ total }]] = (await Promise.all([
      this.dataSource.query(
        `${REQUEST_WITH_FILE_SQL}
           ${whereSql} ORDER BY ${order} LIMIT ${param(filter.limit)} OFFSET ${param(filter.offset)}`,
        params,
      ),
      this.dataSource.query(`SELECT count(*)::int AS total FROM booking_requests r ${whereSql}`, countParams),
    ])) as [Record<string, unknown>[], { total: number }[]];
    return [rows.map(toRequestWithFile), total];
  }

  // The assignments an order shows, with only what it shows of the expert (a name, not the user's row). Plain SQL
  // of one constant text: the ORM rebuilt the same statement from its metadata on every call of the order list.
  async findAssignmentsOf(requestIds: string[]): Promise<AssignmentEntity[]> {
    if (requestIds.length === 0) return [];
    const rows: AssignmentOfOrderRow[] = await this.dataSource.query(ASSIGNMENTS_OF_ORDERS_SQL, [requestIds]);
    return rows.map(({ languages, topics, topicsConsentAt, homeMunicipality, name, ...a }) =>
      Object.assign(new AssignmentEntity(), a, {
        expert: Object.assign(new ExpertEntity(), {
          userId: a.expertId,
          languages,
          topics,
          topicsConsentAt,
          homeMunicipality,
          user: { name },
        }),
      }),
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

  async findOffer(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<(OfferEntity & { request: BookingRequestEntity }) | null> {
    // One query of constant text (findOne with a relation sent a second, DISTINCT query for its LIMIT 1).
    const [row] = (await manager.query(OFFER_WITH_REQUEST_SQL, [id])) as Record<string, unknown>[];
    return row ? toOfferWithRequest(row) : null;
  }

  // An acceptance's first statement: the offer's request locked (as lockRequest does), and the offer read under
  // the lock, found through the offer. Null: no such offer.
  async lockOfferRequest(
    manager: EntityManager,
    offerId: string,
  ): Promise<(OfferEntity & { request: BookingRequestEntity }) | null> {
    const [row] = (await manager.query(LOCK_OFFER_REQUEST_SQL, [offerId])) as Record<string, unknown>[];
    return row ? toOfferWithRequest(row) : null;
  }

  // The experts' assignments, not cancelled, for the orders of these offers, by `expertId/requestId`.
  async findAssignmentsOfOffers(offers: { expertId: string; request: { id: string } }[]): Promise<Map<string, string>> {
    if (offers.length === 0) return new Map();
    const rows: { key: string; id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (a.expert_id, a.request_id) a.expert_id || '/' || a.request_id AS key, a.id
         FROM assignments a
         JOIN unnest($1::uuid[], $2::uuid[]) AS o(expert_id, request_id)
           ON a.expert_id = o.expert_id AND a.request_id = o.request_id
        WHERE a.status <> 'cancelled'
        ORDER BY a.expert_id, a.request_id, a.created_at DESC`,
      [offers.map((o) => o.expertId), offers.map((o) => o.request.id)],
    );
    return new Map(rows.map((r) => [r.key, r.id]));
  }

  async findOffersOfExpert(expertId: string, status?: OfferStatus): Promise<ShownOffer[]> {
    const rows: ShownOfferRow[] = await this.dataSource.query(
      `SELECT o.id, o.status, o.deadline, o.expert_id AS "expertId", r.id AS "requestId", r.task_type AS "taskType",
              r.title, r.description, r.starts_at AS "startsAt", r.ends_at AS "endsAt", r.remote, r.municipality,
              r.address, r.preparation_minutes AS "preparationMinutes"
         FROM offers o JOIN booking_requests r ON r.id = o.request_id
        WHERE o.expert_id = $1 AND ($2::offer_status IS NULL OR o.status = $2::offer_status)
        ORDER BY o.deadline, o.id`,
      [expertId, status ?? null],
    );
    return rows.map(({ id, status, deadline, expertId, requestId, ...request }) => ({
      id,
      status,
      deadline,
      expertId,
      request: { id: requestId, ...request },
    }));
  }

  // The request's open offers (only the one expert's, if given) are withdrawn; returns their ids.
  async withdrawLiveOffers(manager: EntityManager, requestId: string, at: Date, expertId?: string): Promise<string[]> {
    const [rows] = (await manager.query(
      `UPDATE offers SET status = 'withdrawn', answered_at = $2
        WHERE request_id = $1 AND status = 'offered' AND ($3::uuid IS NULL OR expert_id = $3) RETURNING id`,
      [requestId, at, expertId ?? null],
    )) as [{ id: string }[], number];
    return rows.map((r) => r.id);
  }

  findAssignment(id: string, manager: EntityManager = this.dataSource.manager): Promise<AssignmentWithRequest | null> {
    return manager.findOne(AssignmentEntity, {
      where: { id },
      relations: { request: true, expert: { user: true } },
    }) as Promise<AssignmentWithRequest | null>;
  }

  findAssignmentsOfExpert(expertId: string): Promise<AssignmentWithRequest[]> {
    return this.dataSource.getRepository(AssignmentEntity).find({
      where: { expertId },
      relations: { request: true, expert: { user: true } },
      order: { startsAt: 'ASC' },
    }) as Promise<AssignmentWithRequest[]>;
  }

  saveRequest(manager: EntityManager, request: DeepPartial<BookingRequestEntity>): Promise<BookingRequestEntity> {
    return manager.save(BookingRequestEntity, request);
  }

  // Only a draft goes out: false when the request is no longer one.
  async submitDraft(manager: EntityManager, id: string, at: Date): Promise<boolean> {
    const result = await manager.update(
      BookingRequestEntity,
      { id, status: RequestStatus.Draft },
      { status: RequestStatus.Submitted, submittedAt: at },
    );
    return Boolean(result.affected);
  }

  // `from`: change it only while it still has that status. The change made, if any, for the audit log (a state
  // change is a row in it, PRODUCT.md §4).
  setRequestStatus(
    manager: EntityManager,
    id: string,
    status: RequestStatus,
    from?: RequestStatus,
  ): Promise<RequestStatusChange | null> {
    return this.changeRequestStatus(manager, id, status, from ? [from] : null);
  }

  private async changeRequestStatus(
    manager: EntityManager,
    id: string,
    status: RequestStatus,
    from: RequestStatus[] | null,
  ): Promise<RequestStatusChange | null> {
    const rows = (await manager.query(
      `WITH changed AS (
         UPDATE booking_requests r SET status = $2, updated_at = CURRENT_TIMESTAMP
           FROM (SELECT id, status AS was FROM booking_requests WHERE id = $1) o
          WHERE r.id = o.id AND r.status <> $2 AND ($3::request_status[] IS NULL OR r.status = ANY($3))
          RETURNING o.was)
       SELECT was FROM changed`,
      [id, status, from],
    )) as { was: RequestStatus }[];
    return rows[0] ? { from: rows[0].was, to: status } : null;
  }

  // The request is cancelled and every offer still open for it withdrawn.
  async cancelRequest(manager: EntityManager, id: string, at: Date, by: string, reason: string): Promise<void> {
    await manager.update(
      BookingRequestEntity,
      { id },
      { status: RequestStatus.Cancelled, cancelledAt: at, cancelledBy: by, cancelReason: reason },
    );
    await manager.update(
      OfferEntity,
      { requestId: id, status: OfferStatus.Offered },
      { status: OfferStatus.Withdrawn, answeredAt: at },
    );
  }

  // A request whose experts have all finished (and none is still booked) is completed; the change, if any.
  async completeRequestIfDone(manager: EntityManager, requestId: string): Promise<RequestStatusChange | null> {
    const open = await manager.countBy(AssignmentEntity, { requestId, status: In(HOLDING_STATUSES) });
    const finished = await manager.countBy(AssignmentEntity, { requestId, status: In(FINISHED) });
    if (open > 0 || finished === 0) return null;
    return this.changeRequestStatus(manager, requestId, RequestStatus.Completed, [
      RequestStatus.Filled,
      RequestStatus.PartiallyFilled,
      RequestStatus.Matching,
    ]);
  }

  saveOffer(manager: EntityManager, offer: DeepPartial<OfferEntity>): Promise<OfferEntity> {
    return manager.save(OfferEntity, offer);
  }

  // The offer accepted and the request's status set; with `withdrawOthers`, the request's other open offers
  // withdrawn too. One statement; `accepted` is false (and nothing changed) when the offer was answered meanwhile.
  // Null: the offer was declined or expired since it was read (declining and expiry do not take the request's lock).
  async acceptOffer(
    manager: EntityManager,
    a: {
      offerId: string;
      at: Date;
      ceilingAcknowledged: boolean;
      requestStatus: RequestStatus;
      withdrawOthers: boolean;
    },
    work: Pick<AssignmentEntity, 'requestId' | 'expertId' | 'startsAt' | 'endsAt'>,
  ): Promise<{ assignment: AssignmentEntity; withdrawn: string[] } | null> {
    const [{ withdrawn, ...assignment }] = (await manager.query(ACCEPT_OFFER_SQL, [
      a.offerId,
      a.at,
      a.ceilingAcknowledged,
      work.requestId,
      a.requestStatus,
      a.withdrawOthers,
      work.expertId,
      work.startsAt,
      work.endsAt,
    ])) as (AssignmentEntity & { withdrawn: string[] })[];
    return assignment.id === null ? null : { assignment: Object.assign(new AssignmentEntity(), assignment), withdrawn };
  }

  // False when the offer was answered meanwhile.
  async declineOffer(manager: EntityManager, id: string, at: Date, reason: string | null): Promise<boolean> {
    const result = await manager.update(
      OfferEntity,
      { id, status: OfferStatus.Offered },
      { status: OfferStatus.Declined, answeredAt: at, declineReason: reason },
    );
    return Boolean(result.affected);
  }

  // An open offer past its deadline expires; false when it was answered (or is not due yet).
  async expireOffer(manager: EntityManager, offerId: string, now: Date): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(OfferEntity)
      .set({ status: OfferStatus.Expired, answeredAt: now })
      .where('id = :offerId AND status = :offered AND deadline <= :now', { offerId, offered: OfferStatus.Offered, now })
      .execute();
    return Boolean(result.affected);
  }

  // A new assignment, read back whole (every column as the entity has it).
  async insertAssignment(
    manager: EntityManager,
    a: Pick<AssignmentEntity, 'requestId' | 'expertId' | 'startsAt' | 'endsAt'> & {
      offerId?: string | null;
      ceilingCrossingAgreed?: boolean;
    },
  ): Promise<AssignmentEntity> {
    const [row] = (await manager.query(INSERT_ASSIGNMENT_SQL, [
      a.requestId,
      a.offerId ?? null,
      a.expertId,
      a.startsAt,
      a.endsAt,
      a.ceilingCrossingAgreed ?? false,
    ])) as AssignmentEntity[];
    return Object.assign(new AssignmentEntity(), row);
  }

  // False when the assignment is no longer booked (finished or cancelled meanwhile).
  async completeAssignment(
    manager: EntityManager,
    id: string,
    status: AssignmentStatus,
    at: Date,
    by: string,
  ): Promise<boolean> {
    // Completed only from confirmed (its contract signed), a no-show from either holding state.
    const from = status === AssignmentStatus.Completed ? [AssignmentStatus.Confirmed] : HOLDING_STATUSES;
    const result = await manager.update(
      AssignmentEntity,
      { id, status: In(from) },
      { status, completedAt: at, completedBy: by },
    );
    return Boolean(result.affected);
  }

  // The people booking writes to: whoever an offer or a request names, and the active coordinators.
  findUser(manager: EntityManager, id: string): Promise<UserEntity> {
    return manager.findOneByOrFail(UserEntity, { id });
  }

  findActiveUser(manager: EntityManager, id: string): Promise<UserEntity | null> {
    return manager.findOneBy(UserEntity, { id, status: UserStatus.Active });
  }

  findActiveCoordinators(manager: EntityManager): Promise<UserEntity[]> {
    return manager.findBy(UserEntity, { role: Role.Coordinator, status: UserStatus.Active });
  }

  // False when the assignment is no longer booked (finished or cancelled meanwhile).
  async cancelAssignment(
    manager: EntityManager,
    id: string,
    cancellation: Pick<
      AssignmentEntity,
      'cancelledAt' | 'cancelledByParty' | 'cancelledBy' | 'cancelReason' | 'feeDue'
    >,
  ): Promise<boolean> {
    const result = await manager.update(
      AssignmentEntity,
      { id, status: In(HOLDING_STATUSES) },
      { status: AssignmentStatus.Cancelled, ...cancellation },
    );
    return Boolean(result.affected);
  }

  // A change of time the expert accepted. Work confirmed under a signed contract goes back to accepted: that
  // contract states the old time, and its new version confirms the work again once signed. False when the
  // assignment no longer holds the expert (finished or cancelled meanwhile).
  async moveAssignment(manager: EntityManager, id: string, startsAt: Date, endsAt: Date): Promise<boolean> {
    const result = await manager.update(
      AssignmentEntity,
      { id, status: In(HOLDING_STATUSES) },
      { startsAt, endsAt, status: AssignmentStatus.Accepted },
    );
    return Boolean(result.affected);
  }

  findHolding(manager: EntityManager, requestId: string): Promise<AssignmentEntity[]> {
    return manager.findBy(AssignmentEntity, { requestId, status: In(HOLDING_STATUSES) });
  }

  // The expert's work that earns a fee in the county year of `at`: booked, done, or cancelled late with the fee due.
  findFeeEarningWorkOfYear(manager: EntityManager, expertId: string, at: Date): Promise<FeeEarningWork[]> {
    return manager.query(
      `SELECT r.task_type AS "taskType", a.starts_at AS "startsAt", a.ends_at AS "endsAt", r.preparation_minutes AS "preparationMinutes"
         FROM assignments a JOIN booking_requests r ON r.id = a.request_id
        WHERE a.expert_id = $1
          AND (a.status IN ('accepted', 'confirmed', 'completed') OR (a.status = 'cancelled' AND a.fee_due))
          AND date_part('year', a.starts_at AT TIME ZONE '${COUNTY_ZONE}') = date_part('year', $2::timestamptz AT TIME ZONE '${COUNTY_ZONE}')`,
      [expertId, at],
    );
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
