import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ProblemResponse } from '../errors/problem';
import { Role } from './role.enum';

export const AUTH_METADATA = 'kokemus:auth';

export interface AuthOptions {
  // Empty or absent: any signed-in role.
  roles?: Role[];
}

export type AuthRule = { public: true } | { public: false; roles: Role[] };

export function Authenticated(options: AuthOptions = {}): MethodDecorator & ClassDecorator {
  const rule: AuthRule = { public: false, roles: options.roles ?? [] };
  return applyDecorators(
    SetMetadata(AUTH_METADATA, rule),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ type: ProblemResponse, description: 'UNAUTHENTICATED: no valid access token' }),
    ApiForbiddenResponse({ type: ProblemResponse, description: 'ROLE_NOT_ALLOWED: the caller’s role may not do this' }),
  );
}

export function Public(): MethodDecorator & ClassDecorator {
  const rule: AuthRule = { public: true };
  return SetMetadata(AUTH_METADATA, rule);
}
