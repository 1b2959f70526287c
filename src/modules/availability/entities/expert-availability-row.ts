import { Column, CreateDateColumn, PrimaryGeneratedColumn } from 'typeorm';
import { RefersTo } from '../../../common/database/refers-to.decorator';
import { ExpertEntity } from '../../experts/entities/expert.entity';

// What every row of an expert's availability (weekly and one-off windows, absences) has: it is the expert's and
// goes with them.
export abstract class ExpertAvailabilityRow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  expertId: string;

  @RefersTo(() => ExpertEntity, 'expert_id', 'CASCADE')
  expert?: ExpertEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
