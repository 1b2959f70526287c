import { ApiProperty } from '@nestjs/swagger';

export enum TimelineEventKind {
  Created = 'created',
  Submitted = 'submitted',
  OffersSent = 'offers_sent',
  OfferDeclined = 'offer_declined',
  OfferExpired = 'offer_expired',
  Booked = 'booked',
  ContractApproved = 'contract_approved',
  ContractSigned = 'contract_signed',
  Completed = 'completed',
  NotHeld = 'not_held',
  AssignmentCancelled = 'assignment_cancelled',
  TimeChangeProposed = 'time_change_proposed',
  TimeChangeAccepted = 'time_change_accepted',
  TimeChangeDeclined = 'time_change_declined',
  ClaimApproved = 'claim_approved',
  ClaimPaid = 'claim_paid',
  Cancelled = 'cancelled',
}

// One thing that happened to an order. Offers name no expert: an orderer learns who only once they accepted.
export class TimelineEventResponse {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ enum: TimelineEventKind, enumName: 'TimelineEventKind' }) kind: TimelineEventKind;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The booked assignment the event concerns; null for the order’s own events and for offers',
  })
  assignmentId: string | null;
  @ApiProperty({ description: 'How many: offers sent at once, for example; 1 otherwise' }) count: number;
}
