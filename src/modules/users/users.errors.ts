import { DomainError } from '../../common/errors/domain-error';

export const UserErrors = {
  notFound: () => new DomainError('USER_NOT_FOUND', 'not_found', 'User not found'),
  emailTaken: () => new DomainError('EMAIL_TAKEN', 'conflict', 'An account with this e-mail already exists'),
  roleNotGrantable: () =>
    new DomainError('ROLE_NOT_GRANTABLE', 'forbidden', 'You may not create or manage accounts of this role'),
  notInvited: () => new DomainError('USER_NOT_INVITED', 'conflict', 'The account has already been activated'),
  cannotDisableSelf: () => new DomainError('CANNOT_DISABLE_SELF', 'conflict', 'You cannot disable your own account'),
};
