import { MigrationInterface, QueryRunner } from 'typeorm';

// Why a contract was terminated: by the coordinator, or because every assignment it covered was cancelled.
// The guard on signed contracts lets the new column be written with the rest of a contract's end.
export class ContractTerminationCause1795373684308 implements MigrationInterface {
  name = 'ContractTerminationCause1795373684308';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."contract_termination_cause" AS ENUM('coordinator', 'work_cancelled')`,
    );
    await queryRunner.query(`ALTER TABLE "contracts" ADD "termination_cause" "public"."contract_termination_cause"`);
    // Every contract terminated so far was terminated by the coordinator. The guard would refuse writing a
    // terminated signed contract, so it is off for this one statement, inside the migration's transaction.
    await queryRunner.query(`ALTER TABLE "contracts" DISABLE TRIGGER contracts_guard`);
    await queryRunner.query(`UPDATE "contracts" SET "termination_cause" = 'coordinator' WHERE "status" = 'terminated'`);
    await queryRunner.query(`ALTER TABLE "contracts" ENABLE TRIGGER contracts_guard`);
    // Termination data only on a terminated contract, and all of it: a contract in force gets none of it.
    await queryRunner.query(`ALTER TABLE "contracts" DROP CONSTRAINT "contracts_terminated"`);
    await queryRunner.query(
      `ALTER TABLE "contracts" ADD CONSTRAINT "contracts_terminated" CHECK ((status = 'terminated') = (termination_cause IS NOT NULL) AND (status = 'terminated') = (terminated_at IS NOT NULL AND terminated_by IS NOT NULL AND termination_reason IS NOT NULL) AND (status = 'terminated' OR (terminated_at IS NULL AND terminated_by IS NULL AND termination_reason IS NULL)))`,
    );
    await queryRunner.query(`CREATE OR REPLACE FUNCTION contracts_guard() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                may_change CONSTANT text[] := ARRAY['status', 'superseded_by_id', 'superseded_at', 'terminated_by', 'terminated_at', 'termination_reason', 'termination_cause', 'updated_at'];
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
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION contracts_guard() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await queryRunner.query(`ALTER TABLE "contracts" DROP CONSTRAINT "contracts_terminated"`);
    await queryRunner.query(
      `ALTER TABLE "contracts" ADD CONSTRAINT "contracts_terminated" CHECK ((status = 'terminated') = (terminated_at IS NOT NULL AND terminated_by IS NOT NULL AND termination_reason IS NOT NULL))`,
    );
    await queryRunner.query(`ALTER TABLE "contracts" DROP COLUMN "termination_cause"`);
    await queryRunner.query(`DROP TYPE "public"."contract_termination_cause"`);
  }
}
