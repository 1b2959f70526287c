import { DomainError } from '../../common/errors/domain-error';

export const OrganisationErrors = {
  notFound: (kind = 'Organisation') => new DomainError('ORGANISATION_NOT_FOUND', 'not_found', `${kind} not found`),
  codeTaken: () => new DomainError('ORGANISATION_CODE_TAKEN', 'conflict', 'Another unit or project already has this code'),
  ownerUnitNotFound: () =>
    new DomainError('OWNER_UNIT_NOT_FOUND', 'validation', 'ownerUnitId: no such unit', [
      { field: 'ownerUnitId', code: 'notFound', message: 'no such unit' },
    ]),
  memberNotOrderer: () =>
    new DomainError('MEMBER_NOT_ORDERER', 'conflict', 'Only accounts with the orderer role can belong to a unit or project'),
  userNotFound: () => new DomainError('USER_NOT_FOUND', 'not_found', 'User not found'),
};
