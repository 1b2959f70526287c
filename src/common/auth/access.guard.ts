import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { FastifyRequest } from 'fastify';
import { AuthUser } from './auth-context';
import { AuthErrors } from './auth.errors';
import { AUTH_METADATA, AuthRule } from './authenticated.decorator';
import { DeniedAccessLog } from './denied-access-log';
import { requestMeta } from './current-user.decorator';
import { RejectedTokenLog } from './token-rejection';

const JwtGuard = AuthGuard('jwt');

// Global guard: every route is closed unless it says @Public() or @Authenticated(...).
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly jwt = new JwtGuard();

  constructor(
    private readonly reflector: Reflector,
    private readonly audit: DeniedAccessLog,
    private readonly rejectedTokens: RejectedTokenLog,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AuthRule | undefined>(AUTH_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) throw AuthErrors.routeNotDeclared();
    if (rule.public) return true;

    const ok = await Promise.resolve(this.jwt.canActivate(context)).catch(() => false);
    const request = context.switchToHttp().getRequest<FastifyRequest & { user: AuthUser; authInfo?: unknown }>();
    if (!ok) {
      // passport leaves its reason on the request: jsonwebtoken's error, or nothing when the session was not found.
      await this.rejectedTokens.rejected({
        meta: requestMeta(request),
        authorization: request.headers.authorization,
        info: request.authInfo,
      });
      throw AuthErrors.unauthenticated();
    }

    if (rule.roles.length > 0 && !rule.roles.includes(request.user.role)) {
      const ctx = { ...requestMeta(request), user: request.user };
      await this.audit.denied(ctx, null, {
        route: request.routeOptions.url ?? null,
        method: request.method,
        role: request.user.role,
      });
      throw AuthErrors.roleNotAllowed();
    }
    return true;
  }
}
