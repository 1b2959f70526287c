import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { RefersTo } from '../../../common/database/refers-to.decorator';
import { StoredFileEntity } from '../../files/entities/stored-file.entity';
import { ClaimEntity } from './claim.entity';

export enum ClaimCostKind {
  PublicTransport = 'public_transport',
  Parking = 'parking',
  Other = 'other',
}

// A cost paid at its receipt's value; every cost has its receipt (stored like a credential's certificate).
@Entity('claim_costs')
@Index(['claimId'])
@Index('claim_costs_one_receipt', ['receiptFileId'], { unique: true })
@Index('claim_costs_one_per_key', ['claimId', 'idempotencyKey'], { unique: true, where: 'idempotency_key IS NOT NULL' })
@Check('claim_costs_amount', 'amount_cents > 0 AND amount_cents <= 100000')
export class ClaimCostEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  claimId: string;

  @ManyToOne(() => ClaimEntity, (claim) => claim.costs, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'claim_id' })
  claim?: ClaimEntity;

  @Column({ type: 'enum', enum: ClaimCostKind, enumName: 'claim_cost_kind' })
  kind: ClaimCostKind;

  @Column({ type: 'integer' })
  amountCents: number;

  @Column({ type: 'varchar', length: 200, default: '' })
  description: string;

  @Column({ type: 'uuid' })
  receiptFileId: string;

  @RefersTo(() => StoredFileEntity, 'receipt_file_id')
  receipt?: StoredFileEntity;

  // The expert's key for one cost form (the Idempotency-Key header of the cost's addition): a form sent again after
  // its answer was lost finds the cost it added, and the receipt is not paid twice.
  @Column({ type: 'varchar', length: 128, nullable: true })
  idempotencyKey: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
