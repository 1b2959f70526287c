import { DomainError, fieldError } from '../../common/errors/domain-error';

export const CredentialErrors = {
  notFound: () => new DomainError('CREDENTIAL_NOT_FOUND', 'not_found', 'Training credential not found'),
  alreadyDecided: () =>
    new DomainError('CREDENTIAL_ALREADY_DECIDED', 'conflict', 'The credential has already been verified or rejected'),
  completedInFuture: () => fieldError('completedOn', 'notInFuture', 'must not be in the future'),
};
