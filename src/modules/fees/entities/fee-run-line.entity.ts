import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RefersTo } from '../../../common/database/refers-to.decorator';
import { TaskType } from '../../../common/domain/task-type';
import { ExpertEntity } from '../../experts/entities/expert.entity';
import { OrganisationEntity } from '../../organisations/entities/organisation.entity';
import { ClaimEntity } from './claim.entity';
import { FeeBasis } from './fee-rate.entity';
import { FeeRunEntity } from './fee-run.entity';

export enum LinePayee {
  Expert = 'expert',
  Association = 'association',
  // Volunteer: no fee; travel and costs are still reimbursed to the expert.
  Declined = 'declined',
}

// One approved claim priced in one run. claim_id is UNIQUE: a claim stands on one line of one run, ever,
// whatever crashes, retries or duplicate jobs happen; PostgreSQL refuses the second line.
@Entity('fee_run_lines')
@Index('fee_run_lines_claim_once', ['claimId'], { unique: true })
@Index(['runId', 'expertId', 'id'])
@Index(['expertId'])
@Check(
  'fee_run_lines_amounts',
  'gross_fee_cents >= 0 AND car_travel_cents >= 0 AND costs_cents >= 0 AND withholding_cents >= 0 AND withholding_cents <= gross_fee_cents',
)
@Check(
  'fee_run_lines_sums',
  'travel_and_costs_cents = car_travel_cents + costs_cents AND net_cents = gross_fee_cents - withholding_cents + travel_and_costs_cents',
)
// The costs by the kind of their receipts, which the payroll export pays on rows of their own (PRODUCT §5).
@Check(
  'fee_run_lines_cost_kinds',
  'public_transport_cents >= 0 AND parking_cents >= 0 AND other_costs_cents >= 0 AND costs_cents = public_transport_cents + parking_cents + other_costs_cents',
)
// 60 % withheld because no tax card for the payment's year was on file: the statement says so, not "by tax card 60 %".
@Check('fee_run_lines_tax_card_missing', `NOT tax_card_missing OR (payee_kind = 'expert' AND tax_percent = 60)`)
export class FeeRunLineEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  runId: string;

  @RefersTo(() => FeeRunEntity, 'run_id')
  run?: FeeRunEntity;

  @Column({ type: 'uuid' })
  claimId: string;

  @RefersTo(() => ClaimEntity, 'claim_id')
  claim?: ClaimEntity;

  @Column({ type: 'uuid' })
  expertId: string;

  @RefersTo(() => ExpertEntity, 'expert_id')
  expert?: ExpertEntity;

  @Column({ type: 'enum', enum: LinePayee, enumName: 'line_payee' })
  payeeKind: LinePayee;

  // The expert's or the association's name as it was when the line was computed.
  @Column({ type: 'varchar', length: 200 })
  payeeName: string;

  @Column({ type: 'varchar', length: 9, nullable: true })
  payeeBusinessId: string | null;

  // The payee's IBAN ciphertext, copied as is from the payment details: the worker never decrypts it;
  // only the payroll export does, which then clears it (the payroll file keeps it).
  // A secret: never loaded unless a query names it (select: false; the export reads it in its own SQL).
  @Column({ type: 'text', nullable: true, select: false })
  ibanEncrypted: string | null;

  @Column({ type: 'uuid' })
  organisationId: string;

  @RefersTo(() => OrganisationEntity, 'organisation_id')
  organisation?: OrganisationEntity;

  @Column({ type: 'varchar', length: 32 })
  costCentre: string;

  @Column({ type: 'enum', enum: TaskType, enumName: 'task_type' })
  taskType: TaskType;

  @Column({ type: 'date' })
  workDate: string;

  @Column({ type: 'char', length: 3 })
  incomeType: string;

  @Column({ type: 'enum', enum: FeeBasis, enumName: 'fee_basis' })
  feeBasis: FeeBasis;

  @Column({ type: 'integer' })
  rateCents: number;

  @Column({ type: 'integer' })
  quarterHours: number;

  @Column({ type: 'integer' })
  grossFeeCents: number;

  @Column({ type: 'integer' })
  carTravelCents: number;

  // Receipts: public transport + parking + other costs.
  @Column({ type: 'integer' })
  costsCents: number;

  @Column({ type: 'integer', default: 0 })
  publicTransportCents: number;

  @Column({ type: 'integer', default: 0 })
  parkingCents: number;

  @Column({ type: 'integer', default: 0 })
  otherCostsCents: number;

  @Column({ type: 'integer' })
  travelAndCostsCents: number;

  @Column({ type: 'integer' })
  withholdingCents: number;

  @Column({ type: 'integer' })
  netCents: number;

  // The percentage withheld from an expert's fee: the tax card's, or 60.00 when none was on file for the year;
  // null for an association or a declined fee (nothing withheld by rule).
  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true })
  taxPercent: string | null;

  // True when the 60 % above was withheld for want of a tax card (a tax card may itself say 60 %).
  @Column({ type: 'boolean', default: false })
  taxCardMissing: boolean;
}
