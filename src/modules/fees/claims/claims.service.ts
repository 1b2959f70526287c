import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { requireAccess } from '../../../common/auth/access';
import { AuthContext } from '../../../common/auth/auth-context';
import { Role } from '../../../common/auth/role.enum';
import { Clock } from '../../../common/clock/clock.service';
import { PgCode, pgConstraint, pgErrorCode } from '../../../common/errors/pg-errors';
import { localDate } from '../../../common/i18n/format';
import { AuditService } from '../../audit';
import { ClaimAccess } from './claim-access.service';
import {
  bookedMinutes,
  canEdit,
  canSubmit,
  claimKind,
  editableStatuses,
  kmToTenths,
  MAX_TOTAL_KM,
  maxClaimableMinutes,
  SUBMITTABLE,
  tripDateAllowed,
  withinTimeLimit,
} from './claim.rule';
import { ClaimsRepository } from './claims.repository';
import { ClaimFieldsDto, CreateClaimDto, ListClaimsQuery, UpdateClaimDto } from '../dto/claim.dto';
import { ClaimPageResponse, ClaimResponse } from '../dto/claim.response';
import { ClaimEntity, ClaimStatus, ClaimTrip } from '../entities/claim.entity';
// Booking's own error for an assignment one may not see: ASSIGNMENT_NOT_FOUND is defined once (an exception to the
// feature order, listed in .dependency-cruiser.cjs).
import { BookingErrors } from '../../booking';
import { FeeErrors } from '../fees.errors';
import { RatesRepository } from '../rates/rates.repository';
import { AssignmentWithRequest } from '../../booking/entities/assignment.entity';

type ClaimFields = Pick<ClaimEntity, 'workedMinutes' | 'preparationMinutes' | 'trips' | 'note'>;

// The expert's side of a claim: file it for their own finished assignment, correct it, send it.
@Injectable()
export class ClaimsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: ClaimsRepository,
    private readonly access: ClaimAccess,
    private readonly rates: RatesRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(ctx: AuthContext, dto: CreateClaimDto): Promise<ClaimResponse> {
    // An expert claims only for their own work; another's assignment answers as if it did not exist.
    const assignment = await requireAccess(this.audit, ctx, {
      entityType: 'assignment',
      id: dto.assignmentId,
      find: () => this.repo.findAssignment(dto.assignmentId),
      allows: (found) => found.expertId === ctx.user.id,
      notFound: BookingErrors.assignmentNotFound,
    });
    const kind = claimKind(assignment);
    if (!kind) throw FeeErrors.assignmentNotClaimable(assignment.status);
    await this.requireWithinTimeLimit(assignment);
    const fields = this.fields(assignment, kind === 'late_cancellation', dto);
    const id = await this.dataSource
      .transaction(async (manager) => {
        const claim = await this.repo.insert(manager, {
          assignmentId: assignment.id,
          expertId: ctx.user.id,
          status: ClaimStatus.Draft,
          lateCancellation: kind === 'late_cancellation',
          workDate: localDate(assignment.startsAt),
          ...fields,
        });
        await this.audit.log(ctx, 'claim.created', ['claim', claim.id], { assignmentId: assignment.id }, manager);
        return claim.id;
      })
      .catch(async (error: unknown) => {
        const duplicate =
          pgErrorCode(error) === PgCode.UniqueViolation && pgConstraint(error) === 'claims_one_per_assignment';
        if (!duplicate) throw error;
        // Made before (on another device, or by a first press whose answer was lost): the refusal names it.
        throw FeeErrors.claimExists(await this.repo.findIdForAssignment(assignment.id, ctx.user.id));
      });
    return this.access.reload(id);
  }

  async update(ctx: AuthContext, id: string, dto: UpdateClaimDto): Promise<ClaimResponse> {
    const claim = await requireAccess(this.audit, ctx, this.access.claim(ctx, id, 'own'));
    if (!canEdit(claim.status, claim.lateCancellation)) throw FeeErrors.claimStatusConflict(claim.status, 'changed');
    if (dto.version && dto.version !== claim.version) throw FeeErrors.claimChanged();
    const fields = this.fields(claim.assignment, claim.lateCancellation, dto, claim);
    await this.dataSource.transaction(async (manager) => {
      // A change undoes a first approval (four eyes): both coordinators approve the same numbers.
      const changes = { ...fields, firstApprovedBy: null, firstApprovedAt: null };
      if (!(await this.repo.transition(manager, id, editableStatuses(claim.lateCancellation), changes, dto.version)))
        // Changed meanwhile: by a second tab, or decided (the status check above then speaks more exactly).
        throw dto.version ? FeeErrors.claimChanged() : FeeErrors.claimStatusConflict('decided', 'changed');
      const { version: _seen, ...changed } = dto;
      await this.audit.log(ctx, 'claim.updated', ['claim', id], { fields: Object.keys(changed) }, manager);
    });
    return this.access.reload(id);
  }

  // The time limit applies to the first submission; a claim the coordinator returned may come back later.
  async submit(ctx: AuthContext, id: string): Promise<ClaimResponse> {
    const claim = await requireAccess(this.audit, ctx, this.access.claim(ctx, id, 'own'));
    if (!canSubmit(claim.status)) throw FeeErrors.claimStatusConflict(claim.status, 'submitted');
    if (!claim.firstSubmittedAt) await this.requireWithinTimeLimit(claim.assignment);
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      const changes = {
        status: ClaimStatus.Submitted,
        submittedAt: now,
        firstSubmittedAt: claim.firstSubmittedAt ?? now,
        returnReason: null,
        // Sent again, it is undecided again (the return stays in the audit log).
        decidedBy: null,
        decidedAt: null,
      };
      if (!(await this.repo.transition(manager, id, [...SUBMITTABLE], changes)))
        throw FeeErrors.claimStatusConflict('decided', 'submitted');
      await this.audit.log(ctx, 'claim.submitted', ['claim', id], { from: claim.status }, manager);
    });
    return this.access.reload(id);
  }

  async list(ctx: AuthContext, query: ListClaimsQuery): Promise<ClaimPageResponse> {
    const expertId = ctx.user.role === Role.Coordinator ? undefined : ctx.user.id;
    const [claims, total] = await this.repo.findPage({
      expertId,
      status: query.status,
      limit: query.limit,
      offset: query.offset,
    });
    return { items: await this.access.respondMany(claims), total, limit: query.limit, offset: query.offset };
  }

  async get(ctx: AuthContext, id: string): Promise<ClaimResponse> {
    return this.access.respond(await requireAccess(this.audit, ctx, this.access.claim(ctx, id)));
  }

  private async requireWithinTimeLimit(assignment: AssignmentWithRequest): Promise<void> {
    const { claimTimeLimitDays } = await this.rates.settings();
    if (!withinTimeLimit(assignment.endsAt, this.clock.now(), claimTimeLimitDays))
      throw FeeErrors.timeLimitPassed(claimTimeLimitDays);
  }

  // The claim's reported numbers, checked against the booking. A late-cancelled assignment is paid for
  // its booked time, whatever is sent.
  private fields(
    assignment: AssignmentWithRequest,
    lateCancellation: boolean,
    dto: ClaimFieldsDto,
    current?: ClaimFields,
  ): ClaimFields {
    const bookedPreparation = assignment.request.preparationMinutes;
    let workedMinutes = bookedMinutes(assignment);
    let preparationMinutes = bookedPreparation;
    if (!lateCancellation) {
      workedMinutes = dto.workedMinutes ?? current?.workedMinutes ?? workedMinutes;
      preparationMinutes = dto.preparationMinutes ?? current?.preparationMinutes ?? preparationMinutes;
      const max = maxClaimableMinutes(assignment, bookedPreparation);
      if (workedMinutes + preparationMinutes > max) throw FeeErrors.minutesExceedBooking(max);
    }
    const trips: ClaimTrip[] = dto.trips
      ? dto.trips.map((t) => ({ from: t.from, to: t.to, kmTenths: kmToTenths(t.km), date: t.date }))
      : (current?.trips ?? []);
    const workDate = localDate(assignment.startsAt);
    trips.forEach((trip, index) => {
      if (!tripDateAllowed(trip.date, workDate)) throw FeeErrors.tripDateOutside(index);
    });
    if (trips.reduce((sum, t) => sum + t.kmTenths, 0) > kmToTenths(MAX_TOTAL_KM))
      throw FeeErrors.kilometresImplausible(MAX_TOTAL_KM);
    return { workedMinutes, preparationMinutes, trips, note: dto.note ?? current?.note ?? '' };
  }
}
