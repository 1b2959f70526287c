import type { TFunction } from 'i18next';
import { ApiError, isApiError } from '../api/problem';

// The person's words for a failure: the problem's code translated, or a generic sentence.
export function problemText(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    if (error.code === 'NETWORK') return t('errors.network');
    const key = `errors.code.${error.code}`;
    const text = t(key, { defaultValue: '' });
    if (text) return text;
  }
  return t('errors.generic');
}

export const correlationIdOf = (error: unknown): string | undefined => (error instanceof ApiError ? error.correlationId : undefined);
