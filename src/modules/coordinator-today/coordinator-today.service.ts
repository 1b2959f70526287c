import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthContext } from '../../common/auth/auth-context';
import { requireAccess } from '../../common/auth/access';
import { Role } from '../../common/auth/role.enum';
import { Clock } from '../../common/clock/clock.service';
import { AuditService } from '../audit';
import { BookingErrors } from '../booking';
import { AssignmentStatus } from '../booking/entities/assignment.entity';
import { CoordinatorTodayResponse, NoShowHandledResponse } from './dto/coordinator-today.response';
import { CoordinatorTodayRepository } from './coordinator-today.repository';

@Injectable()
export class CoordinatorTodayService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly today: CoordinatorTodayRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  // The route is the coordinator's alone (the guard); every queue is county-wide, so there is nothing per object to check.
  async get(): Promise<CoordinatorTodayResponse> {
    const now = this.clock.now();
    const [counts, credentials, orders, offersExpiring, contracts, claims, feeRuns, noShows] = await Promise.all([
      this.today.counts(now),
      this.today.credentials(),
      this.today.orders(),
      this.today.offersExpiring(now),
      this.today.contracts(),
      this.today.claims(),
      this.today.feeRuns(),
      this.today.noShows(),
    ]);
    return { counts, credentials, orders, offersExpiring, contracts, claims, feeRuns, noShows };
  }

  // The coordinator has looked at a no-show: it leaves the queue. Any coordinator may (the queue is county-wide);
  // marking it again answers with the first mark, unchanged, and writes no second audit row.
  async markNoShowHandled(ctx: AuthContext, assignmentId: string): Promise<NoShowHandledResponse> {
    const assignment = await requireAccess(this.audit, ctx, {
      entityType: 'assignment',
      id: assignmentId,
      find: () => this.today.assignmentStatus(assignmentId),
      allows: () => ctx.user.role === Role.Coordinator,
      notFound: BookingErrors.assignmentNotFound,
    });
    if (assignment.status !== (AssignmentStatus.NotHeld as string))
      throw BookingErrors.assignmentStatusConflict(assignment.status, 'handled as a no-show');
    const review = await this.dataSource.transaction(async (manager) => {
      const result = await this.today.markHandled(manager, assignmentId, ctx.user.id);
      if (result.created) await this.audit.log(ctx, 'no_show.handled', ['assignment', assignmentId], {}, manager);
      return result;
    });
    return { assignmentId, handledBy: review.handledBy, handledAt: new Date(review.handledAt).toISOString() };
  }
}
