import { StreamableFile } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { attachmentDisposition } from '../../files/file-name';

export interface FeeFileDownload {
  fileName: string;
  mediaType: string;
  sha256: string;
  bytes: Buffer;
}

// Like the stored uploads: always an attachment, the SHA-256 as a strong ETag, never kept by a cache.
export function feeFileResponse(reply: FastifyReply, file: FeeFileDownload): StreamableFile {
  void reply.header('etag', `"${file.sha256}"`).header('cache-control', 'private, no-store');
  return new StreamableFile(file.bytes, {
    type: file.mediaType,
    disposition: attachmentDisposition(file.fileName),
    length: file.bytes.length,
  });
}
