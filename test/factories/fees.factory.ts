import { DataSource } from 'typeorm';
import { FieldCipher } from '../../src/common/crypto/field-cipher';
import { maskIban, normaliseIban } from '../../src/common/validation/finnish-identifiers';
import { parseEnv } from '../../src/config/env.schema';
import { cipherContext } from '../../src/modules/experts/entities/payment-details.entity';
import { samplePng, sha256Hex } from './credentials.factory';

export const IBANS = ['FI2112345600000785', 'FI5542345670000081', 'FI4950009420028730', 'FI7929501800020582'];

function cipher(): FieldCipher {
  const parsed = parseEnv(process.env);
  if (!parsed.ok) throw new Error(parsed.message);
  return new FieldCipher(parsed.env.ENCRYPTION_KEY);
}

export interface PaymentOverrides {
  iban?: string | null;
  taxPercent?: number | null;
  taxCardYear?: number | null;
  payee?: 'expert' | 'association';
  declinesFee?: boolean;
  association?: { name: string; businessId: string; iban: string };
}

// Payment details as the experts feature stores them: IBANs encrypted under the row's context.
export async function setPaymentDetails(db: DataSource, expertId: string, o: PaymentOverrides = {}): Promise<void> {
  const c = cipher();
  const iban = o.iban === undefined ? IBANS[0] : o.iban;
  const assoc =
    o.payee === 'association'
      ? (o.association ?? { name: 'Mielenterveysyhdistys Vaasa ry', businessId: '1572860-0', iban: IBANS[1] })
      : null;
  const taxPercent = o.taxPercent === undefined ? 12.5 : o.taxPercent;
  await db.query(
    `INSERT INTO expert_payment_details (expert_id, iban_encrypted, iban_masked, tax_percent, tax_card_year, payee, declines_fee,
                                         association_name, association_business_id, association_iban_encrypted, association_iban_masked)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (expert_id) DO UPDATE SET iban_encrypted = EXCLUDED.iban_encrypted, iban_masked = EXCLUDED.iban_masked,
       tax_percent = EXCLUDED.tax_percent, tax_card_year = EXCLUDED.tax_card_year, payee = EXCLUDED.payee, declines_fee = EXCLUDED.declines_fee,
       association_name = EXCLUDED.association_name, association_business_id = EXCLUDED.association_business_id,
       association_iban_encrypted = EXCLUDED.association_iban_encrypted, association_iban_masked = EXCLUDED.association_iban_masked`,
    [
      expertId,
      iban ? c.encrypt(normaliseIban(iban), cipherContext(expertId, 'iban')) : null,
      iban ? maskIban(normaliseIban(iban)) : null,
      taxPercent,
      taxPercent === null ? null : (o.taxCardYear ?? 2026),
      o.payee ?? 'expert',
      o.declinesFee ?? false,
      assoc?.name ?? null,
      assoc?.businessId ?? null,
      assoc ? c.encrypt(normaliseIban(assoc.iban), cipherContext(expertId, 'association_iban')) : null,
      assoc ? maskIban(normaliseIban(assoc.iban)) : null,
    ],
  );
}

export interface WorkOverrides {
  organisationId: string;
  createdBy: string;
  costCentre?: string;
  taskType?: string;
  title?: string;
  startsAt?: string;
  endsAt?: string;
  preparationMinutes?: number;
  topics?: string[];
  status?: 'completed' | 'late_cancelled' | 'cancelled' | 'accepted' | 'not_held';
}

// A finished piece of work straight in the tables: a completed request and the expert's assignment.
export async function createFinishedAssignment(db: DataSource, expertId: string, o: WorkOverrides): Promise<string> {
  const startsAt = o.startsAt ?? '2026-10-20T07:00:00Z';
  const endsAt = o.endsAt ?? '2026-10-20T09:00:00Z';
  const [request] = await db.query(
    `INSERT INTO booking_requests (organisation_id, cost_centre, created_by, status, task_type, title, starts_at, ends_at, remote, languages, topics, preparation_minutes)
     VALUES ($1, $2, $3, 'completed', $4, $5, $6, $7, true, '{fi}', $8, $9) RETURNING id`,
    [
      o.organisationId,
      o.costCentre ?? 'CC-TEST',
      o.createdBy,
      o.taskType ?? 'working_group',
      o.title ?? 'Asiakasraati',
      startsAt,
      endsAt,
      o.topics ?? ['mental_health'],
      o.preparationMinutes ?? 30,
    ],
  );
  const status = o.status ?? 'completed';
  const cancelled = status === 'late_cancelled' || status === 'cancelled';
  const [assignment] = await db.query(
    `INSERT INTO assignments (request_id, expert_id, status, starts_at, ends_at, completed_at, cancelled_at, cancelled_by_party, fee_due)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      request.id,
      expertId,
      cancelled ? 'cancelled' : status,
      startsAt,
      endsAt,
      status === 'completed' || status === 'not_held' ? endsAt : null,
      cancelled ? startsAt : null,
      cancelled ? 'county' : null,
      status === 'late_cancelled',
    ],
  );
  return assignment.id as string;
}

export interface ClaimOverrides {
  status?: 'draft' | 'submitted' | 'approved';
  workDate?: string;
  workedMinutes?: number;
  preparationMinutes?: number;
  kmTenths?: number;
  decidedBy?: string;
  decidedAt?: string;
}

// A claim in the given state, for tests that need one as a given (its filing is tested over HTTP).
export async function createClaim(
  db: DataSource,
  expertId: string,
  assignmentId: string,
  o: ClaimOverrides = {},
): Promise<string> {
  const status = o.status ?? 'approved';
  const workDate = o.workDate ?? '2026-10-20';
  const trips = o.kmTenths ? [{ from: 'Koti', to: 'Vaasa', kmTenths: o.kmTenths, date: workDate }] : [];
  const decided = status === 'approved';
  if (decided && !o.decidedBy) throw new Error('An approved claim needs decidedBy');
  const [claim] = await db.query(
    `INSERT INTO claims (assignment_id, expert_id, status, work_date, worked_minutes, preparation_minutes, trips, submitted_at, first_submitted_at, decided_by, decided_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $10) RETURNING id`,
    [
      assignmentId,
      expertId,
      status,
      workDate,
      o.workedMinutes ?? 120,
      o.preparationMinutes ?? 30,
      JSON.stringify(trips),
      status === 'draft' ? null : '2026-10-21T08:00:00Z',
      decided ? o.decidedBy : null,
      decided ? (o.decidedAt ?? `${workDate}T12:00:00Z`) : null,
    ],
  );
  return claim.id as string;
}

// A claim (approved by the unit's orderer, unless `claim` says otherwise) of the unit's work on `day`, 07–09 UTC.
export async function claimWorkOn(
  db: DataSource,
  unit: { organisationId: string; createdBy: string },
  expertId: string,
  day: string,
  work: Partial<WorkOverrides> = {},
  claim: ClaimOverrides = {},
): Promise<string> {
  const assignmentId = await createFinishedAssignment(db, expertId, {
    ...unit,
    startsAt: `${day}T07:00:00Z`,
    endsAt: `${day}T09:00:00Z`,
    ...work,
  });
  return createClaim(db, expertId, assignmentId, { decidedBy: unit.createdBy, workDate: day, ...claim });
}

export interface SeedOptions {
  count: number;
  expertIds: string[];
  organisationIds: string[];
  createdBy: string;
  decidedBy: string;
  firstDay: string; // YYYY-MM-DD, Helsinki
  days?: number; // spread over this many days (default 28)
  decidedAt?: string;
}

// N approved claims in one statement each table, the same N for the same options: the i-th claim
// always has the same expert, unit, task type, minutes and trip, so two seeds price identically.
export async function seedApprovedClaims(db: DataSource, o: SeedOptions): Promise<void> {
  await db.query(
    `WITH src AS (
       SELECT i, gen_random_uuid() AS request_id, gen_random_uuid() AS assignment_id,
              ($2::uuid[])[1 + i % cardinality($2::uuid[])] AS expert_id,
              ($3::uuid[])[1 + (i / 7) % cardinality($3::uuid[])] AS organisation_id,
              (ARRAY['working_group', 'lecture', 'client_session', 'evaluation', 'workshop_event'])[1 + i % 5]::task_type AS task_type,
              (($6::date + (i % $7) * interval '1 day') + time '09:00') AT TIME ZONE 'Europe/Helsinki' AS starts_at,
              60 + (i % 8) * 15 AS minutes
         FROM generate_series(0, $1 - 1) AS i
     ), requests AS (
       INSERT INTO booking_requests (id, organisation_id, cost_centre, created_by, status, task_type, title, starts_at, ends_at, remote, languages, topics, preparation_minutes)
       SELECT s.request_id, s.organisation_id, o.code, $4, 'completed', s.task_type, 'Kokemuspuheenvuoro ' || (s.i % 97), s.starts_at,
              s.starts_at + s.minutes * interval '1 minute', true, '{fi}', '{mental_health}', (s.i % 3) * 30
         FROM src s JOIN organisations o ON o.id = s.organisation_id
     ), assignments_ AS (
       INSERT INTO assignments (id, request_id, expert_id, status, starts_at, ends_at, completed_at)
       SELECT assignment_id, request_id, expert_id, 'completed', starts_at, starts_at + minutes * interval '1 minute', starts_at + minutes * interval '1 minute'
         FROM src
     )
     INSERT INTO claims (assignment_id, expert_id, status, work_date, worked_minutes, preparation_minutes, trips, submitted_at, first_submitted_at, decided_by, decided_at)
     SELECT s.assignment_id, s.expert_id, 'approved', (s.starts_at AT TIME ZONE 'Europe/Helsinki')::date, s.minutes, (s.i % 3) * 30,
            CASE WHEN s.i % 4 = 0 THEN '[]'::jsonb
                 ELSE jsonb_build_array(jsonb_build_object('from', 'Koti', 'to', 'Vaasa', 'kmTenths', 15 + (s.i * 37) % 900,
                                                           'date', to_char((s.starts_at AT TIME ZONE 'Europe/Helsinki')::date, 'YYYY-MM-DD'))) END,
            $8, $8, $5, $8
       FROM src s`,
    [
      o.count,
      o.expertIds,
      o.organisationIds,
      o.createdBy,
      o.decidedBy,
      o.firstDay,
      o.days ?? 28,
      o.decidedAt ?? '2026-01-01T00:00:00Z',
    ],
  );
}

// Test hygiene: a spec that starts fee runs begins with none open (a spec aborted half-way may have left one).
export async function settleOpenFeeRuns(db: DataSource): Promise<void> {
  await db.query(
    `UPDATE fee_runs SET status = 'exported', approved_by = COALESCE(approved_by, created_by), approved_at = COALESCE(approved_at, now()),
            first_approved_by = NULL, exported_at = now()
      WHERE status IN ('queued', 'running', 'computed', 'failed', 'approved')`,
  );
}

// A cost with its receipt (a small PNG), straight in the tables.
export async function addCost(
  db: DataSource,
  claimId: string,
  ownerId: string,
  o: { kind?: string; amountCents?: number } = {},
): Promise<string> {
  const bytes = samplePng();
  const [file] = await db.query(
    `INSERT INTO stored_files (owner_id, media_type, size_bytes, sha256, original_name, bytes) VALUES ($1, 'image/png', $2, $3, 'kuitti.png', $4) RETURNING id`,
    [ownerId, bytes.length, sha256Hex(bytes), bytes],
  );
  const [cost] = await db.query(
    `INSERT INTO claim_costs (claim_id, kind, amount_cents, receipt_file_id) VALUES ($1, $2, $3, $4) RETURNING id`,
    [claimId, o.kind ?? 'parking', o.amountCents ?? 300, file.id],
  );
  return cost.id as string;
}
