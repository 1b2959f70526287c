import { StreamableFile } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { attachmentDisposition } from '../../files';

export interface ContractPdfDownload {
  sha256: string;
  fileName: string;
  // Null when the client's copy is current (If-None-Match): no bytes are read or sent.
  bytes: Buffer | null;
}

// Does an If-None-Match header name this hash? A weak or listed tag counts; "*" matches any stored PDF.
export function etagMatches(header: string | undefined, sha256: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim().replace(/^W\//, '');
    return t === '*' || t === `"${sha256}"`;
  });
}

// Served as stored, with its SHA-256 as a strong ETag; private, revalidated each time.
export function contractPdfResponse(reply: FastifyReply, pdf: ContractPdfDownload): StreamableFile | undefined {
  void reply.header('etag', `"${pdf.sha256}"`).header('cache-control', 'private, no-cache');
  if (pdf.bytes === null) {
    void reply.status(304);
    return undefined;
  }
  return new StreamableFile(pdf.bytes, {
    type: 'application/pdf',
    disposition: attachmentDisposition(pdf.fileName),
    length: pdf.bytes.length,
  });
}
