import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { TaskType } from '../../../common/domain/task-type';
import { UserEntity } from '../../users/entities/user.entity';

export enum ExpertStatus {
  // Signed up or invited; not bookable until the coordinator activates them.
  Applicant = 'applicant',
  Active = 'active',
  // The expert's own pause (holiday, health); not bookable, resumes at will.
  Paused = 'paused',
  Retired = 'retired',
  Anonymised = 'anonymised',
}

// One row per expert account; the key is the user's id. Topics are coarse, self-chosen and shown to
// orderers only with recorded consent: no diagnoses and no free-text health fields exist here.
@Entity('experts')
@Check('experts_load_caps', 'max_per_week BETWEEN 1 AND 50 AND max_per_month BETWEEN 1 AND 200')
@Check('experts_ceiling', 'yearly_earnings_ceiling_cents > 0')
export class ExpertEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @OneToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'enum', enum: ExpertStatus, enumName: 'expert_status', default: ExpertStatus.Applicant })
  status: ExpertStatus;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone: string | null;

  @Column({ type: 'char', length: 3, nullable: true })
  homeMunicipality: string | null;

  @Column({ type: 'char', length: 3, array: true, default: () => "'{}'" })
  travelMunicipalities: string[];

  @Column({ type: 'boolean', default: false })
  worksRemotely: boolean;

  // ISO 639-1 codes.
  @Column({ type: 'varchar', length: 3, array: true, default: () => "'{}'" })
  languages: string[];

  @Column({ type: 'enum', enum: TaskType, enumName: 'task_type', array: true, default: [] })
  taskTypes: TaskType[];

  @Column({ type: 'varchar', length: 40, array: true, default: () => "'{}'" })
  topics: string[];

  @Column({ type: 'timestamptz', nullable: true })
  topicsConsentAt: Date | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  topicsConsentVersion: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  introFi: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  introSv: string | null;

  @Column({ type: 'smallint', nullable: true })
  maxPerWeek: number | null;

  @Column({ type: 'smallint', nullable: true })
  maxPerMonth: number | null;

  @Column({ type: 'integer', nullable: true })
  yearlyEarningsCeilingCents: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  activatedAt: Date | null;

  // The expert's own words on why they paused; may be about their health, so only they and the coordinator read it.
  @Column({ type: 'varchar', length: 500, nullable: true })
  pauseReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  erasureRequestedAt: Date | null;

  // When the privacy job mailed the notice that the inactive expert's data is about to be anonymised; a notice
  // older than the expert's last activity no longer counts.
  @Column({ type: 'timestamptz', nullable: true })
  inactivityNoticeAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
