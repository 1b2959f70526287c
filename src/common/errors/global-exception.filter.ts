import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
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
