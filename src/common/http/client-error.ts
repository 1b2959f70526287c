import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { Socket } from 'node:net';
import { Logger } from '@nestjs/common';
import { problem } from '../errors/problem';
import { RequestErrorCode } from '../errors/request.errors';

const logger = new Logger('Http');

function refusal(error: NodeJS.ErrnoException): [number, RequestErrorCode, string] {
  if (error.code === 'HPE_HEADER_OVERFLOW')
    return [431, RequestErrorCode.HeadersTooLarge, 'The request headers are larger than the server accepts'];
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return [408, RequestErrorCode.RequestTimeout, 'The request did not arrive in time'];
  return [400, RequestErrorCode.MalformedRequest, 'The request is not well-formed HTTP'];
}

// What Node's HTTP parser refuses before Fastify sees a request (a NUL byte in a header, an unknown method, two
// Content-Lengths, broken chunked encoding, headers over the limit, a request too slow to arrive) gets the same
// problem+json as every other error, with a correlation id, in place of Fastify's own JSON (Fastify's
// `clientErrorHandler` option; its default handler does the same on the socket).
export function clientError(error: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, detail] = refusal(error);
  const correlationId = randomUUID();
  // The client's fault, and often a scanner's: not worth more than a debug line.
  logger.debug(`Refused a request that is not well-formed HTTP: ${code} (${error.code}), ${correlationId}`);
  if (socket.writable) {
    const body = JSON.stringify(problem(status, code, detail, correlationId));
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${correlationId}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
