import { Injectable } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { RequestMeta } from '../../common/auth/auth-context';
import { AuthErrors } from '../../common/auth/auth.errors';
import { DomainError } from '../../common/errors/domain-error';
import { AuditService } from '../audit';
import { AccountErrorCode, LoginErrors } from './auth.errors';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { IssuedTokens, TokenResponse, toTokenResponse } from './dto/token.response';
import { SessionCookies } from './session-cookies.service';

// The HTTP side of sessions: API clients carry the refresh token in JSON, browsers in an httpOnly cookie.
// The rules (rotation, reuse detection, ending a session) stay in AuthService; this only moves the token.
@Injectable()
export class BrowserSessionService {
  constructor(
    private readonly auth: AuthService,
    private readonly cookies: SessionCookies,
    private readonly audit: AuditService,
  ) {}

  async login(meta: RequestMeta, dto: LoginDto, request: FastifyRequest, reply: FastifyReply): Promise<TokenResponse> {
    const tokens = await this.auth.login(meta, dto);
    if (dto.session !== 'cookie') return toTokenResponse(tokens, true);
    // Signing in over a cookie session (another person at the same browser) ends the one it replaces, rather
    // than leaving it alive on the server with no cookie to end it.
    const previous = this.cookies.refreshTokenOf(request);
    if (previous) await this.auth.logoutByRefreshToken(meta, previous);
    return this.inCookie(reply, tokens);
  }

  async refresh(
    meta: RequestMeta,
    bodyToken: string | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<TokenResponse> {
    if (bodyToken) return toTokenResponse(await this.auth.refresh(meta, bodyToken), true);
    const token = this.cookies.refreshTokenOf(request);
    if (!token) throw LoginErrors.invalidRefreshToken();
    await this.requireCsrf(meta, request, token);
    try {
      return this.inCookie(reply, await this.auth.refresh(meta, token));
    } catch (error) {
      // A dead cookie is dropped, so the page stops offering it.
      if (error instanceof DomainError && error.code === AccountErrorCode.InvalidRefreshToken)
        this.cookies.clear(reply);
      throw error;
    }
  }

  // With the cookie: CSRF-checked, ends the cookie's session (and the bearer's, if another) and clears both
  // cookies. Without it: the bearer token's session ends, as for any API client.
  async logout(meta: RequestMeta, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const token = this.cookies.refreshTokenOf(request);
    const user = await this.auth.userOfAccessToken(request.headers.authorization);
    if (!token && !user) throw AuthErrors.unauthenticated();
    if (token) {
      await this.requireCsrf(meta, request, token);
      await this.auth.logoutByRefreshToken(meta, token);
      this.cookies.clear(reply);
    }
    if (user) await this.auth.logout({ ...meta, user });
  }

  private inCookie(reply: FastifyReply, tokens: IssuedTokens): TokenResponse {
    this.cookies.set(reply, tokens.refreshToken, new Date(tokens.sessionExpiresAt));
    return toTokenResponse(tokens, false);
  }

  private async requireCsrf(meta: RequestMeta, request: FastifyRequest, refreshToken: string): Promise<void> {
    if (this.cookies.csrfMatches(request, refreshToken)) return;
    await this.audit.log({ actorId: null, meta }, 'auth.csrf_refused', null, {
      route: request.routeOptions.url ?? null,
    });
    throw LoginErrors.csrfTokenInvalid();
  }
}
