import { createHash, randomUUID } from 'node:crypto';
import pdfParse from 'pdf-parse';
import { Role } from '../../../src/common/auth/role.enum';
import { TaskType } from '../../../src/common/domain/task-type';
import { Language } from '../../../src/common/i18n/language';
import { AuditEventEntity } from '../../../src/modules/audit/entities/audit-event.entity';
import { AssignmentEntity } from '../../../src/modules/booking/entities/assignment.entity';
import { ContractPdfJob } from '../../../src/modules/contracts/document/contract-pdf.job';
import { ContractSignedCopyJob } from '../../../src/modules/contracts/document/contract-signed-copy.job';
import { ContractSweepJob } from '../../../src/modules/contracts/lifecycle/contract-sweep.job';
import { ContractEntity } from '../../../src/modules/contracts/entities/contract.entity';
import { ContractDocument } from '../../../src/modules/contracts/document/contract-document';
import { ContractRenderService } from '../../../src/modules/contracts/document/contract-render.service';
import { renderContractPdf } from '../../../src/modules/contracts/document/contract-pdf.renderer';
import { MailService } from '../../../src/modules/mail/mail.service';
import { createBookableExpert } from '../../factories/bookable.factory';
import {
  draftedAssignment,
  expertWithDraft,
  giveDateOfBirth,
  identityCodeBornOn,
  pdfOf,
  waitForPdf,
  waitForSignedCopy,
} from '../../factories/contracts.factory';
import { createExpert } from '../../factories/experts.factory';
import { addMember, createUnit } from '../../factories/organisations.factory';
import { createUser, login, TestUser } from '../../factories/users.factory';
import { createTestApp, TestApp } from '../../utils/test-app';
import { asUser } from '../../utils/as-user';

// The app's clock stands still on 1 Oct 2026 10:00 local time; the work lies in the weeks after.
const NOW = '2026-10-01T07:00:00Z';
const TITLE = 'Kehittäjäasiakasraati – ä ö å Å Ä Ö €';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

// Whitespace collapsed: a wrapped line or a no-break space reads as one space.
async function textOf(pdf: Buffer): Promise<string> {
  return (await pdfParse(pdf)).text.replace(/\s+/g, ' ');
}

// Where the rules are tested: the lifecycle's transitions and refusals (approve, sign, revise, terminate, expire,
// one contract for a series, the database's guards of what was signed) through the services on the real database in
// test/medium/contract-lifecycle.ts. Here, over HTTP with the PDF worker: the journey from acceptance to
// signature, rendering and serving the PDFs, the routes' answers (one example of each problem family), who sees
// what, validation of the bodies, and what the cancellation of the work does to a contract.
describe('contracts', () => {
  let t: TestApp;
  let coordinator: TestUser & { token: string };
  let orderer: TestUser & { token: string };
  let unitId: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(NOW);
    const c = await createUser(t.db, Role.Coordinator, { name: 'Kaisa Koordinaattori' });
    coordinator = { ...c, token: await login(t.http, c) };
    const o = await createUser(t.db, Role.Orderer);
    orderer = { ...o, token: await login(t.http, o) };
    unitId = (await createUnit(t.db, { nameFi: 'Psykiatrian poliklinikka', nameSv: 'Psykiatriska polikliniken' })).id;
    await addMember(t.db, unitId, o.id);
  });
  afterAll(() => t.close());

  const as = asUser(() => t.http);

  // Through the booking flow: the orderer orders, the coordinator offers, the expert accepts.
  async function accepted(expert: TestUser, topic: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const order = await as(orderer.token)
      .post('/booking-requests', {
        organisationId: unitId,
        taskType: 'working_group',
        title: TITLE,
        startsAt: '2026-10-20T07:00:00Z',
        endsAt: '2026-10-20T09:00:00Z',
        remote: false,
        municipality: '905',
        address: 'Hietalahdenkatu 2',
        languages: ['fi'],
        topics: [topic],
        expertsNeeded: 1,
        preparationHours: 1,
        ...overrides,
      })
      .expect(201);
    await as(orderer.token).post(`/booking-requests/${order.body.id}/submit`).expect(200);
    const offers = await as(coordinator.token)
      .post(`/booking-requests/${order.body.id}/offers`, { expertIds: [expert.id], deadline: '2026-10-10T12:00:00Z' })
      .expect(201);
    const res = await as(await login(t.http, expert))
      .post(`/offers/${offers.body[0].id}/accept`)
      .expect(201);
    return res.body.id as string;
  }

  // What the orderer is told of the assignment's contract (as the orderer signed in for the spec, or `token`).
  // The expert's signature on the contract, with their password (and the hash of the PDF they read).
  const signAs = (token: string, contractId: string, body: { password: string; pdfSha256?: string }) =>
    as(token).post(`/contracts/${contractId}/sign`, body);
  const contractStatus = async (assignmentId: string, token = orderer.token) =>
    (await as(token).get(`/assignments/${assignmentId}/contract-status`).expect(200)).body;

  async function contractOf(assignmentId: string): Promise<{ id: string; number: string; status: string }> {
    const res = await as(coordinator.token).get(`/contracts?assignmentId=${assignmentId}`).expect(200);
    const live = res.body.items.filter((c: { status: string }) => !['superseded', 'terminated'].includes(c.status));
    expect(live).toHaveLength(1);
    return live[0];
  }

  async function approvedWithPdf(contractId: string): Promise<string> {
    await as(coordinator.token).post(`/contracts/${contractId}/approve`).expect(200);
    return waitForPdf(t.db, contractId);
  }

  // An expert with a draft contract over one assignment made straight in the tables, ready to approve.
  async function draftFor(
    language: Language = Language.Fi,
    overrides: { startsAt?: string; endsAt?: string; taskType?: TaskType } = {},
  ) {
    return expertWithDraft(
      t,
      { language, name: 'Sirpa Sarja' },
      {
        organisationId: unitId,
        createdBy: orderer.id,
        startsAt: overrides.startsAt ?? '2026-11-03T08:00:00Z',
        endsAt: overrides.endsAt ?? '2026-11-03T10:00:00Z',
        taskType: overrides.taskType,
      },
    );
  }

  async function signed(language: Language = Language.Fi) {
    const d = await draftFor(language);
    await approvedWithPdf(d.contractId);
    await signAs(d.expert.token, d.contractId, { password: d.expert.password }).expect(200);
    return d;
  }

  describe('from acceptance to signature', () => {
    it('drafts on acceptance, approves, renders, serves and signs, confirming the assignment', async () => {
      const expert = await createBookableExpert(t.db, { name: 'Äijä Öhman-Åström', topics: ['neurodivergence'] });
      const expertToken = await login(t.http, expert);
      const identityCode = identityCodeBornOn('1979-04-12');
      await as(expertToken).put('/experts/me/payment-details', { identityCode, payee: 'expert' }).expect(200);

      const assignmentId = await accepted(expert, 'neurodivergence');
      const draft = await contractOf(assignmentId);
      expect(draft).toMatchObject({ status: 'draft', number: expect.stringMatching(/^KOK-2026-\d{6}$/) });
      const mine = await as(expertToken).get('/contracts').expect(200);
      expect(mine.body.items.map((c: { id: string }) => c.id)).toEqual([draft.id]);
      expect(await contractStatus(assignmentId)).toEqual({
        exists: true,
        status: 'draft',
      });

      const early = await signAs(expertToken, draft.id, { password: expert.password }).expect(409);
      expect(early.body.code).toBe('CONTRACT_NOT_APPROVED');
      await as(coordinator.token).post(`/contracts/${draft.id}/approve`).expect(200);

      const hash = await waitForPdf(t.db, draft.id);
      const mail = await t.mail.waitFor(
        (m) => m.to === expert.email && m.subject === `Sopimus ${draft.number} odottaa allekirjoitustasi`,
      );
      expect(mail.text).toContain('voimassa 20.10.2026–20.10.2026');
      // The contract itself, where it is read and signed, not the list of contracts.
      expect(mail.text.split('\n').pop()).toBe(`Avaa palvelu: http://kokemus.test/contracts/${draft.id}`);

      const served = await pdfOf(t.http, expertToken, draft.id).expect(200);
      expect(served.headers['content-type']).toBe('application/pdf');
      expect(served.headers.etag).toBe(`"${hash}"`);
      expect(sha256(served.body as Buffer)).toBe(hash);
      await pdfOf(t.http, expertToken, draft.id).set('if-none-match', `"${hash}"`).expect(304);

      const text = await textOf(served.body as Buffer);
      for (const part of [
        'Määräaikainen toimeksiantosopimus',
        `Sopimusnumero ${draft.number}`,
        'Kokemusosaajalla on vaitiolovelvollisuus',
        'jatkuu sopimuksen päätyttyä',
        TITLE,
        'ti 20.10.2026',
        'voimassa 20.10.2026–20.10.2026',
        '25,00 € tunnilta',
        // 2 h of work and 1 h of preparation at 25 €/h.
        'Arvioitu kokemuspalkkio yhteensä: 75,00 €',
        'Äijä Öhman-Åström',
        'Psykiatrian poliklinikka',
        '12.4.1979',
        'Kaisa Koordinaattori',
      ])
        expect(text).toContain(part);
      expect(text).not.toContain(identityCode);
      expect((served.body as Buffer).toString('latin1')).not.toContain(identityCode);

      const wrong = await signAs(expertToken, draft.id, { password: 'not-my-password' }).expect(403);
      expect(wrong.body.code).toBe('SIGNING_PASSWORD_INCORRECT');
      // Named at its field, so that the form shows it there.
      expect(wrong.body.errors).toEqual([
        { field: 'password', code: 'incorrect', message: 'is not the password of your account' },
      ]);
      expect((await as(expertToken).get(`/contracts/${draft.id}`).expect(200)).body.status).toBe('approved');

      const res = await signAs(expertToken, draft.id, { password: expert.password, pdfSha256: hash })
        .set('user-agent', 'Kokemus-test/1.0')
        .expect(200);
      expect(res.body).toMatchObject({
        status: 'signed',
        pdfSha256: hash,
        signature: { pdfSha256: hash, userAgent: 'Kokemus-test/1.0' },
      });
      expect(res.body.signature.ip).toBeTruthy();
      expect(JSON.stringify(res.body)).not.toContain(identityCode);
      expect((await as(expertToken).get(`/assignments/${assignmentId}`).expect(200)).body.status).toBe('confirmed');
      expect(await contractStatus(assignmentId)).toEqual({
        exists: true,
        status: 'signed',
      });

      // Served as stored, before and after signing.
      expect(sha256((await pdfOf(t.http, coordinator.token, draft.id).expect(200)).body as Buffer)).toBe(hash);
    });

    it('gives the expert and the coordinator a signed copy: the approved PDF unchanged, then a page naming the signer, the time and the approved document’s hash', async () => {
      const d = await draftFor(Language.Sv);
      const approvedHash = await approvedWithPdf(d.contractId);
      const approved = (await pdfOf(t.http, d.expert.token, d.contractId).expect(200)).body as Buffer;
      const signedCopyOf = (token: string) =>
        t.http
          .get(`/contracts/${d.contractId}/signed-pdf`)
          .set('authorization', `Bearer ${token}`)
          .responseType('blob');
      expect(JSON.parse(((await signedCopyOf(d.expert.token).expect(409)).body as Buffer).toString('utf8')).code).toBe(
        'CONTRACT_NOT_SIGNED',
      );
      expect((await as(d.expert.token).get(`/contracts/${d.contractId}`).expect(200)).body).toMatchObject({
        signedCopyReady: false,
        signedCopySha256: null,
      });

      await signAs(d.expert.token, d.contractId, { password: d.expert.password })
        .set('user-agent', 'Kokemus-test/2.0')
        .expect(200);
      const copyHash = await waitForSignedCopy(t.db, d.contractId);
      const contract = (await as(d.expert.token).get(`/contracts/${d.contractId}`).expect(200)).body;
      expect(contract).toMatchObject({
        status: 'signed',
        pdfSha256: approvedHash,
        signedCopyReady: true,
        signedCopySha256: copyHash,
      });
      expect(
        (await as(coordinator.token).get(`/contracts?expertId=${d.expert.id}`).expect(200)).body.items[0],
      ).toMatchObject({ signedCopyReady: true, signedCopySha256: copyHash });

      for (const token of [d.expert.token, coordinator.token]) {
        const res = await signedCopyOf(token).expect(200);
        expect(res.headers['content-type']).toBe('application/pdf');
        expect(res.headers.etag).toBe(`"${copyHash}"`);
        expect(res.headers['content-disposition']).toContain('-sv-signed.pdf');
        expect(sha256(res.body as Buffer)).toBe(copyHash);
        await signedCopyOf(token).set('if-none-match', `"${copyHash}"`).expect(304);
      }
      const copy = (await signedCopyOf(d.expert.token).expect(200)).body as Buffer;
      // The approved bytes, unchanged, open the signed copy; the approved PDF itself is served as before.
      expect(copy.subarray(0, approved.length).equals(approved)).toBe(true);
      expect(sha256(copy.subarray(0, approved.length))).toBe(approvedHash);
      expect(sha256((await pdfOf(t.http, d.expert.token, d.contractId).expect(200)).body as Buffer)).toBe(approvedHash);
      const [row] = await t.db.query(
        `SELECT pdf_sha256, signed_pdf_sha256, sha256(pdf) AS digest FROM contracts WHERE id = $1`,
        [d.contractId],
      );
      expect(row).toEqual({
        pdf_sha256: approvedHash,
        signed_pdf_sha256: approvedHash,
        digest: Buffer.from(approvedHash, 'hex'),
      });

      const pageTexts: string[] = [];
      const pagerender = async (p: { getTextContent(): Promise<{ items: { str: string }[] }> }) => {
        pageTexts.push(
          (await p.getTextContent()).items
            .map((i) => i.str)
            .join(' ')
            .replace(/\s+/g, ' '),
        );
        return '';
      };
      await pdfParse(copy, { pagerender } as never);
      const pages = (await pdfParse(approved)).numpages;
      expect(pageTexts).toHaveLength(pages + 1);
      const page = pageTexts[pages];
      expect(page).toContain('Underskriftsbekräftelse');
      expect(page).toContain('Sirpa Sarja');
      // Signed at 07:00 UTC on 1 Oct 2026: 10.00 in Helsinki (summer time).
      expect(page).toContain('1.10.2026 kl. 10.00 (finsk tid)');
      expect(page).toContain('Kokemus-test/2.0');
      expect(page).toContain(approvedHash);
      expect(page).toContain(`De första ${approved.length} byten`);
      expect(page).toContain(`Sida ${pages + 1} / ${pages + 1}`);

      // Written once: the job run again stores nothing new, and the database refuses any change.
      await t.app.get(ContractSignedCopyJob).render({ contractId: d.contractId });
      expect(
        await t.db.query(
          `SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = 'contract.signed_copy_stored'`,
          [d.contractId],
        ),
      ).toEqual([{ n: 1 }]);
      await expect(
        t.db.query(`UPDATE contract_signed_copies SET sha256 = repeat('0', 64) WHERE contract_id = $1`, [d.contractId]),
      ).rejects.toThrow(/cannot be changed/);
      await expect(
        t.db.query(`DELETE FROM contract_signed_copies WHERE contract_id = $1`, [d.contractId]),
      ).rejects.toThrow(/cannot be changed/);
      const unsigned = await draftFor();
      await approvedWithPdf(unsigned.contractId);
      await expect(
        t.db.query(
          `INSERT INTO contract_signed_copies (contract_id, approved_sha256, approved_bytes, pdf, sha256) VALUES ($1, $2, 1, '\\x0102', $2)`,
          [unsigned.contractId, approvedHash],
        ),
      ).rejects.toThrow(/not signed/);
    });

    it('writes the contract of a Swedish-speaking expert in Swedish, and tells them in Swedish', async () => {
      const expert = await createBookableExpert(t.db, {
        name: 'Åsa Östman',
        language: Language.Sv,
        languages: ['sv', 'fi'],
        topics: ['bereavement'],
      });
      await giveDateOfBirth(t.db, expert.id, '1985-06-30');
      const assignmentId = await accepted(expert, 'bereavement', {
        startsAt: '2026-10-21T07:00:00Z',
        endsAt: '2026-10-21T09:00:00Z',
      });
      const contract = await contractOf(assignmentId);
      const hash = await approvedWithPdf(contract.id);
      await t.mail.waitFor(
        (m) => m.to === expert.email && m.subject === `Avtal ${contract.number} väntar på din underskrift`,
      );

      const served = await pdfOf(t.http, coordinator.token, contract.id).expect(200);
      expect(sha256(served.body as Buffer)).toBe(hash);
      const text = await textOf(served.body as Buffer);
      for (const part of [
        'Visstidsavtal om uppdrag',
        'Erfarenhetsexperten har tystnadsplikt',
        'fortsätter att gälla efter att avtalet har upphört',
        TITLE,
        'ons 21.10.2026',
        'gäller 21.10.2026–21.10.2026',
        'Erfarenhetsarvodet är 25,00 € per timme',
        'Beräknat erfarenhetsarvode sammanlagt: 75,00 €',
        'Psykiatriska polikliniken',
        'Åsa Östman',
        '30.6.1985',
      ])
        expect(text).toContain(part);
      expect(text).not.toContain('vaitiolovelvollisuus');
    });

    it('stores the bytes its snapshot renders to, and gives an English information copy without storing it', async () => {
      const d = await draftFor(Language.Fi);
      const hash = await approvedWithPdf(d.contractId);
      const row = await t.db
        .getRepository(ContractEntity)
        .createQueryBuilder('c')
        .addSelect('c.pdf')
        .where('c.id = :id', { id: d.contractId })
        .getOneOrFail();
      // Rendering the stored snapshot again gives the very same bytes: the PDF can be explained from it.
      const again = renderContractPdf(row.snapshot as ContractDocument);
      expect(again.equals(row.pdf!)).toBe(true);
      expect(renderContractPdf(row.snapshot as ContractDocument).equals(again)).toBe(true);
      expect(sha256(row.pdf!)).toBe(hash);

      const copy = await pdfOf(t.http, d.expert.token, d.contractId, '?language=en').expect(200);
      const text = await textOf(copy.body as Buffer);
      expect(text).toContain('INFORMATION COPY – NOT LEGALLY BINDING');
      expect(text).toContain('Kehittäjäasiakasraati');
      expect(copy.headers.etag).toBe(`"${sha256(copy.body as Buffer)}"`);
      expect(copy.headers.etag).not.toBe(`"${hash}"`);
      const after = await t.db.getRepository(ContractEntity).findOneByOrFail({ id: d.contractId });
      expect(after.pdfSha256).toBe(hash);
      const bad = await pdfOf(t.http, d.expert.token, d.contractId, '?language=de').expect(400);
      expect(JSON.parse((bad.body as Buffer).toString()).errors[0].field).toBe('language');
    });

    it('drafts a contract when the coordinator books an expert directly', async () => {
      const expert = await createBookableExpert(t.db, { topics: ['migration'], worksRemotely: true });
      const order = await as(orderer.token)
        .post('/booking-requests', {
          organisationId: unitId,
          taskType: 'lecture',
          title: 'Luento',
          startsAt: '2026-10-22T07:00:00Z',
          endsAt: '2026-10-22T08:00:00Z',
          remote: true,
          languages: ['fi'],
          topics: ['migration'],
          expertsNeeded: 1,
          preparationHours: 0,
        })
        .expect(201);
      await as(orderer.token).post(`/booking-requests/${order.body.id}/submit`).expect(200);
      const assignment = await as(coordinator.token)
        .post(`/booking-requests/${order.body.id}/assignments`, { expertId: expert.id })
        .expect(201);
      const contract = await contractOf(assignment.body.id);
      expect(contract).toMatchObject({
        status: 'draft',
        validFrom: '2026-10-22',
        validUntil: '2026-10-22',
        language: 'fi',
      });
    });
  });

  describe('rendering survives a crash', () => {
    it('leaves the contract approved without a PDF when rendering fails, and stores one PDF on the retry', async () => {
      const d = await draftFor();
      const renderer = t.app.get(ContractRenderService);
      const render = jest.spyOn(renderer, 'render').mockRejectedValueOnce(new Error('worker killed mid-render'));
      try {
        await as(coordinator.token).post(`/contracts/${d.contractId}/approve`).expect(200);
        for (let i = 0; i < 100 && render.mock.calls.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
        const between = await t.db.getRepository(ContractEntity).findOneByOrFail({ id: d.contractId });
        expect(between).toMatchObject({ status: 'approved', pdfSha256: null });
        const hash = await waitForPdf(t.db, d.contractId);
        expect(render.mock.calls.length).toBeGreaterThanOrEqual(2);
        // A late duplicate of the job changes nothing.
        await t.app.get(ContractPdfJob).render({ contractId: d.contractId });
        expect((await t.db.getRepository(ContractEntity).findOneByOrFail({ id: d.contractId })).pdfSha256).toBe(hash);
        expect(
          await t.db.getRepository(AuditEventEntity).countBy({ action: 'contract.pdf_stored', entityId: d.contractId }),
        ).toBe(1);
        expect(sha256((await pdfOf(t.http, d.expert.token, d.contractId).expect(200)).body as Buffer)).toBe(hash);
      } finally {
        render.mockRestore();
      }
    });

    it('writes nothing when the transaction storing the PDF fails, and the handler run again stores it', async () => {
      const d = await draftFor();
      const job = t.app.get(ContractPdfJob);
      // Approved without the worker seeing it: the handler is run by hand, as the retried job would.
      const enqueue = jest.spyOn(job, 'enqueue').mockResolvedValue();
      const compose = jest.spyOn(t.app.get(MailService), 'compose').mockRejectedValueOnce(new Error('connection lost'));
      try {
        await as(coordinator.token).post(`/contracts/${d.contractId}/approve`).expect(200);
        await expect(job.render({ contractId: d.contractId })).rejects.toThrow('connection lost');
        expect(await t.db.getRepository(ContractEntity).findOneByOrFail({ id: d.contractId })).toMatchObject({
          status: 'approved',
          pdfSha256: null,
        });
        expect(
          await t.db.getRepository(AuditEventEntity).countBy({ action: 'contract.pdf_stored', entityId: d.contractId }),
        ).toBe(0);
        await job.render({ contractId: d.contractId });
        await job.render({ contractId: d.contractId });
        const stored = await t.db.getRepository(ContractEntity).findOneByOrFail({ id: d.contractId });
        expect(stored.pdfSha256).toMatch(/^[0-9a-f]{64}$/);
        expect(
          await t.db.getRepository(AuditEventEntity).countBy({ action: 'contract.pdf_stored', entityId: d.contractId }),
        ).toBe(1);
      } finally {
        enqueue.mockRestore();
        compose.mockRestore();
      }
    });
  });

  describe('one contract for a series', () => {
    async function series(taskTypes: TaskType[] = [TaskType.WorkingGroup, TaskType.WorkingGroup, TaskType.Evaluation]) {
      const user = await createExpert(t.db, { name: 'Sarja Asiantuntija' });
      await giveDateOfBirth(t.db, user.id);
      const days = ['2026-11-10', '2026-11-17', '2026-11-24'];
      const seeded = [];
      for (const [i, day] of days.entries()) {
        seeded.push(
          await draftedAssignment(t, {
            expertId: user.id,
            organisationId: unitId,
            createdBy: orderer.id,
            startsAt: `${day}T08:00:00Z`,
            endsAt: `${day}T10:00:00Z`,
            taskType: taskTypes[i],
            title: `Työryhmän tapaaminen ${i + 1}`,
          }),
        );
      }
      return {
        expert: { ...user, token: await login(t.http, user) },
        seeded,
        assignmentIds: seeded.map((s) => s.assignmentId),
      };
    }

    it('replaces the drafts of the series with one contract, signed once, confirming every assignment', async () => {
      const { expert, seeded, assignmentIds } = await series();
      const res = await as(coordinator.token)
        .post('/contracts', { expertId: expert.id, assignmentIds, validFrom: '2026-11-01', validUntil: '2026-11-30' })
        .expect(201);
      expect(res.body).toMatchObject({
        status: 'draft',
        version: 1,
        validFrom: '2026-11-01',
        validUntil: '2026-11-30',
        expertId: expert.id,
      });
      expect(res.body.assignments.map((a: { id: string }) => a.id)).toEqual(assignmentIds);
      for (const { contractId } of seeded) {
        expect((await as(coordinator.token).get(`/contracts/${contractId}`).expect(200)).body).toMatchObject({
          status: 'superseded',
          supersededById: res.body.id,
        });
      }
      await approvedWithPdf(res.body.id);
      const text = await textOf((await pdfOf(t.http, expert.token, res.body.id).expect(200)).body as Buffer);
      for (const n of [1, 2, 3]) expect(text).toContain(`Työryhmän tapaaminen ${n}`);
      expect(text).toContain('(3 kpl)');
      expect(text).toContain('voimassa 1.11.2026–30.11.2026');
      expect(text).toContain('Arvioitu kokemuspalkkio yhteensä: 225,00 €');
      await signAs(expert.token, res.body.id, { password: expert.password }).expect(200);
      const statuses = await t.db.getRepository(AssignmentEntity).findBy(assignmentIds.map((id) => ({ id })));
      expect(statuses.map((a) => a.status)).toEqual(['confirmed', 'confirmed', 'confirmed']);
    });

    it('answers a refused series as problem details naming the field, and validates the term', async () => {
      const { expert, assignmentIds } = await series();
      const stranger = await series();
      const term = { validFrom: '2026-11-01', validUntil: '2026-11-30' };
      const foreign = await as(coordinator.token)
        .post('/contracts', {
          expertId: expert.id,
          assignmentIds: [assignmentIds[0], stranger.assignmentIds[1]],
          ...term,
        })
        .expect(400);
      expect(foreign.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(foreign.body).toMatchObject({
        status: 400,
        code: 'CONTRACT_ASSIGNMENT_OF_ANOTHER_EXPERT',
        errors: [{ field: 'assignmentIds' }],
      });
      const reversed = await as(coordinator.token)
        .post('/contracts', { expertId: expert.id, assignmentIds, validFrom: '2026-11-30', validUntil: '2026-11-01' })
        .expect(400);
      expect(reversed.body.errors[0]).toMatchObject({ field: 'validUntil', code: 'beforeValidFrom' });
    });
  });

  describe('versions and termination', () => {
    it('makes a change a new version that supersedes the signed one once signed, both staying readable', async () => {
      const d = await signed();
      const v1 = (await as(coordinator.token).get(`/contracts/${d.contractId}`).expect(200)).body;
      const res = await as(coordinator.token)
        .post(`/contracts/${d.contractId}/revise`, { validUntil: '2026-11-30' })
        .expect(201);
      expect(res.body).toMatchObject({
        number: v1.number,
        version: 2,
        status: 'draft',
        supersedesId: d.contractId,
        validFrom: '2026-11-03',
        validUntil: '2026-11-30',
      });
      // Until the new version is signed, the old one still covers the assignment; the orderer is told of the new one.
      expect(await contractStatus(d.assignmentId)).toEqual({
        exists: true,
        status: 'draft',
      });

      await approvedWithPdf(res.body.id);
      const text = await textOf((await pdfOf(t.http, d.expert.token, res.body.id).expect(200)).body as Buffer);
      expect(text).toContain('Versio 2');
      expect(text).toContain('voimassa 3.11.2026–30.11.2026');
      await signAs(d.expert.token, res.body.id, { password: d.expert.password }).expect(200);

      const old = (await as(d.expert.token).get(`/contracts/${d.contractId}`).expect(200)).body;
      expect(old).toMatchObject({ status: 'superseded', supersededById: res.body.id, pdfSha256: v1.pdfSha256 });
      expect(sha256((await pdfOf(t.http, d.expert.token, d.contractId).expect(200)).body as Buffer)).toBe(v1.pdfSha256);
      expect(await contractStatus(d.assignmentId)).toEqual({
        exists: true,
        status: 'signed',
      });
    });

    it('records who terminated a signed contract, when and why, and the work no longer counts as confirmed', async () => {
      const d = await signed();
      expect((await t.db.getRepository(AssignmentEntity).findOneByOrFail({ id: d.assignmentId })).status).toBe(
        'confirmed',
      );
      const res = await as(coordinator.token)
        .post(`/contracts/${d.contractId}/terminate`, { reason: 'Vaitiolovelvollisuuden rikkominen' })
        .expect(200);
      expect(res.body).toMatchObject({
        status: 'terminated',
        terminatedAt: NOW.replace('Z', '.000Z'),
        terminationReason: 'Vaitiolovelvollisuuden rikkominen',
        terminationCause: 'coordinator',
      });
      // A contract the expert signed does not end without them being told, without the reason in the mail.
      const number = res.body.number as string;
      const mail = await t.mail.waitFor(
        (m) => m.to === d.expert.email && m.subject === `Sopimus ${number} on päättynyt`,
      );
      expect(mail.text).toContain('Koordinaattori on päättänyt sopimuksen');
      expect(mail.text).not.toContain('Vaitiolovelvollisuuden rikkominen');
      expect(mail.text.split('\n').pop()).toBe(`Avaa palvelu: http://kokemus.test/contracts/${d.contractId}`);
      const row = await t.db.getRepository(ContractEntity).findOneByOrFail({ id: d.contractId });
      expect(row.terminatedBy).toBe(coordinator.id);
      expect(await contractStatus(d.assignmentId)).toEqual({
        exists: false,
        status: null,
      });
      // The terminated contract stays readable, and its assignment can be put under a new one.
      await pdfOf(t.http, d.expert.token, d.contractId).expect(200);
      await as(coordinator.token)
        .post('/contracts', {
          expertId: d.expert.id,
          assignmentIds: [d.assignmentId],
          validFrom: '2026-11-03',
          validUntil: '2026-11-03',
        })
        .expect(201);
    });
  });

  describe('past its last day, before the sweep has run', () => {
    const coordinatorUser = () => coordinator;
    const ordererUser = () => orderer;
    it('reads as expired at once everywhere, and the sweep then writes it with its audit row', async () => {
      const d = await signed();
      const row = () => t.db.getRepository(ContractEntity).findOneByOrFail({ id: d.contractId });
      const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((c) => c.id);
      try {
        // 4 Nov 00:30 in Helsinki: the term (to 3 Nov) is over, and no sweep has run.
        t.clock.set('2026-11-03T22:30:00Z');
        expect((await row()).status).toBe('signed');
        // Sessions of that moment (the tokens of 1 Oct have run out by then).
        const coordinator = { token: await login(t.http, coordinatorUser()) };
        const orderer = { token: await login(t.http, ordererUser()) };
        const expert = { token: await login(t.http, d.expert) };
        expect((await as(coordinator.token).get(`/contracts/${d.contractId}`).expect(200)).body.status).toBe('expired');
        expect((await as(expert.token).get(`/contracts/${d.contractId}`).expect(200)).body.status).toBe('expired');
        expect(
          ids(await as(coordinator.token).get(`/contracts?expertId=${d.expert.id}&status=expired`).expect(200)),
        ).toEqual([d.contractId]);
        expect(
          ids(await as(coordinator.token).get(`/contracts?expertId=${d.expert.id}&status=signed`).expect(200)),
        ).toEqual([]);
        expect(await contractStatus(d.assignmentId, orderer.token)).toEqual({ exists: true, status: 'expired' });
        // The database is brought in line by the sweep, which records the change.
        await t.app.get(ContractSweepJob).sweep();
        expect((await row()).status).toBe('expired');
        expect(
          await t.db.getRepository(AuditEventEntity).countBy({ action: 'contract.expired', entityId: d.contractId }),
        ).toBe(1);
      } finally {
        t.clock.set(NOW);
      }
      // On its last day it is still signed.
      const e = await signed();
      t.clock.set('2026-11-03T21:59:00Z');
      try {
        const coordinator = { token: await login(t.http, coordinatorUser()) };
        expect((await as(coordinator.token).get(`/contracts/${e.contractId}`).expect(200)).body.status).toBe('signed');
      } finally {
        t.clock.set(NOW);
      }
    });
  });

  describe('when the work is cancelled', () => {
    const cancel = (token: string, assignmentId: string) =>
      as(token).post(`/assignments/${assignmentId}/cancel`, { reason: 'Tilaisuus siirtyy keväälle' }).expect(200);
    const withdraw = (token: string, assignmentId: string) =>
      as(token).post(`/assignments/${assignmentId}/withdraw`, { reason: 'Sairastuin' }).expect(200);
    const row = (id: string) => t.db.getRepository(ContractEntity).findOneByOrFail({ id });
    const outbox = async (userId: string, template: string) =>
      (
        (await t.db.query(`SELECT count(*)::int AS n FROM mail_messages WHERE user_id = $1 AND template = $2`, [
          userId,
          template,
        ])) as { n: number }[]
      )[0].n;

    it('ends a draft whose only assignment is cancelled, recording who, when and why, and refuses to approve it', async () => {
      const d = await draftFor();
      await cancel(orderer.token, d.assignmentId);
      const res = await as(coordinator.token).get(`/contracts/${d.contractId}`).expect(200);
      expect(res.body).toMatchObject({
        status: 'terminated',
        terminationCause: 'work_cancelled',
        terminatedAt: NOW.replace('Z', '.000Z'),
      });
      expect(res.body.terminationReason).toBe(
        'Every assignment under the contract was cancelled; the last one by the county',
      );
      expect((await row(d.contractId)).terminatedBy).toBe(orderer.id);
      const approve = await as(coordinator.token).post(`/contracts/${d.contractId}/approve`).expect(409);
      expect(approve.body.code).toBe('CONTRACT_WORK_CANCELLED');
      expect(await contractStatus(d.assignmentId)).toEqual({
        exists: false,
        status: null,
      });
      const audit = await t.db
        .getRepository(AuditEventEntity)
        .findOneByOrFail({ action: 'contract.terminated', entityId: d.contractId });
      expect(audit).toMatchObject({ actorId: orderer.id, details: { from: 'draft', cause: 'work_cancelled' } });
      // Never signed: the cancellation's own mail is all the expert needs.
      expect(await outbox(d.expert.id, 'contract-ended-early')).toBe(0);
    });

    it('ends an approved contract when the expert withdraws, and refuses to sign it', async () => {
      const d = await draftFor();
      await approvedWithPdf(d.contractId);
      await withdraw(d.expert.token, d.assignmentId);
      const ended = await row(d.contractId);
      expect(ended).toMatchObject({
        status: 'terminated',
        terminationCause: 'work_cancelled',
        terminatedBy: d.expert.id,
      });
      expect(ended.terminationReason).toBe(
        'Every assignment under the contract was cancelled; the last one by the expert withdrawing',
      );
      // The expert's own reason may be about their health: it stays on the assignment only.
      expect(ended.terminationReason).not.toContain('Sairastuin');
      const sign = await signAs(d.expert.token, d.contractId, { password: d.expert.password }).expect(409);
      expect(sign.body.code).toBe('CONTRACT_WORK_CANCELLED');
      expect(await outbox(d.expert.id, 'contract-ended-early')).toBe(0);
    });

    it('terminates a signed contract early, keeps what was signed, and tells the expert in their own language', async () => {
      const d = await signed(Language.Sv);
      const before = (await as(coordinator.token).get(`/contracts/${d.contractId}`).expect(200)).body;
      t.clock.set('2026-10-02T09:30:00Z');
      try {
        await cancel(coordinator.token, d.assignmentId);
      } finally {
        t.clock.set(NOW);
      }
      const after = (await as(coordinator.token).get(`/contracts/${d.contractId}`).expect(200)).body;
      expect(after).toMatchObject({
        status: 'terminated',
        terminationCause: 'work_cancelled',
        terminatedAt: '2026-10-02T09:30:00.000Z',
      });
      for (const signedPart of [
        'number',
        'version',
        'language',
        'validFrom',
        'validUntil',
        'fee',
        'approvedAt',
        'approvedBy',
        'pdfSha256',
        'signature',
      ]) {
        expect(after[signedPart]).toEqual(before[signedPart]);
      }
      expect((await row(d.contractId)).terminatedBy).toBe(coordinator.id);
      expect(sha256((await pdfOf(t.http, d.expert.token, d.contractId).expect(200)).body as Buffer)).toBe(
        before.pdfSha256,
      );

      const mail = await t.mail.waitFor(
        (m) => m.to === d.expert.email && m.subject === `Avtal ${before.number} har upphört`,
      );
      expect(mail.text).toContain('upphörde i förtid den 2.10.2026');
      expect(mail.text).toContain('alla uppdrag som avtalet gällde har ställts in');
      expect(mail.text).not.toContain('Tilaisuus siirtyy');
      for (const action of ['revise', 'terminate'] as const) {
        const res = await as(coordinator.token)
          .post(`/contracts/${d.contractId}/${action}`, action === 'terminate' ? { reason: 'x' } : {})
          .expect(409);
        expect(res.body.code).toBe('CONTRACT_WORK_CANCELLED');
      }
    });

    it('still has the database refuse every other change to the terminated signed contract', async () => {
      const d = await signed();
      await cancel(orderer.token, d.assignmentId);
      for (const sql of [
        `UPDATE contracts SET valid_until = '2027-12-31' WHERE id = $1`,
        `UPDATE contracts SET termination_reason = 'Toinen syy' WHERE id = $1`,
        `UPDATE contracts SET termination_cause = 'coordinator' WHERE id = $1`,
        `UPDATE contracts SET terminated_at = now() WHERE id = $1`,
        `UPDATE contracts SET status = 'signed', terminated_at = NULL, terminated_by = NULL, termination_reason = NULL, termination_cause = NULL WHERE id = $1`,
      ]) {
        await expect(t.db.query(sql, [d.contractId])).rejects.toThrow(/signed and cannot be changed/);
      }
      await expect(t.db.query(`UPDATE contracts SET pdf = '\\x00' WHERE id = $1`, [d.contractId])).rejects.toThrow(
        /cannot be replaced/,
      );
      await expect(t.db.query(`DELETE FROM contracts WHERE id = $1`, [d.contractId])).rejects.toThrow(
        /cannot be deleted/,
      );
      // And a contract in force takes no termination data without ending.
      const live = await signed();
      await expect(
        t.db.query(`UPDATE contracts SET termination_cause = 'work_cancelled' WHERE id = $1`, [live.contractId]),
      ).rejects.toThrow(/contracts_terminated/);
      await expect(
        t.db.query(`UPDATE contracts SET status = 'terminated' WHERE id = $1`, [live.contractId]),
      ).rejects.toThrow(/contracts_terminated/);
    });

    it('settles a signature and a cancellation at the same moment either way round, never half of each', async () => {
      for (let round = 0; round < 5; round++) {
        const d = await draftFor(Language.Fi, {
          startsAt: `2026-11-2${round}T08:00:00Z`,
          endsAt: `2026-11-2${round}T10:00:00Z`,
        });
        await approvedWithPdf(d.contractId);
        // The signature checks the password first: a growing head start lets it come first in the later rounds.
        const [signature, cancellation] = await Promise.all([
          signAs(d.expert.token, d.contractId, { password: d.expert.password }),
          new Promise((r) => setTimeout(r, round * 60)).then(() =>
            as(orderer.token).post(`/assignments/${d.assignmentId}/cancel`, { reason: 'Tilaisuus siirtyy' }),
          ),
        ]);
        expect(cancellation.status).toBe(200);
        expect([200, 409]).toContain(signature.status);
        if (signature.status === 409) expect(signature.body.code).toBe('CONTRACT_WORK_CANCELLED');
        expect(await row(d.contractId)).toMatchObject({ status: 'terminated', terminationCause: 'work_cancelled' });
        expect((await t.db.getRepository(AssignmentEntity).findOneByOrFail({ id: d.assignmentId })).status).toBe(
          'cancelled',
        );
      }
    });

    it('ends a signed contract and its pending new version together', async () => {
      const d = await signed();
      const revision = await as(coordinator.token)
        .post(`/contracts/${d.contractId}/revise`, { validUntil: '2026-11-30' })
        .expect(201);
      await cancel(orderer.token, d.assignmentId);
      for (const id of [d.contractId, revision.body.id as string])
        expect(await row(id)).toMatchObject({ status: 'terminated', terminationCause: 'work_cancelled' });
      expect((await as(coordinator.token).post(`/contracts/${revision.body.id}/approve`).expect(409)).body.code).toBe(
        'CONTRACT_WORK_CANCELLED',
      );
    });

    it('ends the contract booking drafted when the orderer cancels the whole request', async () => {
      const expert = await createBookableExpert(t.db, { topics: ['child_welfare'] });
      await giveDateOfBirth(t.db, expert.id);
      const assignmentId = await accepted(expert, 'child_welfare', {
        startsAt: '2026-10-22T07:00:00Z',
        endsAt: '2026-10-22T09:00:00Z',
      });
      const { id: contractId } = await contractOf(assignmentId);
      const assignment = await t.db.getRepository(AssignmentEntity).findOneByOrFail({ id: assignmentId });
      await as(orderer.token)
        .post(`/booking-requests/${assignment.requestId}/cancel`, { reason: 'Tilaisuus peruttu' })
        .expect(200);
      expect(await row(contractId)).toMatchObject({
        status: 'terminated',
        terminationCause: 'work_cancelled',
        terminatedBy: orderer.id,
      });
    });

    describe('a series', () => {
      async function seriesOfThree() {
        const user = await createExpert(t.db, { name: 'Sarja Asiantuntija' });
        await giveDateOfBirth(t.db, user.id);
        const assignmentIds: string[] = [];
        for (const [i, day] of ['2026-12-01', '2026-12-08', '2026-12-15'].entries()) {
          const seeded = await draftedAssignment(t, {
            expertId: user.id,
            organisationId: unitId,
            createdBy: orderer.id,
            startsAt: `${day}T08:00:00Z`,
            endsAt: `${day}T10:00:00Z`,
            title: `Sarjan tapaaminen ${i + 1}`,
          });
          assignmentIds.push(seeded.assignmentId);
        }
        const contract = await as(coordinator.token)
          .post('/contracts', { expertId: user.id, assignmentIds, validFrom: '2026-12-01', validUntil: '2026-12-31' })
          .expect(201);
        return {
          expert: { ...user, token: await login(t.http, user) },
          assignmentIds,
          contractId: contract.body.id as string,
        };
      }
      const statuses = async (ids: string[]) =>
        (await t.db.getRepository(AssignmentEntity).findBy(ids.map((id) => ({ id }))))
          .sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id))
          .map((a) => a.status);

      it('keeps a signed series contract while any of its work is left, and ends it with the last', async () => {
        const s = await seriesOfThree();
        await approvedWithPdf(s.contractId);
        await signAs(s.expert.token, s.contractId, { password: s.expert.password }).expect(200);

        await cancel(orderer.token, s.assignmentIds[0]);
        await withdraw(s.expert.token, s.assignmentIds[1]);
        const kept = (await as(coordinator.token).get(`/contracts/${s.contractId}`).expect(200)).body;
        expect(kept).toMatchObject({ status: 'signed', terminationCause: null });
        expect(kept.assignments.map((a: { id: string }) => a.id)).toEqual(s.assignmentIds);
        expect(await statuses(s.assignmentIds)).toEqual(['cancelled', 'cancelled', 'confirmed']);
        expect(await outbox(s.expert.id, 'contract-ended-early')).toBe(0);

        await withdraw(s.expert.token, s.assignmentIds[2]);
        expect(await row(s.contractId)).toMatchObject({
          status: 'terminated',
          terminationCause: 'work_cancelled',
          terminatedBy: s.expert.id,
        });
        expect(await outbox(s.expert.id, 'contract-ended-early')).toBe(1);
      });

      it('drops a cancelled task from a draft series, which can still be approved and signed for the rest', async () => {
        const s = await seriesOfThree();
        await cancel(coordinator.token, s.assignmentIds[1]);
        const draft = (await as(coordinator.token).get(`/contracts/${s.contractId}`).expect(200)).body;
        expect(draft.status).toBe('draft');
        expect(draft.assignments.map((a: { id: string }) => a.id)).toEqual([s.assignmentIds[0], s.assignmentIds[2]]);
        expect(
          await t.db
            .getRepository(AuditEventEntity)
            .countBy({ action: 'contract.assignment_released', entityId: s.contractId }),
        ).toBe(1);

        await approvedWithPdf(s.contractId);
        const text = await textOf((await pdfOf(t.http, s.expert.token, s.contractId).expect(200)).body as Buffer);
        expect(text).toContain('Sarjan tapaaminen 1');
        expect(text).toContain('Sarjan tapaaminen 3');
        expect(text).not.toContain('Sarjan tapaaminen 2');
        await signAs(s.expert.token, s.contractId, { password: s.expert.password }).expect(200);
        expect(await statuses(s.assignmentIds)).toEqual(['confirmed', 'cancelled', 'confirmed']);
      });

      it('keeps an approved series contract as approved when part of its work is cancelled', async () => {
        const s = await seriesOfThree();
        await approvedWithPdf(s.contractId);
        await cancel(orderer.token, s.assignmentIds[2]);
        expect((await row(s.contractId)).status).toBe('approved');
        await signAs(s.expert.token, s.contractId, { password: s.expert.password }).expect(200);
        expect(await statuses(s.assignmentIds)).toEqual(['confirmed', 'confirmed', 'cancelled']);
      });
    });
  });

  describe('who sees what', () => {
    it('shows an orderer of another unit nothing, and an expert only their own contracts', async () => {
      const d = await draftFor();
      const stranger = await createUser(t.db, Role.Orderer);
      const strangerToken = await login(t.http, stranger);
      await addMember(t.db, (await createUnit(t.db)).id, stranger.id);
      await as(strangerToken).get(`/assignments/${d.assignmentId}/contract-status`).expect(404);
      await as(strangerToken).get(`/assignments/${randomUUID()}/contract-status`).expect(404);

      const other = await draftFor();
      await as(other.expert.token).get(`/contracts/${d.contractId}`).expect(404);
      await as(other.expert.token).get(`/contracts/${d.contractId}/pdf`).expect(404);
      await as(other.expert.token).get(`/assignments/${d.assignmentId}/contract-status`).expect(404);
      const list = await as(other.expert.token).get(`/contracts?expertId=${d.expert.id}`).expect(200);
      expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([other.contractId]);
      expect(
        await t.db
          .getRepository(AuditEventEntity)
          .countBy({ action: 'authz.denied', entityId: d.contractId, actorId: other.expert.id }),
      ).toBe(2);
    });

    it('lets the coordinator filter contracts', async () => {
      const d = await draftFor(Language.Sv);
      const res = await as(coordinator.token).get(`/contracts?expertId=${d.expert.id}&status=draft`).expect(200);
      expect(res.body).toMatchObject({ total: 1, items: [{ id: d.contractId, language: 'sv', status: 'draft' }] });
      expect(
        (await as(coordinator.token).get(`/contracts?expertId=${d.expert.id}&status=signed`).expect(200)).body.total,
      ).toBe(0);
      expect((await as(coordinator.token).get('/contracts?status=nonsense').expect(400)).body.errors[0].field).toBe(
        'status',
      );
    });
  });
});
