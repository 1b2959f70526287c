import { DomainError } from '../../common/errors/domain-error';

// The codes this feature answers with: the API's contract, one definition each.
export enum UserErrorCode {
  UserNotFound = 'USER_NOT_FOUND',
  EmailTaken = 'EMAIL_TAKEN',
  RoleNotGrantable = 'ROLE_NOT_GRANTABLE',
  UserNotInvited = 'USER_NOT_INVITED',
  CannotDisableSelf = 'CANNOT_DISABLE_SELF',
  CannotChangeOwnRole = 'CANNOT_CHANGE_OWN_ROLE',
  LastAdmin = 'LAST_ADMIN',
  ExpertHasRecords = 'EXPERT_HAS_RECORDS',
  OrdererHasMemberships = 'ORDERER_HAS_MEMBERSHIPS',
}

export const UserErrors = {
  notFound: () => new DomainError(UserErrorCode.UserNotFound, 'not_found', 'User not found'),
  emailTaken: () =>
    new DomainError(UserErrorCode.EmailTaken, 'conflict', 'An account with this e-mail already exists', [
      { field: 'email', code: 'taken', message: 'another account has this e-mail address' },
    ]),
  roleNotGrantable: () =>
    new DomainError(UserErrorCode.RoleNotGrantable, 'forbidden', 'You may not create or manage accounts of this role'),
  notInvited: () => new DomainError(UserErrorCode.UserNotInvited, 'conflict', 'The account has already been activated'),
  cannotDisableSelf: () =>
    new DomainError(UserErrorCode.CannotDisableSelf, 'conflict', 'You cannot disable your own account'),
  cannotChangeOwnRole: () =>
    new DomainError(UserErrorCode.CannotChangeOwnRole, 'conflict', 'You cannot change your own role'),
  lastAdmin: () =>
    new DomainError(UserErrorCode.LastAdmin, 'conflict', 'The last active admin keeps the role and stays enabled'),
  expertHasRecords: () =>
    new DomainError(
      UserErrorCode.ExpertHasRecords,
      'conflict',
      'An expert with certificates, offers, assignments, contracts, claims or fees keeps the expert role',
    ),
  ordererHasMemberships: () =>
    new DomainError(
      UserErrorCode.OrdererHasMemberships,
      'conflict',
      'Remove the orderer from their units and projects before changing the role',
    ),
};
