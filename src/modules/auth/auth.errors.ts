import { DomainError } from '../../common/errors/domain-error';

export const LoginErrors = {
  invalidCredentials: () => new DomainError('INVALID_CREDENTIALS', 'unauthorized', 'E-mail or password is wrong'),
  invalidRefreshToken: () =>
    new DomainError('INVALID_REFRESH_TOKEN', 'unauthorized', 'The refresh token is not valid; sign in again'),
  invalidInvitation: () =>
    new DomainError('INVALID_INVITATION', 'gone', 'The link is invalid, already used or expired; ask for a new one'),
};
