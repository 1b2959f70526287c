import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../../users/entities/user.entity';

export enum InvitationPurpose {
  Invitation = 'invitation',
  EmailVerification = 'email_verification',
  PasswordReset = 'password_reset',
}

// A one-time link token, stored as its SHA-256 only.
@Entity('invitations')
@Index(['userId'])
@Index('invitations_one_per_key', ['createdBy', 'idempotencyKey'], {
  unique: true,
  where: 'idempotency_key IS NOT NULL',
})
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  user?: UserEntity;

  @Column({
    type: 'enum',
    enum: InvitationPurpose,
    enumName: 'invitation_purpose',
    default: InvitationPurpose.Invitation,
  })
  purpose: InvitationPurpose;

  @Column({ type: 'bytea', unique: true })
  tokenHash: Buffer;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  // The Idempotency-Key of the invitation form that made this link, unique per inviter: the form sent again after its
  // answer was lost finds the person it invited, and no second account or mail is made.
  @Column({ type: 'varchar', length: 128, nullable: true })
  idempotencyKey: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
