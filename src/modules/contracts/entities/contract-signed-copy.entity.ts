import { Check, Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn, Relation } from 'typeorm';
import { ContractEntity } from './contract.entity';

// The signed copy of a signed contract: the approved PDF exactly as stored (its first approved_bytes bytes)
// with a signature page appended as an incremental update. Written once by the worker after signing; a
// trigger (see the migration) refuses to change or delete it and to store one whose approved document is not
// the one the expert signed.
@Entity('contract_signed_copies')
@Check('contract_signed_copies_size', 'approved_bytes > 0 AND octet_length(pdf) > approved_bytes')
export class ContractSignedCopyEntity {
  @PrimaryColumn({ type: 'uuid' })
  contractId: string;

  @OneToOne(() => ContractEntity, (contract) => contract.signedCopy, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contract_id' })
  // Relation<>: the two entities import each other, and a class type here would be read while the other file
  // is still loading (emitted as design-time metadata; under Jest's SWC that read throws).
  contract?: Relation<ContractEntity>;

  // The SHA-256 of the approved document inside, the one recorded with the signature.
  @Column({ type: 'char', length: 64 })
  approvedSha256: string;

  @Column({ type: 'integer' })
  approvedBytes: number;

  @Column({ type: 'bytea', select: false })
  pdf: Buffer;

  // The SHA-256 of the whole signed copy, served as its ETag.
  @Column({ type: 'char', length: 64 })
  sha256: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
