import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Role } from '../../../common/auth/role.enum';
import { TaskType } from '../../../common/domain/task-type';
import { AssignmentEntity, AssignmentStatus, CancelledBy } from '../entities/assignment.entity';
import { BookingRequestEntity, RequestStatus } from '../entities/booking-request.entity';
import { OfferEntity, OfferStatus } from '../entities/offer.entity';
import { TimeChangeEntity, TimeChangeStatus } from '../entities/time-change.entity';
import { ContractStatus } from '../../contracts/entities/contract.entity';

// What an orderer may know of an expert, and only once the expert has accepted.
export class AcceptedExpertResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty({ type: [String], description: 'Only topics the expert consented to show' }) topics: string[];
  @ApiProperty({ type: String, nullable: true }) municipality: string | null;
}

// The orderer's proposal to move an assignment; it takes effect only when the expert accepts it.
export class TimeChangeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: TimeChangeStatus, enumName: 'TimeChangeStatus' }) status: TimeChangeStatus;
  @ApiProperty({ format: 'date-time', description: 'The proposed start' }) startsAt: string;
  @ApiProperty({ format: 'date-time', description: 'The proposed end' }) endsAt: string;
  @ApiProperty({ format: 'date-time', description: 'The assignment’s start when proposed' }) fromStartsAt: string;
  @ApiProperty({ format: 'date-time', description: 'The assignment’s end when proposed' }) fromEndsAt: string;
  @ApiProperty({ format: 'date-time' }) proposedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) answeredAt: string | null;
}

export function toTimeChangeResponse(c: TimeChangeEntity): TimeChangeResponse {
  return {
    id: c.id,
    status: c.status,
    startsAt: c.startsAt.toISOString(),
    endsAt: c.endsAt.toISOString(),
    fromStartsAt: c.fromStartsAt.toISOString(),
    fromEndsAt: c.fromEndsAt.toISOString(),
    proposedAt: c.proposedAt.toISOString(),
    answeredAt: c.answeredAt?.toISOString() ?? null,
  };
}

export class AssignmentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty({ enum: AssignmentStatus, enumName: 'AssignmentStatus' }) status: AssignmentStatus;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ type: AcceptedExpertResponse }) expert: AcceptedExpertResponse;
  @ApiPropertyOptional({ enum: CancelledBy, enumName: 'CancelledBy', nullable: true }) cancelledBy: CancelledBy | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description:
      'Why it was cancelled. When the expert withdrew (cancelledBy: expert), their own words may be about their health: ' +
      'only the expert and the coordinator read them; everyone else gets null and only cancelledBy.',
  })
  cancelReason: string | null;
  @ApiProperty({ description: 'Late-cancellation decision: the fee is still due' }) feeDue: boolean;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) completedAt: string | null;
  // What and where, so that the expert's list of assignments reads without a call per row.
  @ApiProperty() title: string;
  @ApiProperty({ enum: TaskType, enumName: 'TaskType' }) taskType: TaskType;
  @ApiProperty() remote: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Municipality code (GET /municipalities)' }) municipality:
    string | null;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
  @ApiProperty() preparationHours: number;
  @ApiProperty({
    type: TimeChangeResponse,
    nullable: true,
    description: 'The latest proposal to change the time: open (waiting for the expert), or the last one answered',
  })
  timeChange: TimeChangeResponse | null;
}

// An assignment as its order shows it: with whether its work is paid, which the order's fee estimate counts.
export class OrderAssignmentResponse extends AssignmentResponse {
  @ApiProperty({
    description: 'No fee is paid for this expert’s work (the fee run pays none to this payee). Why is not told',
  })
  noFeePaid: boolean;
}

export class MaterialFileResponse {
  @ApiProperty({ example: 'ohjelma.pdf' }) fileName: string;
  @ApiProperty({ enum: ['application/pdf', 'image/jpeg', 'image/png'] }) mediaType: string;
  @ApiProperty() sizeBytes: number;
}

export class RequestResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() costCentre: string;
  @ApiProperty({ enum: RequestStatus, enumName: 'RequestStatus' }) status: RequestStatus;
  @ApiProperty({ enum: TaskType, enumName: 'TaskType' }) taskType: TaskType;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty() remote: boolean;
  @ApiProperty({ type: String, nullable: true }) municipality: string | null;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
  @ApiProperty() goal: string;
  @ApiProperty() audience: string;
  @ApiProperty({ description: 'The expert’s role in the event' }) expertRole: string;
  @ApiProperty({ type: String, nullable: true, description: 'Where to meet on site' }) meetingPoint: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The tool of remote work' }) remoteTool: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Material for the expert, as a link' }) materialUrl:
    string | null;
  @ApiProperty({
    type: MaterialFileResponse,
    nullable: true,
    description: 'Material for the expert, as a file: GET /booking-requests/{id}/material',
  })
  materialFile: MaterialFileResponse | null;
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty({ type: [String] }) topics: string[];
  @ApiProperty() expertsNeeded: number;
  @ApiProperty() preparationHours: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'Euro cents per expert before withholding: the booked time and preparation priced by the current fee schedule, as the offer, the contract and the claim price it; null when no rate is in force on the day',
  })
  feeEstimateCents: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'Euro cents before withholding the order is expected to pay, all its experts together: feeEstimateCents for ' +
      'each expert needed, but 0 for a booked expert for whose work no fee is paid (assignments[].noFeePaid); null ' +
      'when no rate is in force on the day',
  })
  feeEstimateTotalCents: number | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The county’s reason for cancelling the order' })
  cancelReason: string | null;
  @ApiProperty({
    type: [OrderAssignmentResponse],
    description: 'An expert’s reason for withdrawing is null here for anyone but the coordinator',
  })
  assignments: OrderAssignmentResponse[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

// What an expert sees of a request: what they need to decide (the work, as the request describes it), nothing
// about other experts.
export class OfferResponse extends PickType(RequestResponse, [
  'taskType',
  'title',
  'description',
  'startsAt',
  'endsAt',
  'remote',
  'municipality',
  'address',
  'preparationHours',
] as const) {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: OfferStatus, enumName: 'OfferStatus' }) status: OfferStatus;
  @ApiProperty({ format: 'date-time' }) deadline: string;
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty({ format: 'uuid' }) expertId: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'Euro cents before withholding: the booked time and preparation priced by the fee schedule row in force on the day, as the contract and the claim price it; null when no rate is in force',
  })
  expectedFeeCents: number | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'The expert’s assignment (not cancelled) for this offer’s order: the offer’s own once accepted, or the coordinator’s direct booking that withdrew the offer; null when there is none',
  })
  assignmentId: string | null;
}

export function toAcceptedExpert(a: AssignmentEntity): AcceptedExpertResponse {
  const e = a.expert;
  return {
    id: a.expertId,
    name: e?.user?.name ?? '',
    languages: e?.languages ?? [],
    topics: e?.topicsConsentAt ? e.topics : [],
    municipality: e?.homeMunicipality ?? null,
  };
}

// PRODUCT §6: what an expert writes about themselves (here, why they withdrew) is read only by the expert and the
// coordinator; the county's own reason for a cancellation is the orderer's to read.
export function mayReadCancelReason(a: Pick<AssignmentEntity, 'cancelledByParty'>, viewer: Role): boolean {
  return a.cancelledByParty !== CancelledBy.Expert || viewer === Role.Expert || viewer === Role.Coordinator;
}

export function toAssignmentResponse(
  a: AssignmentEntity,
  viewer: Role,
  timeChange: TimeChangeEntity | null = null,
): AssignmentResponse {
  return {
    id: a.id,
    requestId: a.requestId,
    status: a.status,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    expert: toAcceptedExpert(a),
    cancelledBy: a.cancelledByParty,
    cancelReason: mayReadCancelReason(a, viewer) ? a.cancelReason : null,
    feeDue: a.feeDue,
    completedAt: a.completedAt?.toISOString() ?? null,
    title: a.request!.title,
    taskType: a.request!.taskType,
    remote: a.request!.remote,
    municipality: a.request!.municipality,
    address: a.request!.address,
    preparationHours: a.request!.preparationMinutes / 60,
    timeChange: timeChange ? toTimeChangeResponse(timeChange) : null,
  };
}

// What, when and where an order is: the fields an order's answer and an offer's answer show alike, in that order.
type OrderSummaryField =
  'taskType' | 'title' | 'description' | 'startsAt' | 'endsAt' | 'remote' | 'municipality' | 'address';

function toOrderSummary(r: Pick<BookingRequestEntity, OrderSummaryField>): Pick<RequestResponse, OrderSummaryField> {
  return {
    taskType: r.taskType,
    title: r.title,
    description: r.description,
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    remote: r.remote,
    municipality: r.municipality,
    address: r.address,
  };
}

// An order's fee estimate: per expert, for all of them together, and the booked experts for whose work no fee is
// paid (they count 0 in the total).
export interface OrderEstimate {
  perExpertCents: number | null;
  totalCents: number | null;
  unpaidExperts: ReadonlySet<string>;
}

export function toRequestResponse(
  r: BookingRequestEntity,
  assignments: AssignmentEntity[],
  viewer: Role,
  estimate: OrderEstimate = { perExpertCents: null, totalCents: null, unpaidExperts: new Set() },
  timeChanges: Map<string, TimeChangeEntity> = new Map(),
): RequestResponse {
  return {
    id: r.id,
    organisationId: r.organisationId,
    costCentre: r.costCentre,
    status: r.status,
    ...toOrderSummary(r),
    goal: r.goal,
    audience: r.audience,
    expertRole: r.expertRole,
    meetingPoint: r.meetingPoint,
    remoteTool: r.remoteTool,
    materialUrl: r.materialUrl,
    materialFile: r.materialFile
      ? {
          fileName: r.materialFile.originalName,
          mediaType: r.materialFile.mediaType,
          sizeBytes: r.materialFile.sizeBytes,
        }
      : null,
    languages: r.languages,
    topics: r.topics,
    expertsNeeded: r.expertsNeeded,
    preparationHours: r.preparationMinutes / 60,
    feeEstimateCents: estimate.perExpertCents,
    feeEstimateTotalCents: estimate.totalCents,
    cancelReason: r.cancelReason,
    assignments: assignments.map((a) => ({
      ...toAssignmentResponse({ ...a, request: r }, viewer, timeChanges.get(a.id) ?? null),
      noFeePaid: estimate.unpaidExperts.has(a.expertId),
    })),
    createdAt: r.createdAt.toISOString(),
  };
}

// What an offer's answer shows of the offer and its order.
export type ShownOffer = Pick<OfferEntity, 'id' | 'status' | 'deadline' | 'expertId'> & {
  request: Pick<BookingRequestEntity, 'id' | OrderSummaryField | 'preparationMinutes'>;
};

export function toOfferResponse(
  o: ShownOffer,
  expectedFeeCents: number | null,
  assignmentId: string | null,
): OfferResponse {
  const r = o.request;
  return {
    id: o.id,
    status: o.status,
    deadline: o.deadline.toISOString(),
    requestId: r.id,
    ...toOrderSummary(r),
    preparationHours: r.preparationMinutes / 60,
    expertId: o.expertId,
    expectedFeeCents,
    assignmentId,
  };
}

export class RequestPageResponse {
  @ApiProperty({ type: [RequestResponse] }) items: RequestResponse[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

// The contract drafted with a new assignment (county rule 4: every assignment is done under a contract).
export class DraftedContractResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'KO-2026-000123' }) number: string;
  @ApiProperty({ enum: ContractStatus, enumName: 'ContractStatus' }) status: ContractStatus;
}

// A booking's answer: the new assignment and the contract drafted for it in the same transaction.
export class BookedAssignmentResponse extends AssignmentResponse {
  @ApiProperty({ type: DraftedContractResponse }) contract: DraftedContractResponse;
}

export function toBookedAssignmentResponse(
  a: AssignmentEntity,
  contract: { id: string; number: string; status: ContractStatus },
  reader: Role,
): BookedAssignmentResponse {
  return {
    ...toAssignmentResponse(a, reader),
    contract: { id: contract.id, number: contract.number, status: contract.status },
  };
}
