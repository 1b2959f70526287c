import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { SessionEntity } from './session.entity';

// Only the SHA-256 of a refresh token is stored; the token itself exists only in the client's hands.
@Entity('refresh_tokens')
@Index(['sessionId'])
export class RefreshTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => SessionEntity, { onDelete: 'CASCADE' })
  session?: SessionEntity;

  @Column({ type: 'bytea', unique: true })
  tokenHash: Buffer;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  // Set when the token is rotated; a second use after that is theft, and ends the session.
  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
