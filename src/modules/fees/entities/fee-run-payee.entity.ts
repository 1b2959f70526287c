import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { RefersTo } from '../../../common/database/refers-to.decorator';
import { ExpertEntity } from '../../experts/entities/expert.entity';
import { Payee } from '../../experts/entities/payment-details.entity';
import { FeeRunEntity } from './fee-run.entity';

// The payment details a computing run uses for an expert: copied from the expert's own the first time a batch of the
// run meets the expert, and read by every later batch of the run, a resumed one too. One row per run and expert (the
// primary key): all of an expert's lines in a run are priced for one payee and one tax card, so the statement's words
// (its payee, its percentage) agree with its numbers. A change of the details applies from the next run. `payee` NULL:
// the expert had no details on file. The rows go when the run is computed (the IBAN copies with them).
@Entity('fee_run_payees')
@Index(['expertId'])
@Check(
  'fee_run_payees_association',
  `payee IS DISTINCT FROM 'association' OR (association_name IS NOT NULL AND association_iban_encrypted IS NOT NULL)`,
)
export class FeeRunPayeeEntity {
  @PrimaryColumn({ type: 'uuid' })
  runId: string;

  @RefersTo(() => FeeRunEntity, 'run_id', 'CASCADE')
  run?: FeeRunEntity;

  @PrimaryColumn({ type: 'uuid' })
  expertId: string;

  @RefersTo(() => ExpertEntity, 'expert_id', 'CASCADE')
  expert?: ExpertEntity;

  @Column({ type: 'enum', enum: Payee, enumName: 'payee', nullable: true })
  payee: Payee | null;

  @Column({ type: 'boolean', nullable: true })
  declinesFee: boolean | null;

  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true })
  taxPercent: string | null;

  @Column({ type: 'smallint', nullable: true })
  taxCardYear: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  associationName: string | null;

  @Column({ type: 'varchar', length: 9, nullable: true })
  associationBusinessId: string | null;

  // A secret: never loaded unless a query names it (select: false; see test/api/security/secret-columns.ts).
  @Column({ type: 'text', nullable: true, select: false })
  ibanEncrypted: string | null;

  // A secret: never loaded unless a query names it (select: false; see test/api/security/secret-columns.ts).
  @Column({ type: 'text', nullable: true, select: false })
  associationIbanEncrypted: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
