import { Check, Column, CreateDateColumn, Entity, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum OrganisationKind {
  Unit = 'unit',
  Project = 'project',
}

// The county's own ordering organisations (rule 1): units, and projects owned by a unit.
@Entity('organisations')
@Check('organisations_project_has_owner', `(kind = 'project') = (owner_unit_id IS NOT NULL)`)
@Check('organisations_active_period', `active_until IS NULL OR active_until >= active_from`)
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: OrganisationKind, enumName: 'organisation_kind' })
  kind: OrganisationKind;

  // Cost centre (unit) or project code; it goes to payroll and accounting as is.
  @Column({ type: 'varchar', length: 32, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  nameFi: string;

  @Column({ type: 'varchar', length: 200 })
  nameSv: string;

  @Column({ type: 'date' })
  activeFrom: string;

  // Last day on which it may order; null while open-ended.
  @Column({ type: 'date', nullable: true })
  activeUntil: string | null;

  @Column({ type: 'uuid', nullable: true })
  ownerUnitId: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  ownerUnit?: OrganisationEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
