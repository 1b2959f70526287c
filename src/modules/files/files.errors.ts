import { DomainError, fieldsError } from '../../common/errors/domain-error';
import { MAX_UPLOAD_LABEL } from './upload-limits';

// The codes this feature answers with: the API's contract, one definition each.
export enum FileErrorCode {
  FileTooLarge = 'FILE_TOO_LARGE',
  UnsupportedFileType = 'UNSUPPORTED_FILE_TYPE',
  MultipartRequired = 'MULTIPART_REQUIRED',
  TooManyParts = 'TOO_MANY_PARTS',
  MalformedMultipart = 'MALFORMED_MULTIPART',
}

export const FileErrors = {
  tooLarge: (field: string) =>
    fieldsError(
      FileErrorCode.FileTooLarge,
      [{ field, code: 'maxSize', message: `must be at most ${MAX_UPLOAD_LABEL}` }],
      'payload_too_large',
    ),
  unsupportedType: (field: string) =>
    new DomainError(
      FileErrorCode.UnsupportedFileType,
      'unsupported_media_type',
      `${field}: must be a PDF, JPEG or PNG file`,
      [{ field, code: 'unsupportedType', message: 'must be a PDF, JPEG or PNG file (checked from its contents)' }],
    ),
  multipartRequired: () =>
    new DomainError(
      FileErrorCode.MultipartRequired,
      'unsupported_media_type',
      'The request must be multipart/form-data',
    ),
  tooManyParts: () =>
    new DomainError(FileErrorCode.TooManyParts, 'payload_too_large', 'A form carries one file and at most 10 fields'),
  malformed: () =>
    new DomainError(FileErrorCode.MalformedMultipart, 'bad_request', 'The multipart body could not be read'),
};
