import {
  JoinColumn,
  OneToOne,
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { RefersTo } from '../../../common/database/refers-to.decorator';
import { TaskType } from '../../../common/domain/task-type';
import { StoredFileEntity } from '../../files/entities/stored-file.entity';
import { OrganisationEntity } from '../../organisations/entities/organisation.entity';
import { UserEntity } from '../../users/entities/user.entity';

export enum RequestStatus {
  Draft = 'draft',
  Submitted = 'submitted',
  Matching = 'matching',
  PartiallyFilled = 'partially_filled',
  Filled = 'filled',
  Completed = 'completed',
  Cancelled = 'cancelled',
}

// An order (tilaus / beställning) from exactly one of the county's own units or projects (rule 1).
@Entity('booking_requests')
@Index(['organisationId', 'status'])
@Index(['status', 'startsAt'])
@Check('booking_requests_time', 'ends_at > starts_at')
@Check('booking_requests_length', `ends_at - starts_at <= interval '10 hours'`)
@Check('booking_requests_place', 'remote OR (municipality IS NOT NULL AND address IS NOT NULL)')
@Check('booking_requests_experts_needed', 'experts_needed BETWEEN 1 AND 10')
@Check('booking_requests_preparation', 'preparation_minutes BETWEEN 0 AND 2400')
@Check('booking_requests_remote_tool', 'remote_tool IS NULL OR remote')
@Check('booking_requests_meeting_point', 'meeting_point IS NULL OR NOT remote')
@Check('booking_requests_cancelled', `(status = 'cancelled') = (cancelled_at IS NOT NULL)`)
@Index('booking_requests_one_per_key', ['createdBy', 'idempotencyKey'], {
  unique: true,
  where: 'idempotency_key IS NOT NULL',
})
export class BookingRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  organisation?: OrganisationEntity;

  // Copied from the unit or project when the order is made: payroll and accounting use it as it was.
  @Column({ type: 'varchar', length: 32 })
  costCentre: string;

  @Column({ type: 'uuid' })
  createdBy: string;

  @RefersTo(() => UserEntity, 'created_by')
  creator?: UserEntity;

  // The orderer's key for the draft of one order form (the Idempotency-Key header of the order's creation): a form
  // sent again after its answer was lost finds the draft it made, and no second one is made.
  @Column({ type: 'varchar', length: 128, nullable: true })
  idempotencyKey: string | null;

  @Column({ type: 'enum', enum: RequestStatus, enumName: 'request_status', default: RequestStatus.Draft })
  status: RequestStatus;

  @Column({ type: 'enum', enum: TaskType, enumName: 'task_type' })
  taskType: TaskType;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 4000, default: '' })
  description: string;

  // What the orderer wants the expert to achieve, for whom, and as what (speaker, panellist, pair...).
  @Column({ type: 'varchar', length: 1000, default: '' })
  goal: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  audience: string;

  @Column({ type: 'varchar', length: 1000, default: '' })
  expertRole: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'boolean', default: false })
  remote: boolean;

  @Column({ type: 'char', length: 3, nullable: true })
  municipality: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address: string | null;

  // Where to meet on site (a door, a room); only for work on site.
  @Column({ type: 'varchar', length: 300, nullable: true })
  meetingPoint: string | null;

  // Which tool a remote event uses (Teams, Zoom...); only for remote work.
  @Column({ type: 'varchar', length: 100, nullable: true })
  remoteTool: string | null;

  // Material for the expert to read beforehand, as a link.
  @Column({ type: 'varchar', length: 2000, nullable: true })
  materialUrl: string | null;

  // Or as a file (PDF, JPEG or PNG) the orderer uploaded; one file belongs to one order.
  @Column({ type: 'uuid', nullable: true, unique: true })
  materialFileId: string | null;

  @OneToOne(() => StoredFileEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'material_file_id' })
  materialFile?: StoredFileEntity;

  @Column({ type: 'varchar', length: 3, array: true })
  languages: string[];

  @Column({ type: 'varchar', length: 40, array: true, default: () => "'{}'" })
  topics: string[];

  @Column({ type: 'smallint', default: 1 })
  expertsNeeded: number;

  @Column({ type: 'integer', default: 0 })
  preparationMinutes: number;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  cancelledBy: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  cancelReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
