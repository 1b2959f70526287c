import { MigrationInterface, QueryRunner } from 'typeorm';

export class Contracts1795365893975 implements MigrationInterface {
  name = 'Contracts1795365893975';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."contract_language" AS ENUM('fi', 'sv')`);
    await queryRunner.query(
      `CREATE TYPE "public"."contract_status" AS ENUM('draft', 'approved', 'signed', 'expired', 'terminated', 'superseded')`,
    );
    await queryRunner.query(
      `CREATE TABLE "contracts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" character varying(20) NOT NULL, "version" smallint NOT NULL DEFAULT '1', "supersedes_id" uuid, "superseded_by_id" uuid, "superseded_at" TIMESTAMP WITH TIME ZONE, "expert_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "valid_from" date NOT NULL, "valid_until" date NOT NULL, "language" "public"."contract_language" NOT NULL, "status" "public"."contract_status" NOT NULL DEFAULT 'draft', "snapshot" jsonb, "created_by" uuid, "approved_by" uuid, "approved_at" TIMESTAMP WITH TIME ZONE, "pdf" bytea, "pdf_sha256" character(64), "signed_at" TIMESTAMP WITH TIME ZONE, "signed_ip" character varying(64), "signed_user_agent" character varying(512), "signed_pdf_sha256" character(64), "terminated_by" uuid, "terminated_at" TIMESTAMP WITH TIME ZONE, "termination_reason" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "contracts_number_version" UNIQUE ("number", "version"), CONSTRAINT "contracts_superseded" CHECK ((status = 'superseded') = (superseded_at IS NOT NULL AND superseded_by_id IS NOT NULL)), CONSTRAINT "contracts_terminated" CHECK ((status = 'terminated') = (terminated_at IS NOT NULL AND terminated_by IS NOT NULL AND termination_reason IS NOT NULL)), CONSTRAINT "contracts_signed" CHECK ((status NOT IN ('signed', 'expired') OR signed_at IS NOT NULL) AND (signed_at IS NULL) = (signed_pdf_sha256 IS NULL) AND (signed_pdf_sha256 IS NULL OR signed_pdf_sha256 = pdf_sha256)), CONSTRAINT "contracts_approved" CHECK (status NOT IN ('approved', 'signed', 'expired') OR (approved_at IS NOT NULL AND approved_by IS NOT NULL AND snapshot IS NOT NULL)), CONSTRAINT "contracts_pdf" CHECK ((pdf IS NULL) = (pdf_sha256 IS NULL)), CONSTRAINT "contracts_version" CHECK (version >= 1), CONSTRAINT "contracts_term" CHECK (valid_until >= valid_from), CONSTRAINT "PK_2c7b8f3a7b1acdd49497d83d0fb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_c411b0f1efa0a9f85249caac5e" ON "contracts" ("status", "valid_until") `);
    await queryRunner.query(`CREATE INDEX "IDX_8432d1c44816414ef7d86ecc06" ON "contracts" ("expert_id", "status") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "contracts_one_pending_revision" ON "contracts" ("supersedes_id") WHERE status IN ('draft', 'approved')`,
    );
    await queryRunner.query(
      `CREATE TABLE "contract_assignments" ("contract_id" uuid NOT NULL, "assignment_id" uuid NOT NULL, "live" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_e1bca596b566a38c38cd91cfb5b" PRIMARY KEY ("contract_id", "assignment_id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "contract_assignments_one_live" ON "contract_assignments" ("assignment_id") WHERE live`,
    );
    await queryRunner.query(
      `ALTER TABLE "contracts" ADD CONSTRAINT "FK_1d06eafad770be298b1b31560fa" FOREIGN KEY ("supersedes_id") REFERENCES "contracts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contracts" ADD CONSTRAINT "FK_9f816bf3a636f9eb2078f11612f" FOREIGN KEY ("superseded_by_id") REFERENCES "contracts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contracts" ADD CONSTRAINT "FK_d254ccbb83d3d738a02c373fecd" FOREIGN KEY ("expert_id") REFERENCES "experts"("user_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contracts" ADD CONSTRAINT "FK_446b97257a40469e4b3d6e6c4ef" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contracts" ADD CONSTRAINT "FK_c0a3fac2a4731eabc427a4ad1b5" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contracts" ADD CONSTRAINT "FK_23ac58353981a0c7d77363b5f6e" FOREIGN KEY ("approved_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contracts" ADD CONSTRAINT "FK_3119b69bf7b2a5f01536d23c809" FOREIGN KEY ("terminated_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_assignments" ADD CONSTRAINT "FK_69391c82460cd55fcd19c347aed" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_assignments" ADD CONSTRAINT "FK_7dd1c8272f33aa47cec6ac74032" FOREIGN KEY ("assignment_id") REFERENCES "assignments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    // Contract numbers: KOK-<year>-<this sequence, six digits>.
    await queryRunner.query(`CREATE SEQUENCE "contract_number_seq"`);
    // Whether a contract in this state covers its assignments: superseded and terminated ones no longer do,
    // and a revision (supersedes_id set) only once it is signed.
    await queryRunner.query(`CREATE FUNCTION contract_covers(contract_status, uuid) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
            SELECT $1 IN ('draft', 'approved', 'signed', 'expired') AND NOT ($2 IS NOT NULL AND $1 IN ('draft', 'approved')) $$`);
    // contract_assignments.live follows its contract, and an assignment joins only a contract of its own expert.
    await queryRunner.query(`CREATE FUNCTION contract_assignments_follow_contract() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE c record;
            BEGIN
                SELECT status, supersedes_id, expert_id INTO c FROM contracts WHERE id = NEW.contract_id;
                IF NOT FOUND THEN RETURN NEW; END IF;
                IF TG_OP = 'INSERT' AND EXISTS (SELECT 1 FROM assignments a WHERE a.id = NEW.assignment_id AND a.expert_id <> c.expert_id) THEN
                    RAISE EXCEPTION 'assignment % belongs to another expert than contract %', NEW.assignment_id, NEW.contract_id
                        USING ERRCODE = 'check_violation', CONSTRAINT = 'contract_assignments_same_expert';
                END IF;
                NEW.live := contract_covers(c.status, c.supersedes_id);
                RETURN NEW;
            END $$`);
    await queryRunner.query(`CREATE TRIGGER contract_assignments_follow_contract BEFORE INSERT OR UPDATE ON "contract_assignments"
            FOR EACH ROW EXECUTE FUNCTION contract_assignments_follow_contract()`);
    await queryRunner.query(`CREATE FUNCTION contracts_sync_live() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                UPDATE contract_assignments SET live = contract_covers(NEW.status, NEW.supersedes_id) WHERE contract_id = NEW.id;
                RETURN NULL;
            END $$`);
    await queryRunner.query(`CREATE TRIGGER contracts_sync_live AFTER UPDATE OF status ON "contracts"
            FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION contracts_sync_live()`);
    // A signed contract never changes: only how its life ends (status, who, when, why) may still be written.
    // A stored PDF is never replaced, the approved snapshot never rewritten, and nothing but a draft deleted.
    await queryRunner.query(`CREATE FUNCTION contracts_guard() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                may_change CONSTANT text[] := ARRAY['status', 'superseded_by_id', 'superseded_at', 'terminated_by', 'terminated_at', 'termination_reason', 'updated_at'];
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    IF OLD.status <> 'draft' OR OLD.approved_at IS NOT NULL THEN
                        RAISE EXCEPTION 'contract % version % is % and cannot be deleted', OLD.number, OLD.version, OLD.status
                            USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'contracts_kept';
                    END IF;
                    RETURN OLD;
                END IF;
                IF OLD.pdf IS NOT NULL AND (NEW.pdf IS DISTINCT FROM OLD.pdf OR NEW.pdf_sha256 IS DISTINCT FROM OLD.pdf_sha256) THEN
                    RAISE EXCEPTION 'the PDF of contract % version % is stored and cannot be replaced', OLD.number, OLD.version
                        USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'contracts_pdf_written_once';
                END IF;
                IF OLD.approved_at IS NOT NULL AND NEW.snapshot IS DISTINCT FROM OLD.snapshot THEN
                    RAISE EXCEPTION 'the approved content of contract % version % cannot be rewritten', OLD.number, OLD.version
                        USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'contracts_snapshot_frozen';
                END IF;
                IF OLD.signed_at IS NOT NULL AND (
                    (to_jsonb(NEW) - may_change) IS DISTINCT FROM (to_jsonb(OLD) - may_change)
                    OR NOT (NEW.status = OLD.status
                        OR (OLD.status = 'signed' AND NEW.status IN ('expired', 'terminated', 'superseded'))
                        OR (OLD.status = 'expired' AND NEW.status IN ('terminated', 'superseded')))
                    OR (OLD.status IN ('terminated', 'superseded') AND (to_jsonb(NEW) - 'updated_at') IS DISTINCT FROM (to_jsonb(OLD) - 'updated_at'))
                ) THEN
                    RAISE EXCEPTION 'contract % version % is signed and cannot be changed; a change is a new version', OLD.number, OLD.version
                        USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'contracts_signed_immutable';
                END IF;
                RETURN NEW;
            END $$`);
    await queryRunner.query(`CREATE TRIGGER contracts_guard BEFORE UPDATE OR DELETE ON "contracts"
            FOR EACH ROW EXECUTE FUNCTION contracts_guard()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER contracts_guard ON "contracts"`);
    await queryRunner.query(`DROP FUNCTION contracts_guard()`);
    await queryRunner.query(`DROP TRIGGER contracts_sync_live ON "contracts"`);
    await queryRunner.query(`DROP FUNCTION contracts_sync_live()`);
    await queryRunner.query(`DROP TRIGGER contract_assignments_follow_contract ON "contract_assignments"`);
    await queryRunner.query(`DROP FUNCTION contract_assignments_follow_contract()`);
    await queryRunner.query(`DROP FUNCTION contract_covers(contract_status, uuid)`);
    await queryRunner.query(`DROP SEQUENCE "contract_number_seq"`);
    await queryRunner.query(`ALTER TABLE "contract_assignments" DROP CONSTRAINT "FK_7dd1c8272f33aa47cec6ac74032"`);
    await queryRunner.query(`ALTER TABLE "contract_assignments" DROP CONSTRAINT "FK_69391c82460cd55fcd19c347aed"`);
    await queryRunner.query(`ALTER TABLE "contracts" DROP CONSTRAINT "FK_3119b69bf7b2a5f01536d23c809"`);
    await queryRunner.query(`ALTER TABLE "contracts" DROP CONSTRAINT "FK_23ac58353981a0c7d77363b5f6e"`);
    await queryRunner.query(`ALTER TABLE "contracts" DROP CONSTRAINT "FK_c0a3fac2a4731eabc427a4ad1b5"`);
    await queryRunner.query(`ALTER TABLE "contracts" DROP CONSTRAINT "FK_446b97257a40469e4b3d6e6c4ef"`);
    await queryRunner.query(`ALTER TABLE "contracts" DROP CONSTRAINT "FK_d254ccbb83d3d738a02c373fecd"`);
    await queryRunner.query(`ALTER TABLE "contracts" DROP CONSTRAINT "FK_9f816bf3a636f9eb2078f11612f"`);
    await queryRunner.query(`ALTER TABLE "contracts" DROP CONSTRAINT "FK_1d06eafad770be298b1b31560fa"`);
    await queryRunner.query(`DROP INDEX "public"."contract_assignments_one_live"`);
    await queryRunner.query(`DROP TABLE "contract_assignments"`);
    await queryRunner.query(`DROP INDEX "public"."contracts_one_pending_revision"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8432d1c44816414ef7d86ecc06"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c411b0f1efa0a9f85249caac5e"`);
    await queryRunner.query(`DROP TABLE "contracts"`);
    await queryRunner.query(`DROP TYPE "public"."contract_status"`);
    await queryRunner.query(`DROP TYPE "public"."contract_language"`);
  }
}
