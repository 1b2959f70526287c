import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessRequest, requireAccess } from '../../../common/auth/access';
import { AuthContext } from '../../../common/auth/auth-context';
import { Role } from '../../../common/auth/role.enum';
import { Clock } from '../../../common/clock/clock.service';
import { fieldError } from '../../../common/errors/domain-error';
import { pgConstraint } from '../../../common/errors/pg-errors';
import { localDate } from '../../../common/i18n/format';
import { Page } from '../../../common/http/pagination.dto';
import { AuditService } from '../../audit';
import { ExpertsRepository } from '../../experts';
import { OrganisationsRepository } from '../../organisations';
import { expectedFeeCents, FeePayees, FeeRate, RatesRepository } from '../../fees';
import { AssignmentCancellation } from '../assignments/assignment-cancellation.service';
import { BookingErrors } from '../booking.errors';
import { BookingRepository, HOLDING_STATUSES } from '../booking.repository';
import { OrderEstimate, RequestResponse, toRequestResponse } from '../dto/booking.response';
import { CancelDto } from '../dto/booking-actions.dto';
import { CreateRequestDto } from '../dto/create-request.dto';
import { ListRequestsQuery } from '../dto/list-requests.query';
import { AssignmentEntity, AssignmentStatus } from '../entities/assignment.entity';
import { BookingRequestEntity, RequestStatus } from '../entities/booking-request.entity';
import { TimeChangesRepository } from '../time-change/time-changes.repository';
import { canCancel, canEdit, canSubmit, workEnded } from './request-transitions.rule';

const MAX_LENGTH_MS = 10 * 3600_000;

// Orders from the county's own units and projects: drafted, submitted, read and cancelled.
@Injectable()
export class BookingRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly booking: BookingRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly experts: ExpertsRepository,
    private readonly cancellation: AssignmentCancellation,
    private readonly audit: AuditService,
    private readonly rates: RatesRepository,
    private readonly payees: FeePayees,
    private readonly timeChanges: TimeChangesRepository,
    private readonly clock: Clock,
  ) {}

  // With an idempotency key (the order form's own), the orderer's order made with that key before is the one: a
  // form sent again after its answer was lost changes that draft instead of making a second one, as a save of the
  // draft would (refused once it is no longer a draft). The unique index decides between two sends at once.
  async create(ctx: AuthContext, dto: CreateRequestDto, idempotencyKey?: string): Promise<RequestResponse> {
    const made = idempotencyKey && (await this.booking.findRequestByKey(ctx.user.id, idempotencyKey));
    if (made) return this.update(ctx, made.id, dto);
    const fields = await this.checkOrder(ctx, dto);
    try {
      const saved = await this.dataSource.transaction(async (manager) => {
        const saved = await this.booking.saveRequest(manager, {
          ...fields,
          createdBy: ctx.user.id,
          status: RequestStatus.Draft,
          idempotencyKey: idempotencyKey ?? null,
        });
        await this.audit.log(ctx, 'request.created', ['booking_request', saved.id], {}, manager);
        return saved;
      });
      return this.respond(ctx, saved, []);
    } catch (err) {
      if (!idempotencyKey || pgConstraint(err) !== 'booking_requests_one_per_key') throw err;
      return this.update(ctx, (await this.booking.findRequestByKey(ctx.user.id, idempotencyKey))!.id, dto);
    }
  }

  async update(ctx: AuthContext, id: string, dto: CreateRequestDto): Promise<RequestResponse> {
    const request = await requireAccess(this.audit, ctx, this.request(ctx, id));
    if (!canEdit(request.status)) throw BookingErrors.requestStatusConflict(request.status, 'edited');
    const fields = await this.checkOrder(ctx, dto);
    const saved = await this.dataSource.transaction(async (manager) => {
      const saved = await this.booking.saveRequest(manager, { ...request, ...fields });
      await this.audit.log(ctx, 'request.updated', ['booking_request', id], {}, manager);
      return saved;
    });
    return this.respond(ctx, saved, []);
  }

  async submit(ctx: AuthContext, id: string): Promise<RequestResponse> {
    const request = await requireAccess(this.audit, ctx, this.request(ctx, id));
    if (!canSubmit(request.status)) throw BookingErrors.requestStatusConflict(request.status, 'submitted');
    if (request.startsAt <= this.clock.now()) throw fieldError('startsAt', 'inPast', 'the start has already passed');
    // The organisation must still be active and the orderer still a member when the order goes out.
    if (!(await this.organisations.findOrderable(request.organisationId, ctx.user.id, localDate(request.startsAt)))) {
      throw ctx.user.role === Role.Orderer ? BookingErrors.notOwnOrganisation() : BookingErrors.organisationInactive();
    }
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.booking.submitDraft(manager, id, this.clock.now())))
        throw BookingErrors.requestStatusConflict(request.status, 'submitted');
      await this.audit.log(ctx, 'request.submitted', ['booking_request', id], {}, manager);
    });
    return this.get(ctx, id);
  }

  async list(ctx: AuthContext, query: ListRequestsQuery): Promise<Page<RequestResponse>> {
    const memberId = ctx.user.role === Role.Orderer ? ctx.user.id : undefined;
    const { status, organisationId, from, to, sort, limit, offset } = query;
    const [rows, total] = await this.booking.findRequests({
      memberId,
      status,
      organisationId,
      from,
      to,
      sort,
      limit,
      offset,
    });
    const [assignments, fees] = await Promise.all([
      this.booking.findAssignmentsOf(rows.map((r) => r.id)),
      this.rates.currentFees(),
    ]);
    const [timeChanges, unpaid] = await Promise.all([
      this.timeChanges.latestOf(assignments.map((a) => a.id)),
      this.unpaidExperts(assignments),
    ]);
    return {
      items: rows.map((r) => {
        const own = assignments.filter((a) => a.requestId === r.id);
        return toRequestResponse(r, own, ctx.user.role, estimate(r, own, fees, unpaid), timeChanges);
      }),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }

  async get(ctx: AuthContext, id: string): Promise<RequestResponse> {
    const request = await requireAccess(this.audit, ctx, this.request(ctx, id));
    return this.respond(ctx, request, await this.booking.findAssignmentsOf([id]));
  }

  // Every order carries its fee estimate from the rates in force, priced by the one rule offers and contracts use.
  private async respond(
    ctx: AuthContext,
    request: BookingRequestEntity,
    assignments: AssignmentEntity[],
  ): Promise<RequestResponse> {
    const [fees, timeChanges, unpaid] = await Promise.all([
      this.rates.currentFees(),
      this.timeChanges.latestOf(assignments.map((a) => a.id)),
      this.unpaidExperts(assignments),
    ]);
    return toRequestResponse(
      request,
      assignments,
      ctx.user.role,
      estimate(request, assignments, fees, unpaid),
      timeChanges,
    );
  }

  // The booked experts for whose work no fee is paid, by the fee run's payee rule (FeePayees, as the cancellation
  // quote decides it).
  private async unpaidExperts(assignments: AssignmentEntity[]): Promise<Set<string>> {
    if (assignments.length === 0) return new Set();
    const paid = await this.payees.paysFee(assignments.map((a) => a.expertId));
    return new Set([...paid].filter(([, pays]) => !pays).map(([expertId]) => expertId));
  }

  async cancel(ctx: AuthContext, id: string, dto: CancelDto): Promise<RequestResponse> {
    const request = await requireAccess(this.audit, ctx, this.request(ctx, id));
    if (!canCancel(request.status)) throw BookingErrors.requestStatusConflict(request.status, 'cancelled');
    const mailIds = await this.dataSource.transaction(async (manager) => {
      const locked = await this.booking.lockRequest(manager, id);
      if (!locked || !canCancel(locked.status))
        throw BookingErrors.requestStatusConflict(locked?.status ?? 'missing', 'cancelled');
      const now = this.clock.now();
      // Under the order's lock, as a change of time takes it: the work's end cannot move meanwhile.
      const holding = await this.booking.findHolding(manager, id);
      if (workEnded(holding, now)) throw BookingErrors.workEnded();
      await this.booking.cancelRequest(manager, id, now, ctx.user.id, dto.reason);
      const mailIds = await this.cancellation.cancelHolding(manager, ctx, locked, holding, dto.reason);
      await this.audit.log(ctx, 'request.cancelled', ['booking_request', id], { from: locked.status }, manager);
      return mailIds;
    });
    await this.cancellation.dispatch(mailIds);
    return this.get(ctx, id);
  }

  // The order, if the caller may read it: for the order's own sub-resources (material, timeline, quote).
  visible(ctx: AuthContext, id: string): Promise<BookingRequestEntity> {
    return requireAccess(this.audit, ctx, this.request(ctx, id));
  }

  // An orderer sees only their own units' and projects' requests; another's answers as if it did not exist.
  private request(ctx: AuthContext, id: string): AccessRequest<BookingRequestEntity> {
    return {
      entityType: 'booking_request',
      id,
      find: () => this.booking.findRequest(id),
      allows: async (request) =>
        ctx.user.role !== Role.Orderer || (await this.organisations.isMember(request.organisationId, ctx.user.id)),
      notFound: BookingErrors.requestNotFound,
    };
  }

  private async checkOrder(ctx: AuthContext, dto: CreateRequestDto) {
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    if (startsAt <= this.clock.now()) throw fieldError('startsAt', 'inPast', 'must be in the future');
    if (endsAt <= startsAt) throw fieldError('endsAt', 'beforeStart', 'must be after startsAt');
    if (endsAt.getTime() - startsAt.getTime() > MAX_LENGTH_MS)
      throw fieldError('endsAt', 'longerThanWorkDay', 'an assignment lasts at most one working day (10 hours)');
    if (dto.remoteTool !== undefined && !dto.remote)
      throw fieldError('remoteTool', 'onlyRemote', 'is given only for remote work');
    if (dto.meetingPoint !== undefined && dto.remote)
      throw fieldError('meetingPoint', 'onlyOnSite', 'is given only for work on site');
    const unknownTopics = await this.experts.unknownTopics(dto.topics ?? []);
    if (unknownTopics.length > 0)
      throw fieldError('topics', 'unknownTopic', `${unknownTopics.join(', ')} is not in the topic vocabulary`);
    if (dto.municipality && (await this.experts.unknownMunicipalities([dto.municipality])).length > 0) {
      throw fieldError('municipality', 'unknownMunicipality', "is not one of the county's municipalities");
    }
    // Rule 1: exactly one of the county's own units or projects, the orderer's own, active on the day.
    const organisation = await requireAccess(this.audit, ctx, {
      entityType: 'organisation',
      id: dto.organisationId,
      find: () => this.organisations.findById(dto.organisationId),
      allows: async () =>
        ctx.user.role !== Role.Orderer || (await this.organisations.isMember(dto.organisationId, ctx.user.id)),
      notFound: BookingErrors.notOwnOrganisation,
    });
    const day = localDate(startsAt);
    if (organisation.activeFrom > day || (organisation.activeUntil !== null && organisation.activeUntil < day)) {
      throw BookingErrors.organisationInactive();
    }
    return {
      organisationId: organisation.id,
      costCentre: organisation.code,
      taskType: dto.taskType,
      title: dto.title,
      description: dto.description ?? '',
      goal: dto.goal ?? '',
      audience: dto.audience ?? '',
      expertRole: dto.expertRole ?? '',
      meetingPoint: dto.meetingPoint ?? null,
      remoteTool: dto.remoteTool ?? null,
      materialUrl: dto.materialUrl ?? null,
      startsAt,
      endsAt,
      remote: dto.remote,
      municipality: dto.municipality ?? null,
      address: dto.address ?? null,
      languages: dto.languages,
      topics: dto.topics ?? [],
      expertsNeeded: dto.expertsNeeded,
      preparationMinutes: Math.round((dto.preparationHours ?? 0) * 60),
    };
  }
}

// The work the order is expected to pay for: the estimate for each expert needed, less the places held or filled by
// experts for whose work no fee is paid. Cancelled and unheld work takes no place.
const FILLING = [...HOLDING_STATUSES, AssignmentStatus.Completed];

function estimate(
  request: BookingRequestEntity,
  assignments: AssignmentEntity[],
  fees: readonly FeeRate[],
  unpaid: ReadonlySet<string>,
): OrderEstimate {
  const perExpertCents = expectedFeeCents(request, fees);
  const unpaidExperts = new Set(assignments.map((a) => a.expertId).filter((id) => unpaid.has(id)));
  const unpaidPlaces = assignments.filter((a) => FILLING.includes(a.status) && unpaid.has(a.expertId)).length;
  return {
    perExpertCents,
    totalCents: perExpertCents === null ? null : perExpertCents * Math.max(0, request.expertsNeeded - unpaidPlaces),
    unpaidExperts,
  };
}
