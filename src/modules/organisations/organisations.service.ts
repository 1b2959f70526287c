import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessRequest, requireAccess } from '../../common/auth/access';
import { AuthContext } from '../../common/auth/auth-context';
import { Role } from '../../common/auth/role.enum';
import { fieldError } from '../../common/errors/domain-error';
import { PgCode, pgErrorCode } from '../../common/errors/pg-errors';
import { AuditService } from '../audit';
import { CreateProjectDto } from './dto/create-project.dto';
import { CreateUnitDto } from './dto/create-unit.dto';
import {
  MemberResponse,
  MunicipalityResponse,
  OrganisationResponse,
  toMemberResponse,
  toMunicipalityResponse,
  toOrganisationResponse,
} from './dto/organisation.response';
import { UpdateProjectDto } from './dto/update-organisation.dto';
import { OrganisationEntity, OrganisationKind } from './entities/organisation.entity';
import { OrganisationErrors } from './organisations.errors';
import { OrganisationsRepository } from './organisations.repository';

const KIND_LABEL: Record<OrganisationKind, string> = { unit: 'Unit', project: 'Project' };

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: OrganisationsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: AuthContext, kind: OrganisationKind): Promise<OrganisationResponse[]> {
    const rows =
      ctx.user.role === Role.Orderer ? await this.repo.findForMember(kind, ctx.user.id) : await this.repo.findAll(kind);
    return rows.map(toOrganisationResponse);
  }

  async get(ctx: AuthContext, kind: OrganisationKind, id: string): Promise<OrganisationResponse> {
    return toOrganisationResponse(await requireAccess(this.audit, ctx, this.organisation(ctx, kind, id)));
  }

  async create(
    ctx: AuthContext,
    kind: OrganisationKind,
    dto: CreateUnitDto | CreateProjectDto,
  ): Promise<OrganisationResponse> {
    const ownerUnitId = 'ownerUnitId' in dto ? dto.ownerUnitId : null;
    const draft = { ...dto, kind, activeUntil: dto.activeUntil ?? null, ownerUnitId };
    await this.checkConsistent(draft);
    const saved = await this.write(ctx, 'created', (manager) => this.repo.save(manager, draft));
    return toOrganisationResponse(saved);
  }

  async update(
    ctx: AuthContext,
    kind: OrganisationKind,
    id: string,
    dto: UpdateProjectDto,
  ): Promise<OrganisationResponse> {
    const current = await requireAccess(this.audit, ctx, this.organisation(ctx, kind, id));
    const changed = Object.entries(dto)
      .filter(([, v]) => v !== undefined)
      .map(([k]) => k);
    // A change with nothing in it (a form saved as it was) writes nothing, not even an audit row.
    if (changed.length === 0) return toOrganisationResponse(current);
    const next = { ...current, ...dto };
    await this.checkConsistent(next, changed);
    const saved = await this.write(ctx, 'updated', (manager) => this.repo.save(manager, next), Object.keys(dto));
    return toOrganisationResponse(saved);
  }

  async members(ctx: AuthContext, id: string): Promise<MemberResponse[]> {
    await requireAccess(this.audit, ctx, this.organisation(ctx, undefined, id));
    return (await this.repo.findMembers(id)).map(toMemberResponse);
  }

  async addMember(ctx: AuthContext, id: string, userId: string): Promise<MemberResponse> {
    await requireAccess(this.audit, ctx, this.organisation(ctx, undefined, id));
    await this.dataSource.transaction(async (manager) => {
      // Read under a share lock: a role change running at the same time waits, or finishes first and is seen.
      const user = await this.repo.findUserShared(manager, userId);
      if (!user) throw OrganisationErrors.userNotFound();
      if (user.role !== Role.Orderer) throw OrganisationErrors.memberNotOrderer();
      // Idempotent: a repeated PUT changes nothing, so it leaves no audit row either.
      if (!(await this.repo.addMember(manager, id, userId, ctx.user.id))) return;
      await this.audit.log(ctx, 'membership.added', ['organisation', id], { userId }, manager);
    });
    const member = await this.repo.findMember(id, userId);
    if (!member) throw OrganisationErrors.userNotFound();
    return toMemberResponse(member);
  }

  async removeMember(ctx: AuthContext, id: string, userId: string): Promise<void> {
    await requireAccess(this.audit, ctx, this.organisation(ctx, undefined, id));
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.repo.removeMember(manager, id, userId))) {
        // Say which is wrong: the account, or only its belonging to this one.
        throw (await this.repo.userExists(manager, userId))
          ? OrganisationErrors.memberNotFound()
          : OrganisationErrors.userNotFound();
      }
      await this.audit.log(ctx, 'membership.removed', ['organisation', id], { userId }, manager);
    });
  }

  async municipalities(): Promise<MunicipalityResponse[]> {
    return (await this.repo.findMunicipalities()).map(toMunicipalityResponse);
  }

  // An orderer sees only their own; another's answers as if it did not exist.
  private organisation(
    ctx: AuthContext,
    kind: OrganisationKind | undefined,
    id: string,
  ): AccessRequest<OrganisationEntity> {
    return {
      entityType: 'organisation',
      id,
      find: () => this.repo.findById(id, kind),
      allows: async () => ctx.user.role !== Role.Orderer || (await this.repo.isMember(id, ctx.user.id)),
      notFound: () => OrganisationErrors.notFound(kind ? KIND_LABEL[kind] : 'Organisation'),
    };
  }

  // `changed`: the fields a PATCH sent. A new activeFrom after the stored activeUntil is activeFrom's fault.
  private async checkConsistent(
    o: Pick<OrganisationEntity, 'kind' | 'activeFrom' | 'activeUntil' | 'ownerUnitId'>,
    changed?: string[],
  ): Promise<void> {
    if (o.activeUntil && o.activeUntil < o.activeFrom) {
      if (changed?.includes('activeFrom') && !changed.includes('activeUntil')) {
        throw fieldError('activeFrom', 'afterActiveUntil', 'must be on or before activeUntil');
      }
      throw fieldError('activeUntil', 'beforeActiveFrom', 'must be on or after activeFrom');
    }
    if (o.kind === OrganisationKind.Project) {
      const owner = o.ownerUnitId ? await this.repo.findById(o.ownerUnitId, OrganisationKind.Unit) : null;
      if (!owner) throw OrganisationErrors.ownerUnitNotFound();
    }
  }

  private async write(
    ctx: AuthContext,
    verb: 'created' | 'updated',
    change: (manager: EntityManager) => Promise<OrganisationEntity>,
    fields?: string[],
  ): Promise<OrganisationEntity> {
    return this.dataSource
      .transaction(async (manager) => {
        const saved = await change(manager);
        await this.audit.log(
          ctx,
          `${saved.kind}.${verb}`,
          ['organisation', saved.id],
          fields ? { fields } : {},
          manager,
        );
        return saved;
      })
      .catch((error: unknown) => {
        throw pgErrorCode(error) === PgCode.UniqueViolation ? OrganisationErrors.codeTaken() : error;
      });
  }
}
