import { randomInt } from 'node:crypto';
import TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { TaskType } from '../../src/common/domain/task-type';
import { ContractDrafts } from '../../src/modules/contracts/lifecycle/contract-drafts.service';
import { ContractEntity } from '../../src/modules/contracts/entities/contract.entity';
import { PaymentDetailsEntity } from '../../src/modules/experts/entities/payment-details.entity';
import { asUser, Bearer } from '../utils/as-user';
import { TestApp } from '../utils/test-app';
import { createExpert, ExpertOverrides } from './experts.factory';
import { login, TestUser } from './users.factory';

const CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';

// A valid Finnish personal identity code for this date of birth, different on every call.
export function identityCodeBornOn(dateOfBirth: string): string {
  const [year, month, day] = dateOfBirth.split('-');
  const century = year.startsWith('19') ? '-' : 'A';
  const individual = String(randomInt(2, 900)).padStart(3, '0');
  const digits = `${day}${month}${year.slice(2)}${individual}`;
  return `${day}${month}${year.slice(2)}${century}${individual}${CHECK[Number(digits) % 31]}`;
}

// What the contract needs of the expert's payment details: the date of birth (no identity code stored).
export async function giveDateOfBirth(db: DataSource, expertId: string, dateOfBirth = '1979-04-12'): Promise<void> {
  await db.getRepository(PaymentDetailsEntity).upsert({ expertId, dateOfBirth }, ['expertId']);
}

export interface AssignmentSeed {
  expertId: string;
  organisationId: string;
  createdBy: string;
  startsAt: string;
  endsAt: string;
  taskType?: TaskType;
  title?: string;
  status?: 'accepted' | 'confirmed' | 'completed';
}

// An assignment straight into the tables, for tests where the booking flow is a given.
export async function insertAssignment(db: DataSource, s: AssignmentSeed): Promise<string> {
  const [request] = (await db.query(
    `INSERT INTO booking_requests (organisation_id, cost_centre, created_by, status, task_type, title, starts_at, ends_at, remote, municipality, address, languages, preparation_minutes)
     VALUES ($1, 'U', $2, 'filled', $3, $4, $5, $6, false, '905', 'Hietalahdenkatu 2', '{fi}', 60) RETURNING id`,
    [
      s.organisationId,
      s.createdBy,
      s.taskType ?? TaskType.WorkingGroup,
      s.title ?? 'Kehittäjäasiakasraati',
      s.startsAt,
      s.endsAt,
    ],
  )) as { id: string }[];
  const [assignment] = (await db.query(
    `INSERT INTO assignments (request_id, expert_id, status, starts_at, ends_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [request.id, s.expertId, s.status ?? 'accepted', s.startsAt, s.endsAt],
  )) as { id: string }[];
  return assignment.id;
}

// An assignment with the draft contract booking would have made with it (through the app's own drafting).
export async function insertDraftedAssignment(
  db: DataSource,
  drafts: ContractDrafts,
  s: AssignmentSeed,
): Promise<{ assignmentId: string; contractId: string }> {
  const assignmentId = await insertAssignment(db, s);
  const contract = await db.transaction((manager) =>
    drafts.draftForNewAssignment(
      manager,
      { id: assignmentId, expertId: s.expertId, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) },
      s.organisationId,
      s.createdBy,
    ),
  );
  return { assignmentId, contractId: contract.id };
}

// The same in an HTTP spec's app.
export function draftedAssignment(
  t: TestApp,
  s: AssignmentSeed,
): Promise<{ assignmentId: string; contractId: string }> {
  return insertDraftedAssignment(t.db, t.app.get(ContractDrafts), s);
}

// An expert with a date of birth, signed in through the API, and an assignment of theirs with its draft contract.
export async function expertWithDraft(
  t: TestApp,
  expert: ExpertOverrides,
  work: Omit<AssignmentSeed, 'expertId'>,
): Promise<{ expert: TestUser & { token: string }; assignmentId: string; contractId: string }> {
  const user = await createExpert(t.db, expert);
  await giveDateOfBirth(t.db, user.id);
  const seeded = await draftedAssignment(t, { expertId: user.id, ...work });
  return { expert: { ...user, token: await login(t.http, user) }, ...seeded };
}

// The worker renders after approval: wait for the stored hash.
export async function waitForPdf(db: DataSource, contractId: string, timeoutMs = 15_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const row = await db.getRepository(ContractEntity).findOneByOrFail({ id: contractId });
    if (row.pdfSha256) return row.pdfSha256;
    if (Date.now() > until) throw new Error(`No PDF for contract ${contractId} in time`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// Polls until the worker has stored the signed copy of a signed contract; its SHA-256.
export async function waitForSignedCopy(db: DataSource, contractId: string, timeoutMs = 15_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await db.query<{ sha256: string }[]>(
      `SELECT sha256 FROM contract_signed_copies WHERE contract_id = $1`,
      [contractId],
    );
    if (row) return row.sha256;
    if (Date.now() > until) throw new Error(`No signed copy for contract ${contractId} in time`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// The PDF as a Buffer in res.body.
export function pdfOf(http: TestAgent, token: string, contractId: string, query = '') {
  return http.get(`/contracts/${contractId}/pdf${query}`).set('authorization', `Bearer ${token}`).responseType('blob');
}

// The assignment's drafted contract approved by the coordinator and signed by the expert over HTTP, as they do it
// before the work: the work is then confirmed (PRODUCT.md §4), and only then can it be confirmed as done.
export async function signContractOf(
  t: Pick<TestApp, 'db' | 'http'>,
  assignmentId: string,
  coordinator: Bearer,
  expert: Pick<TestUser, 'id' | 'password'> & { token: string },
): Promise<string> {
  const as = asUser(() => t.http);
  const [draft] = (await t.db.query(
    `SELECT c.id FROM contracts c JOIN contract_assignments ca ON ca.contract_id = c.id
      WHERE ca.assignment_id = $1 AND c.status = 'draft'`,
    [assignmentId],
  )) as { id: string }[];
  if (!draft) throw new Error(`No drafted contract for assignment ${assignmentId}`);
  const [{ dateOfBirth }] = (await t.db.query(
    `SELECT count(*) > 0 AS "dateOfBirth" FROM expert_payment_details WHERE expert_id = $1 AND date_of_birth IS NOT NULL`,
    [expert.id],
  )) as { dateOfBirth: boolean }[];
  if (!dateOfBirth) await giveDateOfBirth(t.db, expert.id);
  await as(coordinator).post(`/contracts/${draft.id}/approve`).expect(200);
  await waitForPdf(t.db, draft.id);
  await as(expert.token).post(`/contracts/${draft.id}/sign`, { password: expert.password }).expect(200);
  return draft.id;
}
