import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RefersTo } from '../../../common/database/refers-to.decorator';
import { UserEntity } from '../../users/entities/user.entity';
import { AssignmentEntity } from './assignment.entity';

export enum TimeChangeStatus {
  // Waiting for the expert's answer.
  Open = 'open',
  Accepted = 'accepted',
  Declined = 'declined',
  // The assignment ended (was cancelled) before the expert answered.
  Withdrawn = 'withdrawn',
}

// The orderer's proposal to move a booked assignment. It takes effect only when the expert accepts it; the time it
// was proposed against is kept, so that a cancellation after a decline can be judged from when it was proposed.
@Entity('assignment_time_changes')
@Index('assignment_time_changes_one_open', ['assignmentId'], { unique: true, where: `status = 'open'` })
@Index(['assignmentId', 'proposedAt'])
@Check('assignment_time_changes_time', 'ends_at > starts_at')
@Check('assignment_time_changes_answered', `(status = 'open') = (answered_at IS NULL)`)
export class TimeChangeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  assignmentId: string;

  @RefersTo(() => AssignmentEntity, 'assignment_id')
  assignment?: AssignmentEntity;

  @Column({ type: 'enum', enum: TimeChangeStatus, enumName: 'time_change_status', default: TimeChangeStatus.Open })
  status: TimeChangeStatus;

  // The assignment's time when the change was proposed.
  @Column({ type: 'timestamptz' })
  fromStartsAt: Date;

  @Column({ type: 'timestamptz' })
  fromEndsAt: Date;

  // The proposed time, half-open [startsAt, endsAt).
  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'uuid' })
  proposedBy: string;

  @RefersTo(() => UserEntity, 'proposed_by')
  proposer?: UserEntity;

  @Column({ type: 'timestamptz' })
  proposedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  answeredBy: string | null;

  @RefersTo(() => UserEntity, 'answered_by')
  answerer?: UserEntity;
}
