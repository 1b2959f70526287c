import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { requireAccess } from '../../common/auth/access';
import { AuthContext } from '../../common/auth/auth-context';
import { PgCode, pgConstraint, pgErrorCode } from '../../common/errors/pg-errors';
import { AuditService } from '../audit';
import { ExpertErrors, ExpertsRepository } from '../experts';
import { AVAILABILITY_KINDS, AvailabilityDraft, AvailabilityKind, AvailabilityRow } from './availability-kinds';
import { checkAbsence, checkValidity, unavailableReasons, windowMinutes } from './availability.rule';
import { AvailabilityErrors } from './availability.errors';
import { AvailabilityRepository, InstantRange } from './availability.repository';
import { AvailabilityRangeQuery } from './dto/availability-range.query';
import {
  AbsenceResponse,
  AvailabilityCheckResponse,
  AvailabilityResponse,
  AvailableExpertResponse,
  OneOffWindowResponse,
  toAbsenceResponse,
  toOneOffWindowResponse,
  toWeeklyWindowResponse,
  WeeklyWindowResponse,
} from './dto/availability.response';
import { CreateAbsenceDto } from './dto/create-absence.dto';
import { CreateOneOffWindowDto } from './dto/create-one-off-window.dto';
import { CreateWeeklyWindowDto } from './dto/create-weekly-window.dto';

function toRange(query: AvailabilityRangeQuery): InstantRange {
  return { start: new Date(query.start), end: new Date(query.end) };
}

@Injectable()
export class AvailabilityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: AvailabilityRepository,
    private readonly experts: ExpertsRepository,
    private readonly audit: AuditService,
  ) {}

  async mine(ctx: AuthContext): Promise<AvailabilityResponse> {
    return this.describe(await this.ownExpertId(ctx));
  }

  async ofExpert(_ctx: AuthContext, expertId: string): Promise<AvailabilityResponse> {
    if (!(await this.experts.findById(expertId))) throw ExpertErrors.notFound();
    return this.describe(expertId);
  }

  async addWeekly(ctx: AuthContext, dto: CreateWeeklyWindowDto): Promise<WeeklyWindowResponse> {
    const expertId = await this.ownExpertId(ctx);
    const times = windowMinutes(dto.from, dto.to);
    const validUntil = dto.validUntil ?? null;
    checkValidity(dto.validFrom, validUntil);
    const row = { expertId, weekday: dto.weekday, ...times, validFrom: dto.validFrom, validUntil };
    const saved = await this.add(ctx, 'weekly', row, () => this.repo.findOverlappingWeekly(row));
    return toWeeklyWindowResponse(saved);
  }

  async addOneOff(ctx: AuthContext, dto: CreateOneOffWindowDto): Promise<OneOffWindowResponse> {
    const expertId = await this.ownExpertId(ctx);
    const row = { expertId, day: dto.date, ...windowMinutes(dto.from, dto.to) };
    const saved = await this.add(ctx, 'oneOff', row, () => this.repo.findOverlappingOneOff(row));
    return toOneOffWindowResponse(saved);
  }

  async addAbsence(ctx: AuthContext, dto: CreateAbsenceDto): Promise<AbsenceResponse> {
    const expertId = await this.ownExpertId(ctx);
    checkAbsence(dto.firstDay, dto.lastDay);
    const row = { expertId, firstDay: dto.firstDay, lastDay: dto.lastDay };
    const saved = await this.add(ctx, 'absence', row, () => this.repo.findOverlappingAbsence(row));
    return toAbsenceResponse(saved);
  }

  // Only the expert's own rows; another's answers as if it did not exist.
  async remove(ctx: AuthContext, kind: AvailabilityKind, id: string): Promise<void> {
    const expertId = await this.ownExpertId(ctx);
    const { entityType } = AVAILABILITY_KINDS[kind];
    const notFound = () => AvailabilityErrors.notFound(kind);
    await requireAccess(this.audit, ctx, {
      entityType,
      id,
      find: () => this.repo.findOwner(kind, id),
      allows: (row) => row.expertId === expertId,
      notFound,
    });
    await this.dataSource.transaction(async (manager) => {
      // Removed meanwhile (a second DELETE at the same time): gone, as if it never was.
      if (!(await this.repo.removeOwn(manager, kind, expertId, id))) throw notFound();
      await this.audit.log(ctx, `${entityType}.deleted`, [entityType, id], {}, manager);
    });
  }

  async checkMine(ctx: AuthContext, query: AvailabilityRangeQuery): Promise<AvailabilityCheckResponse> {
    return this.check(ctx, await this.ownExpertId(ctx), query);
  }

  async check(_ctx: AuthContext, expertId: string, query: AvailabilityRangeQuery): Promise<AvailabilityCheckResponse> {
    const facts = await this.repo.findFacts(expertId, toRange(query));
    if (!facts) throw ExpertErrors.notFound();
    const reasons = unavailableReasons(facts);
    return { available: reasons.length === 0, reasons };
  }

  async availableExperts(_ctx: AuthContext, query: AvailabilityRangeQuery): Promise<AvailableExpertResponse[]> {
    return (await this.repo.findAvailableExperts(toRange(query))).map(({ id, name }) => ({ id, name }));
  }

  private async ownExpertId(ctx: AuthContext): Promise<string> {
    const expert = await this.experts.findById(ctx.user.id);
    if (!expert) throw ExpertErrors.notFound();
    return expert.userId;
  }

  private async describe(expertId: string): Promise<AvailabilityResponse> {
    const rows = await this.repo.findForExpert(expertId);
    return {
      weekly: rows.weekly.map(toWeeklyWindowResponse),
      oneOff: rows.oneOff.map(toOneOffWindowResponse),
      absences: rows.absences.map(toAbsenceResponse),
    };
  }

  // The database refuses overlaps (exclusion constraints), so parallel requests cannot slip past a check. What
  // overlaps only itself, the same times on the same days already kept (a form sent again after its answer was lost,
  // or from a second tab), is no conflict: the answer is the row kept, and nothing is added or logged.
  private async add<K extends AvailabilityKind>(
    ctx: AuthContext,
    kind: K,
    row: AvailabilityDraft<K>,
    findConflict: () => Promise<string | null>,
  ): Promise<AvailabilityRow<K>> {
    const { entityType, overlapConstraint } = AVAILABILITY_KINDS[kind];
    try {
      return await this.dataSource.transaction(async (manager) => {
        const saved = await this.repo.add(manager, kind, row);
        await this.audit.log(ctx, `${entityType}.created`, [entityType, saved.id], {}, manager);
        return saved;
      });
    } catch (error) {
      if (pgErrorCode(error) === PgCode.ExclusionViolation && pgConstraint(error) === overlapConstraint) {
        const same = await this.repo.findSame(kind, row);
        if (same) return same;
        throw AvailabilityErrors.overlap(kind, await findConflict());
      }
      throw error;
    }
  }
}
