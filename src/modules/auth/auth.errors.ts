import { DomainError } from '../../common/errors/domain-error';

export const LoginErrors = {
  invalidCredentials: () => new DomainError('INVALID_CREDENTIALS', 'unauthorized', 'E-mail or password is wrong'),
  invalidRefreshToken: () =>
    new DomainError('INVALID_REFRESH_TOKEN', 'unauthorized', 'The refresh token is not valid; sign in again'),
  invalidInvitation: () =>
    new DomainError('INVALID_INVITATION', 'gone', 'The link is invalid, already used or expired; ask for a new one'),
  csrfTokenInvalid: () =>
    new DomainError('CSRF_TOKEN_INVALID', 'forbidden', 'The X-CSRF-Token header must repeat the kokemus_csrf cookie'),
  invalidResetLink: () =>
    new DomainError('INVALID_RESET_LINK', 'gone', 'The password reset link is invalid, already used or expired; ask for a new one'),
};

export const AccountErrors = {
  currentPasswordWrong: () =>
    new DomainError('CURRENT_PASSWORD_WRONG', 'validation', 'currentPassword: the current password is wrong', [
      { field: 'currentPassword', code: 'wrong', message: 'the current password is wrong' },
    ]),
};
