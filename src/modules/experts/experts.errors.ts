import { DomainError } from '../../common/errors/domain-error';

export const ExpertErrors = {
  notFound: () => new DomainError('EXPERT_NOT_FOUND', 'not_found', 'Expert not found'),
  noVerifiedCredential: () =>
    new DomainError('EXPERT_NO_VERIFIED_CREDENTIAL', 'conflict', 'An expert is activated only with at least one verified training credential'),
  badTransition: (from: string, to: string) =>
    new DomainError('EXPERT_STATUS_CONFLICT', 'conflict', `An expert cannot go from ${from} to ${to}`),
  consentRequired: () =>
    new DomainError('TOPICS_CONSENT_REQUIRED', 'validation', 'consentVersion: topics are shown only with consent to the current text', [
      { field: 'consentVersion', code: 'consentRequired', message: 'must be the current consent text version' },
    ]),
  identityCodeTaken: () =>
    new DomainError('IDENTITY_CODE_TAKEN', 'conflict', 'Another expert account already has this identity code'),
  noPaymentDetails: () => new DomainError('PAYMENT_DETAILS_MISSING', 'not_found', 'No payment details on file'),
};
