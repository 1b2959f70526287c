import { DomainError } from '../../common/errors/domain-error';
import { AVAILABILITY_KINDS, AvailabilityKind } from './availability-kinds';

// The codes this feature answers with: the API's contract, one definition each.
export enum AvailabilityErrorCode {
  AvailabilityNotFound = 'AVAILABILITY_NOT_FOUND',
  AvailabilityOverlap = 'AVAILABILITY_OVERLAP',
}

export const AvailabilityErrors = {
  notFound: (kind: AvailabilityKind) =>
    new DomainError(
      AvailabilityErrorCode.AvailabilityNotFound,
      'not_found',
      `${AVAILABILITY_KINDS[kind].label} not found`,
    ),
  overlap: (kind: AvailabilityKind, conflictingId: string | null) => {
    const { overlapFields, overlapMessage } = AVAILABILITY_KINDS[kind];
    const message = conflictingId ? `${overlapMessage} (${conflictingId})` : overlapMessage;
    return new DomainError(
      AvailabilityErrorCode.AvailabilityOverlap,
      'conflict',
      `${overlapFields.join(', ')}: ${message}`,
      overlapFields.map((field) => ({ field, code: 'overlaps', message })),
    );
  },
};
