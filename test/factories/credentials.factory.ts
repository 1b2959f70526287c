import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  CredentialStatus,
  TrainingCredentialEntity,
  TrainingType,
} from '../../src/modules/credentials/entities/training-credential.entity';
import { StoredFileEntity } from '../../src/modules/files/entities/stored-file.entity';
import { MediaType } from '../../src/modules/files/media-type';

// A small but well-formed PDF, different every time so that hashes never collide between tests.
export function samplePdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n' +
      `3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj\ntrailer <</Root 1 0 R>>\n% ${randomBytes(8).toString('hex')}\n%%EOF\n`,
  );
}

// A 1×1 PNG.
export function samplePng(): Buffer {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  );
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

// The answer for a credential just submitted: Vamia's peer-expert training of 28 May 2025, the PDF `bytes`, pending.
export function justSubmitted(expertId: string, name: string, bytes: Buffer) {
  return {
    id: expect.any(String),
    expertId,
    type: 'kokemusasiantuntija',
    provider: 'Vamia',
    completedOn: '2025-05-28',
    status: 'pending',
    rejectionReason: null,
    decidedBy: null,
    decidedAt: null,
    createdAt: expect.any(String),
    file: { name, mediaType: 'application/pdf', size: bytes.length, sha256: sha256Hex(bytes) },
  };
}

export interface CredentialOverrides {
  type?: TrainingType;
  provider?: string;
  completedOn?: string;
  status?: CredentialStatus;
  decidedBy?: string;
}

// A credential with its certificate, written straight to the database (the upload itself is tested over HTTP).
export async function createCredential(
  db: DataSource,
  expertId: string,
  overrides: CredentialOverrides = {},
): Promise<TrainingCredentialEntity> {
  const bytes = samplePdf();
  const file = await db.getRepository(StoredFileEntity).save({
    ownerId: expertId,
    mediaType: MediaType.Pdf,
    sizeBytes: bytes.length,
    sha256: sha256Hex(bytes),
    originalName: 'todistus.pdf',
    bytes,
  });
  const status = overrides.status ?? CredentialStatus.Pending;
  const decided = status !== CredentialStatus.Pending;
  if (decided && !overrides.decidedBy) throw new Error('A decided credential needs decidedBy');
  return db.getRepository(TrainingCredentialEntity).save({
    expertId,
    type: overrides.type ?? TrainingType.Kokemusasiantuntija,
    provider: overrides.provider ?? 'Vamia',
    completedOn: overrides.completedOn ?? '2025-05-28',
    fileId: file.id,
    status,
    rejectionReason: status === CredentialStatus.Rejected ? 'Todistus on vanhentunut.' : null,
    decidedBy: decided ? (overrides.decidedBy ?? null) : null,
    decidedAt: decided ? new Date() : null,
  });
}
