import { DomainError } from './domain-error';

// The codes this feature answers with: the API's contract, one definition each.
export enum RequestErrorCode {
  BodyTooDeep = 'BODY_TOO_DEEP',
  BodyNotObject = 'BODY_NOT_OBJECT',
  MalformedPath = 'MALFORMED_PATH',
  PathParameterTooLong = 'PATH_PARAMETER_TOO_LONG',
  // Refused by Node's HTTP parser before Fastify sees a request (src/common/http/client-error.ts).
  MalformedRequest = 'MALFORMED_REQUEST',
  HeadersTooLarge = 'HEADERS_TOO_LARGE',
  RequestTimeout = 'REQUEST_TIMEOUT',
  RequestAborted = 'REQUEST_ABORTED',
  UnsupportedCharset = 'UNSUPPORTED_CHARSET',
}

// Refusals of a request's shape, raised before any route sees it.
export const RequestErrors = {
  bodyTooDeep: (max: number) =>
    new DomainError(RequestErrorCode.BodyTooDeep, 'bad_request', `The JSON body nests deeper than ${max} levels`),
  bodyNotObject: () =>
    new DomainError(RequestErrorCode.BodyNotObject, 'bad_request', 'The JSON body must be an object'),
  malformedPath: () =>
    new DomainError(RequestErrorCode.MalformedPath, 'bad_request', 'The path is not a valid percent-encoded URL path'),
  unsupportedCharset: () =>
    new DomainError(
      RequestErrorCode.UnsupportedCharset,
      'unsupported_media_type',
      'A JSON body is UTF-8 (RFC 8259); the Content-Type names another charset',
    ),
  requestAborted: () =>
    new DomainError(RequestErrorCode.RequestAborted, 'bad_request', 'The connection closed before the request arrived'),
  pathParameterTooLong: (max: number) =>
    new DomainError(
      RequestErrorCode.PathParameterTooLong,
      'uri_too_long',
      `A path parameter is longer than ${max} characters`,
    ),
};
