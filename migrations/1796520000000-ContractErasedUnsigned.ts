import { MigrationInterface, QueryRunner } from 'typeorm';

// An expert's erasure ends their contracts that were never signed, and the content of such a contract (the
// snapshot and the PDF, which hold the name and date of birth) may then go: cleared to nothing, once terminated.
// A signed contract stays frozen as before, and no contract gets other content.
export class ContractErasedUnsigned1796520000000 implements MigrationInterface {
  name = 'ContractErasedUnsigned1796520000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
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
                IF OLD.pdf IS NOT NULL AND (NEW.pdf IS DISTINCT FROM OLD.pdf OR NEW.pdf_sha256 IS DISTINCT FROM OLD.pdf_sha256)
                    AND NOT (OLD.signed_at IS NULL AND NEW.status = 'terminated' AND NEW.snapshot IS NULL AND NEW.pdf IS NULL AND NEW.pdf_sha256 IS NULL) THEN
                    RAISE EXCEPTION 'the PDF of contract % version % is stored and cannot be replaced', OLD.number, OLD.version
                        USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'contracts_pdf_written_once';
                END IF;
                IF OLD.approved_at IS NOT NULL AND NEW.snapshot IS DISTINCT FROM OLD.snapshot
                    AND NOT (OLD.signed_at IS NULL AND NEW.status = 'terminated' AND NEW.snapshot IS NULL AND NEW.pdf IS NULL AND NEW.pdf_sha256 IS NULL) THEN
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
}
