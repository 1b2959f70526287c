import { ApiProperty } from '@nestjs/swagger';

export class AssignmentQuoteResponse {
  @ApiProperty({ format: 'uuid' }) assignmentId: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ description: 'Cancelled now, the expert would get the full fee' }) feeDue: boolean;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Euro cents before withholding when due, 0 when not; null when due but no rate is in force on the day',
  })
  feeCents: number | null;
}

// What cancelling now would cost, by the same rule and at the same moment's clock as the cancellation itself.
export class CancellationQuoteResponse {
  @ApiProperty({
    description: 'Cancelled by the county less than this many hours before the start, the full fee is due',
  })
  lateCancellationHours: number;
  @ApiProperty({ format: 'date-time', description: 'The moment the quote is for (now)' }) quotedAt: string;
  @ApiProperty({ description: 'The fee falls due for at least one booked expert' }) feeDue: boolean;
  @ApiProperty({ description: 'Euro cents before withholding, all booked experts together' }) totalFeeCents: number;
  @ApiProperty({ type: [AssignmentQuoteResponse], description: 'One per assignment a cancellation would end' })
  assignments: AssignmentQuoteResponse[];
}
