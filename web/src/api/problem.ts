// What the API answers when something fails: RFC 9457 problem details with a stable code, the fields at
// fault and the request's correlation id (shown to the person for support).
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

// A booking past an expert's yearly earnings ceiling: the amounts the refusal is about (euro cents).
export interface CeilingAmounts {
  earnedCents: number;
  expectedCents: number;
  ceilingCents: number;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly correlationId: string | undefined,
    readonly fields: FieldProblem[] = [],
    // Where a code has several causes, which one (OFFER_NOT_OPEN: the offer's state now).
    readonly reason?: string,
    readonly ceiling?: CeilingAmounts,
    // EXPERT_HAS_BOOKED_WORK: the assignments to settle first.
    readonly bookedAssignments?: number,
    // CLAIM_ALREADY_EXISTS: the claim the assignment already has.
    readonly claimId?: string,
  ) {
    super(code);
  }

  static network(): ApiError {
    return new ApiError(0, 'NETWORK', undefined);
  }

  static from(status: number, body: unknown, response?: Response): ApiError {
    const problem = (body ?? {}) as {
      code?: unknown;
      correlationId?: unknown;
      errors?: unknown;
      reason?: unknown;
      ceiling?: unknown;
      bookedAssignments?: unknown;
      claimId?: unknown;
    };
    const correlationId =
      typeof problem.correlationId === 'string'
        ? problem.correlationId
        : (response?.headers.get('x-request-id') ?? undefined);
    const fields = Array.isArray(problem.errors) ? (problem.errors as FieldProblem[]) : [];
    const ceiling = isCeiling(problem.ceiling) ? problem.ceiling : undefined;
    return new ApiError(
      status,
      typeof problem.code === 'string' ? problem.code : 'HTTP_ERROR',
      correlationId,
      fields,
      typeof problem.reason === 'string' ? problem.reason : undefined,
      ceiling,
      typeof problem.bookedAssignments === 'number' ? problem.bookedAssignments : undefined,
      typeof problem.claimId === 'string' ? problem.claimId : undefined,
    );
  }
}

function isCeiling(value: unknown): value is CeilingAmounts {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return ['earnedCents', 'expectedCents', 'ceilingCents'].every((k) => typeof v[k] === 'number');
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;
