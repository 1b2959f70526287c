import type { TFunction } from 'i18next';
import { formatDateTime } from '../../../i18n/format';
import type { Language } from '../../../i18n/languages';
import type { AuditEvent } from './audit-trail-api';

// A bearer token the API refused (forged, garbled, or of an ended session): who sent it is unknown unless we signed
// it, and where from is what the row is about.
export const TOKEN_REJECTED = 'auth.token_rejected';

// The API's reasons (TokenRejection), each with words in the tables; one these words do not know yet is shown as
// the other details are.
const REJECTIONS = new Set([
  'malformed',
  'wrong_algorithm',
  'bad_signature',
  'wrong_issuer_or_audience',
  'not_yet_valid',
  'expired',
  'session_ended',
]);

// A refused token's row in words, the reason first ("Invalid signature, 49 times since …"); null for any other
// row, whose details the trail shows as they are.
export function tokenRejectionText(
  t: TFunction,
  language: Language,
  { action, details }: Pick<AuditEvent, 'action' | 'details'>,
): string | null {
  const { reason, count, since } = (details ?? {}) as Record<string, unknown>;
  if (action !== TOKEN_REJECTED || typeof reason !== 'string' || !REJECTIONS.has(reason)) return null;
  if (typeof count !== 'number') return null;
  const words = t(`admin.audit.rejection.reasons.${reason}`);
  return typeof since === 'string'
    ? t('admin.audit.rejection.timesSince', { reason: words, count, since: formatDateTime(language, since) })
    : t('admin.audit.rejection.times', { reason: words, count });
}
