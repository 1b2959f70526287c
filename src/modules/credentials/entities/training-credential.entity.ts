import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { RefersTo } from '../../../common/database/refers-to.decorator';
import { ExpertEntity } from '../../experts/entities/expert.entity';
import { StoredFileEntity } from '../../files/entities/stored-file.entity';
import { UserEntity } from '../../users/entities/user.entity';

// County rule 2: the expert-by-experience trainings, e.g. by Vamia in Ostrobothnia.
export enum TrainingType {
  // kokemusasiantuntijakoulutus: the longer training.
  Kokemusasiantuntija = 'kokemusasiantuntija',
  // kokemustoimijakoulutus: the shorter one.
  Kokemustoimija = 'kokemustoimija',
  Other = 'other',
}

export enum CredentialStatus {
  Pending = 'pending',
  Verified = 'verified',
  Rejected = 'rejected',
}

// Only an expert with a verified credential can be offered work: matching asks "is there a verified row
// for this expert?" in set-based SQL, which the (expert_id, status) index answers.
@Entity('training_credentials')
@Index('training_credentials_expert_status', ['expertId', 'status'])
@Index('training_credentials_one_per_key', ['expertId', 'idempotencyKey'], {
  unique: true,
  where: 'idempotency_key IS NOT NULL',
})
@Check('training_credentials_reason', `(status = 'rejected') = (rejection_reason IS NOT NULL)`)
@Check(
  'training_credentials_decided',
  `(status <> 'pending') = (decided_at IS NOT NULL) AND (decided_at IS NULL) = (decided_by IS NULL)`,
)
export class TrainingCredentialEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  expertId: string;

  @ManyToOne(() => ExpertEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'expert_id', referencedColumnName: 'userId' })
  expert?: ExpertEntity;

  @Column({ type: 'enum', enum: TrainingType, enumName: 'training_type' })
  type: TrainingType;

  @Column({ type: 'varchar', length: 200 })
  provider: string;

  @Column({ type: 'date' })
  completedOn: string;

  // The certificate; one file belongs to one credential (the one-to-one makes it unique).
  @Column({ type: 'uuid' })
  fileId: string;

  @OneToOne(() => StoredFileEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'file_id' })
  file?: StoredFileEntity;

  @Column({ type: 'enum', enum: CredentialStatus, enumName: 'credential_status', default: CredentialStatus.Pending })
  status: CredentialStatus;

  @Column({ type: 'varchar', length: 500, nullable: true })
  rejectionReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedBy: string | null;

  @RefersTo(() => UserEntity, 'decided_by')
  decider?: UserEntity;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  // The expert's key for one upload form (the Idempotency-Key header of the upload): a form sent again after its
  // answer was lost finds the certificate it sent, and no second one is stored.
  @Column({ type: 'varchar', length: 128, nullable: true })
  idempotencyKey: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
