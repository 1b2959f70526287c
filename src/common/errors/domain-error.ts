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

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

// Services throw these, never HttpException; the one exception filter maps kind to status.
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function fieldError(field: string, code: string, message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', 'validation', `${field}: ${message}`, [{ field, code, message }]);
}
