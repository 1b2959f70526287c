import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthContext } from '../../common/auth/auth-context';
import { AuditService } from '../audit/audit.service';
import { UserEntity } from '../users/entities/user.entity';
import { AccountErrors } from './auth.errors';
import { MeResponse, toMeResponse } from './dto/me.response';
import { ChangePasswordDto } from './dto/password.dto';
import { UpdateMeDto } from './dto/update-me.dto';
import { PasswordHasher } from './password-hasher';
import { passwordPolicyError } from './password-policy';
import { SessionsService } from './sessions.service';

// What a signed-in person changes about their own account.
@Injectable()
export class AccountService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  async update(ctx: AuthContext, dto: UpdateMeDto): Promise<MeResponse> {
    if (dto.language === undefined || dto.language === ctx.user.language) return toMeResponse(ctx.user);
    const language = dto.language;
    await this.dataSource.transaction(async (manager) => {
      await manager.update(UserEntity, { id: ctx.user.id }, { language });
      await this.audit.record(
        { actorId: ctx.user.id, action: 'user.updated', entityType: 'user', entityId: ctx.user.id, meta: ctx, details: { fields: ['language'], language } },
        manager,
      );
    });
    return toMeResponse({ ...ctx.user, language });
  }

  // The session that asks keeps going (the person stays signed in where they are); every other one ends,
  // so a session someone else opened with the old password is closed.
  async changePassword(ctx: AuthContext, dto: ChangePasswordDto): Promise<void> {
    const policy = passwordPolicyError('newPassword', dto.newPassword);
    if (policy) throw policy;
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: ctx.user.id })
      .getOneOrFail();
    if (!(await this.hasher.verify(user.passwordHash, dto.currentPassword))) {
      await this.audit.record({ actorId: user.id, action: 'auth.password_change_failed', entityType: 'user', entityId: user.id, meta: ctx });
      throw AccountErrors.currentPasswordWrong();
    }
    const passwordHash = await this.hasher.hash(dto.newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(UserEntity, { id: user.id }, { passwordHash });
      const revoked = await this.sessions.revokeOthersForUser(manager, user.id, ctx.user.sessionId, 'password_changed');
      await this.audit.record(
        { actorId: user.id, action: 'auth.password_changed', entityType: 'user', entityId: user.id, meta: ctx, details: { revokedSessions: revoked } },
        manager,
      );
    });
  }
}
