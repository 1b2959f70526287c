import { Column, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { AssignmentEntity } from '../../booking/entities/assignment.entity';
import { ContractEntity } from './contract.entity';

// Which assignments a contract covers. `live` is kept by the database from the contract's status (see the
// migration's triggers): a draft, approved, signed or expired contract covers its assignments, a superseded or
// terminated one no longer does, and a revision covers them only once signed. The unique index then refuses
// two live contracts for one assignment, whatever the interleaving of requests.
@Entity('contract_assignments')
@Index('contract_assignments_one_live', ['assignmentId'], { unique: true, where: 'live' })
export class ContractAssignmentEntity {
  @PrimaryColumn({ type: 'uuid' })
  contractId: string;

  @PrimaryColumn({ type: 'uuid' })
  assignmentId: string;

  @ManyToOne(() => ContractEntity, { onDelete: 'CASCADE' })
  contract?: ContractEntity;

  @ManyToOne(() => AssignmentEntity, { onDelete: 'RESTRICT' })
  assignment?: AssignmentEntity;

  @Column({ type: 'boolean', default: true })
  live: boolean;
}
