import type { OpenAPIObject, OperationObject, ResponseObject } from '@nestjs/swagger';

const PROBLEM_SCHEMA = '#/components/schemas/ProblemResponse';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

// What every route with a parameter or a body may answer before its own code runs: the validation pipe, the
// well-formed-input check (control characters, lone surrogates) and the JSON parser refuse with a 400.
export const COMMON_BAD_REQUEST =
  'VALIDATION_FAILED (errors names each field), MALFORMED_JSON, BODY_TOO_DEEP or BODY_NOT_OBJECT';

// The refusals as the API sends them: every problem is `application/problem+json` (RFC 9457), whatever media type
// the decorators name, and every operation that takes input documents the 400 of the input checks that every route
// runs. Operations that document their own 400 keep it.
export function documentProblems(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      if (takesInput(operation) && !operation.responses['400']) {
        operation.responses['400'] = {
          description: COMMON_BAD_REQUEST,
          content: { 'application/json': { schema: { $ref: PROBLEM_SCHEMA } } },
        };
      }
      for (const response of Object.values(operation.responses) as ResponseObject[]) asProblemJson(response);
    }
  }
  return document;
}

function takesInput(operation: OperationObject): boolean {
  return Boolean(operation.requestBody) || (operation.parameters ?? []).length > 0;
}

// A problem is sent as problem+json even where the route's successful answer is another type (the calendar feed).
function asProblemJson(response: ResponseObject): void {
  const problem = Object.values(response.content ?? {}).find(
    (media) => (media.schema as { $ref?: string } | undefined)?.$ref === PROBLEM_SCHEMA,
  );
  if (problem) response.content = { 'application/problem+json': problem };
}
