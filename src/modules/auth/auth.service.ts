import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthContext, AuthUser, RequestMeta } from '../../common/auth/auth-context';
import { Clock } from '../../common/clock/clock.service';
import { randomToken, sha256 } from '../../common/crypto/tokens';
import { AppConfig } from '../../config/app-config';
import { AuditService } from '../audit';
import { UserStatus } from '../users/entities/user.entity';
import { LoginErrors } from './auth.errors';
import { AuthRepository } from './auth.repository';
import { AcceptInvitationDto } from './dto/accept-invitation.dto';
import { LoginDto } from './dto/login.dto';
import { IssuedTokens } from './dto/token.response';
import { InvitationPurpose } from './entities/invitation.entity';
import { SessionEntity } from './entities/session.entity';
import { AccessTokenClaims, JwtStrategy } from './jwt.strategy';
import { PasswordHasher } from './password-hasher.service';
import { passwordPolicyError } from './password-policy.rule';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: AuthRepository,
    private readonly jwt: JwtService,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly strategy: JwtStrategy,
  ) {}

  async login(meta: RequestMeta, dto: LoginDto): Promise<IssuedTokens> {
    const user = await this.repo.findUserWithPasswordByEmail(dto.email);
    const passwordOk = await this.hasher.verify(user?.passwordHash ?? null, dto.password);
    if (!user || !passwordOk || user.status !== UserStatus.Active) {
      const reason = !user ? 'unknown_account' : !passwordOk ? 'wrong_password' : `account_${user.status}`;
      await this.audit.log({ actorId: user?.id ?? null, meta }, 'auth.login_failed', null, { reason });
      throw LoginErrors.invalidCredentials();
    }
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const session = await this.repo.openSession(manager, {
        userId: user.id,
        expiresAt: new Date(now.getTime() + this.config.env.REFRESH_TOKEN_TTL_DAYS * 86400_000),
        ip: meta.ip,
        userAgent: meta.userAgent,
      });
      await this.repo.updateUser(manager, user.id, { lastLoginAt: now });
      await this.audit.log({ actorId: user.id, meta }, 'auth.login', ['session', session.id], {}, manager);
      return this.issueTokens(manager, user.id, session);
    });
  }

  async refresh(meta: RequestMeta, refreshToken: string): Promise<IssuedTokens> {
    const hash = sha256(refreshToken);
    const outcome = await this.dataSource.transaction(async (manager) => {
      // Atomic claim of the token: of two concurrent uses exactly one wins.
      const sessionId = await this.repo.claimRefreshToken(manager, hash);
      if (sessionId === null) {
        const known = await this.repo.findRefreshToken(hash, manager);
        return known ? { reused: known.sessionId } : { invalid: true as const };
      }
      const session = await this.repo.findLiveSession(manager, sessionId);
      const user = session && (await this.repo.findUserIn(manager, session.userId, UserStatus.Active));
      if (!session || !user || session.expiresAt <= this.clock.now()) return { invalid: true as const };
      return { tokens: await this.issueTokens(manager, user.id, session) };
    });
    if ('tokens' in outcome && outcome.tokens) return outcome.tokens;
    if ('reused' in outcome && outcome.reused) {
      // A rotated token came back: someone holds a copy. End the whole family.
      const session = await this.repo.findSession(outcome.reused);
      await this.dataSource.transaction(async (manager) => {
        await this.repo.revokeSession(manager, outcome.reused, this.clock.now(), 'refresh_token_reused');
        await this.audit.log(
          { actorId: session?.userId ?? null, meta },
          'auth.refresh_reuse_detected',
          ['session', outcome.reused],
          {},
          manager,
        );
      });
    }
    throw LoginErrors.invalidRefreshToken();
  }

  async logout(ctx: AuthContext): Promise<void> {
    await this.endSession(ctx, ctx.user.id, ctx.user.sessionId);
  }

  // Logout by the refresh cookie: any token of the family (also a rotated one) names the session to end.
  async logoutByRefreshToken(meta: RequestMeta, refreshToken: string): Promise<void> {
    const token = await this.repo.findRefreshToken(sha256(refreshToken));
    const session = token && (await this.repo.findSession(token.sessionId));
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
      const ended = await this.repo.revokeSession(manager, sessionId, this.clock.now(), 'logout');
      if (ended) await this.audit.log({ actorId: userId, meta }, 'auth.logout', ['session', sessionId], {}, manager);
    });
  }

  async acceptInvitation(meta: RequestMeta, dto: AcceptInvitationDto): Promise<void> {
    const policy = passwordPolicyError('password', dto.password);
    if (policy) throw policy;
    const passwordHash = await this.hasher.hash(dto.password);
    await this.dataSource.transaction(async (manager) => {
      const userId = await this.repo.claimLink(
        manager,
        sha256(dto.token),
        InvitationPurpose.Invitation,
        this.clock.now(),
      );
      const user = userId && (await this.repo.findUserIn(manager, userId, UserStatus.Invited));
      if (!user) throw LoginErrors.invalidInvitation();
      await this.repo.updateUser(manager, user.id, { passwordHash, status: UserStatus.Active });
      await this.repo.endUnusedLinks(manager, user.id, this.clock.now());
      await this.audit.log({ actorId: user.id, meta }, 'user.activated', ['user', user.id], {}, manager);
    });
  }

  private async issueTokens(manager: EntityManager, userId: string, session: SessionEntity): Promise<IssuedTokens> {
    const refreshToken = randomToken();
    await this.repo.addRefreshToken(manager, session.id, sha256(refreshToken));
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
