import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Language } from '../../../common/i18n/language';

// Feedback from the accessibility statement (saavutettavuuspalaute): anyone may send it, signed in or not.
@Entity('accessibility_feedback')
@Index(['createdAt'])
export class AccessibilityFeedbackEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  message: string;

  @Column({ type: 'varchar', length: 320, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  name: string | null;

  // The path of the page the feedback is about, never a query or fragment (a one-time link's token lives there).
  @Column({ type: 'varchar', length: 500, nullable: true })
  page: string | null;

  @Column({ type: 'enum', enum: Language, enumName: 'language', nullable: true })
  language: Language | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
