import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { requireAccess } from '../../../common/auth/access';
import { AuthContext } from '../../../common/auth/auth-context';
import { Clock } from '../../../common/clock/clock.service';
import { PgCode, pgConstraint, pgErrorCode } from '../../../common/errors/pg-errors';
import { JobName, JobPayloads } from '../../../common/jobs/job-names';
import { enqueueAfterCommit } from '../../../common/jobs/enqueue-after-commit';
import { JobQueue } from '../../../common/jobs/job-queue.service';
import { OnJob } from '../../../common/jobs/on-job.decorator';
import { AuditService } from '../../audit';
import { ContractDrafts } from '../../contracts';
import { MailService, recipient } from '../../mail';
import { OrganisationsRepository } from '../../organisations';
import { assignmentAccess } from '../assignment-access.rule';
import { AssignmentCancellation } from './assignment-cancellation.service';
import { BookingErrors } from '../booking.errors';
import { BookingRepository, HOLDING_STATUSES } from '../booking.repository';
import { CancelDto, CompleteDto, DirectAssignDto } from '../dto/booking-actions.dto';
import {
  AssignmentResponse,
  BookedAssignmentResponse,
  toAssignmentResponse,
  toBookedAssignmentResponse,
} from '../dto/booking.response';
import { AssignmentEntity, AssignmentStatus, CancelledBy, AssignmentWithRequest } from '../entities/assignment.entity';
import { RequestStatus } from '../entities/booking-request.entity';
import { ordererWithdrawnMail, reminderMail, withdrawnMail } from '../mail/booking.mails';
import { noShowMail } from '../mail/no-show.mail';
import { MatchingService } from '../matching/matching.service';
import { EarningsCeiling } from '../offers/earnings-ceiling.service';
import { OfferWithdrawal } from '../offers/offer-withdrawal.service';
import { fillStatus, workEnded } from '../requests/request-transitions.rule';
import { TimeChangesRepository } from '../time-change/time-changes.repository';
import { ExpertStatus } from '../../experts/entities/expert.entity';

const REMIND_AFTER_MS = 3 * 24 * 3600_000;

// Assignments after acceptance: direct booking, cancellation, withdrawal, completion and its reminder.
@Injectable()
export class AssignmentsService {
  private readonly logger = new Logger('Assignments');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly booking: BookingRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly matching: MatchingService,
    private readonly cancellation: AssignmentCancellation,
    private readonly withdrawal: OfferWithdrawal,
    private readonly earnings: EarningsCeiling,
    private readonly contractDrafts: ContractDrafts,
    private readonly mail: MailService,
    private readonly jobs: JobQueue,
    private readonly audit: AuditService,
    private readonly timeChanges: TimeChangesRepository,
    private readonly clock: Clock,
  ) {}

  // The coordinator books a matching expert directly (agreed by phone, say). The database decides races. A booking past
  // the expert's yearly earnings ceiling needs the coordinator's word that the expert agreed to it, checked as an
  // acceptance checks it: in the transaction, under the expert's lock.
  async assignDirectly(ctx: AuthContext, requestId: string, dto: DirectAssignDto): Promise<BookedAssignmentResponse> {
    const request = await this.booking.findRequest(requestId);
    if (!request) throw BookingErrors.requestNotFound();
    this.matching.assertOpen(request.status);
    if ((await this.matching.nonCandidates(request, [dto.expertId])).length > 0) {
      // Lost a race to a booking that now holds the expert's time: the same conflict the database reports.
      if (await this.booking.holdsOverlapping(dto.expertId, request.startsAt, request.endsAt))
        throw BookingErrors.doubleBooked();
      throw BookingErrors.expertNotMatching([dto.expertId], 'expertId');
    }
    const booked = await this.dataSource
      .transaction(async (manager) => {
        const locked = await this.booking.lockRequest(manager, requestId);
        if (!locked) throw BookingErrors.requestNotFound();
        const expert = await this.booking.lockExpert(manager, dto.expertId);
        // Paused or retired since the matching above was read: only an active expert is booked.
        if (expert?.status !== ExpertStatus.Active) throw BookingErrors.expertNotMatching([dto.expertId], 'expertId');
        this.matching.assertOpen(locked.status);
        const holding = await this.booking.countHolding(manager, requestId);
        if (holding >= locked.expertsNeeded) throw BookingErrors.requestFilled();
        const crossing = await this.earnings.crossing(manager, { userId: dto.expertId, ...expert }, locked);
        if (crossing && dto.expertAgreedToCrossCeiling !== true)
          throw BookingErrors.directBookingCrossesCeiling(
            crossing.earnedCents,
            crossing.expectedCents,
            crossing.ceilingCents,
          );
        const assignment = await this.booking.insertAssignment(manager, {
          requestId,
          expertId: dto.expertId,
          startsAt: locked.startsAt,
          endsAt: locked.endsAt,
          ceilingCrossingAgreed: crossing !== null,
        });
        // Every assignment is done under a contract (county rule 4): a draft is made with it, in this transaction.
        const contract = await this.contractDrafts.draftForNewAssignment(
          manager,
          assignment,
          locked.organisationId,
          ctx.user.id,
          ctx,
        );
        const status = fillStatus(holding + 1, locked.expertsNeeded);
        const change = await this.booking.setRequestStatus(manager, requestId, status);
        if (change)
          await this.audit.log(ctx, 'request.status_changed', ['booking_request', requestId], change, manager);
        // A full request ends every open offer; otherwise only the booked expert's own offer is superseded.
        if (status === RequestStatus.Filled)
          await this.withdrawal.withdrawLive(manager, requestId, this.clock.now(), 'request_filled');
        else
          await this.withdrawal.withdrawLive(manager, requestId, this.clock.now(), 'assigned_directly', dto.expertId);
        await this.audit.log(
          ctx,
          'assignment.created',
          ['assignment', assignment.id],
          // That the expert agreed to cross their ceiling, never the amounts: a ceiling is about the expert's benefits,
          // and the admin who reads the trail sees neither those nor fees (PRODUCT §1, §6).
          crossing ? { requestId, direct: true, ceilingCrossingAgreed: true } : { requestId, direct: true },
          manager,
        );
        return { id: assignment.id, contract };
      })
      .catch((error: unknown) => {
        if (pgErrorCode(error) === PgCode.ExclusionViolation && pgConstraint(error) === 'assignments_no_double_booking')
          throw BookingErrors.doubleBooked();
        throw error;
      });
    const assignment = (await this.booking.findAssignment(booked.id))!;
    await this.scheduleReminder(assignment);
    return toBookedAssignmentResponse(assignment, booked.contract, ctx.user.role);
  }

  async mine(ctx: AuthContext): Promise<AssignmentResponse[]> {
    const assignments = await this.booking.findAssignmentsOfExpert(ctx.user.id);
    const timeChanges = await this.timeChanges.latestOf(assignments.map((a) => a.id));
    return assignments.map((a) => toAssignmentResponse(a, ctx.user.role, timeChanges.get(a.id) ?? null));
  }

  async get(ctx: AuthContext, id: string): Promise<AssignmentResponse> {
    const assignment = await this.visible(ctx, id);
    const timeChanges = await this.timeChanges.latestOf([id]);
    return toAssignmentResponse(assignment, ctx.user.role, timeChanges.get(id) ?? null);
  }

  // The assignment, when this user may see it (assignmentAccess); otherwise refused, and the refusal audited.
  visible(ctx: AuthContext, id: string): Promise<AssignmentWithRequest> {
    return requireAccess(
      this.audit,
      ctx,
      assignmentAccess(ctx, id, () => this.booking.findAssignment(id), this.organisations),
    );
  }

  // By the orderer or the coordinator: the county cancels, and the late-cancellation rule decides the fee.
  async cancel(ctx: AuthContext, id: string, dto: CancelDto): Promise<AssignmentResponse> {
    const assignment = await this.visible(ctx, id);
    return this.end(ctx, assignment, CancelledBy.County, dto.reason);
  }

  // By the expert: no fee and no penalty; the coordinator is told and can offer the work again.
  async withdraw(ctx: AuthContext, id: string, dto: CancelDto): Promise<AssignmentResponse> {
    const assignment = await this.visible(ctx, id);
    return this.end(ctx, assignment, CancelledBy.Expert, dto.reason);
  }

  async complete(ctx: AuthContext, id: string, dto: CompleteDto): Promise<AssignmentResponse> {
    const assignment = await this.visible(ctx, id);
    if (!HOLDING_STATUSES.includes(assignment.status))
      throw BookingErrors.assignmentStatusConflict(assignment.status, 'completed');
    if (assignment.endsAt > this.clock.now()) throw BookingErrors.notEnded();
    // Work is done under a signed contract (county rule 4): accepted → confirmed (signed) → completed (PRODUCT.md §4),
    // and only completed work is paid. A no-show is no work, and can be marked before the contract is signed.
    if (dto.tookPlace && assignment.status !== AssignmentStatus.Confirmed) throw BookingErrors.notUnderContract();
    const status = dto.tookPlace ? AssignmentStatus.Completed : AssignmentStatus.NotHeld;
    const mailIds = await this.dataSource.transaction(async (manager) => {
      const completed = await this.booking.completeAssignment(manager, id, status, this.clock.now(), ctx.user.id);
      if (!completed) throw BookingErrors.assignmentStatusConflict(assignment.status, 'completed');
      await this.audit.log(ctx, `assignment.${status}`, ['assignment', id], { by: ctx.user.role }, manager);
      const change = await this.booking.completeRequestIfDone(manager, assignment.requestId);
      if (change)
        await this.audit.log(ctx, 'request.status_changed', ['booking_request', assignment.requestId], change, manager);
      // A no-show: no fee is due (nothing can be claimed for it), and the coordinators are told.
      return dto.tookPlace ? [] : this.tellOfNoShow(manager, assignment);
    });
    await this.mail.dispatch(mailIds);
    return this.get(ctx, id);
  }

  @OnJob(JobName.RemindCompletion)
  async remind({ assignmentId }: JobPayloads[JobName.RemindCompletion]): Promise<void> {
    const assignment = await this.booking.findAssignment(assignmentId);
    if (!assignment || !HOLDING_STATUSES.includes(assignment.status)) return;
    // The work was moved later after this reminder was queued: the one queued for its new end reminds then.
    if (assignment.endsAt.getTime() + REMIND_AFTER_MS > this.clock.now().getTime() + 60_000) return;
    const mailId = await this.dataSource.transaction(async (manager) => {
      const orderer = await this.booking.findActiveUser(manager, assignment.request.createdBy);
      if (!orderer) return null;
      await this.audit.log(null, 'assignment.completion_reminded', ['assignment', assignmentId], {}, manager);
      return this.mail.compose(manager, recipient(orderer), reminderMail, {
        requestId: assignment.requestId,
        title: assignment.request.title,
        startsAt: assignment.startsAt,
        endsAt: assignment.endsAt,
      });
    });
    if (mailId) await this.mail.dispatch([mailId]);
  }

  async scheduleReminder(assignment: AssignmentEntity): Promise<void> {
    const delayMs = Math.max(0, assignment.endsAt.getTime() + REMIND_AFTER_MS - this.clock.now().getTime());
    await enqueueAfterCommit(
      this.jobs.enqueue(
        JobName.RemindCompletion,
        { assignmentId: assignment.id },
        // One per end time: a change of time queues its own.
        { jobId: `completion-reminder-${assignment.id}-${assignment.endsAt.getTime()}`, delayMs },
      ),
      this.logger,
      { assignmentId: assignment.id },
      'Completion reminder not queued',
    );
  }

  private async end(
    ctx: AuthContext,
    assignment: AssignmentWithRequest,
    party: CancelledBy,
    reason: string,
  ): Promise<AssignmentResponse> {
    if (!HOLDING_STATUSES.includes(assignment.status))
      throw BookingErrors.assignmentStatusConflict(assignment.status, 'cancelled');
    const mailIds = await this.dataSource.transaction(async (manager) => {
      const request = await this.booking.lockRequest(manager, assignment.requestId);
      // Its end read again under the order's lock, which a change of time takes too.
      const current = await this.booking.findAssignment(assignment.id, manager);
      if (current && workEnded([current], this.clock.now())) throw BookingErrors.workEnded();
      const ids = await this.cancellation.cancel(manager, ctx, assignment, request!, party, reason);
      if (ids.length === 0) throw BookingErrors.assignmentStatusConflict('finished', 'cancelled');
      if (request && request.status !== RequestStatus.Cancelled) {
        const change = await this.booking.setRequestStatus(
          manager,
          request.id,
          fillStatus(await this.booking.countHolding(manager, request.id), request.expertsNeeded),
        );
        if (change)
          await this.audit.log(ctx, 'request.status_changed', ['booking_request', request.id], change, manager);
      }
      if (party === CancelledBy.Expert) ids.push(...(await this.tellOfWithdrawal(manager, assignment, ctx.user.name)));
      return ids;
    });
    await this.cancellation.dispatch(mailIds);
    return this.get(ctx, assignment.id);
  }

  // The coordinators, to offer the work again, and the orderer who made the order, each in their own language.
  // The expert's reason stays out of both mails: it may be about their health.
  private async tellOfWithdrawal(
    manager: EntityManager,
    assignment: AssignmentWithRequest,
    expertName: string,
  ): Promise<string[]> {
    const params = {
      requestId: assignment.requestId,
      title: assignment.request.title,
      startsAt: assignment.startsAt,
      endsAt: assignment.endsAt,
      expertName,
    };
    const coordinators = await this.booking.findActiveCoordinators(manager);
    const ids: string[] = [];
    const about = assignment.expertId;
    for (const c of coordinators)
      ids.push(await this.mail.compose(manager, recipient(c), withdrawnMail, params, about));
    const orderer = await this.booking.findActiveUser(manager, assignment.request.createdBy);
    if (orderer) ids.push(await this.mail.compose(manager, recipient(orderer), ordererWithdrawnMail, params, about));
    return ids;
  }

  private async tellOfNoShow(manager: EntityManager, assignment: AssignmentWithRequest): Promise<string[]> {
    const params = {
      requestId: assignment.requestId,
      title: assignment.request.title,
      startsAt: assignment.startsAt,
      endsAt: assignment.endsAt,
      expertName: assignment.expert?.user?.name ?? '',
    };
    const coordinators = await this.booking.findActiveCoordinators(manager);
    const ids: string[] = [];
    for (const c of coordinators)
      ids.push(await this.mail.compose(manager, recipient(c), noShowMail, params, assignment.expertId));
    return ids;
  }
}
