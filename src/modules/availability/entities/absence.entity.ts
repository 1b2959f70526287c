import { Check, Column, Entity, Exclusion } from 'typeorm';
import { ExpertAvailabilityRow } from './expert-availability-row';

// Local dates on which the expert takes no work, both ends inclusive. No reason is kept: it may be health data.
@Entity('availability_absences')
@Check('availability_absences_period', 'last_day >= first_day')
@Exclusion(
  'availability_absences_no_overlap',
  `USING gist (expert_id WITH =, daterange(first_day, last_day, '[]') WITH &&)`,
)
export class AbsenceEntity extends ExpertAvailabilityRow {
  @Column({ type: 'date' })
  firstDay: string;

  @Column({ type: 'date' })
  lastDay: string;
}
