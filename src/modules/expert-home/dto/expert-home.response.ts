import { ApiProperty } from '@nestjs/swagger';
import { AssignmentStatus } from '../../booking/entities/assignment.entity';

export class HomeOfferResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ format: 'date-time', description: 'Answer by' }) deadline: string;
}

export class HomeAssignmentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: AssignmentStatus, enumName: 'AssignmentStatus' }) status: AssignmentStatus;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
}

export class HomeContractResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'KOK-2026-000123' }) number: string;
  @ApiProperty({ type: [String], description: 'Titles of the work it covers, earliest first' }) titles: string[];
}

export class HomeTimeChangeResponse {
  @ApiProperty({ format: 'uuid', description: 'Answer with POST /assignments/{id}/time-change/accept or decline' })
  assignmentId: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time', description: 'The time the work has now' }) fromStartsAt: string;
  @ApiProperty({ format: 'date-time' }) fromEndsAt: string;
  @ApiProperty({ format: 'date-time', description: 'The proposed time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ format: 'date-time' }) proposedAt: string;
}

// The expert's first screen in one answer: what waits for them.
export class ExpertHomeResponse {
  @ApiProperty({ type: [HomeOfferResponse], description: 'Offers still open, nearest deadline first (at most 20)' })
  offers: HomeOfferResponse[];
  @ApiProperty({
    type: [HomeAssignmentResponse],
    description: 'The next accepted or confirmed assignments not yet over (at most 3)',
  })
  nextAssignments: HomeAssignmentResponse[];
  @ApiProperty({ description: 'Accepted or confirmed assignments not yet over, all of them' })
  upcomingAssignments: number;
  @ApiProperty({
    type: [HomeContractResponse],
    description: 'Approved contracts whose PDF is ready to read and sign (at most 20)',
  })
  contractsToSign: HomeContractResponse[];
  @ApiProperty({ description: 'Claims returned to the expert for correction' }) returnedClaims: number;
  @ApiProperty({
    type: [HomeTimeChangeResponse],
    description: 'Proposals to move the expert’s booked work, waiting for their answer, oldest first (at most 20)',
  })
  timeChanges: HomeTimeChangeResponse[];
}
