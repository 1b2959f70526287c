import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { FastifyRequest } from 'fastify';
import { RejectedTokenLog } from '../../common/auth/token-rejection';
import { AppConfig } from '../../config/app-config';
import { AccountController } from './account.controller';
import { AccountService } from './account.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { BrowserSessionService } from './browser-session.service';
import { InvitationsService } from './invitations.service';
import { jwtKey } from './jwt-key';
import { JwtStrategy } from './jwt.strategy';
import { LoginThrottlerStorage } from './login-throttler.storage';
import { LoginThrottlerModule } from './login-throttler.module';
import { PasswordHasher } from './password-hasher.service';
import { PasswordResetService } from './password-reset.service';
import { RejectedTokensService } from './rejected-tokens.service';
import { SessionCookies } from './session-cookies.service';
import { AuthRepository } from './auth.repository';
import { SessionsService } from './sessions.service';

function accountKey(request: FastifyRequest): string {
  const body = request.body as { email?: unknown; token?: unknown } | undefined;
  const key = typeof body?.email === 'string' ? body.email : typeof body?.token === 'string' ? body.token : '';
  return key.trim().toLowerCase() || request.ip;
}

@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: jwtKey(config),
        signOptions: {
          algorithm: 'HS256',
          issuer: config.env.JWT_ISSUER,
          audience: config.env.JWT_AUDIENCE,
          expiresIn: config.env.ACCESS_TOKEN_TTL_SECONDS,
        },
        verifyOptions: { algorithms: ['HS256'], issuer: config.env.JWT_ISSUER, audience: config.env.JWT_AUDIENCE },
      }),
    }),
    // Two limits on the public credential routes: per client address and per account, counted in Redis.
    ThrottlerModule.forRootAsync({
      imports: [LoginThrottlerModule],
      inject: [AppConfig, LoginThrottlerStorage],
      useFactory: (config: AppConfig, storage: LoginThrottlerStorage) => ({
        storage,
        throttlers: [
          { name: 'ip', ttl: 60_000, limit: config.env.LOGIN_LIMIT_PER_MINUTE * 3 },
          {
            name: 'account',
            ttl: 60_000,
            limit: config.env.LOGIN_LIMIT_PER_MINUTE,
            getTracker: (req: Record<string, unknown>) => accountKey(req as unknown as FastifyRequest),
          },
        ],
      }),
    }),
  ],
  controllers: [AuthController, AccountController],
  providers: [
    AuthService,
    BrowserSessionService,
    SessionCookies,
    AccountService,
    PasswordResetService,
    JwtStrategy,
    PasswordHasher,
    InvitationsService,
    SessionsService,
    AuthRepository,
    RejectedTokensService,
    // The access guard's report of a refused bearer token (declared in common).
    { provide: RejectedTokenLog, useExisting: RejectedTokensService },
  ],
  exports: [InvitationsService, SessionsService, PasswordHasher, RejectedTokenLog],
})
export class AuthModule {}
