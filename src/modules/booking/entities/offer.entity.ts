import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { RefersTo } from '../../../common/database/refers-to.decorator';
import { ExpertEntity } from '../../experts/entities/expert.entity';
import { BookingRequestEntity } from './booking-request.entity';

export enum OfferStatus {
  Offered = 'offered',
  Accepted = 'accepted',
  Declined = 'declined',
  Expired = 'expired',
  Withdrawn = 'withdrawn',
}

@Entity('offers')
// One open or accepted offer per expert and request; after a decline or withdrawal it can be offered again.
@Index('offers_one_live_per_expert', ['requestId', 'expertId'], {
  unique: true,
  where: `status IN ('offered', 'accepted')`,
})
@Index(['expertId', 'status'])
export class OfferEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  requestId: string;

  @ManyToOne(() => BookingRequestEntity, { onDelete: 'CASCADE' })
  request?: BookingRequestEntity;

  @Column({ type: 'uuid' })
  expertId: string;

  @RefersTo(() => ExpertEntity, 'expert_id')
  expert?: ExpertEntity;

  @Column({ type: 'enum', enum: OfferStatus, enumName: 'offer_status', default: OfferStatus.Offered })
  status: OfferStatus;

  @Column({ type: 'timestamptz' })
  deadline: Date;

  @Column({ type: 'uuid' })
  offeredBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  offeredAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  // Optional, and never counted against the expert.
  @Column({ type: 'varchar', length: 500, nullable: true })
  declineReason: string | null;

  @Column({ type: 'boolean', default: false })
  ceilingAcknowledged: boolean;
}
