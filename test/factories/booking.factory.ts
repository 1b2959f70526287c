import { DataSource } from 'typeorm';
import { TaskType } from '../../src/common/domain/task-type';
import { AssignmentEntity, AssignmentStatus, CancelledBy } from '../../src/modules/booking/entities/assignment.entity';
import { BookingRequestEntity, RequestStatus } from '../../src/modules/booking/entities/booking-request.entity';
import { OfferEntity, OfferStatus } from '../../src/modules/booking/entities/offer.entity';

export interface RequestOverrides {
  status?: RequestStatus;
  title?: string;
  description?: string;
  startsAt?: string;
  endsAt?: string;
  remote?: boolean;
  municipality?: string | null;
  address?: string | null;
  languages?: string[];
  topics?: string[];
  expertsNeeded?: number;
}

// Straight into the tables, for tests that need orders, offers and assignments as a given (the flows
// themselves are tested over HTTP in test/api/booking/booking.ts).
export async function createRequest(
  db: DataSource,
  organisationId: string,
  createdBy: string,
  overrides: RequestOverrides = {},
): Promise<BookingRequestEntity> {
  const status = overrides.status ?? RequestStatus.Submitted;
  const remote = overrides.remote ?? false;
  return db.getRepository(BookingRequestEntity).save({
    organisationId,
    costCentre: 'TEST',
    createdBy,
    status,
    taskType: TaskType.WorkingGroup,
    title: overrides.title ?? 'Asiakasraati',
    description: overrides.description ?? '',
    startsAt: new Date(overrides.startsAt ?? '2026-10-20T07:00:00Z'),
    endsAt: new Date(overrides.endsAt ?? '2026-10-20T09:00:00Z'),
    remote,
    municipality: overrides.municipality === undefined ? (remote ? null : '905') : overrides.municipality,
    address: overrides.address === undefined ? (remote ? null : 'Hietalahdenkatu 2') : overrides.address,
    languages: overrides.languages ?? ['fi'],
    topics: overrides.topics ?? [],
    expertsNeeded: overrides.expertsNeeded ?? 1,
    preparationMinutes: 0,
    submittedAt: status === RequestStatus.Draft ? null : new Date(),
    cancelledAt: status === RequestStatus.Cancelled ? new Date() : null,
  });
}

export async function createOffer(
  db: DataSource,
  request: Pick<BookingRequestEntity, 'id'>,
  expertId: string,
  offeredBy: string,
  overrides: { deadline?: string; status?: OfferStatus } = {},
): Promise<OfferEntity> {
  return db.getRepository(OfferEntity).save({
    requestId: request.id,
    expertId,
    offeredBy,
    deadline: new Date(overrides.deadline ?? '2026-10-10T12:00:00Z'),
    status: overrides.status ?? OfferStatus.Offered,
  });
}

// An assignment over the request's time unless told otherwise.
export async function createAssignment(
  db: DataSource,
  request: Pick<BookingRequestEntity, 'id' | 'startsAt' | 'endsAt'>,
  expertId: string,
  overrides: { status?: AssignmentStatus; startsAt?: string; endsAt?: string } = {},
): Promise<AssignmentEntity> {
  const status = overrides.status ?? AssignmentStatus.Accepted;
  const cancelled = status === AssignmentStatus.Cancelled;
  const finished = status === AssignmentStatus.Completed || status === AssignmentStatus.NotHeld;
  return db.getRepository(AssignmentEntity).save({
    requestId: request.id,
    expertId,
    status,
    startsAt: overrides.startsAt ? new Date(overrides.startsAt) : request.startsAt,
    endsAt: overrides.endsAt ? new Date(overrides.endsAt) : request.endsAt,
    cancelledAt: cancelled ? new Date() : null,
    cancelledByParty: cancelled ? CancelledBy.County : null,
    cancelReason: cancelled ? 'Peruttu' : null,
    completedAt: finished ? request.endsAt : null,
  });
}

// A past assignment of the expert's, in the given state, for a completed two-hour order of the unit's on the `day`th
// day after 1 Aug 2026 (a test numbers its days so that no two of its assignments overlap).
export async function createPastAssignment(
  db: DataSource,
  order: { unitId: string; ordererId: string; expertId: string },
  status: AssignmentStatus,
  day: number,
): Promise<string> {
  const startsAt = new Date(Date.parse('2026-08-01T07:00:00Z') + day * 24 * 3600_000);
  const request = await createRequest(db, order.unitId, order.ordererId, {
    status: RequestStatus.Completed,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
  });
  return (await createAssignment(db, request, order.expertId, { status })).id;
}

// The body of an order as an orderer posts it (POST /booking-requests, or the service's CreateRequestDto): two
// hours of working group on 20 Oct 2026, in Finnish, for one expert with an hour of preparation; in Vaasa, or remote.
const ORDER = {
  taskType: 'working_group',
  title: 'Asiakasraati',
  startsAt: '2026-10-20T07:00:00Z',
  endsAt: '2026-10-20T09:00:00Z',
  languages: ['fi'],
  topics: ['mental_health'],
  expertsNeeded: 1,
  preparationHours: 1,
};

export function requestBody(organisationId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    organisationId,
    ...ORDER,
    remote: false,
    municipality: '905',
    address: 'Hietalahdenkatu 2, Vaasa',
    ...overrides,
  };
}

export function remoteRequestBody(
  organisationId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return { organisationId, ...ORDER, remote: true, ...overrides };
}
