import { DomainError, fieldError, fieldsError } from '../../common/errors/domain-error';
import { FeeArithmeticError, FeeArithmeticErrorCode } from './money/fee-arithmetic.rule';

// The codes this feature answers with: the API's contract, one definition each.
export enum FeeErrorCode {
  ClaimNotFound = 'CLAIM_NOT_FOUND',
  AssignmentNotClaimable = 'ASSIGNMENT_NOT_CLAIMABLE',
  ClaimAlreadyExists = 'CLAIM_ALREADY_EXISTS',
  ClaimTimeLimitPassed = 'CLAIM_TIME_LIMIT_PASSED',
  ClaimMinutesExceedBooking = 'CLAIM_MINUTES_EXCEED_BOOKING',
  ClaimKilometresImplausible = 'CLAIM_KILOMETRES_IMPLAUSIBLE',
  ClaimTripDateOutside = 'CLAIM_TRIP_DATE_OUTSIDE',
  ClaimStatusConflict = 'CLAIM_STATUS_CONFLICT',
  ClaimChanged = 'CLAIM_CHANGED',
  ClaimTooManyCosts = 'CLAIM_TOO_MANY_COSTS',
  ClaimCostNotFound = 'CLAIM_COST_NOT_FOUND',
  ClaimSecondApproverRequired = 'CLAIM_SECOND_APPROVER_REQUIRED',
  FeeRateExists = 'FEE_RATE_EXISTS',
  FeeRateRetroactive = 'FEE_RATE_RETROACTIVE',
  FeeRateInUse = 'FEE_RATE_IN_USE',
  TravelRateInUse = 'TRAVEL_RATE_IN_USE',
  FeeRunInProgress = 'FEE_RUN_IN_PROGRESS',
  FeeRunNotFound = 'FEE_RUN_NOT_FOUND',
  FeeRunStatusConflict = 'FEE_RUN_STATUS_CONFLICT',
  FeeRunSecondApproverRequired = 'FEE_RUN_SECOND_APPROVER_REQUIRED',
  FeeRunFileNotFound = 'FEE_RUN_FILE_NOT_FOUND',
  // A run's own failure, stored on the run (not an API answer).
  FeeRunCrashed = 'FEE_RUN_CRASHED',
  StatementNotFound = 'STATEMENT_NOT_FOUND',
  FeeRateNotFound = 'FEE_RATE_NOT_FOUND',
  TravelRateNotFound = 'TRAVEL_RATE_NOT_FOUND',
  FeeRateAmbiguous = 'FEE_RATE_AMBIGUOUS',
  FeeNegativeValue = 'FEE_NEGATIVE_VALUE',
  FeeNotAnInteger = 'FEE_NOT_AN_INTEGER',
  FeeOutOfRange = 'FEE_OUT_OF_RANGE',
  FeeInvalidDate = 'FEE_INVALID_DATE',
  FeeInvalidTimestamp = 'FEE_INVALID_TIMESTAMP',
  FeeInvalidTaxPercent = 'FEE_INVALID_TAX_PERCENT',
  FeeCarTravelDateMissing = 'FEE_CAR_TRAVEL_DATE_MISSING',
}

export const FeeErrors = {
  claimNotFound: () => new DomainError(FeeErrorCode.ClaimNotFound, 'not_found', 'Claim not found'),
  assignmentNotClaimable: (status: string) =>
    new DomainError(
      FeeErrorCode.AssignmentNotClaimable,
      'conflict',
      `A ${status} assignment has no claim: only a completed one, or one the county cancelled late with the fee due`,
    ),
  claimExists: (claimId?: string) =>
    new DomainError(FeeErrorCode.ClaimAlreadyExists, 'conflict', 'This assignment already has a claim', [], {
      claimId,
    }),
  timeLimitPassed: (days: number) =>
    new DomainError(
      FeeErrorCode.ClaimTimeLimitPassed,
      'conflict',
      `A claim must be filed within ${days} days of the assignment's end`,
    ),
  minutesExceedBooking: (maxMinutes: number) =>
    fieldsError(FeeErrorCode.ClaimMinutesExceedBooking, [
      {
        field: 'workedMinutes',
        code: 'exceedsBooking',
        message: `worked and preparation minutes together may be at most ${maxMinutes} for this assignment`,
      },
    ]),
  kilometresImplausible: (maxKm: number) =>
    fieldsError(FeeErrorCode.ClaimKilometresImplausible, [
      { field: 'trips', code: 'implausibleDistance', message: `the trips may add up to at most ${maxKm} km` },
    ]),
  tripDateOutside: (index: number) =>
    fieldsError(FeeErrorCode.ClaimTripDateOutside, [
      {
        field: `trips.${index}.date`,
        code: 'outsideAssignment',
        message: 'must be the day of the assignment, or the day before or after it',
      },
    ]),
  claimStatusConflict: (from: string, action: string) =>
    new DomainError(FeeErrorCode.ClaimStatusConflict, 'conflict', `A ${from} claim cannot be ${action}`),
  claimChanged: () =>
    new DomainError(FeeErrorCode.ClaimChanged, 'conflict', 'The claim was changed meanwhile: read it again'),
  tooManyCosts: (max: number) =>
    new DomainError(FeeErrorCode.ClaimTooManyCosts, 'conflict', `A claim has at most ${max} costs`),
  claimSecondApproverRequired: () =>
    new DomainError(
      FeeErrorCode.ClaimSecondApproverRequired,
      'conflict',
      'Four eyes: you approved this claim first; a second, different coordinator must approve it',
    ),
  costNotFound: () => new DomainError(FeeErrorCode.ClaimCostNotFound, 'not_found', 'Cost not found'),
  rateExists: () =>
    new DomainError(FeeErrorCode.FeeRateExists, 'conflict', 'This task type already has a rate starting on that date', [
      { field: 'validFrom', code: 'taken', message: 'this task type already has a rate starting on this date' },
    ]),
  rateRetroactive: () =>
    fieldsError(FeeErrorCode.FeeRateRetroactive, [
      {
        field: 'validFrom',
        code: 'notInPast',
        message: 'must be today or later: rates for past work are never rewritten',
      },
    ]),
  rateInUse: () =>
    new DomainError(
      FeeErrorCode.FeeRateInUse,
      'conflict',
      'Work of this task type on or after that date is already approved or paid at the rate in force; a new rate starts later',
      [
        {
          field: 'validFrom',
          code: 'inUse',
          message: 'work of this task type on or after this date is already approved or paid: choose a later date',
        },
      ],
    ),
  travelYear: () => fieldError('year', 'isYear', 'must be a year between 2000 and 2100'),
  travelRateInUse: (year: number) =>
    new DomainError(
      FeeErrorCode.TravelRateInUse,
      'conflict',
      `Claims with trips in ${year} are already approved or paid at this rate; it is no longer changed`,
    ),
  feeRunInProgress: () =>
    new DomainError(
      FeeErrorCode.FeeRunInProgress,
      'conflict',
      'Another fee run is not finished yet; finish (export) or retry it first',
    ),
  feeRunNotFound: () => new DomainError(FeeErrorCode.FeeRunNotFound, 'not_found', 'Fee run not found'),
  feeRunStatusConflict: (from: string, action: string) =>
    new DomainError(FeeErrorCode.FeeRunStatusConflict, 'conflict', `A ${from} fee run cannot be ${action}`),
  secondApproverRequired: () =>
    new DomainError(
      FeeErrorCode.FeeRunSecondApproverRequired,
      'conflict',
      'Four eyes: a second, different coordinator must approve this run',
    ),
  upToInFuture: () => fieldError('upTo', 'notInFuture', 'must be today or earlier'),
  paymentDateBeforeToday: () => fieldError('paymentDate', 'beforeToday', 'must be today or later'),
  paymentDateTooFarAhead: (days: number) =>
    fieldError('paymentDate', 'tooFarAhead', `must be at most ${days} days from today`),
  fileNotFound: () => new DomainError(FeeErrorCode.FeeRunFileNotFound, 'not_found', 'File not found'),
  statementNotFound: () => new DomainError(FeeErrorCode.StatementNotFound, 'not_found', 'Statement not found'),
};

// The pure money rules throw plain errors; at the edge they become the API's, each with its own code. A missing or
// doubled rate is the data's state (conflict); the rest are values the rules refuse (validation).
const FROM_ARITHMETIC: Record<FeeArithmeticErrorCode, [FeeErrorCode, 'conflict' | 'validation']> = {
  RATE_NOT_FOUND: [FeeErrorCode.FeeRateNotFound, 'conflict'],
  TRAVEL_RATE_NOT_FOUND: [FeeErrorCode.TravelRateNotFound, 'conflict'],
  AMBIGUOUS_RATE: [FeeErrorCode.FeeRateAmbiguous, 'conflict'],
  NEGATIVE_VALUE: [FeeErrorCode.FeeNegativeValue, 'validation'],
  NOT_AN_INTEGER: [FeeErrorCode.FeeNotAnInteger, 'validation'],
  OUT_OF_RANGE: [FeeErrorCode.FeeOutOfRange, 'validation'],
  INVALID_DATE: [FeeErrorCode.FeeInvalidDate, 'validation'],
  INVALID_TIMESTAMP: [FeeErrorCode.FeeInvalidTimestamp, 'validation'],
  INVALID_TAX_PERCENT: [FeeErrorCode.FeeInvalidTaxPercent, 'validation'],
  CAR_TRAVEL_DATE_MISSING: [FeeErrorCode.FeeCarTravelDateMissing, 'validation'],
};

export function fromArithmetic(error: unknown): unknown {
  if (!(error instanceof FeeArithmeticError)) return error;
  const [code, kind] = FROM_ARITHMETIC[error.code];
  return new DomainError(code, kind, error.message);
}
