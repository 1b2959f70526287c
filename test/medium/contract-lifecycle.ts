import { randomBytes, randomUUID } from 'node:crypto';
import { Role } from '../../src/common/auth/role.enum';
import { TaskType } from '../../src/common/domain/task-type';
import { ContractErrorCode } from '../../src/modules/contracts/contracts.errors';
import { ContractStatus, TerminationCause } from '../../src/modules/contracts/entities/contract.entity';
import { ContractDrafts } from '../../src/modules/contracts/lifecycle/contract-drafts.service';
import { ContractSigningService } from '../../src/modules/contracts/lifecycle/contract-signing.service';
import { ContractSweepJob } from '../../src/modules/contracts/lifecycle/contract-sweep.job';
import { ContractsService } from '../../src/modules/contracts/lifecycle/contracts.service';
import {
  AssignmentSeed,
  giveDateOfBirth,
  insertAssignment,
  insertDraftedAssignment,
} from '../factories/contracts.factory';
import { createExpert } from '../factories/experts.factory';
import { createUnit } from '../factories/organisations.factory';
import { createUser, TestUser } from '../factories/users.factory';
import { contextOf, createMediumApp, MediumApp, problemOf } from './medium-app';

// The app's clock stands still on 1 Oct 2026 10:00 local time; the work is on 20 Oct.
const NOW = '2026-10-01T07:00:00Z';
const WORK = { startsAt: '2026-10-20T07:00:00Z', endsAt: '2026-10-20T09:00:00Z' };

// A contract's way from draft to approved, signed and ended, and the transitions its state refuses, through the
// lifecycle services on the real database (the same over HTTP, with the PDF worker: test/api/contracts/contracts.ts).
describe('contract lifecycle (service and database)', () => {
  let m: MediumApp;
  let contracts: ContractsService;
  let signing: ContractSigningService;
  let coordinator: TestUser;
  let unitId: string;

  beforeAll(async () => {
    m = await createMediumApp();
    m.clock.set(NOW);
    contracts = m.get(ContractsService);
    signing = m.get(ContractSigningService);
    coordinator = await createUser(m.db, Role.Coordinator);
    unitId = (await createUnit(m.db)).id;
  });
  afterAll(() => m.close());

  type Work = { startsAt: string; endsAt: string };
  type More = { status?: AssignmentSeed['status']; taskType?: TaskType };
  // An assignment of the expert's in the unit, accepted unless told, straight in the tables.
  const assignmentOf = (expertId: string, work: Work, more: More = {}) =>
    insertAssignment(m.db, { expertId, organisationId: unitId, createdBy: coordinator.id, ...work, ...more });
  // The same with the draft booking would have made with it.
  const draftOf = async (expertId: string, work: Work = WORK, more: More = {}) => {
    const seed = { expertId, organisationId: unitId, createdBy: coordinator.id, ...work, ...more };
    const { assignmentId, contractId } = await insertDraftedAssignment(m.db, m.get(ContractDrafts), seed);
    return { assignmentId, id: contractId };
  };
  // An expert with a date of birth and an accepted assignment with its draft.
  const drafted = async (status: 'accepted' | 'completed' = 'accepted') => {
    const expert = await createExpert(m.db);
    await giveDateOfBirth(m.db, expert.id);
    return { expert, ...(await draftOf(expert.id, WORK, { status })) };
  };
  // What the PDF worker stores after approval (there are no workers in this tier).
  const renderPdf = async (id: string) => {
    await m.db.query(`UPDATE contracts SET pdf = $2, pdf_sha256 = $3 WHERE id = $1`, [
      id,
      Buffer.from('%PDF-1.7'),
      randomBytes(32).toString('hex'),
    ]);
  };
  const approved = async () => {
    const c = await drafted();
    await signing.approve(contextOf(coordinator), c.id);
    await renderPdf(c.id);
    return c;
  };
  const signed = async () => {
    const c = await approved();
    await signing.sign(contextOf(c.expert), c.id, { password: c.expert.password });
    return c;
  };
  const rowOf = async (id: string) =>
    ((await m.db.query(`SELECT * FROM contracts WHERE id = $1`, [id])) as object[])[0];
  const auditOf = async (id: string) =>
    (
      (await m.db.query(`SELECT action FROM audit_events WHERE entity_id = $1`, [id])) as {
        action: string;
      }[]
    )
      .map((a) => a.action)
      .sort();
  const statusOfAssignment = async (id: string) =>
    ((await m.db.query(`SELECT status FROM assignments WHERE id = $1`, [id])) as { status: string }[])[0].status;

  // Each call refused with its code, leaving the contract's row and its audit trail exactly as they were.
  async function refusedWithoutWrites(id: string, calls: [Promise<unknown> | (() => Promise<unknown>), string][]) {
    const row = await rowOf(id);
    const audit = await auditOf(id);
    for (const [call, code] of calls) {
      const problem = await problemOf(typeof call === 'function' ? call() : call);
      expect({ code: problem.code, status: problem.status }).toEqual({ code, status: 409 });
    }
    expect(await rowOf(id)).toEqual(row);
    expect(await auditOf(id)).toEqual(audit);
  }

  it('refuses to sign or revise a draft: it is not approved, not signed', async () => {
    const c = await drafted();
    expect(await auditOf(c.id)).toEqual(['contract.drafted']);
    await refusedWithoutWrites(c.id, [
      [
        () => signing.sign(contextOf(c.expert), c.id, { password: c.expert.password }),
        ContractErrorCode.ContractNotApproved,
      ],
      [() => contracts.revise(contextOf(coordinator), c.id, {}), ContractErrorCode.ContractNotSigned],
    ]);
    expect(await rowOf(c.id)).toMatchObject({ status: ContractStatus.Draft, approved_by: null, snapshot: null });
  });

  it('approves a draft once: approver, time and snapshot recorded and audited; a second approval is refused', async () => {
    const c = await drafted();
    const res = await signing.approve(contextOf(coordinator), c.id);
    expect(res.status).toBe(ContractStatus.Approved);
    const row = await rowOf(c.id);
    expect(row).toMatchObject({
      status: ContractStatus.Approved,
      approved_by: coordinator.id,
      approved_at: new Date(NOW),
      snapshot: expect.any(Object),
    });
    expect(await auditOf(c.id)).toEqual(['contract.approved', 'contract.drafted']);
    await refusedWithoutWrites(c.id, [
      [() => signing.approve(contextOf(coordinator), c.id), ContractErrorCode.ContractAlreadyApproved],
      [() => contracts.revise(contextOf(coordinator), c.id, {}), ContractErrorCode.ContractNotSigned],
    ]);
    // The assignment is confirmed only by the signature.
    expect(await statusOfAssignment(c.assignmentId)).toBe('accepted');
  });

  it('refuses to approve a draft whose work is no longer open, and writes nothing', async () => {
    const c = await drafted('completed');
    const row = await rowOf(c.id);
    const problem = await problemOf(signing.approve(contextOf(coordinator), c.id));
    expect(problem.code).toBe(ContractErrorCode.ContractAssignmentNotOpen);
    expect(await rowOf(c.id)).toEqual(row);
    expect(await auditOf(c.id)).toEqual(['contract.drafted']);
  });

  it('does not let an approved contract be signed before its PDF exists, nor with a wrong password', async () => {
    const c = await drafted();
    await signing.approve(contextOf(coordinator), c.id);
    await refusedWithoutWrites(c.id, [
      [
        () => signing.sign(contextOf(c.expert), c.id, { password: c.expert.password }),
        ContractErrorCode.ContractPdfNotReady,
      ],
    ]);
    await renderPdf(c.id);
    const row = await rowOf(c.id);
    const problem = await problemOf(signing.sign(contextOf(c.expert), c.id, { password: 'not-the-password-1!' }));
    expect({ code: problem.code, status: problem.status }).toEqual({
      code: ContractErrorCode.SigningPasswordIncorrect,
      status: 403,
    });
    expect(await rowOf(c.id)).toEqual(row);
    // The refused attempt is audited, and nothing else is written.
    expect(await auditOf(c.id)).toEqual(['contract.approved', 'contract.drafted', 'contract.sign_refused']);
    expect(await statusOfAssignment(c.assignmentId)).toBe('accepted');
  });

  it('signs an approved contract: the work is confirmed; then approving or signing again is refused', async () => {
    const c = await approved();
    const res = await signing.sign(contextOf(c.expert), c.id, { password: c.expert.password });
    expect(res.status).toBe(ContractStatus.Signed);
    const row = await rowOf(c.id);
    expect(row).toMatchObject({ status: ContractStatus.Signed, signed_at: new Date(NOW) });
    expect((row as { signed_pdf_sha256: string }).signed_pdf_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await statusOfAssignment(c.assignmentId)).toBe('confirmed');
    expect(await auditOf(c.id)).toEqual(['contract.approved', 'contract.drafted', 'contract.signed']);
    await refusedWithoutWrites(c.id, [
      [() => signing.approve(contextOf(coordinator), c.id), ContractErrorCode.ContractAlreadySigned],
      [
        () => signing.sign(contextOf(c.expert), c.id, { password: c.expert.password }),
        ContractErrorCode.ContractAlreadySigned,
      ],
    ]);
  });

  it('refuses every action on a terminated contract with CONTRACT_TERMINATED', async () => {
    const c = await drafted();
    await contracts.terminate(contextOf(coordinator), c.id, { reason: 'Tilaus peruttiin' });
    expect(await rowOf(c.id)).toMatchObject({
      status: ContractStatus.Terminated,
      terminated_by: coordinator.id,
      termination_cause: TerminationCause.Coordinator,
      termination_reason: 'Tilaus peruttiin',
    });
    expect(await auditOf(c.id)).toEqual(['contract.drafted', 'contract.terminated']);
    await refusedWithoutWrites(c.id, [
      [() => signing.approve(contextOf(coordinator), c.id), ContractErrorCode.ContractTerminated],
      [
        () => signing.sign(contextOf(c.expert), c.id, { password: c.expert.password }),
        ContractErrorCode.ContractTerminated,
      ],
      [() => contracts.revise(contextOf(coordinator), c.id, {}), ContractErrorCode.ContractTerminated],
      [
        () => contracts.terminate(contextOf(coordinator), c.id, { reason: 'Uudestaan' }),
        ContractErrorCode.ContractTerminated,
      ],
    ]);
  });

  it('terminating a signed contract puts its work back to accepted', async () => {
    const c = await signed();
    await contracts.terminate(contextOf(coordinator), c.id, { reason: 'Asiantuntija sairastui' });
    expect(await rowOf(c.id)).toMatchObject({ status: ContractStatus.Terminated });
    expect(await statusOfAssignment(c.assignmentId)).toBe('accepted');
  });

  it('revises a signed contract into a draft that supersedes it only when signed; a second revision is refused', async () => {
    const c = await signed();
    const v1 = await contracts.get(contextOf(coordinator), c.id);
    const revision = await contracts.revise(contextOf(coordinator), c.id, {});
    expect(revision).toMatchObject({ status: ContractStatus.Draft, version: 2, number: v1.number, supersedesId: c.id });
    expect(await rowOf(c.id)).toMatchObject({ status: ContractStatus.Signed, superseded_by_id: null });
    expect(await auditOf(revision.id)).toEqual(['contract.revised']);
    await refusedWithoutWrites(c.id, [
      [() => contracts.revise(contextOf(coordinator), c.id, {}), ContractErrorCode.ContractRevisionPending],
    ]);
    await signing.approve(contextOf(coordinator), revision.id);
    await renderPdf(revision.id);
    await signing.sign(contextOf(c.expert), revision.id, { password: c.expert.password });
    // The old version keeps the PDF it was signed with; the work stays confirmed by the new one.
    expect(await rowOf(c.id)).toMatchObject({
      status: ContractStatus.Superseded,
      superseded_by_id: revision.id,
      pdf_sha256: v1.pdfSha256,
    });
    expect(await statusOfAssignment(c.assignmentId)).toBe('confirmed');
    await refusedWithoutWrites(c.id, [
      [() => contracts.revise(contextOf(coordinator), c.id, {}), ContractErrorCode.ContractSuperseded],
      [
        () => signing.sign(contextOf(c.expert), c.id, { password: c.expert.password }),
        ContractErrorCode.ContractSuperseded,
      ],
      [
        () => contracts.terminate(contextOf(coordinator), c.id, { reason: 'Vanha' }),
        ContractErrorCode.ContractSuperseded,
      ],
    ]);
  });

  it('reads a signed contract past its last day as expired: it can no longer be revised or terminated', async () => {
    const c = await signed();
    try {
      m.clock.set('2026-10-21T07:00:00Z');
      await refusedWithoutWrites(c.id, [
        [() => contracts.revise(contextOf(coordinator), c.id, {}), ContractErrorCode.ContractExpired],
        [
          () => contracts.terminate(contextOf(coordinator), c.id, { reason: 'Myöhässä' }),
          ContractErrorCode.ContractExpired,
        ],
        [() => signing.approve(contextOf(coordinator), c.id), ContractErrorCode.ContractAlreadySigned],
      ]);
      expect(await rowOf(c.id)).toMatchObject({ status: ContractStatus.Signed });
    } finally {
      m.clock.set(NOW);
    }
  });

  it('refuses to approve a contract without the expert’s date of birth, and leaves it a draft', async () => {
    const expert = await createExpert(m.db);
    const c = await draftOf(expert.id);
    const problem = await problemOf(signing.approve(contextOf(coordinator), c.id));
    expect({ code: problem.code, status: problem.status }).toEqual({
      code: ContractErrorCode.ExpertDateOfBirthMissing,
      status: 409,
    });
    expect(await rowOf(c.id)).toMatchObject({ status: ContractStatus.Draft, approved_by: null });
    expect(await auditOf(c.id)).toEqual(['contract.drafted']);
  });

  it('lets one of two simultaneous signatures through, audited once', async () => {
    const c = await approved();
    const results = await Promise.allSettled(
      [1, 2].map(() => signing.sign(contextOf(c.expert), c.id, { password: c.expert.password })),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    expect((await problemOf(Promise.reject(refused.reason))).code).toBe(ContractErrorCode.ContractAlreadySigned);
    expect(await auditOf(c.id)).toEqual(['contract.approved', 'contract.drafted', 'contract.signed']);
  });

  it('expires a signed contract by the sweep once its last day is over in Helsinki, audited; then no revision', async () => {
    const c = await signed();
    try {
      // The last day is 20 Oct in Helsinki (summer time), which ends at 21:00 UTC.
      m.clock.set('2026-10-20T20:59:00Z');
      await m.get(ContractSweepJob).sweep();
      expect(await rowOf(c.id)).toMatchObject({ status: ContractStatus.Signed });
      m.clock.set('2026-10-20T21:00:00Z');
      await m.get(ContractSweepJob).sweep();
      expect(await rowOf(c.id)).toMatchObject({ status: ContractStatus.Expired });
      expect(await auditOf(c.id)).toEqual([
        'contract.approved',
        'contract.drafted',
        'contract.expired',
        'contract.signed',
      ]);
      await refusedWithoutWrites(c.id, [
        [() => contracts.revise(contextOf(coordinator), c.id, {}), ContractErrorCode.ContractExpired],
      ]);
    } finally {
      m.clock.set(NOW);
    }
  });

  describe('one contract for a series', () => {
    const TERM = { validFrom: '2026-11-01', validUntil: '2026-11-30' };
    // Three drafted assignments of one expert in November, 08–10 UTC, the last an evaluation unless told.
    const series = async (taskTypes = [TaskType.WorkingGroup, TaskType.WorkingGroup, TaskType.Evaluation]) => {
      const expert = await createExpert(m.db);
      await giveDateOfBirth(m.db, expert.id);
      const seeded = [];
      for (const [i, day] of ['2026-11-10', '2026-11-17', '2026-11-24'].entries())
        seeded.push(
          await draftOf(
            expert.id,
            { startsAt: `${day}T08:00:00Z`, endsAt: `${day}T10:00:00Z` },
            { taskType: taskTypes[i] },
          ),
        );
      return { expert, seeded, assignmentIds: seeded.map((s) => s.assignmentId) };
    };
    const create = (expertId: string, assignmentIds: string[], term = TERM) =>
      contracts.create(contextOf(coordinator), { expertId, assignmentIds, ...term });
    const rowsOf = async (ids: string[]) => Promise.all(ids.map(async (id) => (await rowOf(id)) as object));

    it('refuses a term that does not cover every assignment, naming only those outside it', async () => {
      const { expert, seeded, assignmentIds } = await series();
      const problem = await problemOf(
        create(expert.id, assignmentIds, { validFrom: '2026-11-11', validUntil: '2026-11-23' }),
      );
      expect({ code: problem.code, status: problem.status }).toEqual({
        code: ContractErrorCode.ContractTermNotCovering,
        status: 400,
      });
      expect(problem.detail).toContain(assignmentIds[0]);
      expect(problem.detail).toContain(assignmentIds[2]);
      expect(problem.detail).not.toContain(assignmentIds[1]);
      for (const row of await rowsOf(seeded.map((s) => s.id))) expect(row).toMatchObject({ status: 'draft' });
    });

    it('refuses another expert’s assignment, an unknown one, an unknown expert and tasks paid at different rates', async () => {
      const { expert, assignmentIds } = await series();
      const stranger = await series();
      const foreign = await problemOf(create(expert.id, [assignmentIds[0], stranger.assignmentIds[1]]));
      expect(foreign).toMatchObject({
        status: 400,
        code: ContractErrorCode.ContractAssignmentOfAnotherExpert,
        errors: [{ field: 'assignmentIds' }],
      });
      expect(foreign.detail).toContain(stranger.assignmentIds[1]);
      expect((await problemOf(create(expert.id, [randomUUID()]))).code).toBe(
        ContractErrorCode.ContractAssignmentUnknown,
      );
      expect((await problemOf(create(randomUUID(), assignmentIds))).code).toBe(
        ContractErrorCode.ContractExpertNotFound,
      );
      const mixed = await series([TaskType.WorkingGroup, TaskType.Lecture, TaskType.WorkingGroup]);
      const fees = await problemOf(create(mixed.expert.id, mixed.assignmentIds));
      expect({ code: fees.code, status: fees.status }).toEqual({
        code: ContractErrorCode.ContractMixedFeeTerms,
        status: 400,
      });
      // Nothing was replaced by the refused requests.
      for (const row of await rowsOf([...mixed.seeded, ...stranger.seeded].map((s) => s.id)))
        expect(row).toMatchObject({ status: 'draft', superseded_by_id: null });
    });

    it('refuses to split a draft series, and to replace an approved contract', async () => {
      const { expert, assignmentIds } = await series();
      const whole = await create(expert.id, assignmentIds);
      const part = await problemOf(create(expert.id, assignmentIds.slice(0, 2)));
      expect({ code: part.code, status: part.status }).toEqual({
        code: ContractErrorCode.ContractPartialReplacement,
        status: 409,
      });
      await signing.approve(contextOf(coordinator), whole.id);
      const taken = await problemOf(create(expert.id, assignmentIds));
      expect({ code: taken.code, status: taken.status }).toEqual({
        code: ContractErrorCode.AssignmentAlreadyUnderContract,
        status: 409,
      });
      expect(await rowOf(whole.id)).toMatchObject({ status: ContractStatus.Approved });
    });

    it('refuses an assignment whose work is no longer open', async () => {
      const expert = await createExpert(m.db);
      const work = { startsAt: '2026-11-12T08:00:00Z', endsAt: '2026-11-12T09:00:00Z' };
      const done = await assignmentOf(expert.id, work, { status: 'completed' });
      const problem = await problemOf(create(expert.id, [done]));
      expect({ code: problem.code, status: problem.status }).toEqual({
        code: ContractErrorCode.ContractAssignmentNotOpen,
        status: 409,
      });
    });
  });

  describe('the database keeps what was signed', () => {
    const refusedSql = (sql: string, id: string) => expect(m.db.query(sql, [id])).rejects;

    it('refuses any change to a signed contract’s PDF or content, but lets it end', async () => {
      const c = await signed();
      await refusedSql(`UPDATE contracts SET pdf = '\\x00' WHERE id = $1`, c.id).toThrow(/cannot be replaced/);
      await refusedSql(`UPDATE contracts SET pdf = NULL, pdf_sha256 = NULL WHERE id = $1`, c.id).toThrow(
        /cannot be replaced/,
      );
      for (const sql of [
        `UPDATE contracts SET valid_until = '2027-12-31' WHERE id = $1`,
        `UPDATE contracts SET signed_at = now() WHERE id = $1`,
        `UPDATE contracts SET status = 'approved' WHERE id = $1`,
      ])
        await refusedSql(sql, c.id).toThrow(/signed and cannot be changed/);
      await refusedSql(`DELETE FROM contracts WHERE id = $1`, c.id).toThrow(/cannot be deleted/);
      await m.db.query(`UPDATE contracts SET status = 'expired' WHERE id = $1`, [c.id]);
      expect(await rowOf(c.id)).toMatchObject({ status: ContractStatus.Expired });
    });

    it('refuses a second live contract over one assignment, and another expert’s assignment under a contract', async () => {
      const c = await drafted();
      const other = await draftOf(c.expert.id, { startsAt: '2026-11-05T08:00:00Z', endsAt: '2026-11-05T09:00:00Z' });
      const link = (contractId: string, assignmentId: string) =>
        m.db.query(`INSERT INTO contract_assignments (contract_id, assignment_id) VALUES ($1, $2)`, [
          contractId,
          assignmentId,
        ]);
      await expect(link(other.id, c.assignmentId)).rejects.toThrow(/contract_assignments_one_live/);
      const stranger = await createExpert(m.db);
      const foreign = await assignmentOf(stranger.id, {
        startsAt: '2026-11-06T08:00:00Z',
        endsAt: '2026-11-06T09:00:00Z',
      });
      await expect(link(c.id, foreign)).rejects.toThrow(/another expert/);
    });
  });
});
