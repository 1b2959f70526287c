import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RefersTo } from '../../../common/database/refers-to.decorator';
import { UserEntity } from '../../users/entities/user.entity';
import { MediaType } from '../media-type';

// Uploaded files live in PostgreSQL: the bytes commit or roll back with the row that refers to them, so a
// failed upload leaves nothing behind, and a database backup holds everything. Certificates and receipts
// are small (at most 5 MB); an object store would add a second system to keep consistent and to back up.
@Entity('stored_files')
@Index(['ownerId'])
@Check('stored_files_size', 'size_bytes > 0 AND size_bytes = octet_length(bytes)')
@Check('stored_files_media_type', `media_type IN ('application/pdf', 'image/jpeg', 'image/png')`)
export class StoredFileEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  ownerId: string;

  @RefersTo(() => UserEntity, 'owner_id')
  owner?: UserEntity;

  // Detected from the bytes, never taken from the client.
  @Column({ type: 'varchar', length: 100 })
  mediaType: MediaType;

  @Column({ type: 'integer' })
  sizeBytes: number;

  // Hex SHA-256 of the bytes: the download's ETag, and proof the file has not changed.
  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'varchar', length: 255 })
  originalName: string;

  // Never loaded unless asked for: lists and metadata reads stay light.
  @Column({ type: 'bytea', select: false })
  bytes: Buffer;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
