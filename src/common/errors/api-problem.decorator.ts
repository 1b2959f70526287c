import { ApiResponse } from '@nestjs/swagger';
import { ProblemResponse } from './problem';

type RefusalStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 429;

// A refusal a route documents: its status and the codes it answers with, sent as problem details.
export const ApiProblem = (status: RefusalStatus, description: string): MethodDecorator =>
  ApiResponse({ status, type: ProblemResponse, description });
