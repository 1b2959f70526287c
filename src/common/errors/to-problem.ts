import { HttpException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error';
import { problem, ProblemResponse, STATUS_BY_KIND } from './problem';

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

// PostgreSQL refusals that reach the filter unmapped are still the client's conflict, not a 500.
const PG_CODES: Record<string, { status: number; code: string; detail: string }> = {
  '23505': { status: 409, code: 'DUPLICATE', detail: 'A record with the same unique value already exists' },
  '23P01': { status: 409, code: 'CONFLICTING_RECORD', detail: 'The change conflicts with an existing record' },
  '23503': {
    status: 409,
    code: 'REFERENCED_RECORD',
    detail: 'The change refers to a missing or still referenced record',
  },
  '23514': { status: 400, code: 'CONSTRAINT_VIOLATED', detail: 'The values break a rule of the data model' },
  '40001': { status: 409, code: 'CONCURRENT_UPDATE', detail: 'A concurrent change won; try again' },
  '40P01': { status: 409, code: 'CONCURRENT_UPDATE', detail: 'A concurrent change won; try again' },
};

// The health check's 503 names what is down (never how).
function unavailableDetail(response: string | object): string {
  const down = typeof response === 'object' && 'error' in response ? Object.keys(response.error as object) : [];
  return down.length > 0 ? `Not available: ${down.join(', ')}` : 'Service unavailable';
}

export function toProblem(error: unknown, correlationId: string): ProblemResponse | undefined {
  if (error instanceof DomainError) {
    return problem(
      STATUS_BY_KIND[error.kind],
      error.code,
      error.message,
      correlationId,
      error.fields,
      error.extensions,
    );
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message =
      typeof response === 'object' && response && 'message' in response ? String(response.message) : error.message;
    // Nest rewraps Fastify's body-parser errors as plain HttpExceptions; the message is all that is left.
    if (status === 400 && /^Body (is not valid JSON|cannot be empty)/.test(message)) {
      return problem(400, 'MALFORMED_JSON', 'The request body is not valid JSON', correlationId);
    }
    // The router's own 404 names the method and the whole path; echo neither.
    if (status === 404 && message.startsWith('Cannot ')) {
      return problem(404, 'NOT_FOUND', 'No route matches this method and path', correlationId);
    }
    if (status === 503) return problem(503, 'SERVICE_UNAVAILABLE', unavailableDetail(response), correlationId);
    return status >= 500 ? undefined : problem(status, HTTP_CODES[status] ?? 'HTTP_ERROR', message, correlationId);
  }
  if (error instanceof QueryFailedError) {
    const pg = PG_CODES[(error.driverError as { code?: string }).code ?? ''];
    return pg && problem(pg.status, pg.code, pg.detail, correlationId);
  }
  return undefined;
}

export function internalProblem(correlationId: string): ProblemResponse {
  return problem(
    500,
    'INTERNAL_ERROR',
    'Something went wrong on our side. Quote the correlation id when reporting it.',
    correlationId,
  );
}
