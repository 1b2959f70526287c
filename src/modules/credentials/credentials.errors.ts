import { DomainError, fieldError } from '../../common/errors/domain-error';

// The codes this feature answers with: the API's contract, one definition each.
export enum CredentialErrorCode {
  CredentialNotFound = 'CREDENTIAL_NOT_FOUND',
  CredentialAlreadyDecided = 'CREDENTIAL_ALREADY_DECIDED',
}

export const CredentialErrors = {
  notFound: () => new DomainError(CredentialErrorCode.CredentialNotFound, 'not_found', 'Training credential not found'),
  alreadyDecided: () =>
    new DomainError(
      CredentialErrorCode.CredentialAlreadyDecided,
      'conflict',
      'The credential has already been verified or rejected',
    ),
  completedInFuture: () => fieldError('completedOn', 'notInFuture', 'must not be in the future'),
};
