import { Injectable } from '@nestjs/common';
import { AuthContext } from '../../../common/auth/auth-context';
import { Clock } from '../../../common/clock/clock.service';
import { AppConfig } from '../../../config/app-config';
import { bookedPrice, FeePayees, RatesRepository } from '../../fees';
import { AssignmentCancellation } from '../assignments/assignment-cancellation.service';
import { BookingErrors } from '../booking.errors';
import { BookingRepository, HOLDING_STATUSES } from '../booking.repository';
import { BookingRequestsService } from '../requests/booking-requests.service';
import { AssignmentEntity, CancelledBy } from '../entities/assignment.entity';
import { BookingRequestEntity } from '../entities/booking-request.entity';
import { canCancel, workEnded } from '../requests/request-transitions.rule';
import { CancellationQuoteResponse } from './cancellation-quote.response';

// A dry run of the county's cancellation: the same late-cancellation decision (AssignmentCancellation.feesDue)
// and the same pricing as the claim it would file, so the browser never holds a copy of the rule. What it quotes is
// what would be paid: a fee due to an expert the fee run pays no fee (FeePayees, the fee run's payee rule) is 0.
@Injectable()
export class CancellationQuoteService {
  constructor(
    private readonly requests: BookingRequestsService,
    private readonly booking: BookingRepository,
    private readonly cancellation: AssignmentCancellation,
    private readonly rates: RatesRepository,
    private readonly payees: FeePayees,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async forRequest(ctx: AuthContext, id: string): Promise<CancellationQuoteResponse> {
    const request = await this.requests.visible(ctx, id);
    if (!canCancel(request.status)) throw BookingErrors.requestStatusConflict(request.status, 'cancelled');
    const holding = (await this.booking.findAssignmentsOf([id])).filter((a) => HOLDING_STATUSES.includes(a.status));
    if (workEnded(holding, this.clock.now())) throw BookingErrors.workEnded();
    return this.quote(request, holding);
  }

  async forAssignment(ctx: AuthContext, id: string): Promise<CancellationQuoteResponse> {
    const assignment = await this.booking.findAssignment(id);
    if (!assignment) throw BookingErrors.assignmentNotFound();
    const request = await this.requests.visible(ctx, assignment.requestId).catch(() => {
      throw BookingErrors.assignmentNotFound();
    });
    if (!HOLDING_STATUSES.includes(assignment.status))
      throw BookingErrors.assignmentStatusConflict(assignment.status, 'cancelled');
    if (workEnded([assignment], this.clock.now())) throw BookingErrors.workEnded();
    return this.quote(request, [assignment]);
  }

  private async quote(request: BookingRequestEntity, holding: AssignmentEntity[]): Promise<CancellationQuoteResponse> {
    const fees = await this.rates.currentFees();
    const due = this.cancellation.feesDue(holding, CancelledBy.County);
    const paid = await this.payees.paysFee(holding.map((a) => a.expertId));
    const assignments = holding.map((a) => {
      const feeDue = due.get(a.id)!;
      const noFeePaid = feeDue && !paid.get(a.expertId);
      const price = bookedPrice(
        {
          taskType: request.taskType,
          startsAt: a.startsAt,
          endsAt: a.endsAt,
          preparationMinutes: request.preparationMinutes,
        },
        fees,
      );
      return {
        assignmentId: a.id,
        startsAt: a.startsAt.toISOString(),
        feeDue,
        noFeePaid,
        feeCents: feeDue && !noFeePaid ? (price?.feeCents ?? null) : 0,
      };
    });
    return {
      lateCancellationHours: this.config.env.LATE_CANCELLATION_HOURS,
      quotedAt: this.clock.now().toISOString(),
      feeDue: assignments.some((a) => a.feeDue && !a.noFeePaid),
      noFeePaid: assignments.some((a) => a.noFeePaid),
      totalFeeCents: assignments.reduce((sum, a) => sum + (a.feeCents ?? 0), 0),
      assignments,
    };
  }
}
