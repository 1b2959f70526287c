import type { TFunction } from 'i18next';
import { fileProblem, UPLOAD_ACCEPT, UPLOAD_MAX_BYTES } from './upload-limits';

const t = ((key: string, options: { field: string }) => `${key} (${options.field})`) as unknown as TFunction;
const file = (type: string, size: number) => ({ type, size }) as File;

describe('the upload limits the forms check before sending', () => {
  it('takes a PDF, JPEG or PNG of up to 5 MiB', () => {
    expect(UPLOAD_ACCEPT).toBe('application/pdf,image/jpeg,image/png');
    for (const type of ['application/pdf', 'image/jpeg', 'image/png'])
      expect(fileProblem(t, file(type, UPLOAD_MAX_BYTES), 'Receipt')).toBeUndefined();
  });

  it('names the field when the type is not taken, before looking at the size', () => {
    expect(fileProblem(t, file('image/gif', UPLOAD_MAX_BYTES + 1), 'Receipt')).toBe(
      'errors.field.unsupportedType (Receipt)',
    );
  });

  it('names the field when the file is one byte over 5 MiB', () => {
    expect(fileProblem(t, file('application/pdf', 5 * 1024 * 1024 + 1), 'Certificate')).toBe(
      'errors.field.maxSize (Certificate)',
    );
  });
});
