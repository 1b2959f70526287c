import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TaskType } from '../../../common/domain/task-type';

export enum FeeBasis {
  Hourly = 'hourly',
  PerEvent = 'per_event',
}

// The fee schedule (FeeSchedule): dated rows, never rewritten. A new row starts a new period for its task
// type; older rows keep pricing the work done in their period. Seeded with the public recommendations.
@Entity('fee_schedule')
@Index('fee_schedule_one_per_day', ['taskType', 'validFrom'], { unique: true })
@Check('fee_schedule_rate', 'rate_cents > 0 AND rate_cents <= 1000000')
export class FeeRateEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: TaskType, enumName: 'task_type' })
  taskType: TaskType;

  @Column({ type: 'enum', enum: FeeBasis, enumName: 'fee_basis' })
  basis: FeeBasis;

  @Column({ type: 'integer' })
  rateCents: number;

  @Column({ type: 'date' })
  validFrom: string;

  // Null for the seeded rows.
  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
