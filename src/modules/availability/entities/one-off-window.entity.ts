import { Check, Column, Entity, Exclusion } from 'typeorm';
import { ExpertAvailabilityRow } from './expert-availability-row';

// A window on one local date, in local wall-clock minutes.
@Entity('availability_one_off_windows')
@Check('availability_one_off_times', 'start_minute >= 0 AND end_minute <= 1440 AND start_minute < end_minute')
@Exclusion(
  'availability_one_off_no_overlap',
  'USING gist (expert_id WITH =, day WITH =, int4range(start_minute, end_minute) WITH &&)',
)
export class OneOffWindowEntity extends ExpertAvailabilityRow {
  @Column({ type: 'date' })
  day: string;

  @Column({ type: 'smallint' })
  startMinute: number;

  @Column({ type: 'smallint' })
  endMinute: number;
}
