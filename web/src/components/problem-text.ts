import type { TFunction } from 'i18next';
import { ApiError, isApiError } from '../api/problem';

// The person's words for a failure: the problem's code (with its reason, where the API names one) translated, or a
// generic sentence.
export function problemText(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    if (error.code === 'NETWORK') return t('errors.network');
    const reason = error.reason ? t(`errors.reason.${error.code}.${error.reason}`, { defaultValue: '' }) : '';
    if (reason) return reason;
    const key = `errors.code.${error.code}`;
    // A count the problem carries (EXPERT_HAS_BOOKED_WORK) picks the sentence's plural form.
    const count = error.bookedAssignments;
    const text = t(key, count === undefined ? { defaultValue: '' } : { defaultValue: '', count });
    if (text) return text;
  }
  return t('errors.generic');
}

// The correlation id helps support find a failure nobody expected (a server error, a code without words);
// for "wrong password" and the like it is noise.
export function correlationIdFor(t: TFunction, error: unknown): string | undefined {
  if (!(error instanceof ApiError) || !error.correlationId) return undefined;
  const known = error.code === 'NETWORK' || Boolean(t(`errors.code.${error.code}`, { defaultValue: '' }));
  return error.status >= 500 || !known ? error.correlationId : undefined;
}
