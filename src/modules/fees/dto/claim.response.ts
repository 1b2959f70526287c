import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TaskType } from '../../../common/domain/task-type';
import { StoredFileResponse, toStoredFileResponse } from '../../files/dto/stored-file.response';
import { needsTwoApprovals, tenthsToKm } from '../claims/claim.rule';
import { ClaimLine } from '../money/fee-arithmetic.rule';
import { ClaimCostEntity, ClaimCostKind } from '../entities/claim-cost.entity';
import { ClaimStatus } from '../entities/claim.entity';
import { FeeBasis } from '../entities/fee-rate.entity';
import { LoadedClaim } from '../claims/claims.repository';

export class TripResponse {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ example: 24.5 }) km: number;
  @ApiProperty({ format: 'date' }) date: string;
}

export class ClaimCostResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ClaimCostKind, enumName: 'ClaimCostKind' }) kind: ClaimCostKind;
  @ApiProperty() amountCents: number;
  @ApiProperty() description: string;
  @ApiProperty({ type: StoredFileResponse }) receipt: StoredFileResponse;
}

export class ClaimAmountsResponse {
  @ApiProperty({ enum: FeeBasis, enumName: 'FeeBasis' }) feeBasis: FeeBasis;
  @ApiProperty() rateCents: number;
  @ApiProperty({ description: 'Started quarter hours of work and preparation' }) quarterHours: number;
  @ApiProperty({ enum: ['210', '214'], description: 'Incomes Register: 210 meeting fee, 214 lecture fee' })
  incomeType: string;
  @ApiProperty() grossFeeCents: number;
  @ApiProperty() carTravelCents: number;
  @ApiProperty() costsCents: number;
  @ApiProperty() travelAndCostsCents: number;
  @ApiProperty() withholdingCents: number;
  @ApiProperty() netPayableCents: number;
}

export class ClaimResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) assignmentId: string;
  @ApiProperty({ format: 'uuid' }) expertId: string;
  @ApiProperty() expertName: string;
  @ApiProperty({ enum: ClaimStatus, enumName: 'ClaimStatus' }) status: ClaimStatus;
  @ApiProperty({ example: 3, description: 'One more at every change: send it with a change (PATCH) made on it' })
  version: number;
  @ApiProperty({ description: 'The county cancelled late; the booked time is paid' }) lateCancellation: boolean;
  @ApiProperty({ enum: TaskType, enumName: 'TaskType' }) taskType: TaskType;
  @ApiProperty() title: string;
  @ApiProperty() costCentre: string;
  @ApiProperty({ format: 'date', description: 'Helsinki date of the work' }) workDate: string;
  @ApiProperty() workedMinutes: number;
  @ApiProperty() preparationMinutes: number;
  @ApiProperty({ type: [TripResponse] }) trips: TripResponse[];
  @ApiProperty({ type: [ClaimCostResponse] }) costs: ClaimCostResponse[];
  @ApiProperty() note: string;
  @ApiPropertyOptional({ type: String, nullable: true }) returnReason: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({
    description:
      'Four eyes: with the settings in force and what the claim comes to, its approval needs two different coordinators',
  })
  twoApprovalsNeeded: boolean;
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'With four eyes, the coordinator who approved first; the claim waits for a second, different one',
  })
  firstApprovedBy: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) firstApprovedByName: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) firstApprovedAt: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) paidAt: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) paidRunId: string | null;
  @ApiPropertyOptional({
    type: ClaimAmountsResponse,
    nullable: true,
    description: 'What the claim comes to with today’s rates and payment details; the fee run fixes the paid amounts',
  })
  amounts: ClaimAmountsResponse | null;
}

export class ClaimPageResponse {
  @ApiProperty({ type: [ClaimResponse] }) items: ClaimResponse[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

function toCost(c: ClaimCostEntity): ClaimCostResponse {
  return {
    id: c.id,
    kind: c.kind,
    amountCents: c.amountCents,
    description: c.description,
    receipt: toStoredFileResponse(c.receipt!),
  };
}

function toAmounts(line: ClaimLine): ClaimAmountsResponse {
  return {
    feeBasis: line.feeBasis as FeeBasis,
    rateCents: line.rateCents,
    quarterHours: line.quarterHours,
    incomeType: line.incomeType,
    grossFeeCents: line.grossFeeCents,
    carTravelCents: line.carTravelCents,
    costsCents: line.costsCents,
    travelAndCostsCents: line.travelAndCostsCents,
    withholdingCents: line.withholdingCents,
    netPayableCents: line.netPayableCents,
  };
}

// What a claim comes to for four eyes: its fee, travel and costs before withholding.
export function claimTotalCents(line: ClaimLine): number {
  return line.grossFeeCents + line.travelAndCostsCents;
}

export function toClaimResponse(
  c: LoadedClaim,
  amounts: ClaimLine | null = null,
  fourEyesAboveCents: number | null = null,
): ClaimResponse {
  const request = c.assignment.request;
  return {
    id: c.id,
    assignmentId: c.assignmentId,
    expertId: c.expertId,
    expertName: c.expert?.user?.name ?? '',
    status: c.status,
    version: c.version,
    lateCancellation: c.lateCancellation,
    taskType: request.taskType,
    title: request.title,
    costCentre: request.costCentre,
    workDate: c.workDate,
    workedMinutes: c.workedMinutes,
    preparationMinutes: c.preparationMinutes,
    trips: c.trips.map((t) => ({ from: t.from, to: t.to, km: tenthsToKm(t.kmTenths), date: t.date })),
    costs: (c.costs ?? []).map(toCost),
    note: c.note,
    returnReason: c.returnReason,
    submittedAt: c.submittedAt?.toISOString() ?? null,
    decidedAt: c.decidedAt?.toISOString() ?? null,
    // A claim that cannot be priced cannot be approved either; until it can, it is not known to need two.
    twoApprovalsNeeded: amounts !== null && needsTwoApprovals(claimTotalCents(amounts), fourEyesAboveCents),
    firstApprovedBy: c.firstApprovedBy,
    firstApprovedByName: c.firstApprovedBy ? (c.firstApprover?.name ?? '') : null,
    firstApprovedAt: c.firstApprovedAt?.toISOString() ?? null,
    paidAt: c.paidAt?.toISOString() ?? null,
    paidRunId: c.paidRunId,
    amounts: amounts ? toAmounts(amounts) : null,
  };
}
