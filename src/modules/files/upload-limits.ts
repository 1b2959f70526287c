// One file and a few fields per form; the multipart parser enforces these as it reads, before anything
// is buffered beyond them. JSON bodies keep their own, smaller limit (BODY_LIMIT_BYTES).
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const MAX_UPLOAD_LABEL = '5 MB';

export const MULTIPART_LIMITS = {
  fileSize: MAX_UPLOAD_BYTES,
  files: 1,
  fields: 10,
  parts: 11,
  fieldSize: 10 * 1024,
  headerPairs: 100,
};
