import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { PgCode, pgErrorCode } from '../../common/errors/pg-errors';
import { AccessRequest, requireAccess } from '../../common/auth/access';
import { AuthContext } from '../../common/auth/auth-context';
import { Role } from '../../common/auth/role.enum';
import { Page } from '../../common/http/pagination.dto';
import { Clock } from '../../common/clock/clock.service';
import { AuditService } from '../audit';
import { InvitationsService, SessionsService } from '../auth';
import { MailService } from '../mail';
import { ChangeRoleDto } from './dto/change-role.dto';
import { InviteUserDto } from './dto/invite-user.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { UpdateUserDto } from './dto/update-user.dto';
import { toUserResponse, UserResponse } from './dto/user.response';
import { UserEntity, UserStatus } from './entities/user.entity';
import { canManageRole, isLastActiveAdmin, roleChangeRefusal, RoleChangeRefusal } from './user-permissions.rule';
import { UserErrors } from './users.errors';
import { UsersRepository } from './users.repository';

const ROLE_CHANGE_ERRORS: Record<RoleChangeRefusal, () => DomainError> = {
  [RoleChangeRefusal.NotGrantable]: UserErrors.roleNotGrantable,
  [RoleChangeRefusal.Self]: UserErrors.cannotChangeOwnRole,
  [RoleChangeRefusal.LastAdmin]: UserErrors.lastAdmin,
  [RoleChangeRefusal.ExpertHasRecords]: UserErrors.expertHasRecords,
  [RoleChangeRefusal.OrdererHasMemberships]: UserErrors.ordererHasMemberships,
};

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly invitations: InvitationsService,
    private readonly sessions: SessionsService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  // With an idempotency key (the invitation form's own), the person invited with that key before is the answer, as
  // they are now: the form sent again after a lost answer makes no second account and sends no second mail. Two
  // sends at once: the address is unique, the second waits for the first and then finds the person it invited.
  async invite(ctx: AuthContext, dto: InviteUserDto, idempotencyKey?: string): Promise<UserResponse> {
    if (!canManageRole(ctx.user.role, dto.role)) throw UserErrors.roleNotGrantable();
    const invitedBefore = async () => {
      const id = idempotencyKey && (await this.invitations.invitedWith(ctx.user.id, idempotencyKey));
      const user = id ? await this.users.findById(id) : null;
      return user ? toUserResponse(user) : null;
    };
    const before = await invitedBefore();
    if (before) return before;
    let invited: { user: UserEntity; mailId: string };
    try {
      invited = await this.dataSource.transaction(async (manager) => {
        const user = await this.users.addInvited(manager, dto, dto.role);
        const mailId = await this.invitations.invite(manager, user, ctx.user.id, { idempotencyKey });
        await this.audit.log(ctx, 'user.invited', ['user', user.id], { role: dto.role }, manager);
        return { user, mailId };
      });
    } catch (error) {
      if (pgErrorCode(error) !== PgCode.UniqueViolation) throw error;
      const meanwhile = await invitedBefore();
      if (meanwhile) return meanwhile;
      throw UserErrors.emailTaken();
    }
    await this.mail.dispatch([invited.mailId]);
    return toUserResponse(invited.user);
  }

  async resendInvitation(ctx: AuthContext, id: string): Promise<void> {
    const user = await requireAccess(this.audit, ctx, this.manageable(ctx, id));
    if (user.status !== UserStatus.Invited) throw UserErrors.notInvited();
    const mailId = await this.dataSource.transaction(async (manager) => {
      const mailId = await this.invitations.invite(manager, user, ctx.user.id);
      await this.audit.log(ctx, 'user.reinvited', ['user', id], {}, manager);
      return mailId;
    });
    await this.mail.dispatch([mailId]);
  }

  async list(_ctx: AuthContext, query: ListUsersQuery): Promise<Page<UserResponse>> {
    const [rows, total] = await this.users.findPage(query);
    return { items: rows.map(toUserResponse), total, limit: query.limit, offset: query.offset };
  }

  async get(_ctx: AuthContext, id: string): Promise<UserResponse> {
    const user = await this.users.findById(id);
    if (!user) throw UserErrors.notFound();
    return toUserResponse(user);
  }

  async update(ctx: AuthContext, id: string, dto: UpdateUserDto): Promise<UserResponse> {
    const user = await requireAccess(this.audit, ctx, this.manageable(ctx, id));
    const changed = Object.keys(dto).filter((k) => dto[k as keyof UpdateUserDto] !== undefined);
    const saved = await this.dataSource.transaction(async (manager) => {
      const saved = await this.users.save(manager, { ...user, ...dto });
      await this.audit.log(ctx, 'user.updated', ['user', id], { fields: changed }, manager);
      return saved;
    });
    return toUserResponse(saved);
  }

  async disable(ctx: AuthContext, id: string): Promise<UserResponse> {
    if (id === ctx.user.id) throw UserErrors.cannotDisableSelf();
    await requireAccess(this.audit, ctx, this.manageable(ctx, id));
    const saved = await this.dataSource.transaction(async (manager) => {
      const { user, otherActiveAdmins } = await this.lockForChange(manager, id);
      if (isLastActiveAdmin({ role: user.role, active: user.status === UserStatus.Active }, otherActiveAdmins)) {
        throw UserErrors.lastAdmin();
      }
      const saved = await this.users.save(manager, {
        ...user,
        status: UserStatus.Disabled,
        disabledAt: this.clock.now(),
      });
      // Every session ends at once: refresh tokens stop working and access tokens naming them are refused.
      const revoked = await this.sessions.revokeAllForUser(manager, id, 'account_disabled');
      await this.audit.log(ctx, 'user.disabled', ['user', id], { revokedSessions: revoked }, manager);
      return saved;
    });
    return toUserResponse(saved);
  }

  // The rules are roleChangeRefusal's (user-permissions.rule.ts); here they get their facts, read under locks.
  async changeRole(ctx: AuthContext, id: string, dto: ChangeRoleDto): Promise<UserResponse> {
    await requireAccess(this.audit, ctx, this.manageable(ctx, id));
    const saved = await this.dataSource
      .transaction(async (manager) => {
        const { user, otherActiveAdmins } = await this.lockForChange(manager, id);
        const from = user.role;
        const refusal = roleChangeRefusal({
          actor: ctx.user,
          target: { id, role: from, active: user.status === UserStatus.Active },
          to: dto.role,
          otherActiveAdmins,
          expertHasRecords: from === Role.Expert && (await this.users.expertHasRecords(manager, id)),
          memberships: from === Role.Orderer ? await this.users.countMemberships(manager, id) : 0,
        });
        if (refusal) throw ROLE_CHANGE_ERRORS[refusal]();
        if (from === dto.role) return user;
        if (from === Role.Expert) await this.users.removeExpert(manager, id);
        const saved = await this.users.save(manager, { ...user, role: dto.role });
        if (dto.role === Role.Expert) await this.users.addApplicant(manager, id);
        // The next request already carries the new role; the person signs in again to a screen made for it.
        const revoked = await this.sessions.revokeAllForUser(manager, id, 'role_changed');
        await this.audit.log(
          ctx,
          'user.role_changed',
          ['user', id],
          { from, to: dto.role, revokedSessions: revoked },
          manager,
        );
        return saved;
      })
      .catch((error: unknown) => {
        // An offer or certificate that arrived after the check: the keys on the expert row refuse its deletion.
        throw pgErrorCode(error) === PgCode.ForeignKeyViolation ? UserErrors.expertHasRecords() : error;
      });
    return toUserResponse(saved);
  }

  async enable(ctx: AuthContext, id: string): Promise<UserResponse> {
    const user = await requireAccess(this.audit, ctx, this.manageable(ctx, id));
    const status = (await this.users.hasPassword(user.id)) ? UserStatus.Active : UserStatus.Invited;
    const saved = await this.dataSource.transaction(async (manager) => {
      const saved = await this.users.save(manager, { ...user, status, disabledAt: null });
      await this.audit.log(ctx, 'user.enabled', ['user', id], {}, manager);
      return saved;
    });
    return toUserResponse(saved);
  }

  // The admins first, always in one order, then the account itself: no two changes can wait for each other.
  private async lockForChange(
    manager: EntityManager,
    id: string,
  ): Promise<{ user: UserEntity; otherActiveAdmins: number }> {
    const admins = await this.users.lockAdmins(manager);
    const user = await this.users.lockById(manager, id);
    if (!user) throw UserErrors.notFound();
    const otherActiveAdmins = admins.filter((a) => a.id !== id && a.status === UserStatus.Active).length;
    return { user, otherActiveAdmins };
  }

  // An account of a role the caller may not manage is refused (and the attempt audited).
  private manageable(ctx: AuthContext, id: string): AccessRequest<UserEntity> {
    return {
      entityType: 'user',
      id,
      find: () => this.users.findById(id),
      allows: (user) => canManageRole(ctx.user.role, user.role),
      notFound: UserErrors.notFound,
      refused: UserErrors.roleNotGrantable,
    };
  }
}
