import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

// The admin's settings for claims and fee runs: exactly one row.
@Entity('fee_settings')
@Check('fee_settings_single_row', 'id = 1')
@Check('fee_settings_time_limit', 'claim_time_limit_days BETWEEN 1 AND 3650')
export class FeeSettingsEntity {
  @PrimaryColumn({ type: 'smallint', default: 1 })
  id: number;

  // A claim is filed within this many days of the assignment's end.
  @Column({ type: 'integer', default: 60 })
  claimTimeLimitDays: number;

  // Four eyes: a fee run needs the approval of two different coordinators.
  @Column({ type: 'boolean', default: false })
  fourEyesApproval: boolean;

  @Column({ type: 'uuid', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
