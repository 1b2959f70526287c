import { StreamableFile } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { attachmentDisposition } from './file-name';
import { FileDownload } from './files.service';

// Always an attachment (never rendered inline in the API's origin), with the stored type and its SHA-256
// as a strong ETag. Private documents: no shared cache keeps them.
export function fileResponse(reply: FastifyReply, file: FileDownload): StreamableFile {
  void reply.header('etag', `"${file.sha256}"`).header('cache-control', 'private, no-store');
  return new StreamableFile(file.bytes, {
    type: file.mediaType,
    disposition: attachmentDisposition(file.fileName),
    length: file.bytes.length,
  });
}
