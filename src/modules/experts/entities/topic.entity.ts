import { Column, Entity, PrimaryColumn } from 'typeorm';

// The controlled, bilingual vocabulary of lived-experience topics. Rows come from a migration.
@Entity('topics')
export class TopicEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  nameFi: string;

  @Column({ type: 'varchar', length: 100 })
  nameSv: string;

  @Column({ type: 'varchar', length: 100 })
  nameEn: string;
}
