import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ExpertEntity } from './expert.entity';

// Encryption context binds each ciphertext to its row and field: a value copied elsewhere does not decrypt. Part of
// the stored columns' format: whoever reads them (fees' payroll export) needs it.
export const cipherContext = (expertId: string, field: 'iban' | 'identity_code' | 'association_iban') =>
  `expert:${expertId}:${field}`;

export enum Payee {
  Expert = 'expert',
  Association = 'association',
}

// IBANs and the identity code exist here only encrypted (AES-256-GCM, key id inside the value) beside a
// masked form for display; the clear value is read only through an audited path.
@Entity('expert_payment_details')
@Check(
  'payment_details_association',
  `(payee = 'association') = (association_name IS NOT NULL AND association_business_id IS NOT NULL AND association_iban_encrypted IS NOT NULL)`,
)
// A tax card is a percentage and the year it is for, or neither (the years the API takes are its DTO's).
@Check(
  'payment_details_tax_card',
  '(tax_percent IS NULL) = (tax_card_year IS NULL) AND (tax_percent IS NULL OR tax_percent BETWEEN 0 AND 100)',
)
export class PaymentDetailsEntity {
  @PrimaryColumn({ type: 'uuid' })
  expertId: string;

  @OneToOne(() => ExpertEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'expert_id' })
  expert?: ExpertEntity;

  // A secret: never loaded unless a query names it (select: false; see test/api/security/secret-columns.ts).
  @Column({ type: 'text', nullable: true, select: false })
  ibanEncrypted: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  ibanMasked: string | null;

  // A secret: never loaded unless a query names it (select: false; see test/api/security/secret-columns.ts).
  @Column({ type: 'text', nullable: true, select: false })
  identityCodeEncrypted: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  identityCodeMasked: string | null;

  // HMAC of the normalised code: finds a second account with the same person without decrypting anything.
  @Column({ type: 'char', length: 64, nullable: true, unique: true, select: false })
  identityCodeHash: string | null;

  // Derived from the identity code; the contract shows this, never the code.
  @Column({ type: 'date', nullable: true })
  dateOfBirth: string | null;

  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true })
  taxPercent: string | null;

  @Column({ type: 'smallint', nullable: true })
  taxCardYear: number | null;

  @Column({ type: 'enum', enum: Payee, enumName: 'payee', default: Payee.Expert })
  payee: Payee;

  @Column({ type: 'boolean', default: false })
  declinesFee: boolean;

  @Column({ type: 'varchar', length: 200, nullable: true })
  associationName: string | null;

  @Column({ type: 'varchar', length: 9, nullable: true })
  associationBusinessId: string | null;

  // A secret: never loaded unless a query names it (select: false; see test/api/security/secret-columns.ts).
  @Column({ type: 'text', nullable: true, select: false })
  associationIbanEncrypted: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  associationIbanMasked: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
