import { randomBytes } from 'node:crypto';
import { Role } from '../../src/common/auth/role.enum';
import { ContractErrorCode } from '../../src/modules/contracts/contracts.errors';
import { ContractStatus, TerminationCause } from '../../src/modules/contracts/entities/contract.entity';
import { ContractDrafts } from '../../src/modules/contracts/lifecycle/contract-drafts.service';
import { ContractSigningService } from '../../src/modules/contracts/lifecycle/contract-signing.service';
import { ContractsService } from '../../src/modules/contracts/lifecycle/contracts.service';
import { giveDateOfBirth, insertAssignment } from '../factories/contracts.factory';
import { createExpert } from '../factories/experts.factory';
import { createUnit } from '../factories/organisations.factory';
import { createUser, TestUser } from '../factories/users.factory';
import { contextOf, createMediumApp, MediumApp, problemOf } from './medium-app';

// The app's clock stands still on 1 Oct 2026 10:00 local time; the work is on 20 Oct.
const NOW = '2026-10-01T07:00:00Z';
const WORK = { startsAt: '2026-10-20T07:00:00Z', endsAt: '2026-10-20T09:00:00Z' };

// A contract's way from draft to approved, signed and ended, and the transitions its state refuses, through the
// lifecycle services on the real database (the same over HTTP, with the PDF worker: contracts.e2e-spec).
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

  // An expert with a date of birth and an accepted assignment with the draft booking would have made with it.
  const drafted = async (status: 'accepted' | 'completed' = 'accepted') => {
    const expert = await createExpert(m.db);
    await giveDateOfBirth(m.db, expert.id);
    const seed = { expertId: expert.id, organisationId: unitId, createdBy: coordinator.id, ...WORK, status };
    const assignmentId = await insertAssignment(m.db, seed);
    const contract = await m.db.transaction((manager) =>
      m
        .get(ContractDrafts)
        .draftForNewAssignment(
          manager,
          { id: assignmentId, expertId: expert.id, startsAt: new Date(WORK.startsAt), endsAt: new Date(WORK.endsAt) },
          unitId,
          coordinator.id,
        ),
    );
    return { expert, assignmentId, id: contract.id };
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
    const revision = await contracts.revise(contextOf(coordinator), c.id, {});
    expect(revision).toMatchObject({ status: ContractStatus.Draft, version: 2 });
    expect(await rowOf(c.id)).toMatchObject({ status: ContractStatus.Signed, superseded_by_id: null });
    expect(await auditOf(revision.id)).toEqual(['contract.revised']);
    await refusedWithoutWrites(c.id, [
      [() => contracts.revise(contextOf(coordinator), c.id, {}), ContractErrorCode.ContractRevisionPending],
    ]);
    await signing.approve(contextOf(coordinator), revision.id);
    await renderPdf(revision.id);
    await signing.sign(contextOf(c.expert), revision.id, { password: c.expert.password });
    expect(await rowOf(c.id)).toMatchObject({ status: ContractStatus.Superseded, superseded_by_id: revision.id });
    await refusedWithoutWrites(c.id, [
      [() => contracts.revise(contextOf(coordinator), c.id, {}), ContractErrorCode.ContractSuperseded],
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
});
