import { QueryFailedError } from 'typeorm';

export const PgCode = {
  UniqueViolation: '23505',
  ExclusionViolation: '23P01',
  ForeignKeyViolation: '23503',
  CheckViolation: '23514',
} as const;

export function pgErrorCode(error: unknown): string | undefined {
  return error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;
}

export function pgConstraint(error: unknown): string | undefined {
  return error instanceof QueryFailedError ? (error.driverError as { constraint?: string }).constraint : undefined;
}
