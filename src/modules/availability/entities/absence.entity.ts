import { Check, Column, CreateDateColumn, Entity, Exclusion, PrimaryGeneratedColumn } from 'typeorm';
import { RefersTo } from '../../../common/database/refers-to.decorator';
import { ExpertEntity } from '../../experts/entities/expert.entity';

// Local dates on which the expert takes no work, both ends inclusive. No reason is kept: it may be health data.
@Entity('availability_absences')
@Check('availability_absences_period', 'last_day >= first_day')
@Exclusion(
  'availability_absences_no_overlap',
  `USING gist (expert_id WITH =, daterange(first_day, last_day, '[]') WITH &&)`,
)
export class AbsenceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  expertId: string;

  @RefersTo(() => ExpertEntity, 'expert_id', 'CASCADE')
  expert?: ExpertEntity;

  @Column({ type: 'date' })
  firstDay: string;

  @Column({ type: 'date' })
  lastDay: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
