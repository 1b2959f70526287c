import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { RefersTo } from '../../../common/database/refers-to.decorator';
import { UserEntity } from '../../users/entities/user.entity';
import { FeeRate, TravelRate } from '../money/fee-arithmetic.rule';

export enum FeeRunStatus {
  Queued = 'queued',
  Running = 'running',
  Computed = 'computed',
  Failed = 'failed',
  Approved = 'approved',
  Exported = 'exported',
}

// The rates as they were when the run started: a resumed run prices exactly like an uninterrupted one.
export interface RunRates {
  fees: FeeRate[];
  travel: TravelRate[];
}

export interface RunError {
  code: string;
  message: string;
  claimId?: string;
}

const bigintAsNumber = { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

// A fee run (maksuajo / utbetalningskörning). One open run at a time: the partial unique index
// fee_runs_one_open over a constant is written by hand in the migration (TypeORM cannot express it),
// hence synchronize: false here.
@Entity('fee_runs')
@Index('fee_runs_one_open', { synchronize: false })
@Index(['createdAt'])
@Check('fee_runs_four_eyes', 'approved_by IS NULL OR first_approved_by IS NULL OR approved_by <> first_approved_by')
@Check(
  'fee_runs_approved',
  `status NOT IN ('approved', 'exported') OR (approved_by IS NOT NULL AND approved_at IS NOT NULL)`,
)
@Check('fee_runs_exported', `(status = 'exported') = (exported_at IS NOT NULL)`)
@Check('fee_runs_tax_year', 'tax_year = EXTRACT(YEAR FROM payment_date)')
export class FeeRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  // Approved claims for work up to and including this date.
  @Column({ type: 'date' })
  upTo: string;

  @Column({ type: 'enum', enum: FeeRunStatus, enumName: 'fee_run_status', default: FeeRunStatus.Queued })
  status: FeeRunStatus;

  @Column({ type: 'jsonb' })
  rates: RunRates;

  // Claims approved up to this instant (the start) are in the run; later approvals wait for the next one.
  @Column({ type: 'timestamptz' })
  cutoffAt: Date;

  // The planned payment day (Europe/Helsinki). Tax cards are yearly: a card counts only when it is for the year
  // the fees are paid in, the payment day's (fee_runs_tax_year).
  @Column({ type: 'date' })
  paymentDate: string;

  @Column({ type: 'smallint' })
  taxYear: number;

  @Column({ type: 'uuid' })
  createdBy: string;

  @RefersTo(() => UserEntity, 'created_by')
  creator?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  computedAt: Date | null;

  // How many times a worker took the job up: more than one means it resumed after a crash or retry.
  @Column({ type: 'integer', default: 0 })
  executions: number;

  @Column({ type: 'jsonb', nullable: true })
  error: RunError | null;

  @Column({ type: 'integer', default: 0 })
  lineCount: number;

  // Approved claims up to the date that stayed out because the payee has no bank account on file.
  @Column({ type: 'integer', default: 0 })
  skippedCount: number;

  @Column({ type: 'bigint', default: 0, transformer: bigintAsNumber })
  grossFeeCents: number;

  @Column({ type: 'bigint', default: 0, transformer: bigintAsNumber })
  travelAndCostsCents: number;

  @Column({ type: 'bigint', default: 0, transformer: bigintAsNumber })
  withholdingCents: number;

  @Column({ type: 'bigint', default: 0, transformer: bigintAsNumber })
  netCents: number;

  // With four eyes, the first of the two approvals.
  @Column({ type: 'uuid', nullable: true })
  firstApprovedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  firstApprovedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  approvedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  exportRequestedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  exportRequestedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  exportedAt: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
