import { DomainError, fieldsError } from '../../common/errors/domain-error';

// The codes this feature answers with: the API's contract, one definition each.
export enum AccountErrorCode {
  InvalidCredentials = 'INVALID_CREDENTIALS',
  InvalidRefreshToken = 'INVALID_REFRESH_TOKEN',
  InvalidInvitation = 'INVALID_INVITATION',
  CsrfTokenInvalid = 'CSRF_TOKEN_INVALID',
  InvalidResetLink = 'INVALID_RESET_LINK',
  CurrentPasswordWrong = 'CURRENT_PASSWORD_WRONG',
}

export const LoginErrors = {
  invalidCredentials: () =>
    new DomainError(AccountErrorCode.InvalidCredentials, 'unauthorized', 'E-mail or password is wrong'),
  invalidRefreshToken: () =>
    new DomainError(
      AccountErrorCode.InvalidRefreshToken,
      'unauthorized',
      'The refresh token is not valid; sign in again',
    ),
  invalidInvitation: () =>
    new DomainError(
      AccountErrorCode.InvalidInvitation,
      'gone',
      'The link is invalid, already used or expired; ask for a new one',
    ),
  csrfTokenInvalid: () =>
    new DomainError(
      AccountErrorCode.CsrfTokenInvalid,
      'forbidden',
      'The X-CSRF-Token header must repeat the kokemus_csrf cookie',
    ),
  invalidResetLink: () =>
    new DomainError(
      AccountErrorCode.InvalidResetLink,
      'gone',
      'The password reset link is invalid, already used or expired; ask for a new one',
    ),
};

export const AccountErrors = {
  currentPasswordWrong: () =>
    fieldsError(AccountErrorCode.CurrentPasswordWrong, [
      { field: 'currentPassword', code: 'wrong', message: 'the current password is wrong' },
    ]),
};
