import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuthContext, AuthUser, RequestMeta } from '../../common/auth/auth-context';
import { Clock } from '../../common/clock/clock';
import { randomToken, sha256 } from '../../common/crypto/tokens';
import { AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { UserEntity, UserStatus } from '../users/entities/user.entity';
import { LoginErrors } from './auth.errors';
import { AcceptInvitationDto } from './dto/accept-invitation.dto';
import { LoginDto } from './dto/login.dto';
import { IssuedTokens } from './dto/token.response';
import { InvitationEntity, InvitationPurpose } from './entities/invitation.entity';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { SessionEntity } from './entities/session.entity';
import { AccessTokenClaims, JwtStrategy } from './jwt.strategy';
import { PasswordHasher } from './password-hasher.service';
import { passwordPolicyError } from './password-policy.rule';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly strategy: JwtStrategy,
  ) {}

  async login(meta: RequestMeta, dto: LoginDto): Promise<IssuedTokens> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ email: dto.email });
    const passwordOk = await this.hasher.verify(user?.passwordHash ?? null, dto.password);
    if (!user || !passwordOk || user.status !== UserStatus.Active) {
      const reason = !user ? 'unknown_account' : !passwordOk ? 'wrong_password' : `account_${user.status}`;
      await this.audit.log({ actorId: user?.id ?? null, meta }, 'auth.login_failed', null, { reason });
      throw LoginErrors.invalidCredentials();
    }
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const session = await manager.save(SessionEntity, {
        userId: user.id,
        expiresAt: new Date(now.getTime() + this.config.env.REFRESH_TOKEN_TTL_DAYS * 86400_000),
        ip: meta.ip,
        userAgent: meta.userAgent,
      });
      await manager.update(UserEntity, { id: user.id }, { lastLoginAt: now });
      await this.audit.log({ actorId: user.id, meta }, 'auth.login', ['session', session.id], {}, manager);
      return this.issueTokens(manager, user.id, session);
    });
  }

  async refresh(meta: RequestMeta, refreshToken: string): Promise<IssuedTokens> {
    const hash = sha256(refreshToken);
    const outcome = await this.dataSource.transaction(async (manager) => {
      // Atomic claim of the token: of two concurrent uses exactly one wins.
      // TypeORM answers UPDATE ... RETURNING with [rows, count].
      const [claimed]: [{ session_id: string }[], number] = await manager.query(
        `UPDATE refresh_tokens SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL RETURNING session_id`,
        [hash],
      );
      if (claimed.length === 0) {
        const known = await manager.findOneBy(RefreshTokenEntity, { tokenHash: hash });
        return known ? { reused: known.sessionId } : { invalid: true as const };
      }
      const session = await manager.findOneBy(SessionEntity, { id: claimed[0].session_id, revokedAt: IsNull() });
      const user = session && (await manager.findOneBy(UserEntity, { id: session.userId, status: UserStatus.Active }));
      if (!session || !user || session.expiresAt <= this.clock.now()) return { invalid: true as const };
      return { tokens: await this.issueTokens(manager, user.id, session) };
    });
    if ('tokens' in outcome && outcome.tokens) return outcome.tokens;
    if ('reused' in outcome && outcome.reused) {
      // A rotated token came back: someone holds a copy. End the whole family.
      const session = await this.dataSource.getRepository(SessionEntity).findOneBy({ id: outcome.reused });
      await this.dataSource.transaction(async (manager) => {
        await manager.update(SessionEntity, { id: outcome.reused, revokedAt: IsNull() }, { revokedAt: this.clock.now(), revokedReason: 'refresh_token_reused' });
        await this.audit.log({ actorId: session?.userId ?? null, meta }, 'auth.refresh_reuse_detected', ['session', outcome.reused], {}, manager);
      });
    }
    throw LoginErrors.invalidRefreshToken();
  }

  async logout(ctx: AuthContext): Promise<void> {
    await this.endSession(ctx, ctx.user.id, ctx.user.sessionId);
  }

  // Logout by the refresh cookie: any token of the family (also a rotated one) names the session to end.
  async logoutByRefreshToken(meta: RequestMeta, refreshToken: string): Promise<void> {
    const token = await this.dataSource.getRepository(RefreshTokenEntity).findOneBy({ tokenHash: sha256(refreshToken) });
    const session = token && (await this.dataSource.getRepository(SessionEntity).findOneBy({ id: token.sessionId }));
    if (session) await this.endSession(meta, session.userId, session.id);
  }

  // The person an Authorization: Bearer header names, checked exactly as the access guard checks it.
  async userOfAccessToken(authorization: string | undefined): Promise<AuthUser | null> {
    const match = /^Bearer (\S+)$/.exec(authorization ?? '');
    if (!match) return null;
    const claims = await this.jwt.verifyAsync<AccessTokenClaims>(match[1]).catch(() => null);
    return (claims && (await this.strategy.validate(claims))) || null;
  }

  private async endSession(meta: RequestMeta, userId: string, sessionId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const ended = await manager.update(SessionEntity, { id: sessionId, revokedAt: IsNull() }, { revokedAt: this.clock.now(), revokedReason: 'logout' });
      if (ended.affected) await this.audit.log({ actorId: userId, meta }, 'auth.logout', ['session', sessionId], {}, manager);
    });
  }

  async acceptInvitation(meta: RequestMeta, dto: AcceptInvitationDto): Promise<void> {
    const policy = passwordPolicyError('password', dto.password);
    if (policy) throw policy;
    const passwordHash = await this.hasher.hash(dto.password);
    await this.dataSource.transaction(async (manager) => {
      const [used]: [{ user_id: string }[], number] = await manager.query(
        `UPDATE invitations SET used_at = now()
          WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 AND purpose = $3
          RETURNING user_id`,
        [sha256(dto.token), this.clock.now(), InvitationPurpose.Invitation],
      );
      const userId = used[0]?.user_id;
      const user = userId && (await manager.findOneBy(UserEntity, { id: userId, status: UserStatus.Invited }));
      if (!user) throw LoginErrors.invalidInvitation();
      await manager.update(UserEntity, { id: user.id }, { passwordHash, status: UserStatus.Active });
      await manager.update(InvitationEntity, { userId: user.id, usedAt: IsNull() }, { usedAt: this.clock.now() });
      await this.audit.log({ actorId: user.id, meta }, 'user.activated', ['user', user.id], {}, manager);
    });
  }

  private async issueTokens(manager: EntityManager, userId: string, session: SessionEntity): Promise<IssuedTokens> {
    const refreshToken = randomToken();
    await manager.insert(RefreshTokenEntity, { sessionId: session.id, tokenHash: sha256(refreshToken) });
    const claims: AccessTokenClaims = { sub: userId, sid: session.id };
    const accessToken = await this.jwt.signAsync(claims);
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: this.config.env.ACCESS_TOKEN_TTL_SECONDS,
      sessionExpiresAt: session.expiresAt.toISOString(),
      refreshToken,
    };
  }
}
