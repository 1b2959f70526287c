import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

// The coordinator's settings for claims and fee runs: exactly one row.
@Entity('fee_settings')
@Check('fee_settings_single_row', 'id = 1')
@Check('fee_settings_time_limit', 'claim_time_limit_days BETWEEN 1 AND 3650')
@Check('fee_settings_claim_four_eyes', 'claim_four_eyes_above_cents BETWEEN 0 AND 10000000')
export class FeeSettingsEntity {
  @PrimaryColumn({ type: 'smallint', default: 1 })
  id: number;

  // A claim is filed within this many days of the assignment's end.
  @Column({ type: 'integer', default: 60 })
  claimTimeLimitDays: number;

  // Four eyes: a fee run needs the approval of two different coordinators.
  @Column({ type: 'boolean', default: false })
  fourEyesApproval: boolean;

  // Four eyes for claims: a claim whose fee, travel and costs together come to more than this many cents needs the
  // approval of two different coordinators. Null: one coordinator approves any claim; 0: every claim needs two.
  @Column({ type: 'integer', nullable: true })
  claimFourEyesAboveCents: number | null;

  @Column({ type: 'uuid', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
