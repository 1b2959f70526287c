import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthContext } from '../../../common/auth/auth-context';
import { Clock } from '../../../common/clock/clock.service';
import { fieldError } from '../../../common/errors/domain-error';
import { PgCode, pgConstraint, pgErrorCode } from '../../../common/errors/pg-errors';
import { formatTimeRange } from '../../../common/i18n/format';
import { AppConfig } from '../../../config/app-config';
import { AuditService } from '../../audit';
import { ContractEnding, ContractRescheduling } from '../../contracts';
import { MailService } from '../../mail';
import { AssignmentsService } from '../assignments/assignments.service';
import { BookingErrors } from '../booking.errors';
import { BookingRepository } from '../booking.repository';
import { AssignmentResponse } from '../dto/booking.response';
import { AssignmentEntity, AssignmentStatus, AssignmentWithRequest } from '../entities/assignment.entity';
import { TimeChangeEntity, TimeChangeStatus } from '../entities/time-change.entity';
import { ProposeTimeChangeDto } from './propose-time-change.dto';
import { canMove, hasLapsed } from './time-change.rule';
import { timeChangeAnsweredMail, timeChangeProposedMail } from './time-change.mails';
import { TimeChangesRepository } from './time-changes.repository';

const MAX_LENGTH_MS = 10 * 3600_000;

// A change of a booked assignment's time (PRODUCT §4): the orderer proposes, and it takes effect only when the
// expert accepts. Accepting moves the work (the exclusion constraint still refuses an overlap) and gives a contract
// that states the old time a new version, in one transaction.
@Injectable()
export class TimeChangesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly booking: BookingRepository,
    private readonly timeChanges: TimeChangesRepository,
    private readonly assignments: AssignmentsService,
    private readonly contractEnding: ContractEnding,
    private readonly rescheduling: ContractRescheduling,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  // By the orderer of the order's own unit or project.
  async propose(ctx: AuthContext, assignmentId: string, dto: ProposeTimeChangeDto): Promise<AssignmentResponse> {
    const assignment = await this.assignments.visible(ctx, assignmentId);
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    const now = this.clock.now();
    if (startsAt <= now) throw fieldError('startsAt', 'inPast', 'must be in the future');
    if (endsAt <= startsAt) throw fieldError('endsAt', 'beforeStart', 'must be after startsAt');
    if (endsAt.getTime() - startsAt.getTime() > MAX_LENGTH_MS)
      throw fieldError('endsAt', 'longerThanWorkDay', 'an assignment lasts at most one working day (10 hours)');
    if (startsAt.getTime() === assignment.startsAt.getTime() && endsAt.getTime() === assignment.endsAt.getTime())
      throw fieldError('startsAt', 'unchanged', 'is the time the assignment already has');
    if (!canMove(assignment.status, assignment.startsAt, now)) throw BookingErrors.notMovable(this.state(assignment));
    // A time the expert already holds other work at could never be accepted; the orderer learns only that.
    if (
      await this.timeChanges.findOverlapping(
        this.dataSource.manager,
        assignment.expertId,
        startsAt,
        endsAt,
        assignmentId,
      )
    )
      throw BookingErrors.doubleBooked();
    const mailId = await this.dataSource
      .transaction(async (manager) => {
        // The order's lock serialises this with a cancellation of the same work.
        await this.booking.lockRequest(manager, assignment.requestId);
        const current = await this.reload(manager, assignmentId);
        if (!canMove(current.status, current.startsAt, now)) throw BookingErrors.notMovable(this.state(current));
        // A proposal left unanswered past its proposed start holds the place of one no longer: it gives way.
        const waiting = await this.timeChanges.lockOpen(manager, assignmentId);
        if (waiting && hasLapsed(waiting, current.startsAt, now))
          for (const id of await this.timeChanges.withdrawOpen(manager, assignmentId, now))
            await this.audit.log(
              ctx,
              'assignment.time_change_withdrawn',
              ['assignment', assignmentId],
              { timeChangeId: id },
              manager,
            );
        const change = await this.timeChanges.save(manager, {
          assignmentId,
          status: TimeChangeStatus.Open,
          fromStartsAt: current.startsAt,
          fromEndsAt: current.endsAt,
          startsAt,
          endsAt,
          proposedBy: ctx.user.id,
          proposedAt: now,
        });
        await this.audit.log(
          ctx,
          'assignment.time_change_proposed',
          ['assignment', assignmentId],
          { timeChangeId: change.id, ...range(current, change) },
          manager,
        );
        const expert = await this.booking.findUser(manager, current.expertId);
        return this.mail.compose(
          manager,
          { userId: expert.id, email: expert.email, language: expert.language },
          timeChangeProposedMail,
          { ...this.mailParams(current, change), assignmentId },
        );
      })
      .catch((error: unknown) => {
        if (pgErrorCode(error) === PgCode.UniqueViolation && pgConstraint(error) === 'assignment_time_changes_one_open')
          throw BookingErrors.timeChangeOpen();
        throw error;
      });
    await this.mail.dispatch([mailId]);
    return this.assignments.get(ctx, assignmentId);
  }

  // By the assigned expert. The locks are taken in the order booking and signing take them: the order, the expert,
  // the contracts over the work, then the work itself.
  async accept(ctx: AuthContext, assignmentId: string): Promise<AssignmentResponse> {
    const assignment = await this.assignments.visible(ctx, assignmentId);
    const now = this.clock.now();
    const { mailIds, moved } = await this.dataSource
      .transaction(async (manager) => {
        await this.booking.lockRequest(manager, assignment.requestId);
        await this.booking.lockExpert(manager, assignment.expertId);
        const covering = await this.contractEnding.lockCovering(manager, assignmentId);
        const change = await this.timeChanges.lockOpen(manager, assignmentId);
        if (!change) throw BookingErrors.timeChangeNotOpen();
        const current = await this.reload(manager, assignmentId);
        if (hasLapsed(change, current.startsAt, now)) throw BookingErrors.timeChangeLapsed();
        if (!canMove(current.status, current.startsAt, now)) throw BookingErrors.notMovable(this.state(current));
        const other = await this.timeChanges.findOverlapping(
          manager,
          current.expertId,
          change.startsAt,
          change.endsAt,
          assignmentId,
        );
        if (other)
          throw BookingErrors.movedOntoAnother(other.title, formatTimeRange(other.startsAt, other.endsAt, 'en'));
        if (!(await this.booking.moveAssignment(manager, assignmentId, change.startsAt, change.endsAt)))
          throw BookingErrors.notMovable(current.status);
        await this.timeChanges.answer(manager, change.id, TimeChangeStatus.Accepted, now, ctx.user.id);
        const versions = await this.rescheduling.workMoved(
          manager,
          covering,
          { assignmentId, from: current, to: change },
          { id: ctx.user.id, meta: ctx },
        );
        await this.audit.log(
          ctx,
          'assignment.time_changed',
          ['assignment', assignmentId],
          {
            timeChangeId: change.id,
            ...range(current, change),
            unconfirmed: current.status === AssignmentStatus.Confirmed,
            contractVersions: versions.map((v) => v.id),
          },
          manager,
        );
        const mailIds = await this.tellOrderer(manager, current, change, ctx.user.name, true, versions.length > 0);
        return { mailIds, moved: { ...current, startsAt: change.startsAt, endsAt: change.endsAt } };
      })
      .catch((error: unknown) => {
        // Lost a race to a booking that now holds the expert at the new time.
        if (pgErrorCode(error) === PgCode.ExclusionViolation && pgConstraint(error) === 'assignments_no_double_booking')
          throw BookingErrors.doubleBooked();
        throw error;
      });
    await this.mail.dispatch(mailIds);
    await this.assignments.scheduleReminder(moved);
    return this.assignments.get(ctx, assignmentId);
  }

  // By the assigned expert: nothing changes; the orderer may keep the time or cancel.
  async decline(ctx: AuthContext, assignmentId: string): Promise<AssignmentResponse> {
    const assignment = await this.assignments.visible(ctx, assignmentId);
    const mailIds = await this.dataSource.transaction(async (manager) => {
      await this.booking.lockRequest(manager, assignment.requestId);
      const change = await this.timeChanges.lockOpen(manager, assignmentId);
      if (!change) throw BookingErrors.timeChangeNotOpen();
      const current = await this.reload(manager, assignmentId);
      // Past its time a decline would tell the orderer to keep or cancel work already begun: nothing is answered.
      if (hasLapsed(change, current.startsAt, this.clock.now())) throw BookingErrors.timeChangeLapsed();
      await this.timeChanges.answer(manager, change.id, TimeChangeStatus.Declined, this.clock.now(), ctx.user.id);
      await this.audit.log(
        ctx,
        'assignment.time_change_declined',
        ['assignment', assignmentId],
        { timeChangeId: change.id, ...range({ startsAt: change.fromStartsAt, endsAt: change.fromEndsAt }, change) },
        manager,
      );
      return this.tellOrderer(manager, current, change, ctx.user.name, false, false);
    });
    await this.mail.dispatch(mailIds);
    return this.assignments.get(ctx, assignmentId);
  }

  private async reload(manager: EntityManager, id: string): Promise<AssignmentWithRequest> {
    const assignment = await this.booking.findAssignment(id, manager);
    if (!assignment) throw BookingErrors.assignmentNotFound();
    return assignment;
  }

  private state(a: AssignmentEntity): string {
    return a.status === AssignmentStatus.Accepted || a.status === AssignmentStatus.Confirmed ? 'started' : a.status;
  }

  private async tellOrderer(
    manager: EntityManager,
    assignment: AssignmentWithRequest,
    change: TimeChangeEntity,
    expertName: string,
    accepted: boolean,
    newContract: boolean,
  ): Promise<string[]> {
    const orderer = await this.booking.findActiveUser(manager, change.proposedBy);
    if (!orderer) return [];
    return [
      await this.mail.compose(
        manager,
        { userId: orderer.id, email: orderer.email, language: orderer.language },
        timeChangeAnsweredMail,
        {
          ...this.mailParams(assignment, change),
          requestId: assignment.requestId,
          expertName,
          accepted,
          newContract,
          lateHours: this.config.env.LATE_CANCELLATION_HOURS,
        },
        assignment.expertId,
      ),
    ];
  }

  private mailParams(assignment: AssignmentWithRequest, change: TimeChangeEntity) {
    return {
      title: assignment.request.title,
      fromStartsAt: change.fromStartsAt,
      fromEndsAt: change.fromEndsAt,
      startsAt: change.startsAt,
      endsAt: change.endsAt,
    };
  }
}

// The audit row's flat record of a move.
function range(from: { startsAt: Date; endsAt: Date }, to: { startsAt: Date; endsAt: Date }) {
  return {
    fromStartsAt: from.startsAt.toISOString(),
    fromEndsAt: from.endsAt.toISOString(),
    startsAt: to.startsAt.toISOString(),
    endsAt: to.endsAt.toISOString(),
  };
}
