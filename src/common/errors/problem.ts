import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ErrorKind, FieldError, ProblemExtensions } from './domain-error';

export const STATUS_BY_KIND: Record<ErrorKind, number> = {
  bad_request: 400,
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  too_many_requests: 429,
};

export class FieldErrorResponse implements FieldError {
  @ApiProperty({ example: 'email' }) field: string;
  @ApiProperty({ example: 'isEmail' }) code: string;
  @ApiProperty({ example: 'email must be an email' }) message: string;
}

export class CeilingAmountsResponse {
  @ApiProperty({ description: 'The expert’s fees of the year so far, euro cents before withholding' })
  earnedCents: number;
  @ApiProperty({ description: 'This work’s expected fee, euro cents before withholding' }) expectedCents: number;
  @ApiProperty({ description: 'The yearly earnings ceiling the expert set, euro cents' }) ceilingCents: number;
}

// RFC 9457 problem details, with a stable code and the request's correlation id.
export class ProblemResponse {
  @ApiProperty({ example: 'about:blank' }) type: string;
  @ApiProperty({ example: 'Bad Request' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiProperty({ example: 'VALIDATION_FAILED' }) code: string;
  @ApiProperty({ example: 'email: email must be an email' }) detail: string;
  @ApiPropertyOptional({ type: [FieldErrorResponse] }) errors?: FieldError[];
  @ApiPropertyOptional({
    example: 'withdrawn',
    description:
      'Where a code has several causes, which one. OFFER_NOT_OPEN: accepted, declined, expired, withdrawn or requestCancelled (the offer withdrawn because its order was cancelled)',
  })
  reason?: string;
  @ApiPropertyOptional({
    type: CeilingAmountsResponse,
    description:
      'With EARNINGS_CEILING_ACK_REQUIRED and DIRECT_BOOKING_CROSSES_CEILING: the amounts the refusal is about',
  })
  ceiling?: ProblemExtensions['ceiling'];
  @ApiPropertyOptional({
    example: 2,
    description:
      'With EXPERT_HAS_BOOKED_WORK: the accepted or confirmed assignments not yet ended that must be settled first',
  })
  bookedAssignments?: number;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'With CLAIM_ALREADY_EXISTS: the claim the assignment already has, yours to open',
  })
  claimId?: string;
  @ApiProperty({ example: '0b0c5b7e-2f7e-4c1b-9d3c-6f1f1b2f7a10' }) correlationId: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problem(
  status: number,
  code: string,
  detail: string,
  correlationId: string,
  errors?: FieldError[],
  extensions: ProblemExtensions = {},
): ProblemResponse {
  const body: ProblemResponse = {
    type: 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    code,
    detail,
    correlationId,
  };
  if (errors && errors.length > 0) body.errors = errors;
  if (extensions.reason) body.reason = extensions.reason;
  if (extensions.ceiling) body.ceiling = extensions.ceiling;
  if (extensions.bookedAssignments !== undefined) body.bookedAssignments = extensions.bookedAssignments;
  if (extensions.claimId) body.claimId = extensions.claimId;
  return body;
}
