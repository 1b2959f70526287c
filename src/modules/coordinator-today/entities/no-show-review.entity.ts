import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { RefersTo } from '../../../common/database/refers-to.decorator';
import { AssignmentEntity } from '../../booking/entities/assignment.entity';
import { UserEntity } from '../../users/entities/user.entity';

// A no-show the coordinator has looked at (called the expert, offered the work again, ...): it leaves the no-shows
// queue of Today. One per assignment; the assignment stays not_held whatever happens here.
@Entity('no_show_reviews')
export class NoShowReviewEntity {
  @PrimaryColumn({ type: 'uuid' })
  assignmentId: string;

  @OneToOne(() => AssignmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignment_id' })
  assignment?: AssignmentEntity;

  @Column({ type: 'uuid' })
  handledBy: string;

  @RefersTo(() => UserEntity, 'handled_by')
  handler?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  handledAt: Date;
}
