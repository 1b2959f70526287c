import type { OpenAPIObject, ResponseObject } from '@nestjs/swagger';

const PROBLEM_SCHEMA = '#/components/schemas/ProblemResponse';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

// What every route may answer before its own code runs: the well-formed-input check (control characters, lone
// surrogates, in the query too), the JSON parser and the validation pipe refuse with a 400, and a body over the
// limit is a 413.
export const COMMON_BAD_REQUEST =
  'VALIDATION_FAILED (errors names each field), MALFORMED_JSON, BODY_TOO_DEEP or BODY_NOT_OBJECT';
const COMMON_TOO_LARGE = 'PAYLOAD_TOO_LARGE: the body is over the limit (BODY_LIMIT_BYTES)';
const COMMON_MEDIA_TYPE =
  'UNSUPPORTED_MEDIA_TYPE: the body is not of the type the operation takes; UNSUPPORTED_CHARSET: JSON in a charset other than UTF-8';

// The refusals as the API sends them: every problem is `application/problem+json` (RFC 9457), whatever media type
// the decorators name, every operation documents the 400 of the input checks that every route runs, and one that
// takes a body its 413 and 415. Operations that document their own keep them.
export function documentProblems(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      operation.responses['400'] ??= problemResponse(COMMON_BAD_REQUEST);
      if (operation.requestBody) {
        operation.responses['413'] ??= problemResponse(COMMON_TOO_LARGE);
        operation.responses['415'] ??= problemResponse(COMMON_MEDIA_TYPE);
      }
      for (const response of Object.values(operation.responses) as ResponseObject[]) asProblemJson(response);
    }
  }
  return document;
}

function problemResponse(description: string): ResponseObject {
  return { description, content: { 'application/problem+json': { schema: { $ref: PROBLEM_SCHEMA } } } };
}

// A problem is sent as problem+json even where the route's successful answer is another type (the calendar feed).
function asProblemJson(response: ResponseObject): void {
  const problem = Object.values(response.content ?? {}).find(
    (media) => (media.schema as { $ref?: string } | undefined)?.$ref === PROBLEM_SCHEMA,
  );
  if (problem) response.content = { 'application/problem+json': problem };
}
