import { Check, Column, CreateDateColumn, Entity, ManyToOne, PrimaryColumn } from 'typeorm';
import { AssignmentEntity } from './assignment.entity';

export enum FeedbackAuthor {
  Orderer = 'orderer',
  Expert = 'expert',
}

// One rating and comment from each side of a completed assignment.
@Entity('assignment_feedback')
@Check('feedback_rating', 'rating BETWEEN 1 AND 5')
export class FeedbackEntity {
  @PrimaryColumn({ type: 'uuid' })
  assignmentId: string;

  @PrimaryColumn({ type: 'enum', enum: FeedbackAuthor, enumName: 'feedback_author' })
  author: FeedbackAuthor;

  @ManyToOne(() => AssignmentEntity, { onDelete: 'CASCADE' })
  assignment?: AssignmentEntity;

  @Column({ type: 'uuid' })
  authorId: string;

  @Column({ type: 'smallint' })
  rating: number;

  @Column({ type: 'varchar', length: 2000, default: '' })
  comment: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
