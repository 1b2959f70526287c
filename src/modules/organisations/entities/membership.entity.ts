import { CreateDateColumn, Entity, Index, ManyToOne, PrimaryColumn, Column } from 'typeorm';
import { UserEntity } from '../../users/entities/user.entity';
import { OrganisationEntity } from './organisation.entity';

// Which orderer belongs to which unit or project.
@Entity('organisation_members')
@Index(['userId'])
export class MembershipEntity {
  @PrimaryColumn({ type: 'uuid' })
  organisationId: string;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  organisation?: OrganisationEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  user?: UserEntity;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
