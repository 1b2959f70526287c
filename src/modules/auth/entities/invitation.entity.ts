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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
