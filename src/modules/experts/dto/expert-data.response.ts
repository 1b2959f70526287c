import { ApiProperty } from '@nestjs/swagger';
import { TaskType } from '../../../common/domain/task-type';
import { Language } from '../../../common/i18n/language';
import {
  AbsenceResponse,
  OneOffWindowResponse,
  WeeklyWindowResponse,
} from '../../availability/dto/availability.response';
import { AssignmentResponse, OfferResponse, TimeChangeResponse } from '../../booking/dto/booking.response';
import { FeedbackResponse } from '../../booking/dto/feedback.response';
import { ContractResponse } from '../../contracts/dto/contract.response';
import { CredentialResponse } from '../../credentials/dto/credential.response';
import { ClaimCostResponse, ClaimResponse } from '../../fees/dto/claim.response';
import { StatementResponse } from '../../fees/dto/my-fees.dto';
import { FeeLineAmountsResponse } from '../../fees/dto/fee-run.dto';
import { FeeRunStatus } from '../../fees/entities/fee-run.entity';
import { LinePayee } from '../../fees/entities/fee-run-line.entity';
import { MailStatus } from '../../mail/entities/mail-message.entity';
import { UserStatus } from '../../users/entities/user.entity';
import { ClearPaymentDetailsResponse, ExpertResponse, PaymentDetailsResponse } from './expert.response';

// The expert's own data (GDPR art. 15 and 20): every section in a structured form, and every file by the API
// path the expert downloads it from with their own token.

export class ExportedFileLink {
  @ApiProperty({
    example: '/contracts/6f1c…/pdf',
    description: 'GET this path with your own access token to download the file',
  })
  path: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'SHA-256 of the bytes in hex (the download ETag); null while not yet made',
  })
  sha256: string | null;
}

export class ExportedAccountResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: Language, enumName: 'Language' }) language: Language;
  @ApiProperty({ enum: UserStatus, enumName: 'UserStatus' }) status: UserStatus;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastLoginAt: string | null;
}

export class ExportedSessionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time', description: 'When you signed in' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'logout' }) revokedReason: string | null;
  @ApiProperty({ type: String, nullable: true }) ip: string | null;
  @ApiProperty({ type: String, nullable: true }) userAgent: string | null;
}

export class ExportedMailResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'offer-made' }) template: string;
  @ApiProperty({ enum: Language, enumName: 'Language' }) language: Language;
  @ApiProperty() toAddress: string;
  @ApiProperty() subject: string;
  @ApiProperty({ type: String, nullable: true, description: 'The text until it was delivered; not kept after' }) text:
    string | null;
  @ApiProperty({ enum: MailStatus, enumName: 'MailStatus' }) status: MailStatus;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt: string | null;
}

export class ExportedPaymentDetailsResponse extends PaymentDetailsResponse {
  @ApiProperty({
    type: ClearPaymentDetailsResponse,
    description: 'In the clear: the export is your own copy (the read is audited)',
  })
  clear: ClearPaymentDetailsResponse;
}

export class ExportedCredentialResponse extends CredentialResponse {
  @ApiProperty({ type: ExportedFileLink, description: 'The certificate you uploaded' }) download: ExportedFileLink;
}

export class ExportedAvailabilityResponse {
  @ApiProperty({ type: [WeeklyWindowResponse] }) weekly: WeeklyWindowResponse[];
  @ApiProperty({ type: [OneOffWindowResponse] }) oneOff: OneOffWindowResponse[];
  @ApiProperty({ type: [AbsenceResponse] }) absences: AbsenceResponse[];
}

export class ExportedCalendarFeedResponse {
  @ApiProperty({
    format: 'date-time',
    description: 'When you made the feed; its secret link is shown only once and not stored',
  })
  createdAt: string;
}

export class ExportedOfferResponse extends OfferResponse {
  @ApiProperty({ format: 'date-time' }) offeredAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) answeredAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Your own reason for declining, if you gave one' })
  declineReason: string | null;
  @ApiProperty({ description: 'You acknowledged crossing your yearly earnings ceiling when accepting' })
  ceilingAcknowledged: boolean;
}

export class ExportedAssignmentResponse extends AssignmentResponse {
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cancelledAt: string | null;
  @ApiProperty({
    description:
      'Booked directly past your yearly earnings ceiling: the coordinator recorded that you agreed to the work ' +
      'beyond the ceiling. False for all other work',
  })
  ceilingCrossingAgreed: boolean;
  @ApiProperty({
    type: [TimeChangeResponse],
    description: 'Every new time proposed for this work, answered or not, oldest first (timeChange is the latest)',
  })
  timeChanges: TimeChangeResponse[];
}

export class ExportedContractResponse extends ContractResponse {
  @ApiProperty({ type: ExportedFileLink, nullable: true, description: 'The contract PDF; null until rendered' })
  pdf: ExportedFileLink | null;
}

export class ExportedClaimCostResponse extends ClaimCostResponse {
  @ApiProperty({ type: ExportedFileLink, description: 'The receipt you uploaded' }) download: ExportedFileLink;
}

export class ExportedClaimResponse extends ClaimResponse {
  @ApiProperty({ type: [ExportedClaimCostResponse] }) override costs: ExportedClaimCostResponse[] = [];
}

export class ExportedFeeLineResponse extends FeeLineAmountsResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) runId: string;
  @ApiProperty({ enum: FeeRunStatus, enumName: 'FeeRunStatus', description: 'exported: paid' }) runStatus: FeeRunStatus;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the run was exported to payroll',
  })
  paidAt: string | null;
  @ApiProperty({ format: 'uuid' }) claimId: string;
  @ApiProperty({ format: 'date' }) workDate: string;
  @ApiProperty({ enum: TaskType, enumName: 'TaskType' }) taskType: TaskType;
  @ApiProperty() costCentre: string;
  @ApiProperty({ enum: LinePayee, enumName: 'LinePayee' }) payeeKind: LinePayee;
  @ApiProperty() payeeName: string;
  @ApiProperty({ enum: ['210', '214'] }) incomeType: string;
  @ApiProperty() feeBasis: string;
  @ApiProperty() rateCents: number;
  @ApiProperty({ type: Number, nullable: true, description: 'The tax percent withheld at' }) taxPercent: number | null;
}

export class ExportedStatementResponse extends StatementResponse {
  @ApiProperty({ type: ExportedFileLink }) download: ExportedFileLink;
}

export class ExportedAuditEntryResponse {
  @ApiProperty({ format: 'uuid', description: 'The audit entry’s own id' }) id: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ example: 'contract.signed' }) action: string;
  @ApiProperty({ type: String, nullable: true, example: 'contract' }) entityType: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The id of the thing it concerns (one of yours)',
  })
  entityId: string | null;
  @ApiProperty({
    enum: ['you', 'other', 'system'],
    description:
      'Who acted: you; someone else (the county’s staff, or a refused attempt by another user); or the system',
  })
  actor: 'you' | 'other' | 'system';
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The address you acted from; null for others’ actions (theirs is their own data)',
  })
  ip: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Your browser, as it named itself; null for others’ actions',
  })
  userAgent: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What was recorded with it' })
  details: Record<string, unknown>;
}

export class ExpertDataResponse {
  @ApiProperty({ format: 'date-time' }) exportedAt: string;
  @ApiProperty({ type: ExportedAccountResponse }) account: ExportedAccountResponse;
  @ApiProperty({ type: [ExportedSessionResponse], description: 'Your sign-ins' }) sessions: ExportedSessionResponse[];
  @ApiProperty({ type: [ExportedMailResponse], description: 'The mail Kokemus sent you' })
  mails: ExportedMailResponse[];
  @ApiProperty({ type: ExpertResponse, description: 'Your profile, with your topics and their consent' })
  profile: ExpertResponse;
  @ApiProperty({ type: ExportedPaymentDetailsResponse, nullable: true })
  paymentDetails: ExportedPaymentDetailsResponse | null;
  @ApiProperty({ type: [ExportedCredentialResponse] }) credentials: ExportedCredentialResponse[];
  @ApiProperty({ type: ExportedAvailabilityResponse }) availability: ExportedAvailabilityResponse;
  @ApiProperty({ type: [ExportedCalendarFeedResponse] }) calendarFeeds: ExportedCalendarFeedResponse[];
  @ApiProperty({ type: [ExportedOfferResponse] }) offers: ExportedOfferResponse[];
  @ApiProperty({ type: [ExportedAssignmentResponse] }) assignments: ExportedAssignmentResponse[];
  @ApiProperty({ type: [FeedbackResponse], description: 'The feedback you gave' }) feedback: FeedbackResponse[];
  @ApiProperty({ type: [ExportedContractResponse] }) contracts: ExportedContractResponse[];
  @ApiProperty({
    type: [ExportedClaimResponse],
    description: 'Your claims with their trips, costs and receipts; the paid amounts are in feeLines',
  })
  claims: ExportedClaimResponse[];
  @ApiProperty({ type: [ExportedFeeLineResponse], description: 'Every fee-run line paying one of your claims' })
  feeLines: ExportedFeeLineResponse[];
  @ApiProperty({ type: [ExportedStatementResponse] }) statements: ExportedStatementResponse[];
  @ApiProperty({
    type: [ExportedAuditEntryResponse],
    description:
      'Audit entries about you: your own actions, and actions on your account, offers, assignments, contracts, claims and credentials',
  })
  auditTrail: ExportedAuditEntryResponse[];
}
