import { MigrationInterface, QueryRunner } from 'typeorm';

export class ContractSignedCopies1796277431213 implements MigrationInterface {
  name = 'ContractSignedCopies1796277431213';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "contract_signed_copies" ("contract_id" uuid NOT NULL, "approved_sha256" character(64) NOT NULL, "approved_bytes" integer NOT NULL, "pdf" bytea NOT NULL, "sha256" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "contract_signed_copies_size" CHECK (approved_bytes > 0 AND octet_length(pdf) > approved_bytes), CONSTRAINT "PK_d835287053cebba6c02622f3d28" PRIMARY KEY ("contract_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_signed_copies" ADD CONSTRAINT "FK_d835287053cebba6c02622f3d28" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // A PDF is compressed already: stored out of line without trying again.
    await queryRunner.query(`ALTER TABLE "contract_signed_copies" ALTER COLUMN "pdf" SET STORAGE EXTERNAL`);
    // Written once, for a signed contract, around the very document the expert signed; never changed or removed.
    await queryRunner.query(`CREATE FUNCTION contract_signed_copies_guard() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP <> 'INSERT' THEN
                    RAISE EXCEPTION 'the signed copy of contract % is stored and cannot be changed or removed', OLD.contract_id
                        USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'contract_signed_copies_written_once';
                END IF;
                IF NOT EXISTS (SELECT 1 FROM contracts c WHERE c.id = NEW.contract_id AND c.signed_at IS NOT NULL AND c.signed_pdf_sha256 = NEW.approved_sha256) THEN
                    RAISE EXCEPTION 'contract % is not signed, or not with the document %', NEW.contract_id, NEW.approved_sha256
                        USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'contract_signed_copies_of_signed';
                END IF;
                RETURN NEW;
            END $$`);
    await queryRunner.query(`CREATE TRIGGER contract_signed_copies_guard BEFORE INSERT OR UPDATE OR DELETE ON "contract_signed_copies"
            FOR EACH ROW EXECUTE FUNCTION contract_signed_copies_guard()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER contract_signed_copies_guard ON "contract_signed_copies"`);
    await queryRunner.query(`DROP FUNCTION contract_signed_copies_guard()`);
    await queryRunner.query(`ALTER TABLE "contract_signed_copies" DROP CONSTRAINT "FK_d835287053cebba6c02622f3d28"`);
    await queryRunner.query(`DROP TABLE "contract_signed_copies"`);
  }
}
