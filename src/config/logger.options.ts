import { RequestMethod } from '@nestjs/common';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Params } from 'nestjs-pino';
import { Options } from 'pino-http';
import { AppConfig } from './app-config';

// Never log secrets or personal data: headers that carry credentials and any body field that could.
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.refreshToken',
  '*.accessToken',
  '*.token',
  '*.iban',
  // An association's account, as the payment details take it (association.iban) and as answers give it.
  '*.association.iban',
  '*.associationIban',
  '*.identityCode',
  '*.email',
  // A failed query's values (TypeORM's QueryFailedError): names, free text, ciphertexts. The query itself stays.
  'err.parameters',
];

// Secret-bearing path segments (calendar feed tokens) are cut from logged URLs.
function safePath(url: string | undefined): string | undefined {
  return url?.split('?')[0].replace(/\/calendar\/[^/]+/, '/calendar/[redacted]');
}

export function loggerOptions(config: AppConfig, stream?: NodeJS.WritableStream): Params {
  const options: Options = {
    level: config.env.LOG_LEVEL,
    genReqId: (req: IncomingMessage) => String(req.headers['x-request-id'] ?? ''),
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      req: (req: IncomingMessage & { id?: string }) => ({ id: req.id, method: req.method, url: safePath(req.url) }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
    },
    customProps: (req: IncomingMessage) => ({ correlationId: req.headers['x-request-id'] }),
  };
  // Every route, in the wildcard syntax of Nest 11 (its default '*' is converted with a warning at every boot).
  return {
    pinoHttp: stream ? [options, stream] : options,
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
  };
}
