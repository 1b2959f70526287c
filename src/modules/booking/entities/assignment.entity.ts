import {
  JoinColumn,
  OneToOne,
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Exclusion,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { RefersTo } from '../../../common/database/refers-to.decorator';
import { ExpertEntity } from '../../experts/entities/expert.entity';
import { BookingRequestEntity } from './booking-request.entity';
import { OfferEntity } from './offer.entity';

export enum AssignmentStatus {
  // Holds the expert's time; a signed contract makes it confirmed.
  Accepted = 'accepted',
  Confirmed = 'confirmed',
  Completed = 'completed',
  NotHeld = 'not_held',
  Cancelled = 'cancelled',
}

export enum CancelledBy {
  County = 'county',
  Expert = 'expert',
}

// PostgreSQL itself refuses to put one expert in two places: no two time-holding assignments of the same
// expert may overlap, whatever the interleaving of requests, retries and clicks.
@Entity('assignments')
@Exclusion(
  'assignments_no_double_booking',
  `USING gist ("expert_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&) WHERE ("status" IN ('accepted', 'confirmed'))`,
)
@Check('assignments_time', 'ends_at > starts_at')
@Check(
  'assignments_cancelled',
  `(status = 'cancelled') = (cancelled_at IS NOT NULL AND cancelled_by_party IS NOT NULL)`,
)
// The expert's agreement to cross their yearly earnings ceiling is recorded here only for a direct booking: an
// accepted offer records the expert's own acknowledgement on the offer.
@Check('assignments_ceiling_agreed_direct', 'NOT ceiling_crossing_agreed OR offer_id IS NULL')
@Index(['requestId'])
@Index(['expertId', 'startsAt'])
// The work that counts against an expert's load caps and in matching's 90-day fairness count, read from the index
// alone (an index-only count per candidate, without visiting the table).
@Index('assignments_counted_by_expert', ['expertId', 'startsAt'], {
  where: `status IN ('accepted', 'confirmed', 'completed')`,
})
export class AssignmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  requestId: string;

  @ManyToOne(() => BookingRequestEntity, { onDelete: 'RESTRICT' })
  request?: BookingRequestEntity;

  // Null when the coordinator booked the expert directly.
  @Column({ type: 'uuid', nullable: true, unique: true })
  offerId: string | null;

  @OneToOne(() => OfferEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'offer_id' })
  offer?: OfferEntity;

  @Column({ type: 'uuid' })
  expertId: string;

  @RefersTo(() => ExpertEntity, 'expert_id')
  expert?: ExpertEntity;

  @Column({ type: 'enum', enum: AssignmentStatus, enumName: 'assignment_status', default: AssignmentStatus.Accepted })
  status: AssignmentStatus;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'enum', enum: CancelledBy, enumName: 'cancelled_by', nullable: true })
  cancelledByParty: CancelledBy | null;

  @Column({ type: 'uuid', nullable: true })
  cancelledBy: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  cancelReason: string | null;

  // The late-cancellation rule's decision, recorded when cancelled: is the fee still due?
  @Column({ type: 'boolean', default: false })
  feeDue: boolean;

  // A direct booking that takes the expert's fees of the year past their yearly earnings ceiling: the coordinator
  // said the expert had agreed to it (expertAgreedToCrossCeiling).
  @Column({ type: 'boolean', default: false })
  ceilingCrossingAgreed: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  completedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

// An assignment loaded with its booking request (relations: { request: true }).
export type AssignmentWithRequest = AssignmentEntity & { request: BookingRequestEntity };
