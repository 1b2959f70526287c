import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessRequest, requireAccess } from '../../../common/auth/access';
import { AuthContext } from '../../../common/auth/auth-context';
import { Clock } from '../../../common/clock/clock.service';
import { DomainError, fieldError } from '../../../common/errors/domain-error';
import { PgCode, pgConstraint, pgErrorCode } from '../../../common/errors/pg-errors';
import { JobName, JobPayloads } from '../../../common/jobs/job-names';
import { enqueueAfterCommit } from '../../../common/jobs/enqueue-after-commit';
import { JobQueue } from '../../../common/jobs/job-queue.service';
import { OnJob } from '../../../common/jobs/on-job.decorator';
import { AuditService } from '../../audit';
import { ContractDrafts } from '../../contracts';
import { expectedFeeCents, RatesRepository } from '../../fees';
import { MailService } from '../../mail';
import { BookingErrors } from '../booking.errors';
import { BookingRepository } from '../booking.repository';
import { AssignmentsService } from '../assignments/assignments.service';
import { AcceptOfferDto, DeclineOfferDto, SendOffersDto } from '../dto/booking-actions.dto';
import {
  BookedAssignmentResponse,
  OfferResponse,
  ShownOffer,
  toBookedAssignmentResponse,
  toOfferResponse,
} from '../dto/booking.response';
import { BookingRequestEntity, RequestStatus } from '../entities/booking-request.entity';
import { OfferEntity, OfferStatus } from '../entities/offer.entity';
import { ExpertEntity, ExpertStatus } from '../../experts/entities/expert.entity';
import { EarningsCeiling } from './earnings-ceiling.service';
import { acceptedMail, offerMail } from '../mail/booking.mails';
import { MatchingService } from '../matching/matching.service';
import { OfferWithdrawal } from './offer-withdrawal.service';
import { canOffer, fillStatus } from '../requests/request-transitions.rule';

const GONE = [ExpertStatus.Retired, ExpertStatus.Anonymised];

// Offers: the coordinator sends them, the expert answers, the deadline expires them.
@Injectable()
export class OffersService {
  private readonly logger = new Logger('Offers');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly booking: BookingRepository,
    private readonly matching: MatchingService,
    private readonly earnings: EarningsCeiling,
    private readonly withdrawal: OfferWithdrawal,
    private readonly assignments: AssignmentsService,
    private readonly contractDrafts: ContractDrafts,
    private readonly rates: RatesRepository,
    private readonly mail: MailService,
    private readonly jobs: JobQueue,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async send(ctx: AuthContext, requestId: string, dto: SendOffersDto): Promise<OfferResponse[]> {
    const deadline = new Date(dto.deadline);
    const request = await this.booking.findRequest(requestId);
    if (!request) throw BookingErrors.requestNotFound();
    this.matching.assertOpen(request.status);
    if (deadline <= this.clock.now()) throw fieldError('deadline', 'inPast', 'must be in the future');
    if (deadline > request.startsAt) throw fieldError('deadline', 'afterStart', 'must be before the request starts');
    const notMatching = await this.matching.nonCandidates(request, dto.expertIds);
    if (notMatching.length > 0) throw BookingErrors.expertNotMatching(notMatching, 'expertIds');

    const { offers, mailIds } = await this.dataSource
      .transaction(async (manager) => {
        const offers: OfferEntity[] = [];
        const mailIds: string[] = [];
        for (const expertId of dto.expertIds) {
          const offer = await this.booking.saveOffer(manager, {
            requestId,
            expertId,
            deadline,
            offeredBy: ctx.user.id,
          });
          offers.push(offer);
          const expert = await this.booking.findUser(manager, expertId);
          mailIds.push(
            await this.mail.compose(
              manager,
              { userId: expert.id, email: expert.email, language: expert.language },
              offerMail,
              {
                offerId: offer.id,
                title: request.title,
                startsAt: request.startsAt,
                endsAt: request.endsAt,
                deadline,
              },
            ),
          );
          await this.audit.log(ctx, 'offer.sent', ['offer', offer.id], { requestId, expertId }, manager);
        }
        if (request.status === RequestStatus.Submitted) {
          const change = await this.booking.setRequestStatus(
            manager,
            requestId,
            RequestStatus.Matching,
            RequestStatus.Submitted,
          );
          if (change)
            await this.audit.log(ctx, 'request.status_changed', ['booking_request', requestId], change, manager);
        }
        return { offers, mailIds };
      })
      .catch((error: unknown) => {
        throw pgErrorCode(error) === PgCode.UniqueViolation ? BookingErrors.alreadyOffered() : error;
      });
    await this.mail.dispatch(mailIds);
    for (const offer of offers) {
      await enqueueAfterCommit(
        this.jobs.enqueue(
          JobName.ExpireOffer,
          { offerId: offer.id },
          { jobId: `offer-expiry-${offer.id}`, delayMs: Math.max(0, deadline.getTime() - this.clock.now().getTime()) },
        ),
        this.logger,
        { offerId: offer.id },
        'Expiry not queued; the deadline is still enforced on answer',
      );
    }
    return this.respond(offers.map((o) => ({ ...o, request })));
  }

  async mine(ctx: AuthContext, status?: OfferStatus): Promise<OfferResponse[]> {
    return this.respond(await this.booking.findOffersOfExpert(ctx.user.id, status));
  }

  async accept(ctx: AuthContext, offerId: string, dto: AcceptOfferDto): Promise<BookedAssignmentResponse> {
    const acknowledged = dto.acknowledgeEarningsCeiling === true;
    const outcome = await this.dataSource
      .transaction(async (manager) => {
        // The locks in the order every booking takes them: the request, then the expert. The request's is taken
        // through the offer, read under it; another's offer ends the transaction with nothing written (below).
        const offer = await this.booking.lockOfferRequest(manager, offerId);
        if (!offer || offer.expertId !== ctx.user.id) return { refused: offer };
        const { request } = offer;
        this.assertOpen(offer);
        const locked = await this.booking.lockExpertForAcceptance(manager, offerId);
        if (!locked) throw BookingErrors.offerNotFound();
        const { expert, state: current } = locked;
        this.assertOpen({ ...current, request });
        // Retiring and erasure withdraw the expert's offers; one left open from before that rule answers nothing.
        if (GONE.includes(current.expertStatus)) throw BookingErrors.offerNotOpen(OfferStatus.Withdrawn);
        if (request.status === RequestStatus.Filled) throw BookingErrors.requestFilled();
        if (!canOffer(request.status)) throw BookingErrors.notOpenForMatching(request.status);
        if (current.holding >= request.expertsNeeded) throw BookingErrors.requestFilled();
        await this.matching.assertWithinCaps(manager, offer.expertId, request.startsAt);
        await this.earnings.check(manager, { userId: offer.expertId, ...expert! }, request, acknowledged);

        const status = fillStatus(current.holding + 1, request.expertsNeeded);
        // The offer accepted, its assignment inserted, the request's status set and, when it is filled, its other
        // open offers withdrawn: one statement.
        const written = await this.booking.acceptOffer(
          manager,
          {
            offerId,
            at: this.clock.now(),
            ceilingAcknowledged: acknowledged,
            requestStatus: status,
            withdrawOthers: status === RequestStatus.Filled,
          },
          { requestId: request.id, expertId: offer.expertId, startsAt: request.startsAt, endsAt: request.endsAt },
        );
        // Declined or expired since it was read (declining and expiry do not take the request's lock).
        if (!written) throw await this.refusalNow(offerId);
        const { assignment, withdrawn } = written;
        // Every assignment is done under a contract (county rule 4): a draft is made with it, in this transaction,
        // and the acceptance's audit events (the withdrawn offers', its own) are written with the draft's.
        const contract = await this.contractDrafts.draftForNewAssignment(
          manager,
          assignment,
          request.organisationId,
          ctx.user.id,
          ctx,
          [
            ...this.withdrawal.withdrawnEvents(withdrawn, 'request_filled'),
            {
              by: ctx,
              action: 'offer.accepted',
              target: ['offer', offerId],
              details: { assignmentId: assignment.id, requestStatus: status },
            },
          ],
        );
        const mailId = await this.mail.compose(
          manager,
          current.orderer,
          acceptedMail,
          {
            requestId: request.id,
            title: request.title,
            startsAt: request.startsAt,
            endsAt: request.endsAt,
            expertName: ctx.user.name,
            filled: status === RequestStatus.Filled,
          },
          offer.expertId,
        );
        // The response's expert is the caller, as read under the lock: nothing to read again after the commit.
        const booked = Object.assign(assignment, {
          request,
          expert: Object.assign(new ExpertEntity(), {
            userId: offer.expertId,
            ...expert,
            user: { name: ctx.user.name },
          }),
        });
        return { assignment: booked, contract, mailIds: [mailId] };
      })
      .catch((error: unknown) => {
        if (
          pgErrorCode(error) === PgCode.ExclusionViolation &&
          pgConstraint(error) === 'assignments_no_double_booking'
        ) {
          throw BookingErrors.doubleBooked();
        }
        throw error;
      });
    // Another's offer, or none: refused as requireAccess refuses (the refusal audited), with nothing written.
    if ('refused' in outcome) {
      const { refused } = outcome;
      await requireAccess(this.audit, ctx, { ...this.own(ctx, offerId), find: async () => refused ?? null });
      throw BookingErrors.offerNotFound();
    }
    const { assignment, contract, mailIds } = outcome;
    // After the commit, and both at once: the mail's queueing and the completion reminder's.
    await Promise.all([this.mail.dispatch(mailIds), this.assignments.scheduleReminder(assignment)]);
    return toBookedAssignmentResponse(assignment, contract, ctx.user.role);
  }

  async decline(ctx: AuthContext, offerId: string, dto: DeclineOfferDto): Promise<OfferResponse> {
    const offer = await requireAccess(this.audit, ctx, this.own(ctx, offerId));
    this.assertOpen(offer);
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.booking.declineOffer(manager, offerId, this.clock.now(), dto.reason ?? null)))
        throw await this.refusalNow(offerId);
      await this.audit.log(ctx, 'offer.declined', ['offer', offerId], {}, manager);
    });
    return (await this.respond([{ ...offer, status: OfferStatus.Declined }]))[0];
  }

  // Delayed job at the deadline. Idempotent: an answered offer is left as it is.
  @OnJob(JobName.ExpireOffer)
  async expire({ offerId }: JobPayloads[JobName.ExpireOffer]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (await this.booking.expireOffer(manager, offerId, this.clock.now()))
        await this.audit.log(null, 'offer.expired', ['offer', offerId], {}, manager);
    });
  }

  // Each offer with its fee estimate, from one read of the rates table, and the expert's assignment for its order
  // (an offer withdrawn by a direct booking of the same expert then leads to the work), from one query.
  private async respond(offers: ShownOffer[]): Promise<OfferResponse[]> {
    const [fees, booked] = await Promise.all([this.rates.currentFees(), this.booking.findAssignmentsOfOffers(offers)]);
    return offers.map((o) =>
      toOfferResponse(o, expectedFeeCents(o.request, fees), booked.get(`${o.expertId}/${o.request.id}`) ?? null),
    );
  }

  // The refusal names the real reason: the offer's state, or its order filled or cancelled.
  private assertOpen(
    offer: Pick<OfferEntity, 'status' | 'deadline'> & { request: Pick<BookingRequestEntity, 'status'> },
  ): void {
    if (offer.status === OfferStatus.Withdrawn && offer.request.status === RequestStatus.Filled)
      throw BookingErrors.requestFilled();
    if (offer.status === OfferStatus.Withdrawn && offer.request.status === RequestStatus.Cancelled)
      throw BookingErrors.offerNotOpen('requestCancelled');
    if (offer.status !== OfferStatus.Offered) throw BookingErrors.offerNotOpen(offer.status);
    // The expiry job may not have run yet; the deadline holds regardless.
    if (offer.deadline <= this.clock.now()) throw BookingErrors.offerNotOpen(OfferStatus.Expired);
  }

  // An answer that found the offer answered since it was read (declined or expired meanwhile, in another tab or by
  // the expiry job): the refusal of the offer as it is now, read again after the change that won.
  private async refusalNow(offerId: string): Promise<DomainError> {
    const now = await this.booking.findOffer(offerId);
    if (!now) return BookingErrors.offerNotFound();
    try {
      this.assertOpen(now);
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
    // Still open as read now: what refused the write was its deadline, passed in between.
    return BookingErrors.offerNotOpen(OfferStatus.Expired);
  }

  // Only the expert it was made to answers an offer; another's answers as if it did not exist.
  private own(ctx: AuthContext, offerId: string): AccessRequest<OfferEntity & { request: BookingRequestEntity }> {
    return {
      entityType: 'offer',
      id: offerId,
      find: () => this.booking.findOffer(offerId),
      allows: (offer) => offer.expertId === ctx.user.id,
      notFound: BookingErrors.offerNotFound,
    };
  }
}
