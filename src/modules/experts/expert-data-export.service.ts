import { Injectable } from '@nestjs/common';
import { AuthContext } from '../../common/auth/auth-context';
import { Role } from '../../common/auth/role.enum';
import { Clock } from '../../common/clock/clock.service';
import { API_PREFIX } from '../../common/http/api-prefix';
import { localDate } from '../../common/i18n/format';
import { expectedFeeCents, RatesRepository } from '../fees';
import { AuditService } from '../audit';
import { AuditEventEntity } from '../audit/entities/audit-event.entity';
import {
  toAbsenceResponse,
  toOneOffWindowResponse,
  toWeeklyWindowResponse,
} from '../availability/dto/availability.response';
import { toAssignmentResponse, toOfferResponse, toTimeChangeResponse } from '../booking/dto/booking.response';
import { AssignmentStatus } from '../booking/entities/assignment.entity';
import { toFeedbackResponse } from '../booking/dto/feedback.response';
import { toContractResponse } from '../contracts/dto/contract.response';
import { toCredentialResponse } from '../credentials/dto/credential.response';
import { toClaimResponse } from '../fees/dto/claim.response';
import { lineAmounts } from '../fees/dto/fee-run.dto';
import { toStatementResponse } from '../fees/dto/my-fees.dto';
import { ExpertDataResponse, ExportedAuditEntryResponse, ExportedFileLink } from './dto/expert-data.response';
import { toExpertResponse, toPaymentDetailsResponse } from './dto/expert.response';
import { ExpertDataRepository } from './expert-data.repository';
import { ExpertErrors } from './experts.errors';
import { ExpertsRepository } from './experts.repository';
import { PaymentDetailsService } from './payment-details.service';

// Where the expert downloads each kind of file with their own token; each route checks that the file is theirs.
export const EXPERT_FILE_PATHS = {
  credential: (id: string) => `${API_PREFIX}/credentials/${id}/file`,
  contractPdf: (id: string) => `${API_PREFIX}/contracts/${id}/pdf`,
  receipt: (claimId: string, costId: string) => `${API_PREFIX}/claims/${claimId}/costs/${costId}/receipt`,
  statement: (id: string) => `${API_PREFIX}/my-fees/statements/${id}`,
};

const link = (path: string, sha256: string | null): ExportedFileLink => ({ path, sha256 });

// The expert's own data, all of it (GDPR art. 15) and in a structured, machine-readable form (art. 20). The
// same mappers as the API's own answers, seen as the expert sees them; nothing of another person but what the
// expert's own records name (the ordering unit, the staff's decisions without their addresses).
@Injectable()
export class ExpertDataExport {
  constructor(
    private readonly experts: ExpertsRepository,
    private readonly data: ExpertDataRepository,
    private readonly paymentDetails: PaymentDetailsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly rates: RatesRepository,
  ) {}

  async export(ctx: AuthContext): Promise<ExpertDataResponse> {
    const expert = await this.experts.findById(ctx.user.id);
    if (!expert?.user) throw ExpertErrors.notFound();
    const id = expert.userId;
    const fees = await this.rates.currentFees();
    const [
      sessions,
      mails,
      details,
      credentials,
      availability,
      feeds,
      offers,
      assignments,
      feedback,
      contracts,
      claims,
      lines,
      statements,
      timeChanges,
    ] = await Promise.all([
      this.data.sessions(id),
      this.data.mails(id),
      this.experts.findPaymentDetails(id),
      this.data.credentials(id),
      this.data.availability(id),
      this.data.calendarFeeds(id),
      this.data.offers(id),
      this.data.assignments(id),
      this.data.feedbackGiven(id),
      this.data.contracts(id),
      this.data.claims(id),
      this.data.feeLines(id),
      this.data.statements(id),
      this.data.timeChanges(id),
    ]);
    // Recorded before the audit section is read, so that the export lists itself.
    await this.audit.log(ctx, 'expert.data_exported', ['expert', id]);
    const paymentDetails = details
      ? { ...toPaymentDetailsResponse(details), clear: await this.paymentDetails.readClear(ctx, id) }
      : null;
    const ownIds = [
      ...sessions.map((s) => s.id),
      ...credentials.map((c) => c.id),
      ...offers.map((o) => o.id),
      ...assignments.map((a) => a.id),
      ...contracts.map((c) => c.contract.id),
      ...claims.flatMap((c) => [c.id, ...c.costs.map((cost) => cost.id)]),
      ...lines.map((l) => l.id),
      ...statements.map((s) => s.id),
      ...availability.weekly.map((w) => w.id),
      ...availability.oneOff.map((o) => o.id),
      ...availability.absences.map((a) => a.id),
    ];
    const auditTrail = (await this.data.auditConcerning(id, ownIds)).map((e) => toAuditEntry(e, id));

    return {
      exportedAt: this.clock.now().toISOString(),
      account: {
        id,
        email: expert.user.email,
        name: expert.user.name,
        language: expert.user.language,
        status: expert.user.status,
        createdAt: expert.user.createdAt.toISOString(),
        lastLoginAt: expert.user.lastLoginAt?.toISOString() ?? null,
      },
      sessions: sessions.map((s) => ({
        id: s.id,
        createdAt: s.createdAt.toISOString(),
        expiresAt: s.expiresAt.toISOString(),
        revokedAt: s.revokedAt?.toISOString() ?? null,
        revokedReason: s.revokedReason,
        ip: s.ip,
        userAgent: s.userAgent,
      })),
      mails: mails.map((m) => ({
        id: m.id,
        template: m.template,
        language: m.language,
        toAddress: m.toAddress,
        subject: m.subject,
        text: m.textBody,
        status: m.status,
        createdAt: m.createdAt.toISOString(),
        sentAt: m.sentAt?.toISOString() ?? null,
      })),
      profile: toExpertResponse(expert),
      paymentDetails,
      credentials: credentials.map((c) => ({
        ...toCredentialResponse(c),
        download: link(EXPERT_FILE_PATHS.credential(c.id), c.file!.sha256),
      })),
      availability: {
        weekly: availability.weekly.map(toWeeklyWindowResponse),
        oneOff: availability.oneOff.map(toOneOffWindowResponse),
        absences: availability.absences.map(toAbsenceResponse),
      },
      calendarFeeds: feeds.map((f) => ({ createdAt: f.createdAt.toISOString() })),
      offers: offers.map((o) => ({
        // The assignment for the offer's order as the offers list gives it (BookingRepository.findAssignmentsOfOffers):
        // the latest not cancelled.
        ...toOfferResponse(
          o,
          expectedFeeCents(o.request, fees),
          assignments
            .filter((a) => a.requestId === o.request.id && a.status !== AssignmentStatus.Cancelled)
            .sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime())[0]?.id ?? null,
        ),
        offeredAt: o.offeredAt.toISOString(),
        answeredAt: o.answeredAt?.toISOString() ?? null,
        declineReason: o.declineReason,
        ceilingAcknowledged: o.ceilingAcknowledged,
      })),
      assignments: assignments.map((a) => {
        const changes = timeChanges.filter((c) => c.assignmentId === a.id);
        return {
          ...toAssignmentResponse(a, Role.Expert, changes.at(-1) ?? null),
          cancelledAt: a.cancelledAt?.toISOString() ?? null,
          ceilingCrossingAgreed: a.ceilingCrossingAgreed,
          timeChanges: changes.map(toTimeChangeResponse),
        };
      }),
      feedback: feedback.map(toFeedbackResponse),
      contracts: contracts.map(({ contract, covered }) => ({
        ...toContractResponse(contract, covered, localDate(this.clock.now())),
        pdf: contract.pdfSha256 ? link(EXPERT_FILE_PATHS.contractPdf(contract.id), contract.pdfSha256) : null,
      })),
      claims: claims.map((c) => {
        const response = toClaimResponse(c);
        return {
          ...response,
          costs: response.costs.map((cost) => ({
            ...cost,
            download: link(EXPERT_FILE_PATHS.receipt(c.id, cost.id), cost.receipt.sha256),
          })),
        };
      }),
      feeLines: lines.map((l) => ({
        id: l.id,
        runId: l.runId,
        runStatus: l.run.status,
        paidAt: l.run.exportedAt?.toISOString() ?? null,
        claimId: l.claimId,
        workDate: l.workDate,
        taskType: l.taskType,
        costCentre: l.costCentre,
        payeeKind: l.payeeKind,
        payeeName: l.payeeName,
        incomeType: l.incomeType,
        feeBasis: l.feeBasis,
        rateCents: l.rateCents,
        ...lineAmounts(l),
        taxPercent: l.taxPercent === null ? null : Number(l.taxPercent),
      })),
      statements: statements.map((f) => ({
        ...toStatementResponse(f),
        download: link(EXPERT_FILE_PATHS.statement(f.id), f.sha256),
      })),
      auditTrail,
    };
  }
}

// Another person's address and browser are their own personal data: only the expert's own are given.
function toAuditEntry(e: AuditEventEntity, expertId: string): ExportedAuditEntryResponse {
  const mine = e.actorId === expertId;
  return {
    id: e.id,
    occurredAt: e.occurredAt.toISOString(),
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    actor: mine ? 'you' : e.actorId === null ? 'system' : 'other',
    ip: mine ? e.ip : null,
    userAgent: mine ? e.userAgent : null,
    details: e.details,
  };
}
