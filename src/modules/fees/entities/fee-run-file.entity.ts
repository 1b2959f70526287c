import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RefersTo } from '../../../common/database/refers-to.decorator';
import { Language } from '../../../common/i18n/language';
import { ExpertEntity } from '../../experts/entities/expert.entity';
import { FeeRunEntity } from './fee-run.entity';

export enum FeeRunFileKind {
  PayrollCsv = 'payroll_csv',
  CostCentreSummary = 'cost_centre_summary',
  Statement = 'statement',
}

// What an export produced, kept in PostgreSQL with its SHA-256. The payroll CSV carries clear IBANs, so
// it is stored encrypted (FieldCipher, bound to the run); sha256 is that of the clear bytes served.
@Entity('fee_run_files')
@Index('fee_run_files_one_per_kind', ['runId', 'kind'], { unique: true, where: 'expert_id IS NULL' })
@Index('fee_run_files_one_statement', ['runId', 'expertId'], { unique: true, where: 'expert_id IS NOT NULL' })
@Index(['expertId'])
export class FeeRunFileEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  runId: string;

  @RefersTo(() => FeeRunEntity, 'run_id')
  run?: FeeRunEntity;

  @Column({ type: 'enum', enum: FeeRunFileKind, enumName: 'fee_run_file_kind' })
  kind: FeeRunFileKind;

  // The statement's expert; null for the run-wide files.
  @Column({ type: 'uuid', nullable: true })
  expertId: string | null;

  @RefersTo(() => ExpertEntity, 'expert_id')
  expert?: ExpertEntity;

  @Column({ type: 'enum', enum: Language, enumName: 'language', nullable: true })
  language: Language | null;

  @Column({ type: 'varchar', length: 200 })
  fileName: string;

  @Column({ type: 'varchar', length: 100 })
  mediaType: string;

  @Column({ type: 'boolean', default: false })
  encrypted: boolean;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'integer' })
  sizeBytes: number;

  @Column({ type: 'bytea', select: false })
  bytes: Buffer;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
