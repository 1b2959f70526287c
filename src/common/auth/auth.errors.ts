import { DomainError } from '../errors/domain-error';

// The codes this feature answers with: the API's contract, one definition each.
export enum AuthErrorCode {
  Unauthenticated = 'UNAUTHENTICATED',
  RoleNotAllowed = 'ROLE_NOT_ALLOWED',
  RouteNotDeclared = 'ROUTE_NOT_DECLARED',
}

export const AuthErrors = {
  unauthenticated: () =>
    new DomainError(AuthErrorCode.Unauthenticated, 'unauthorized', 'A valid access token is required'),
  roleNotAllowed: () => new DomainError(AuthErrorCode.RoleNotAllowed, 'forbidden', 'Your role may not do this'),
  routeNotDeclared: () =>
    new DomainError(AuthErrorCode.RouteNotDeclared, 'forbidden', 'This route declares no access rule and is closed'),
};
