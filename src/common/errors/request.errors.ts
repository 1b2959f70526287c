import { DomainError } from './domain-error';

// Refusals of a request's shape, raised before any route sees it.
export const RequestErrors = {
  bodyTooDeep: (max: number) =>
    new DomainError('BODY_TOO_DEEP', 'bad_request', `The JSON body nests deeper than ${max} levels`),
  bodyNotObject: () => new DomainError('BODY_NOT_OBJECT', 'bad_request', 'The JSON body must be an object'),
  malformedPath: () =>
    new DomainError('MALFORMED_PATH', 'bad_request', 'The path is not a valid percent-encoded URL path'),
  pathParameterTooLong: (max: number) =>
    new DomainError('PATH_PARAMETER_TOO_LONG', 'uri_too_long', `A path parameter is longer than ${max} characters`),
};
