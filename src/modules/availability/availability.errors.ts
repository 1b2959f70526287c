import { DomainError } from '../../common/errors/domain-error';
import { AVAILABILITY_KINDS, AvailabilityKind } from './availability-kinds';

export const AvailabilityErrors = {
  notFound: (kind: AvailabilityKind) =>
    new DomainError('AVAILABILITY_NOT_FOUND', 'not_found', `${AVAILABILITY_KINDS[kind].label} not found`),
  overlap: (kind: AvailabilityKind, conflictingId: string | null) => {
    const { overlapFields, overlapMessage } = AVAILABILITY_KINDS[kind];
    const message = conflictingId ? `${overlapMessage} (${conflictingId})` : overlapMessage;
    return new DomainError(
      'AVAILABILITY_OVERLAP',
      'conflict',
      `${overlapFields.join(', ')}: ${message}`,
      overlapFields.map((field) => ({ field, code: 'overlaps', message })),
    );
  },
};
