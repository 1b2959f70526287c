import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthContext } from '../../common/auth/auth-context';
import { AuditService } from '../audit';
import { AccountErrors } from './auth.errors';
import { AuthRepository } from './auth.repository';
import { MeResponse, toMeResponse } from './dto/me.response';
import { ChangePasswordDto } from './dto/password.dto';
import { UpdateMeDto } from './dto/update-me.dto';
import { PasswordHasher } from './password-hasher.service';
import { passwordPolicyError } from './password-policy.rule';
import { SessionsService } from './sessions.service';

// What a signed-in person changes about their own account.
@Injectable()
export class AccountService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: AuthRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  async update(ctx: AuthContext, dto: UpdateMeDto): Promise<MeResponse> {
    if (dto.language === undefined || dto.language === ctx.user.language) return toMeResponse(ctx.user);
    const language = dto.language;
    await this.dataSource.transaction(async (manager) => {
      await this.repo.updateUser(manager, ctx.user.id, { language });
      await this.audit.log(ctx, 'user.updated', ['user', ctx.user.id], { fields: ['language'], language }, manager);
    });
    return toMeResponse({ ...ctx.user, language });
  }

  // The session that asks keeps going (the person stays signed in where they are); every other one ends,
  // so a session someone else opened with the old password is closed.
  async changePassword(ctx: AuthContext, dto: ChangePasswordDto): Promise<void> {
    const policy = passwordPolicyError('newPassword', dto.newPassword);
    if (policy) throw policy;
    const user = await this.repo.findUserWithPassword(ctx.user.id);
    if (!(await this.hasher.verify(user.passwordHash, dto.currentPassword))) {
      await this.audit.log({ actorId: user.id, meta: ctx }, 'auth.password_change_failed', ['user', user.id]);
      throw AccountErrors.currentPasswordWrong();
    }
    const passwordHash = await this.hasher.hash(dto.newPassword);
    await this.dataSource.transaction(async (manager) => {
      await this.repo.updateUser(manager, user.id, { passwordHash });
      const revoked = await this.sessions.revokeOthersForUser(manager, user.id, ctx.user.sessionId, 'password_changed');
      await this.audit.log(
        { actorId: user.id, meta: ctx },
        'auth.password_changed',
        ['user', user.id],
        { revokedSessions: revoked },
        manager,
      );
    });
  }
}
