import { DomainError } from '../../common/errors/domain-error';

// The codes this feature answers with: the API's contract, one definition each.
export enum ExpertErrorCode {
  ExpertNotFound = 'EXPERT_NOT_FOUND',
  ExpertNoVerifiedCredential = 'EXPERT_NO_VERIFIED_CREDENTIAL',
  ExpertStatusConflict = 'EXPERT_STATUS_CONFLICT',
  TopicsConsentRequired = 'TOPICS_CONSENT_REQUIRED',
  IdentityCodeTaken = 'IDENTITY_CODE_TAKEN',
  PaymentDetailsMissing = 'PAYMENT_DETAILS_MISSING',
  ExpertHasBookedWork = 'EXPERT_HAS_BOOKED_WORK',
}

export const ExpertErrors = {
  notFound: () => new DomainError(ExpertErrorCode.ExpertNotFound, 'not_found', 'Expert not found'),
  noVerifiedCredential: () =>
    new DomainError(
      ExpertErrorCode.ExpertNoVerifiedCredential,
      'conflict',
      'An expert is activated only with at least one verified training credential',
    ),
  badTransition: (from: string, to: string) =>
    new DomainError(ExpertErrorCode.ExpertStatusConflict, 'conflict', `An expert cannot go from ${from} to ${to}`),
  // Retiring or erasing an expert who is still expected at work: the coordinator settles it first (cancels or
  // withdraws each assignment, with its late-cancellation terms), so that no orderer waits for someone gone.
  hasBookedWork: (count: number) =>
    new DomainError(
      ExpertErrorCode.ExpertHasBookedWork,
      'conflict',
      `The expert has ${count} accepted or confirmed assignment(s) that have not ended: cancel them first`,
      [],
      { bookedAssignments: count },
    ),
  consentRequired: () =>
    new DomainError(
      ExpertErrorCode.TopicsConsentRequired,
      'validation',
      'consentVersion: topics are shown only with consent to the current text',
      [{ field: 'consentVersion', code: 'consentRequired', message: 'must be the current consent text version' }],
    ),
  identityCodeTaken: () =>
    new DomainError(
      ExpertErrorCode.IdentityCodeTaken,
      'conflict',
      'Another expert account already has this identity code',
      [{ field: 'identityCode', code: 'taken', message: 'another expert account has this identity code' }],
    ),
  noPaymentDetails: () =>
    new DomainError(ExpertErrorCode.PaymentDetailsMissing, 'not_found', 'No payment details on file'),
};
