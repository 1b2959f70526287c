import type { TFunction } from 'i18next';

// The server's limits on an uploaded file (material, a certificate, a receipt), told before the person picks a file
// and checked here too (the server checks the bytes).
export const UPLOAD_MAX_MEGABYTES = 5;
export const UPLOAD_MAX_BYTES = UPLOAD_MAX_MEGABYTES * 1024 * 1024;
export const UPLOAD_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
export const UPLOAD_ACCEPT = UPLOAD_TYPES.join(',');

// What the server would refuse in a chosen file, told with the field's label; undefined when it would take it.
export function fileProblem(t: TFunction, file: File, label: string): string | undefined {
  if (!UPLOAD_TYPES.includes(file.type)) return t('errors.field.unsupportedType', { field: label });
  if (file.size > UPLOAD_MAX_BYTES) return t('errors.field.maxSize', { field: label });
  return undefined;
}
