import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { RequestErrors } from './request.errors';
import { internalProblem, toProblem } from './to-problem';

@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    sendProblem(error, request, reply, this.logger);
  }
}

// Also the answer to the errors Fastify's router raises before any route (or Nest) sees the request.
export function sendProblem(error: unknown, request: FastifyRequest, reply: FastifyReply, logger: Logger): void {
  const correlationId = String(request.id);
  if (clientHungUp(error, request)) {
    // Nobody is left to read the answer, and the server did nothing wrong: worth an info line, not an alert.
    logger.log({ correlationId }, 'The client closed the connection before its request had arrived');
    error = RequestErrors.requestAborted();
  }
  const body = toProblem(error, correlationId);
  if (!body) {
    // Internals go to the log with the correlation id, never to the client.
    logger.error({ err: error, correlationId }, 'Unhandled error');
  }
  const payload = body ?? internalProblem(correlationId);
  void reply
    .status(payload.status)
    .header('content-type', 'application/problem+json')
    .header('x-request-id', correlationId)
    .send(payload);
}

// Node's own error when the connection closes while the body is still being read (Fastify passes it on as is).
function clientHungUp(error: unknown, request: FastifyRequest): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ECONNRESET' && request.raw.destroyed;
}
