import { ApiProperty } from '@nestjs/swagger';

export class AssignmentQuoteResponse {
  @ApiProperty({ format: 'uuid' }) assignmentId: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ description: 'Cancelled now, the late-cancellation rule makes the full fee due' }) feeDue: boolean;
  @ApiProperty({
    description:
      'Due by the rule, but no fee is paid for this assignment (the fee run pays none to this payee): feeCents is 0. ' +
      'Why is not told',
  })
  noFeePaid: boolean;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'Euro cents before withholding that would be paid: the fee when due and paid, 0 when not due or not paid; null ' +
      'when due and paid but no rate is in force on the day',
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
  @ApiProperty({ description: 'A fee would be paid for at least one booked expert (due by the rule and paid)' })
  feeDue: boolean;
  @ApiProperty({ description: 'For at least one booked expert the fee is due by the rule but no fee is paid' })
  noFeePaid: boolean;
  @ApiProperty({ description: 'Euro cents before withholding that would be paid, all booked experts together' })
  totalFeeCents: number;
  @ApiProperty({ type: [AssignmentQuoteResponse], description: 'One per assignment a cancellation would end' })
  assignments: AssignmentQuoteResponse[];
}
