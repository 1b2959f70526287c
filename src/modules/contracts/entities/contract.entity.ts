import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  OneToOne,
  PrimaryGeneratedColumn,
  Relation,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { RefersTo } from '../../../common/database/refers-to.decorator';
import { ExpertEntity } from '../../experts/entities/expert.entity';
import { OrganisationEntity } from '../../organisations/entities/organisation.entity';
import { UserEntity } from '../../users/entities/user.entity';
import { ContractDocument } from '../document/contract-document';
import { ContractSignedCopyEntity } from './contract-signed-copy.entity';

export enum ContractStatus {
  Draft = 'draft',
  Approved = 'approved',
  Signed = 'signed',
  Expired = 'expired',
  Terminated = 'terminated',
  Superseded = 'superseded',
}

// Why a contract was terminated: the coordinator ended it, or every assignment it covered was cancelled (by the
// county or by the expert withdrawing), so it had nothing left to cover.
export enum TerminationCause {
  Coordinator = 'coordinator',
  WorkCancelled = 'work_cancelled',
}

// The binding language is the expert's, Finnish or Swedish; English exists only as an information copy.
export enum ContractLanguage {
  Fi = 'fi',
  Sv = 'sv',
}

// A fixed-term contract (määräaikainen toimeksiantosopimus / visstidsavtal om uppdrag) between the county and
// one expert, for assignments ordered by one unit or project. Once signed, a trigger (see the migration)
// refuses every change but the end of its life: expired, terminated or superseded, with who, when and why.
@Entity('contracts')
@Unique('contracts_number_version', ['number', 'version'])
// At most one pending (unsigned) revision of a contract at a time.
@Index('contracts_one_pending_revision', ['supersedesId'], { unique: true, where: `status IN ('draft', 'approved')` })
@Index(['expertId', 'status'])
@Index(['status', 'validUntil'])
@Check('contracts_term', 'valid_until >= valid_from')
@Check('contracts_version', 'version >= 1')
@Check('contracts_pdf', '(pdf IS NULL) = (pdf_sha256 IS NULL)')
@Check(
  'contracts_approved',
  `status NOT IN ('approved', 'signed', 'expired') OR (approved_at IS NOT NULL AND approved_by IS NOT NULL AND snapshot IS NOT NULL)`,
)
@Check(
  'contracts_signed',
  `(status NOT IN ('signed', 'expired') OR signed_at IS NOT NULL) AND (signed_at IS NULL) = (signed_pdf_sha256 IS NULL) AND (signed_pdf_sha256 IS NULL OR signed_pdf_sha256 = pdf_sha256)`,
)
// The end of a contract's life is written whole, and only with its end: never onto a contract still in force.
@Check(
  'contracts_terminated',
  `(status = 'terminated') = (termination_cause IS NOT NULL) AND (status = 'terminated') = (terminated_at IS NOT NULL AND terminated_by IS NOT NULL AND termination_reason IS NOT NULL) AND (status = 'terminated' OR (terminated_at IS NULL AND terminated_by IS NULL AND termination_reason IS NULL))`,
)
@Check('contracts_superseded', `(status = 'superseded') = (superseded_at IS NOT NULL AND superseded_by_id IS NOT NULL)`)
export class ContractEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  // KOK-2026-000123: from a sequence; every version of one contract shares it.
  @Column({ type: 'varchar', length: 20 })
  number: string;

  @Column({ type: 'smallint', default: 1 })
  version: number;

  // Set on a revision: the version it replaces once signed.
  @Column({ type: 'uuid', nullable: true })
  supersedesId: string | null;

  @RefersTo(() => ContractEntity, 'supersedes_id')
  supersedes?: ContractEntity;

  @Column({ type: 'uuid', nullable: true })
  supersededById: string | null;

  @RefersTo(() => ContractEntity, 'superseded_by_id')
  supersededBy?: ContractEntity;

  @Column({ type: 'timestamptz', nullable: true })
  supersededAt: Date | null;

  @Column({ type: 'uuid' })
  expertId: string;

  @RefersTo(() => ExpertEntity, 'expert_id')
  expert?: ExpertEntity;

  // The ordering unit or project.
  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  organisation?: OrganisationEntity;

  // Calendar dates in Helsinki; both inclusive.
  @Column({ type: 'date' })
  validFrom: string;

  @Column({ type: 'date' })
  validUntil: string;

  @Column({ type: 'enum', enum: ContractLanguage, enumName: 'contract_language' })
  language: ContractLanguage;

  @Column({ type: 'enum', enum: ContractStatus, enumName: 'contract_status', default: ContractStatus.Draft })
  status: ContractStatus;

  // Exactly what the PDF was rendered from, frozen at approval, so that the stored file can be explained later.
  @Column({ type: 'jsonb', nullable: true })
  snapshot: ContractDocument | null;

  // Null when drafted automatically on acceptance.
  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @RefersTo(() => UserEntity, 'created_by')
  creator?: UserEntity;

  @Column({ type: 'uuid', nullable: true })
  approvedBy: string | null;

  @RefersTo(() => UserEntity, 'approved_by')
  approver?: UserEntity;

  @Column({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  // Written once, by the render job, together with its hash in one UPDATE.
  @Column({ type: 'bytea', nullable: true, select: false })
  pdf: Buffer | null;

  @Column({ type: 'char', length: 64, nullable: true })
  pdfSha256: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  signedAt: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  signedIp: string | null;

  @Column({ type: 'varchar', length: 512, nullable: true })
  signedUserAgent: string | null;

  // The hash of the PDF the expert signed, recorded with the signature.
  @Column({ type: 'char', length: 64, nullable: true })
  signedPdfSha256: string | null;

  @Column({ type: 'uuid', nullable: true })
  terminatedBy: string | null;

  @RefersTo(() => UserEntity, 'terminated_by')
  terminator?: UserEntity;

  @Column({ type: 'timestamptz', nullable: true })
  terminatedAt: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  terminationReason: string | null;

  @Column({ type: 'enum', enum: TerminationCause, enumName: 'contract_termination_cause', nullable: true })
  terminationCause: TerminationCause | null;

  // Made by the worker once signed: the approved PDF with a signature page (contract_signed_copies).
  // Relation<>: see ContractSignedCopyEntity.contract.
  @OneToOne(() => ContractSignedCopyEntity, (copy) => copy.contract)
  signedCopy?: Relation<ContractSignedCopyEntity> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
