import { DomainError } from '../errors/domain-error';

export const AuthErrors = {
  unauthenticated: () => new DomainError('UNAUTHENTICATED', 'unauthorized', 'A valid access token is required'),
  roleNotAllowed: () => new DomainError('ROLE_NOT_ALLOWED', 'forbidden', 'Your role may not do this'),
  routeNotDeclared: () =>
    new DomainError('ROUTE_NOT_DECLARED', 'forbidden', 'This route declares no access rule and is closed'),
};
