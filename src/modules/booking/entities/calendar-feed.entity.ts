import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { ExpertEntity } from '../../experts/entities/expert.entity';

// The secret of an expert's iCalendar feed, stored as its SHA-256; a new one revokes the old.
@Entity('calendar_feeds')
export class CalendarFeedEntity {
  @PrimaryColumn({ type: 'uuid' })
  expertId: string;

  @OneToOne(() => ExpertEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'expert_id' })
  expert?: ExpertEntity;

  @Column({ type: 'bytea', unique: true })
  tokenHash: Buffer;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
