import { DomainError, fieldsError } from '../../common/errors/domain-error';
import { UserErrors } from '../users';

// The codes this feature answers with: the API's contract, one definition each.
export enum OrganisationErrorCode {
  OrganisationNotFound = 'ORGANISATION_NOT_FOUND',
  OrganisationCodeTaken = 'ORGANISATION_CODE_TAKEN',
  OwnerUnitNotFound = 'OWNER_UNIT_NOT_FOUND',
  MemberNotOrderer = 'MEMBER_NOT_ORDERER',
  MemberNotFound = 'MEMBER_NOT_FOUND',
}

export const OrganisationErrors = {
  notFound: (kind = 'Organisation') =>
    new DomainError(OrganisationErrorCode.OrganisationNotFound, 'not_found', `${kind} not found`),
  codeTaken: () =>
    new DomainError(
      OrganisationErrorCode.OrganisationCodeTaken,
      'conflict',
      'Another unit or project already has this code',
      [{ field: 'code', code: 'taken', message: 'another unit or project has this code' }],
    ),
  ownerUnitNotFound: () =>
    fieldsError(OrganisationErrorCode.OwnerUnitNotFound, [
      { field: 'ownerUnitId', code: 'notFound', message: 'no such unit' },
    ]),
  memberNotOrderer: () =>
    new DomainError(
      OrganisationErrorCode.MemberNotOrderer,
      'conflict',
      'Only accounts with the orderer role can belong to a unit or project',
    ),
  memberNotFound: () =>
    new DomainError(
      OrganisationErrorCode.MemberNotFound,
      'not_found',
      'The account is not a member of this unit or project',
    ),
  userNotFound: UserErrors.notFound,
};
