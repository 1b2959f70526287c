import { Check, Column, Entity, Exclusion, Index } from 'typeorm';
import { ExpertAvailabilityRow } from './expert-availability-row';

// A recurring window in local wall-clock time: every ISO weekday (1 = Monday) from start to end minute, on
// the days from validFrom to validUntil (inclusive; null = open). Two windows of one expert on the same
// weekday may not overlap in both validity and time; touching (09:00–12:00, 12:00–15:00) is fine.
@Entity('availability_weekly_windows')
// The matcher reads one weekday's windows of each candidate from this index alone (INCLUDE columns, which TypeORM
// cannot express: written by hand in the MatchingAtScale migration).
@Index('availability_weekly_by_expert_day', { synchronize: false })
@Check('availability_weekly_weekday', 'weekday BETWEEN 1 AND 7')
@Check('availability_weekly_times', 'start_minute >= 0 AND end_minute <= 1440 AND start_minute < end_minute')
@Check('availability_weekly_validity', 'valid_until IS NULL OR valid_until >= valid_from')
@Exclusion(
  'availability_weekly_no_overlap',
  `USING gist (expert_id WITH =, weekday WITH =, daterange(valid_from, valid_until, '[]') WITH &&, int4range(start_minute, end_minute) WITH &&)`,
)
export class WeeklyWindowEntity extends ExpertAvailabilityRow {
  @Column({ type: 'smallint' })
  weekday: number;

  // Minutes since local midnight; the end may be 1440 (24:00).
  @Column({ type: 'smallint' })
  startMinute: number;

  @Column({ type: 'smallint' })
  endMinute: number;

  @Column({ type: 'date' })
  validFrom: string;

  @Column({ type: 'date', nullable: true })
  validUntil: string | null;
}
