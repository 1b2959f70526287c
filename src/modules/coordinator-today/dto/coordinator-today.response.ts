import { ApiProperty } from '@nestjs/swagger';
import { TaskType } from '../../../common/domain/task-type';
import { RequestStatus } from '../../booking/entities/booking-request.entity';
import { TrainingType } from '../../credentials/entities/training-credential.entity';
import { FeeRunStatus } from '../../fees/entities/fee-run.entity';

export class TodayCredentialResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) expertId: string;
  @ApiProperty() expertName: string;
  @ApiProperty({ enum: TrainingType, enumName: 'TrainingType' }) type: TrainingType;
  @ApiProperty({ format: 'date-time', description: 'Uploaded at' }) createdAt: string;
}

export class TodayOrderResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: TaskType, enumName: 'TaskType' }) taskType: TaskType;
  @ApiProperty({ enum: RequestStatus, enumName: 'RequestStatus' }) status: RequestStatus;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time', description: 'Submitted at: how long it has waited' }) submittedAt: string;
  @ApiProperty() expertsNeeded: number;
  @ApiProperty({ description: 'Accepted or confirmed experts so far' }) booked: number;
  @ApiProperty({ description: 'Offers still waiting for an answer' }) openOffers: number;
}

export class TodayOfferResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty() title: string;
  @ApiProperty() expertName: string;
  @ApiProperty({ format: 'date-time' }) deadline: string;
}

export class TodayContractResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'KOK-2026-000123' }) number: string;
  @ApiProperty() version: number;
  @ApiProperty() expertName: string;
  @ApiProperty({ format: 'date' }) validFrom: string;
  @ApiProperty({ format: 'date' }) validUntil: string;
  @ApiProperty({ description: 'Assignments it covers: more than one is a series' }) assignments: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class TodayClaimResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() expertName: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date' }) workDate: string;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
}

export class TodayFeeRunResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: FeeRunStatus, enumName: 'FeeRunStatus' }) status: FeeRunStatus;
  @ApiProperty({ format: 'date', description: 'Claims approved up to this day' }) upTo: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class TodayNoShowResponse {
  @ApiProperty({ format: 'uuid', description: 'The assignment the expert did not come to' }) assignmentId: string;
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'uuid' }) expertId: string;
  @ApiProperty() expertName: string;
  @ApiProperty({ description: 'The ordering unit or project' }) organisationCode: string;
  @ApiProperty() organisationNameFi: string;
  @ApiProperty() organisationNameSv: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time', description: 'When the no-show was recorded' }) reportedAt: string;
}

export class NoShowHandledResponse {
  @ApiProperty({ format: 'uuid' }) assignmentId: string;
  @ApiProperty({ format: 'uuid', description: 'The coordinator who marked it handled' }) handledBy: string;
  @ApiProperty({ format: 'date-time' }) handledAt: string;
}

export class TodayCountsResponse {
  @ApiProperty() credentialsToCheck: number;
  @ApiProperty() ordersToMatch: number;
  @ApiProperty() offersExpiring: number;
  @ApiProperty() contractsToApprove: number;
  @ApiProperty() claimsToApprove: number;
  @ApiProperty() feeRunsOpen: number;
  @ApiProperty({ description: 'No-shows no coordinator has marked handled yet' }) noShowsToHandle: number;
}

// The coordinator's first screen in one answer: counts, and the first rows of each queue.
export class CoordinatorTodayResponse {
  @ApiProperty({ type: TodayCountsResponse, description: 'Every item of each queue, counted' })
  counts: TodayCountsResponse;
  @ApiProperty({
    type: [TodayCredentialResponse],
    description: 'Training certificates waiting for a decision, oldest first (at most 10)',
  })
  credentials: TodayCredentialResponse[];
  @ApiProperty({
    type: [TodayOrderResponse],
    description: 'Submitted orders that still need experts, longest waiting first (at most 10)',
  })
  orders: TodayOrderResponse[];
  @ApiProperty({
    type: [TodayOfferResponse],
    description: 'Open offers whose deadline is within 24 hours, nearest first (at most 10)',
  })
  offersExpiring: TodayOfferResponse[];
  @ApiProperty({
    type: [TodayContractResponse],
    description: 'Draft contracts waiting for approval, oldest first (at most 10)',
  })
  contracts: TodayContractResponse[];
  @ApiProperty({
    type: [TodayClaimResponse],
    description: 'Submitted claims waiting for a decision, oldest first (at most 10)',
  })
  claims: TodayClaimResponse[];
  @ApiProperty({
    type: [TodayFeeRunResponse],
    description: 'Fee runs queued, running, computed (waiting for approval) or failed, newest first',
  })
  feeRuns: TodayFeeRunResponse[];
  @ApiProperty({
    type: [TodayNoShowResponse],
    description: 'No-shows not yet marked handled, the newest first (at most 10)',
  })
  noShows: TodayNoShowResponse[];
}
