import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { StoredFileEntity } from './entities/stored-file.entity';
import { downloadFileName, sanitiseFileName } from './file-name';
import { FileErrors } from './files.errors';
import { FilesRepository } from './files.repository';
import { detectMediaType, MediaType } from './media-type';
import { Upload } from './upload-form.decorator';

export interface FileDownload {
  fileName: string;
  mediaType: MediaType;
  sha256: string;
  bytes: Buffer;
}

// Stored files for any feature that takes an upload (training credentials, claim receipts). The feature
// decides who may read a file; this service only stores, checks and returns it.
@Injectable()
export class FilesService {
  constructor(private readonly repo: FilesRepository) {}

  // Inside the caller's transaction: the file exists only if the row that refers to it commits.
  async store(manager: EntityManager, ownerId: string, upload: Upload): Promise<StoredFileEntity> {
    const mediaType = detectMediaType(upload.bytes);
    if (!mediaType) throw FileErrors.unsupportedType(upload.field);
    return this.repo.insert(manager, {
      ownerId,
      mediaType,
      sizeBytes: upload.bytes.length,
      sha256: createHash('sha256').update(upload.bytes).digest('hex'),
      originalName: sanitiseFileName(upload.fileName),
      bytes: upload.bytes,
    });
  }

  async download(id: string): Promise<FileDownload | null> {
    const file = await this.repo.findWithBytes(id);
    if (!file) return null;
    return {
      fileName: downloadFileName(file.originalName, file.mediaType),
      mediaType: file.mediaType,
      sha256: file.sha256,
      bytes: file.bytes,
    };
  }

  remove(manager: EntityManager, id: string): Promise<void> {
    return this.repo.delete(manager, id);
  }
}
