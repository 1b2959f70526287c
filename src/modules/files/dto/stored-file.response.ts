import { ApiProperty } from '@nestjs/swagger';
import { StoredFileEntity } from '../entities/stored-file.entity';
import { MediaType } from '../media-type';

export class StoredFileResponse {
  @ApiProperty({ example: 'Koulutustodistus.pdf', description: 'The uploaded name, sanitised' }) name: string;
  @ApiProperty({ enum: MediaType, enumName: 'MediaType', description: 'Detected from the bytes' }) mediaType: MediaType;
  @ApiProperty({ example: 182044, description: 'Bytes' }) size: number;
  @ApiProperty({
    example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    description: 'SHA-256 in hex; the download ETag',
  })
  sha256: string;
}

export function toStoredFileResponse(f: StoredFileEntity): StoredFileResponse {
  return { name: f.originalName, mediaType: f.mediaType, size: f.sizeBytes, sha256: f.sha256 };
}
