import { DomainError, FieldError } from '../../common/errors/domain-error';
import { FeeArithmeticError } from './money/fee-arithmetic';

const invalid = (code: string, fields: FieldError[]) =>
  new DomainError(code, 'validation', fields.map((f) => `${f.field}: ${f.message}`).join('; '), fields);

export const FeeErrors = {
  claimNotFound: () => new DomainError('CLAIM_NOT_FOUND', 'not_found', 'Claim not found'),
  assignmentNotFound: () => new DomainError('ASSIGNMENT_NOT_FOUND', 'not_found', 'Assignment not found'),
  assignmentNotClaimable: (status: string) =>
    new DomainError(
      'ASSIGNMENT_NOT_CLAIMABLE',
      'conflict',
      `A ${status} assignment has no claim: only a completed one, or one the county cancelled late with the fee due`,
    ),
  claimExists: () => new DomainError('CLAIM_ALREADY_EXISTS', 'conflict', 'This assignment already has a claim'),
  timeLimitPassed: (days: number) =>
    new DomainError('CLAIM_TIME_LIMIT_PASSED', 'conflict', `A claim must be filed within ${days} days of the assignment's end`),
  minutesExceedBooking: (maxMinutes: number) =>
    invalid('CLAIM_MINUTES_EXCEED_BOOKING', [
      { field: 'workedMinutes', code: 'exceedsBooking', message: `worked and preparation minutes together may be at most ${maxMinutes} for this assignment` },
    ]),
  kilometresImplausible: (maxKm: number) =>
    invalid('CLAIM_KILOMETRES_IMPLAUSIBLE', [{ field: 'trips', code: 'implausibleDistance', message: `the trips may add up to at most ${maxKm} km` }]),
  tripDateOutside: (index: number) =>
    invalid('CLAIM_TRIP_DATE_OUTSIDE', [
      { field: `trips.${index}.date`, code: 'outsideAssignment', message: 'must be the day of the assignment, or the day before or after it' },
    ]),
  claimStatusConflict: (from: string, action: string) =>
    new DomainError('CLAIM_STATUS_CONFLICT', 'conflict', `A ${from} claim cannot be ${action}`),
  tooManyCosts: (max: number) => new DomainError('CLAIM_TOO_MANY_COSTS', 'conflict', `A claim has at most ${max} costs`),
  costNotFound: () => new DomainError('CLAIM_COST_NOT_FOUND', 'not_found', 'Cost not found'),
  rateExists: () => new DomainError('FEE_RATE_EXISTS', 'conflict', 'This task type already has a rate starting on that date'),
  rateRetroactive: () =>
    invalid('FEE_RATE_RETROACTIVE', [
      { field: 'validFrom', code: 'notInPast', message: 'must be today or later: rates for past work are never rewritten' },
    ]),
  travelYear: () => invalid('VALIDATION_FAILED', [{ field: 'year', code: 'isYear', message: 'must be a year between 2000 and 2100' }]),
  feeRunInProgress: () =>
    new DomainError('FEE_RUN_IN_PROGRESS', 'conflict', 'Another fee run is not finished yet; finish (export) or retry it first'),
  feeRunNotFound: () => new DomainError('FEE_RUN_NOT_FOUND', 'not_found', 'Fee run not found'),
  feeRunStatusConflict: (from: string, action: string) =>
    new DomainError('FEE_RUN_STATUS_CONFLICT', 'conflict', `A ${from} fee run cannot be ${action}`),
  secondApproverRequired: () =>
    new DomainError('FEE_RUN_SECOND_APPROVER_REQUIRED', 'conflict', 'Four eyes: a second, different coordinator must approve this run'),
  upToInFuture: () => invalid('VALIDATION_FAILED', [{ field: 'upTo', code: 'notInFuture', message: 'must be today or earlier' }]),
  fileNotFound: () => new DomainError('FEE_RUN_FILE_NOT_FOUND', 'not_found', 'File not found'),
  statementNotFound: () => new DomainError('STATEMENT_NOT_FOUND', 'not_found', 'Statement not found'),
};

// The pure money rules throw plain errors; at the edge they become the API's.
export function fromArithmetic(error: unknown): unknown {
  if (!(error instanceof FeeArithmeticError)) return error;
  switch (error.code) {
    case 'RATE_NOT_FOUND':
      return new DomainError('FEE_RATE_NOT_FOUND', 'conflict', error.message);
    case 'TRAVEL_RATE_NOT_FOUND':
      return new DomainError('TRAVEL_RATE_NOT_FOUND', 'conflict', error.message);
    case 'AMBIGUOUS_RATE':
      return new DomainError('FEE_RATE_AMBIGUOUS', 'conflict', error.message);
    default:
      return new DomainError(`FEE_${error.code}`, 'validation', error.message);
  }
}
