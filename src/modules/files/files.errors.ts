import { DomainError } from '../../common/errors/domain-error';
import { MAX_UPLOAD_LABEL } from './upload-limits';

export const FileErrors = {
  tooLarge: (field: string) =>
    new DomainError('FILE_TOO_LARGE', 'payload_too_large', `${field}: must be at most ${MAX_UPLOAD_LABEL}`, [
      { field, code: 'maxSize', message: `must be at most ${MAX_UPLOAD_LABEL}` },
    ]),
  unsupportedType: (field: string) =>
    new DomainError('UNSUPPORTED_FILE_TYPE', 'unsupported_media_type', `${field}: must be a PDF, JPEG or PNG file`, [
      { field, code: 'unsupportedType', message: 'must be a PDF, JPEG or PNG file (checked from its contents)' },
    ]),
  multipartRequired: () =>
    new DomainError('MULTIPART_REQUIRED', 'unsupported_media_type', 'The request must be multipart/form-data'),
  tooManyParts: () =>
    new DomainError('TOO_MANY_PARTS', 'payload_too_large', 'A form carries one file and at most 10 fields'),
  malformed: () => new DomainError('MALFORMED_MULTIPART', 'bad_request', 'The multipart body could not be read'),
};
