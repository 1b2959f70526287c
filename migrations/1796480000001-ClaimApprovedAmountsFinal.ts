import { MigrationInterface, QueryRunner } from 'typeorm';

const PAID_IS_FINAL = `
  IF OLD.status = 'paid' AND (NEW.status IS DISTINCT FROM OLD.status OR NEW.paid_run_id IS DISTINCT FROM OLD.paid_run_id OR NEW.paid_at IS DISTINCT FROM OLD.paid_at) THEN
    RAISE EXCEPTION 'claim % is paid; a paid claim never changes', OLD.id USING ERRCODE = 'check_violation', CONSTRAINT = 'claims_paid_is_final';
  END IF;
  IF NEW.status = 'paid' AND OLD.status <> 'paid' AND OLD.status <> 'approved' THEN
    RAISE EXCEPTION 'claim % is %, only an approved claim can be paid', OLD.id, OLD.status USING ERRCODE = 'check_violation', CONSTRAINT = 'claims_paid_is_final';
  END IF;`;

export class ClaimApprovedAmountsFinal1796480000001 implements MigrationInterface {
  name = 'ClaimApprovedAmountsFinal1796480000001';

  // What the coordinator approved is what is paid: once a claim is approved (and when paid), the numbers it is priced
  // from (its assignment and expert, the work's day, minutes, trips and the late-cancellation mark) never change,
  // whatever the code does. The words in it (the note) may still be erased; costs are guarded by the services.
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION "claims_paid_is_final"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN${PAID_IS_FINAL}
  IF OLD.status IN ('approved', 'paid') AND (
       NEW.assignment_id IS DISTINCT FROM OLD.assignment_id OR NEW.expert_id IS DISTINCT FROM OLD.expert_id
    OR NEW.work_date IS DISTINCT FROM OLD.work_date OR NEW.worked_minutes IS DISTINCT FROM OLD.worked_minutes
    OR NEW.preparation_minutes IS DISTINCT FROM OLD.preparation_minutes OR NEW.trips IS DISTINCT FROM OLD.trips
    OR NEW.late_cancellation IS DISTINCT FROM OLD.late_cancellation) THEN
    RAISE EXCEPTION 'claim % is %; the numbers of an approved claim never change', OLD.id, OLD.status USING ERRCODE = 'check_violation', CONSTRAINT = 'claims_approved_is_final';
  END IF;
  RETURN NEW;
END
$$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION "claims_paid_is_final"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN${PAID_IS_FINAL}
  RETURN NEW;
END
$$`);
  }
}
