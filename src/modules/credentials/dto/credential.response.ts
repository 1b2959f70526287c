import { ApiProperty } from '@nestjs/swagger';
import { StoredFileResponse, toStoredFileResponse } from '../../files/dto/stored-file.response';
import { CredentialStatus, TrainingCredentialEntity, TrainingType } from '../entities/training-credential.entity';

export class CredentialResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) expertId: string;
  @ApiProperty({ enum: TrainingType, enumName: 'TrainingType' }) type: TrainingType;
  @ApiProperty({ example: 'Vamia' }) provider: string;
  @ApiProperty({ format: 'date' }) completedOn: string;
  @ApiProperty({ enum: CredentialStatus, enumName: 'CredentialStatus' }) status: CredentialStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Set when rejected' }) rejectionReason: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) decidedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: StoredFileResponse, description: 'Download it from /credentials/{id}/file' })
  file: StoredFileResponse;
}

export function toCredentialResponse(c: TrainingCredentialEntity): CredentialResponse {
  if (!c.file) throw new Error('toCredentialResponse needs the file relation loaded');
  return {
    id: c.id,
    expertId: c.expertId,
    type: c.type,
    provider: c.provider,
    completedOn: c.completedOn,
    status: c.status,
    rejectionReason: c.rejectionReason,
    decidedBy: c.decidedBy,
    decidedAt: c.decidedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    file: toStoredFileResponse(c.file),
  };
}
