import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

// Own-car kilometre rate by year (TravelRate); a trip is priced by the rate of the year it was made in.
@Entity('travel_rates')
@Check('travel_rates_year', 'year BETWEEN 2000 AND 2100')
@Check('travel_rates_rate', 'car_cents_per_km > 0 AND car_cents_per_km <= 1000')
export class TravelRateEntity {
  @PrimaryColumn({ type: 'smallint' })
  year: number;

  @Column({ type: 'integer' })
  carCentsPerKm: number;

  @Column({ type: 'uuid', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
