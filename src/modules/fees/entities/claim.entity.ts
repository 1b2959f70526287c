import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { RefersTo } from '../../../common/database/refers-to.decorator';
import { AssignmentEntity } from '../../booking/entities/assignment.entity';
import { ExpertEntity } from '../../experts/entities/expert.entity';
import { UserEntity } from '../../users/entities/user.entity';
import type { ClaimCostEntity } from './claim-cost.entity';
import { FeeRunEntity } from './fee-run.entity';

export enum ClaimStatus {
  Draft = 'draft',
  Submitted = 'submitted',
  Approved = 'approved',
  Returned = 'returned',
  Paid = 'paid',
}

// A trip by own car; kilometres are kept in whole tenths (12.5 km -> 125) so that no float touches money.
export interface ClaimTrip {
  from: string;
  to: string;
  kmTenths: number;
  date: string; // YYYY-MM-DD, Helsinki date of travel: picks the year's rate
}

// The expert's fee and expense claim for one assignment (palkkio- ja kulukorvausilmoitus). One per
// assignment, ever. Paid is final: a trigger in the migration refuses any change to a paid claim's
// status or run, so a claim is paid at most once whatever the code does.
@Entity('claims')
@Index('claims_one_per_assignment', ['assignmentId'], { unique: true })
@Index('claims_approved', ['id'], { where: `status = 'approved'` })
@Index(['expertId', 'status'])
@Index(['status', 'submittedAt'])
@Check('claims_minutes', 'worked_minutes BETWEEN 0 AND 1440 AND preparation_minutes BETWEEN 0 AND 2400')
@Check('claims_returned_reason', `status <> 'returned' OR return_reason IS NOT NULL`)
@Check('claims_paid', `(status = 'paid') = (paid_run_id IS NOT NULL AND paid_at IS NOT NULL)`)
@Check('claims_decided', `status NOT IN ('approved', 'paid') OR (decided_by IS NOT NULL AND decided_at IS NOT NULL)`)
// Four eyes: the coordinator who approved first is never the one who decides.
@Check('claims_four_eyes', 'first_approved_by IS NULL OR decided_by IS NULL OR first_approved_by <> decided_by')
@Check('claims_first_approval', '(first_approved_by IS NULL) = (first_approved_at IS NULL)')
export class ClaimEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  assignmentId: string;

  @RefersTo(() => AssignmentEntity, 'assignment_id')
  assignment?: AssignmentEntity;

  @Column({ type: 'uuid' })
  expertId: string;

  @RefersTo(() => ExpertEntity, 'expert_id')
  expert?: ExpertEntity;

  @Column({ type: 'enum', enum: ClaimStatus, enumName: 'claim_status', default: ClaimStatus.Draft })
  status: ClaimStatus;

  // The county cancelled late and the fee is due: minutes are the booked ones, not reported.
  @Column({ type: 'boolean', default: false })
  lateCancellation: boolean;

  // Helsinki date of the work: picks the fee schedule row in force.
  @Column({ type: 'date' })
  workDate: string;

  @Column({ type: 'integer' })
  workedMinutes: number;

  @Column({ type: 'integer' })
  preparationMinutes: number;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  trips: ClaimTrip[];

  @OneToMany('ClaimCostEntity', 'claim')
  costs?: ClaimCostEntity[];

  @Column({ type: 'varchar', length: 2000, default: '' })
  note: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  returnReason: string | null;

  // The first submission is what the time limit is measured against; a returned claim may come back later.
  @Column({ type: 'timestamptz', nullable: true })
  firstSubmittedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  // With four eyes (a claim over the settings' amount), the first of the two approvals; the claim stays submitted
  // until another coordinator approves it. Cleared when the claim is returned or changed.
  @Column({ type: 'uuid', nullable: true })
  firstApprovedBy: string | null;

  @RefersTo(() => UserEntity, 'first_approved_by')
  firstApprover?: UserEntity;

  @Column({ type: 'timestamptz', nullable: true })
  firstApprovedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  paidRunId: string | null;

  @RefersTo(() => FeeRunEntity, 'paid_run_id')
  paidRun?: FeeRunEntity;

  @Column({ type: 'timestamptz', nullable: true })
  paidAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  // One more at every change of the row (TypeORM adds it to each update): an edit names the version it was made
  // on, so that two tabs cannot overwrite each other's trips unseen.
  @VersionColumn({ default: 1 })
  version: number;
}
