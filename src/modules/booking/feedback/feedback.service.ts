import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessRequest, requireAccess } from '../../../common/auth/access';
import { AuthContext } from '../../../common/auth/auth-context';
import { Role } from '../../../common/auth/role.enum';
import { PgCode, pgErrorCode } from '../../../common/errors/pg-errors';
import { AuditService } from '../../audit';
import { OrganisationsRepository } from '../../organisations';
import { BookingErrors } from '../booking.errors';
import { BookingRepository } from '../booking.repository';
import { FeedbackDto } from '../dto/booking-actions.dto';
import { FeedbackResponse, toFeedbackResponse } from '../dto/feedback.response';
import { AssignmentStatus, AssignmentWithRequest } from '../entities/assignment.entity';
import { FeedbackViewer, readableSides, writingSide } from './feedback-sides.rule';
import { FeedbackRepository } from './feedback.repository';

// After completion each side (the ordering unit or project, the expert) rates the work once; the coordinator reads both.
@Injectable()
export class FeedbackService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly booking: BookingRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly feedback: FeedbackRepository,
    private readonly audit: AuditService,
  ) {}

  async give(ctx: AuthContext, assignmentId: string, dto: FeedbackDto): Promise<FeedbackResponse> {
    const { assignment, rights: side } = await requireAccess(
      this.audit,
      ctx,
      this.access(ctx, assignmentId, writingSide),
    );
    if (assignment.status !== AssignmentStatus.Completed) throw BookingErrors.feedbackNotOpen(assignment.status);
    const saved = await this.dataSource
      .transaction(async (manager) => {
        const saved = await this.feedback.insert(manager, {
          assignmentId,
          author: side,
          authorId: ctx.user.id,
          rating: dto.rating,
          comment: dto.comment ?? '',
        });
        await this.audit.log(ctx, 'assignment.feedback_given', ['assignment', assignmentId], { author: side }, manager);
        return saved;
      })
      .catch((error: unknown) => {
        throw pgErrorCode(error) === PgCode.UniqueViolation ? BookingErrors.feedbackExists() : error;
      });
    return toFeedbackResponse(saved);
  }

  async list(ctx: AuthContext, assignmentId: string): Promise<FeedbackResponse[]> {
    const { rights: sides } = await requireAccess(this.audit, ctx, this.access(ctx, assignmentId, readableSides));
    return (await this.feedback.findSides(assignmentId, sides)).map(toFeedbackResponse);
  }

  // The assignment with what the caller may do with its feedback (`rights`: the side they write, or the sides they
  // read); one with no such right answers as if it did not exist, and the attempt is audited.
  private access<R>(
    ctx: AuthContext,
    assignmentId: string,
    rights: (viewer: FeedbackViewer) => R | null,
  ): AccessRequest<{ assignment: AssignmentWithRequest; rights: R }> {
    return {
      entityType: 'assignment',
      id: assignmentId,
      find: async () => {
        const assignment = await this.booking.findAssignment(assignmentId);
        // No rights (null) is refused by `allows` below, so past requireAccess they are never null.
        return assignment && { assignment, rights: rights(await this.viewer(ctx, assignment)) as R };
      },
      allows: (row) => row.rights !== null,
      notFound: BookingErrors.assignmentNotFound,
    };
  }

  private async viewer(ctx: AuthContext, assignment: AssignmentWithRequest): Promise<FeedbackViewer> {
    return {
      role: ctx.user.role,
      isAssignmentExpert: ctx.user.role === Role.Expert && assignment.expertId === ctx.user.id,
      isOrderingMember:
        ctx.user.role === Role.Orderer &&
        (await this.organisations.isMember(assignment.request.organisationId, ctx.user.id)),
    };
  }
}
