import { DomainError, fieldError, fieldsError } from '../../common/errors/domain-error';
import { PgCode, pgConstraint, pgErrorCode } from '../../common/errors/pg-errors';
import { FeeErrorCode } from '../fees';
import { ContractDocumentError } from './document/contract-document.builder';
import { ContractRefusal } from './lifecycle/contract-transitions.rule';

// The codes this feature answers with: the API's contract, one definition each.
export enum ContractErrorCode {
  ContractNotFound = 'CONTRACT_NOT_FOUND',
  ContractAlreadyApproved = 'CONTRACT_ALREADY_APPROVED',
  ContractAlreadySigned = 'CONTRACT_ALREADY_SIGNED',
  ContractNotApproved = 'CONTRACT_NOT_APPROVED',
  ContractNotSigned = 'CONTRACT_NOT_SIGNED',
  ContractSuperseded = 'CONTRACT_SUPERSEDED',
  ContractTerminated = 'CONTRACT_TERMINATED',
  ContractWorkCancelled = 'CONTRACT_WORK_CANCELLED',
  ContractExpired = 'CONTRACT_EXPIRED',
  ContractSignedImmutable = 'CONTRACT_SIGNED_IMMUTABLE',
  ContractPdfNotReady = 'CONTRACT_PDF_NOT_READY',
  ContractSignedCopyNotReady = 'CONTRACT_SIGNED_COPY_NOT_READY',
  ContractPdfMismatch = 'CONTRACT_PDF_MISMATCH',
  SigningPasswordIncorrect = 'SIGNING_PASSWORD_INCORRECT',
  ContractRevisionPending = 'CONTRACT_REVISION_PENDING',
  ContractExpertNotFound = 'CONTRACT_EXPERT_NOT_FOUND',
  ContractAssignmentUnknown = 'CONTRACT_ASSIGNMENT_UNKNOWN',
  ContractAssignmentOfAnotherExpert = 'CONTRACT_ASSIGNMENT_OF_ANOTHER_EXPERT',
  ContractMixedOrganisations = 'CONTRACT_MIXED_ORGANISATIONS',
  ContractTermNotCovering = 'CONTRACT_TERM_NOT_COVERING',
  ContractAssignmentNotOpen = 'CONTRACT_ASSIGNMENT_NOT_OPEN',
  AssignmentAlreadyUnderContract = 'ASSIGNMENT_ALREADY_UNDER_CONTRACT',
  ContractPartialReplacement = 'CONTRACT_PARTIAL_REPLACEMENT',
  ExpertDateOfBirthMissing = 'EXPERT_DATE_OF_BIRTH_MISSING',
  ContractMixedFeeTerms = 'CONTRACT_MIXED_FEE_TERMS',
  ContractWithoutAssignments = 'CONTRACT_WITHOUT_ASSIGNMENTS',
}

const ids = (list: string[]) => list.join(', ');

export const ContractErrors = {
  notFound: () => new DomainError(ContractErrorCode.ContractNotFound, 'not_found', 'Contract not found'),

  // One code per reason a contract's state refuses an action.
  refused: (reason: ContractRefusal, action: string): DomainError => {
    switch (reason) {
      case 'already_approved':
        return new DomainError(
          ContractErrorCode.ContractAlreadyApproved,
          'conflict',
          'The contract has already been approved',
        );
      case 'already_signed':
        return new DomainError(
          ContractErrorCode.ContractAlreadySigned,
          'conflict',
          `The contract has already been signed, so it cannot be ${action}; a change is a new version`,
        );
      case 'not_approved':
        return new DomainError(
          ContractErrorCode.ContractNotApproved,
          'conflict',
          'The contract has not been approved by the coordinator yet',
        );
      case 'not_signed':
        return new DomainError(
          ContractErrorCode.ContractNotSigned,
          'conflict',
          `Only a signed contract can be ${action}; replace an unsigned one with a new contract`,
        );
      case 'superseded':
        return new DomainError(
          ContractErrorCode.ContractSuperseded,
          'conflict',
          'A newer version has replaced this contract',
        );
      case 'terminated':
        return new DomainError(ContractErrorCode.ContractTerminated, 'conflict', 'The contract has been terminated');
      case 'work_cancelled':
        return new DomainError(
          ContractErrorCode.ContractWorkCancelled,
          'conflict',
          `Every assignment this contract covered has been cancelled, so the contract has ended and cannot be ${action}`,
        );
      case 'expired':
        return new DomainError(ContractErrorCode.ContractExpired, 'conflict', 'The contract’s term has ended');
    }
  },
  signedImmutable: () =>
    new DomainError(
      ContractErrorCode.ContractSignedImmutable,
      'conflict',
      'A signed contract never changes; make a new version with POST /contracts/{id}/revise',
    ),
  pdfNotReady: () =>
    new DomainError(
      ContractErrorCode.ContractPdfNotReady,
      'conflict',
      'The contract’s PDF has not been rendered yet; try again shortly',
    ),
  noSignedCopy: () =>
    new DomainError(
      ContractErrorCode.ContractNotSigned,
      'conflict',
      'The contract has not been signed, so it has no signed copy; its PDF is at GET /contracts/{id}/pdf',
    ),
  signedCopyNotReady: () =>
    new DomainError(
      ContractErrorCode.ContractSignedCopyNotReady,
      'conflict',
      'The signed copy is made shortly after signing and is not ready yet; try again shortly',
    ),
  pdfMismatch: () =>
    new DomainError(
      ContractErrorCode.ContractPdfMismatch,
      'conflict',
      'pdfSha256 is not the hash of the stored contract PDF; read the contract again before signing',
      [{ field: 'pdfSha256', code: 'mismatch', message: 'is not the SHA-256 of the stored PDF' }],
    ),
  wrongPassword: () =>
    new DomainError(
      ContractErrorCode.SigningPasswordIncorrect,
      'forbidden',
      'The password is wrong; the contract was not signed',
      [{ field: 'password', code: 'incorrect', message: 'is not the password of your account' }],
    ),
  revisionPending: () =>
    new DomainError(
      ContractErrorCode.ContractRevisionPending,
      'conflict',
      'An unsigned new version of this contract already exists; approve or terminate it first',
    ),

  expertNotFound: () =>
    new DomainError(ContractErrorCode.ContractExpertNotFound, 'validation', 'expertId: no such expert', [
      { field: 'expertId', code: 'notFound', message: 'is not an expert' },
    ]),
  unknownAssignments: (list: string[]) =>
    fieldsError(ContractErrorCode.ContractAssignmentUnknown, [
      { field: 'assignmentIds', code: 'notFound', message: `no such assignments: ${ids(list)}` },
    ]),
  anotherExpertsAssignment: (list: string[]) =>
    new DomainError(
      ContractErrorCode.ContractAssignmentOfAnotherExpert,
      'validation',
      `assignmentIds: assignments of another expert: ${ids(list)}`,
      [{ field: 'assignmentIds', code: 'anotherExpert', message: `not assignments of this expert: ${ids(list)}` }],
    ),
  mixedOrganisations: () =>
    new DomainError(
      ContractErrorCode.ContractMixedOrganisations,
      'validation',
      'assignmentIds: a contract covers assignments ordered by one unit or project',
      [{ field: 'assignmentIds', code: 'mixedOrganisations', message: 'are ordered by more than one unit or project' }],
    ),
  termNotCovering: (list: string[]) =>
    new DomainError(
      ContractErrorCode.ContractTermNotCovering,
      'validation',
      `The term does not cover the assignments ${ids(list)}`,
      [
        {
          field: 'validFrom',
          code: 'notCovering',
          message: `the term must include the days of assignments ${ids(list)}`,
        },
        {
          field: 'validUntil',
          code: 'notCovering',
          message: `the term must include the days of assignments ${ids(list)}`,
        },
      ],
    ),
  termReversed: () => fieldError('validUntil', 'beforeValidFrom', 'must not be before validFrom'),
  assignmentNotOpen: (list: string[]) =>
    new DomainError(
      ContractErrorCode.ContractAssignmentNotOpen,
      'conflict',
      `Only accepted or confirmed assignments can be under contract: ${ids(list)}`,
    ),
  alreadyUnderContract: (list: string[]) =>
    new DomainError(
      ContractErrorCode.AssignmentAlreadyUnderContract,
      'conflict',
      list.length > 0
        ? `An approved or signed contract already covers ${ids(list)}; terminate it or make a new version of it instead`
        : // The database's refusal of a race: another contract for the same assignment was made at the same moment.
          'Another contract already covers one of these assignments; read the contracts again before making a new one',
    ),
  partialReplacement: (numbers: string[]) =>
    new DomainError(
      ContractErrorCode.ContractPartialReplacement,
      'conflict',
      `The draft contracts ${ids(numbers)} also cover other assignments; include them all or leave the drafts as they are`,
    ),
  fromDocument: (error: ContractDocumentError): DomainError => {
    switch (error.code) {
      case 'DATE_OF_BIRTH_MISSING':
        return new DomainError(
          ContractErrorCode.ExpertDateOfBirthMissing,
          'conflict',
          'The expert has not given their personal identity code yet, so the contract cannot show their date of birth',
        );
      case 'MIXED_FEE_TERMS':
        return new DomainError(
          ContractErrorCode.ContractMixedFeeTerms,
          'validation',
          `assignmentIds: paid at different fee rates: ${ids(error.assignmentIds)}`,
          [
            {
              field: 'assignmentIds',
              code: 'mixedFeeTerms',
              message: `paid at different fee rates; make a contract for each rate: ${ids(error.assignmentIds)}`,
            },
          ],
        );
      case 'RATE_NOT_FOUND':
        return new DomainError(
          FeeErrorCode.FeeRateNotFound,
          'conflict',
          `No fee rate is in force for assignments ${ids(error.assignmentIds)}`,
        );
      case 'TRAVEL_RATE_NOT_FOUND':
        return new DomainError(FeeErrorCode.TravelRateNotFound, 'conflict', error.message);
      case 'NO_TASKS':
        return new DomainError(
          ContractErrorCode.ContractWithoutAssignments,
          'conflict',
          'The contract covers no assignments',
        );
    }
  },
};

// The database's refusals that a race can still reach after the services' own checks.
export function fromDatabase(error: unknown): unknown {
  const constraint = pgConstraint(error);
  if (pgErrorCode(error) === PgCode.UniqueViolation && constraint === 'contract_assignments_one_live')
    return ContractErrors.alreadyUnderContract([]);
  if (pgErrorCode(error) === PgCode.UniqueViolation && constraint === 'contracts_one_pending_revision')
    return ContractErrors.revisionPending();
  if (
    constraint === 'contracts_signed_immutable' ||
    constraint === 'contracts_pdf_written_once' ||
    constraint === 'contracts_snapshot_frozen'
  ) {
    return ContractErrors.signedImmutable();
  }
  return error;
}
