export type ErrorKind =
  | 'bad_request'
  | 'validation'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'payload_too_large'
  | 'uri_too_long'
  | 'unsupported_media_type'
  | 'too_many_requests';

// The code every refusal of a field's value shares; the field and its own code say what is wrong.
export enum DomainErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
}

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

// Members a problem may carry beside the standard ones (RFC 9457 extension members), for a client to show.
export interface ProblemExtensions {
  // A booking past an expert's yearly earnings ceiling: the year's fees so far, this work's expected fee and the
  // ceiling, euro cents.
  ceiling?: { earnedCents: number; expectedCents: number; ceilingCents: number };
  // An expert not retired or anonymised while booked: how many assignments the coordinator must settle first.
  bookedAssignments?: number;
  // An assignment's claim made before, which the caller may open (CLAIM_ALREADY_EXISTS).
  claimId?: string;
  // Where a code has several causes, which one (OFFER_NOT_OPEN: the offer's state now).
  reason?: string;
}

// Services throw these, never HttpException; the one exception filter maps kind to status.
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    readonly fields: FieldError[] = [],
    readonly extensions: ProblemExtensions = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

// A refusal of the values of some fields under a code of its own; the detail names each field with its message.
export function fieldsError(code: string, fields: FieldError[], kind: ErrorKind = 'validation'): DomainError {
  return new DomainError(code, kind, fields.map((f) => `${f.field}: ${f.message}`).join('; '), fields);
}

export function fieldError(field: string, code: string, message: string): DomainError {
  return fieldsError(DomainErrorCode.ValidationFailed, [{ field, code, message }]);
}
