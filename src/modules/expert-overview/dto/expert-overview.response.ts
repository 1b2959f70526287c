import { ApiProperty } from '@nestjs/swagger';
import { AssignmentStatus } from '../../booking/entities/assignment.entity';

export class OverviewAssignmentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: AssignmentStatus, enumName: 'AssignmentStatus' }) status: AssignmentStatus;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
}

export class OverviewLoadResponse {
  @ApiProperty({
    description: 'Accepted, confirmed or completed assignments starting this week (Monday to Sunday, Helsinki time)',
  })
  thisWeek: number;
  @ApiProperty({ description: 'The same this calendar month' }) thisMonth: number;
  @ApiProperty({ type: Number, nullable: true, description: 'The expert’s own cap per week' }) maxPerWeek:
    number | null;
  @ApiProperty({ type: Number, nullable: true }) maxPerMonth: number | null;
}

export class OverviewEarningsResponse {
  @ApiProperty() year: number;
  @ApiProperty({ description: 'Fees paid to the expert this year in exported fee runs, before withholding' })
  paidFeesCents: number;
  @ApiProperty({ type: Number, nullable: true, description: 'The expert’s yearly earnings ceiling' }) ceilingCents:
    number | null;
}

// The coordinator's view of one expert's work: what they do, how loaded they are, how close to their ceiling.
export class ExpertOverviewResponse {
  @ApiProperty({
    type: [OverviewAssignmentResponse],
    description: 'Their assignments, latest start first (at most 50)',
  })
  assignments: OverviewAssignmentResponse[];
  @ApiProperty({ type: OverviewLoadResponse }) load: OverviewLoadResponse;
  @ApiProperty({ type: OverviewEarningsResponse }) earnings: OverviewEarningsResponse;
}
