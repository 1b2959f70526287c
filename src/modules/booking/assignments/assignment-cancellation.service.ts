import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthContext } from '../../../common/auth/auth-context';
import { Clock } from '../../../common/clock/clock.service';
import { AppConfig } from '../../../config/app-config';
import { AuditService } from '../../audit';
import { ContractEnding } from '../../contracts';
import { LateCancellationClaims, lateCancellationFeeCents } from '../../fees';
import { MailService, recipient } from '../../mail';
import { BookingRepository } from '../booking.repository';
import { AssignmentEntity, CancelledBy } from '../entities/assignment.entity';
import { BookingRequestEntity } from '../entities/booking-request.entity';
import { cancelledMail } from '../mail/booking.mails';
import { TimeChangesRepository } from '../time-change/time-changes.repository';

// Cancelling an assignment: the late-cancellation rule decides, and the decision is recorded with it. A fee due is
// claimed for the expert, and a contract left with no work ends, in the same transaction.
@Injectable()
export class AssignmentCancellation {
  constructor(
    private readonly booking: BookingRepository,
    private readonly contractEnding: ContractEnding,
    private readonly lateClaims: LateCancellationClaims,
    private readonly timeChanges: TimeChangesRepository,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  // The one late-cancellation decision: the cancellation records it, and the quote (a dry run) shows it first. The
  // clock reads the moment of cancelling against the start the work has: a change of time the expert declined moved
  // nothing (PRODUCT.md §4), so cancelling after it is late as any other (§5).
  feesDue(assignments: Pick<AssignmentEntity, 'id' | 'startsAt'>[], party: CancelledBy): Map<string, boolean> {
    const now = this.clock.now();
    return new Map(assignments.map((a) => [a.id, this.feeDue(a, party, now)]));
  }

  private feeDue(assignment: Pick<AssignmentEntity, 'startsAt'>, party: CancelledBy, at: Date): boolean {
    return lateCancellationFeeCents({
      cancelledAt: at,
      startsAt: assignment.startsAt,
      cancelledBy: party,
      fullFeeCents: 0,
      thresholdHours: this.config.env.LATE_CANCELLATION_HOURS,
    }).due;
  }

  // Inside the caller's transaction; returns the ids of the mails to dispatch after commit.
  async cancel(
    manager: EntityManager,
    ctx: AuthContext,
    assignment: AssignmentEntity,
    request: BookingRequestEntity,
    party: CancelledBy,
    reason: string,
  ): Promise<string[]> {
    const feeDue = this.feesDue([assignment], party).get(assignment.id)!;
    const contracts = await this.contractEnding.lockCovering(manager, assignment.id);
    const cancelled = await this.booking.cancelAssignment(manager, assignment.id, {
      cancelledAt: this.clock.now(),
      cancelledByParty: party,
      cancelledBy: ctx.user.id,
      cancelReason: reason,
      feeDue,
    });
    if (!cancelled) return [];
    // A change of time still waiting for the expert's answer has nothing left to move.
    for (const id of await this.timeChanges.withdrawOpen(manager, assignment.id, this.clock.now()))
      await this.audit.log(
        ctx,
        'assignment.time_change_withdrawn',
        ['assignment', assignment.id],
        { timeChangeId: id },
        manager,
      );
    await this.audit.log(
      ctx,
      'assignment.cancelled',
      ['assignment', assignment.id],
      { by: party, feeDue, from: assignment.status },
      manager,
    );
    const expert = await this.booking.findUser(manager, assignment.expertId);
    const params = {
      title: request.title,
      startsAt: assignment.startsAt,
      endsAt: assignment.endsAt,
      assignmentId: assignment.id,
      requestId: request.id,
      toOrderer: false,
      reason,
      feeDue,
      lateHours: this.config.env.LATE_CANCELLATION_HOURS,
    };
    const ids = [await this.mail.compose(manager, recipient(expert), cancelledMail, params)];
    // The fee due is claimed for the expert at once: nobody loses money because they did not know to ask for it.
    if (feeDue) {
      const work = {
        assignmentId: assignment.id,
        expertId: assignment.expertId,
        startsAt: assignment.startsAt,
        endsAt: assignment.endsAt,
      };
      ids.push(
        ...(await this.lateClaims.file(manager, ctx, {
          ...work,
          taskType: request.taskType,
          title: request.title,
          preparationMinutes: request.preparationMinutes,
        })),
      );
    }
    ids.push(
      ...(await this.contractEnding.workCancelled(
        manager,
        contracts,
        assignment.id,
        { id: ctx.user.id, meta: ctx },
        party,
      )),
    );
    if (party === CancelledBy.County && ctx.user.id !== request.createdBy) {
      const orderer = await this.booking.findUser(manager, request.createdBy);
      ids.push(await this.mail.compose(manager, recipient(orderer), cancelledMail, { ...params, toOrderer: true }));
    }
    return ids;
  }

  // The order's booked work, read under the order's lock.
  async cancelHolding(
    manager: EntityManager,
    ctx: AuthContext,
    request: BookingRequestEntity,
    holding: AssignmentEntity[],
    reason: string,
  ): Promise<string[]> {
    const ids: string[] = [];
    for (const assignment of holding)
      ids.push(...(await this.cancel(manager, ctx, assignment, request, CancelledBy.County, reason)));
    return ids;
  }

  dispatch(mailIds: string[]): Promise<void> {
    return this.mail.dispatch(mailIds);
  }
}
