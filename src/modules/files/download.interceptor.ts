import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  StreamableFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiOkResponse, SchemaObject } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { map, Observable } from 'rxjs';
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
function fileResponse(reply: FastifyReply, file: Download): StreamableFile {
  void reply.header('etag', `"${file.sha256}"`).header('cache-control', 'private, no-store');
  return new StreamableFile(file.bytes, {
    type: file.mediaType,
    disposition: attachmentDisposition(file.fileName),
    length: file.bytes.length,
  });
}

// A route that answers with a file: its handler returns the Download, and this writes it as fileResponse does,
// so that the handler stays one line and never touches the reply.
@Injectable()
export class DownloadInterceptor implements NestInterceptor<Download, StreamableFile> {
  intercept(context: ExecutionContext, next: CallHandler<Download>): Observable<StreamableFile> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(map((file) => fileResponse(reply, file)));
  }
}

export function SendsFile(): MethodDecorator & ClassDecorator {
  return UseInterceptors(DownloadInterceptor);
}

// The OpenAPI body of a file in any of these media types.
export function binaryContent(mediaTypes: readonly string[]): Record<string, { schema: SchemaObject }> {
  return Object.fromEntries(mediaTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]));
}

// The OpenAPI description of a route that answers with fileResponse: by default a stored upload's types.
export function ApiFileDownload(
  description: string,
  mediaTypes: readonly string[] = Object.values(MediaType),
): MethodDecorator & ClassDecorator {
  return ApiOkResponse({
    content: binaryContent(mediaTypes),
    description,
    headers: {
      ETag: { description: 'SHA-256 of the bytes in hex, quoted', schema: { type: 'string' } },
      'Content-Disposition': { description: 'attachment with a safe file name', schema: { type: 'string' } },
    },
  });
}
