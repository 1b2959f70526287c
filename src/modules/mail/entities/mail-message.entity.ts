import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Language } from '../../../common/i18n/language';

export enum MailStatus {
  Queued = 'queued',
  Sent = 'sent',
  Failed = 'failed',
}

// Transactional outbox: a mail is written in the same transaction as the change it tells about,
// and the queue job carries only this row's id. The body is dropped once delivered.
@Entity('mail_messages')
@Index(['status', 'createdAt'])
export class MailMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  // The person the mail names besides its recipient (an expert, in a mail to an orderer): erasing them drops the
  // mail if it is not sent yet.
  @Column({ type: 'uuid', nullable: true })
  aboutUserId: string | null;

  @Column({ type: 'varchar', length: 64 })
  template: string;

  @Column({ type: 'enum', enum: Language, enumName: 'language' })
  language: Language;

  @Column({ type: 'varchar', length: 320 })
  toAddress: string;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  @Column({ type: 'text', nullable: true })
  textBody: string | null;

  @Column({ type: 'enum', enum: MailStatus, enumName: 'mail_status', default: MailStatus.Queued })
  status: MailStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
