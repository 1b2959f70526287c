import { Column, Entity, PrimaryColumn } from 'typeorm';

// Reference data: the county's 14 municipalities, by Statistics Finland code. Rows come from a migration.
@Entity('municipalities')
export class MunicipalityEntity {
  @PrimaryColumn({ type: 'char', length: 3 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  nameFi: string;

  @Column({ type: 'varchar', length: 100 })
  nameSv: string;
}
