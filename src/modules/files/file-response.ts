import { StreamableFile } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { attachmentDisposition } from './file-name';
import { FileDownload } from './files.service';
import { MediaType } from './media-type';

// A file as a route answers with it: a stored upload (FileDownload), or a document another feature keeps
// (a fee run's files).
export interface Download extends Omit<FileDownload, 'mediaType'> {
  mediaType: string;
}

// Always an attachment (never rendered inline in the API's origin), with the stored type and its SHA-256
// as a strong ETag. Private documents: no shared cache keeps them.
export function fileResponse(reply: FastifyReply, file: Download): StreamableFile {
  void reply.header('etag', `"${file.sha256}"`).header('cache-control', 'private, no-store');
  return new StreamableFile(file.bytes, {
    type: file.mediaType,
    disposition: attachmentDisposition(file.fileName),
    length: file.bytes.length,
  });
}

// The OpenAPI description of a route that answers with fileResponse.
export function ApiFileDownload(description: string): MethodDecorator & ClassDecorator {
  return ApiOkResponse({
    content: Object.fromEntries(
      Object.values(MediaType).map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
    ),
    description,
    headers: {
      ETag: { description: 'SHA-256 of the bytes in hex, quoted', schema: { type: 'string' } },
      'Content-Disposition': { description: 'attachment with a safe file name', schema: { type: 'string' } },
    },
  });
}
