import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthContext } from '../../../common/auth/auth-context';
import { Role } from '../../../common/auth/role.enum';
import { PgCode, pgErrorCode } from '../../../common/errors/pg-errors';
import { AuditService } from '../../audit/audit.service';
import { BookingErrors } from '../booking.errors';
import { BookingRepository } from '../booking.repository';
import { FeedbackDto } from '../dto/booking-actions.dto';
import { FeedbackResponse, toFeedbackResponse } from '../dto/feedback.response';
import { AssignmentEntity, AssignmentStatus } from '../entities/assignment.entity';
import { BookingRequestEntity } from '../entities/booking-request.entity';
import { FeedbackViewer, readableSides, writingSide } from './feedback-sides.rule';
import { FeedbackRepository } from './feedback.repository';

type AssignmentWithRequest = AssignmentEntity & { request: BookingRequestEntity };

// After completion each side (the ordering unit or project, the expert) rates the work once; the coordinator reads both.
@Injectable()
export class FeedbackService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly booking: BookingRepository,
    private readonly feedback: FeedbackRepository,
    private readonly audit: AuditService,
  ) {}

  async give(ctx: AuthContext, assignmentId: string, dto: FeedbackDto): Promise<FeedbackResponse> {
    const assignment = await this.booking.findAssignment(assignmentId);
    const side = assignment && writingSide(await this.viewer(ctx, assignment));
    if (!assignment || !side) return this.deny(ctx, assignmentId, assignment);
    if (assignment.status !== AssignmentStatus.Completed) throw BookingErrors.feedbackNotOpen(assignment.status);
    const saved = await this.dataSource
      .transaction(async (manager) => {
        const saved = await this.feedback.insert(manager, { assignmentId, author: side, authorId: ctx.user.id, rating: dto.rating, comment: dto.comment ?? '' });
        await this.audit.record(
          { actorId: ctx.user.id, action: 'assignment.feedback_given', entityType: 'assignment', entityId: assignmentId, meta: ctx, details: { author: side } },
          manager,
        );
        return saved;
      })
      .catch((error: unknown) => {
        throw pgErrorCode(error) === PgCode.UniqueViolation ? BookingErrors.feedbackExists() : error;
      });
    return toFeedbackResponse(saved);
  }

  async list(ctx: AuthContext, assignmentId: string): Promise<FeedbackResponse[]> {
    const assignment = await this.booking.findAssignment(assignmentId);
    const sides = assignment && readableSides(await this.viewer(ctx, assignment));
    if (!assignment || !sides) return this.deny(ctx, assignmentId, assignment);
    return (await this.feedback.findSides(assignmentId, sides)).map(toFeedbackResponse);
  }

  private async viewer(ctx: AuthContext, assignment: AssignmentWithRequest): Promise<FeedbackViewer> {
    return {
      role: ctx.user.role,
      isAssignmentExpert: ctx.user.role === Role.Expert && assignment.expertId === ctx.user.id,
      isOrderingMember: ctx.user.role === Role.Orderer && (await this.booking.isMember(assignment.request.organisationId, ctx.user.id)),
    };
  }

  // Another's assignment answers as if it did not exist; the attempt is audited.
  private async deny(ctx: AuthContext, assignmentId: string, found: AssignmentEntity | null): Promise<never> {
    if (found) await this.audit.record({ actorId: ctx.user.id, action: 'authz.denied', entityType: 'assignment', entityId: assignmentId, meta: ctx });
    throw BookingErrors.assignmentNotFound();
  }
}
