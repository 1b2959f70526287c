import { randomUUID } from 'node:crypto';
import { Role } from '../../src/common/auth/role.enum';
import { Language } from '../../src/common/i18n/language';
import { CredentialErrorCode } from '../../src/modules/credentials/credentials.errors';
import { CredentialsRepository } from '../../src/modules/credentials/credentials.repository';
import { CredentialsService } from '../../src/modules/credentials/credentials.service';
import { CreateCredentialDto } from '../../src/modules/credentials/dto/create-credential.dto';
import { RejectCredentialDto } from '../../src/modules/credentials/dto/reject-credential.dto';
import { CredentialStatus, TrainingType } from '../../src/modules/credentials/entities/training-credential.entity';
import { ExpertStatus } from '../../src/modules/experts/entities/expert.entity';
import { ExpertErrorCode } from '../../src/modules/experts/experts.errors';
import { createCredential, justSubmitted, samplePdf, samplePng, sha256Hex } from '../factories/credentials.factory';
import { createExpert } from '../factories/experts.factory';
import { createUser, TestUser } from '../factories/users.factory';
import { body, contextOf, createMediumApp, MediumApp, problemOf, untilAStatementWaitsForALock } from './medium-app';

const VALID = { type: TrainingType.Kokemusasiantuntija, provider: 'Vamia', completedOn: '2025-05-28' };

// The rules of training credentials through the credentials service on the real database: submitting one for an
// existing expert with a date not in the future, withdrawing one's own pending one with its file, a coordinator's
// single decision (the mail to the expert in their language, the audit row, two decisions at once), and who sees
// which (the routes, the authorization table, the validation of the form and the reason, the upload and download of
// the file over HTTP, and the whole journey are test/api/experts/credentials.ts's).
describe('training credentials (service and database)', () => {
  let m: MediumApp;
  let credentials: CredentialsService;
  let coordinator: TestUser;

  beforeAll(async () => {
    m = await createMediumApp();
    credentials = m.get(CredentialsService);
    coordinator = await createUser(m.db, Role.Coordinator);
  });
  afterEach(() => m.clock.reset());
  afterAll(() => m.close());

  const asCoordinator = () => contextOf(coordinator);
  const applicant = (language = Language.Fi, name = 'Maija Meikäläinen') =>
    createExpert(m.db, { language, name, status: ExpertStatus.Applicant });
  // The service as the controller calls it: the form's fields through the validation pipe, and the file.
  const submit = async (who: TestUser, fields: object = VALID, bytes = samplePdf(), fileName = 'todistus.pdf') =>
    credentials.submit(contextOf(who), {
      fields: await body(CreateCredentialDto, fields),
      file: { field: 'file', fileName, bytes },
    });
  const hasVerified = (expertId: string) => m.get(CredentialsRepository).hasVerifiedCredential(expertId);
  // Everything of the expert's a refused call could have touched: their files and credentials, and the audit rows.
  const stateOf = async (expertId: string) => ({
    files: await m.db.query(`SELECT id, sha256 FROM stored_files WHERE owner_id = $1 ORDER BY id`, [expertId]),
    credentials: await m.db.query(`SELECT * FROM training_credentials WHERE expert_id = $1 ORDER BY id`, [expertId]),
    audit: await m.db.query(
      `SELECT a.action, a.actor_id, a.details FROM audit_events a
        WHERE a.entity_id IN (SELECT id FROM training_credentials WHERE expert_id = $1) OR a.actor_id = $1
        ORDER BY a.id`,
      [expertId],
    ),
  });
  const rowsOf = async (expertId: string) =>
    (
      await m.db.query(
        `SELECT (SELECT count(*) FROM stored_files WHERE owner_id = $1)::int AS files,
                (SELECT count(*) FROM training_credentials WHERE expert_id = $1)::int AS credentials`,
        [expertId],
      )
    )[0] as { files: number; credentials: number };
  const auditOf = async (id: string) =>
    (await m.db.query(
      `SELECT action, actor_id AS "actorId", details FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at, id`,
      [id],
    )) as { action: string; actorId: string; details: object }[];
  const mailsTo = async (userId: string) =>
    (await m.db.query(
      `SELECT subject, language, text_body AS text FROM mail_messages WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    )) as { subject: string; language: string; text: string }[];

  describe('submitting and withdrawing', () => {
    it('files a pending credential with its file, lists it, lets the expert withdraw it file and all, and refuses a decided one', async () => {
      const maija = await applicant();
      const bytes = samplePdf();
      const created = await submit(maija, VALID, bytes, 'Koulutustodistus 2025.pdf');
      expect(created).toEqual(justSubmitted(maija.id, 'Koulutustodistus 2025.pdf', bytes));
      expect(await rowsOf(maija.id)).toEqual({ files: 1, credentials: 1 });
      await expect(hasVerified(maija.id)).resolves.toBe(false);
      expect(await credentials.listOwn(contextOf(maija))).toEqual([created]);
      expect(await credentials.listForExpert(asCoordinator(), maija.id)).toEqual([created]);
      const [fileId] = (await m.db.query(`SELECT id FROM stored_files WHERE owner_id = $1`, [maija.id])) as {
        id: string;
      }[];
      expect(await auditOf(created.id)).toEqual([
        {
          action: 'credential.submitted',
          actorId: maija.id,
          details: { type: 'kokemusasiantuntija', fileId: fileId.id },
        },
      ]);

      await credentials.removeOwn(contextOf(maija), created.id);
      expect(await rowsOf(maija.id)).toEqual({ files: 0, credentials: 0 });
      expect(await auditOf(created.id)).toEqual([
        expect.objectContaining({ action: 'credential.submitted' }),
        { action: 'credential.deleted', actorId: maija.id, details: { fileId: fileId.id } },
      ]);

      for (const status of [CredentialStatus.Verified, CredentialStatus.Rejected]) {
        const decided = await createCredential(m.db, maija.id, { status, decidedBy: coordinator.id });
        const before = await stateOf(maija.id);
        expect(await problemOf(credentials.removeOwn(contextOf(maija), decided.id))).toMatchObject({
          status: 409,
          code: CredentialErrorCode.CredentialAlreadyDecided,
        });
        expect(await stateOf(maija.id)).toEqual(before);
      }
      expect(await rowsOf(maija.id)).toEqual({ files: 2, credentials: 2 });
    });

    it('refuses a completion date after today in Helsinki and takes today; refuses one who is not an expert and a file that is no PDF, JPEG or PNG; writing nothing', async () => {
      const owner = await applicant();
      const before = await stateOf(owner.id);
      // 23:30 UTC on 1 March is already 2 March in Helsinki.
      m.clock.set('2026-03-01T23:30:00Z');
      const future = await problemOf(submit(owner, { ...VALID, completedOn: '2026-03-03' }));
      expect(future).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      expect(future.errors).toEqual([
        { field: 'completedOn', code: 'notInFuture', message: 'must not be in the future' },
      ]);
      const text = Buffer.from('Tämä ei ole PDF.\n');
      expect(await problemOf(submit(owner, VALID, text))).toMatchObject({
        status: 415,
        code: 'UNSUPPORTED_FILE_TYPE',
        errors: [{ field: 'file', code: 'unsupportedType' }],
      });
      expect(await stateOf(owner.id)).toEqual(before);
      expect(await rowsOf(owner.id)).toEqual({ files: 0, credentials: 0 });

      const today = await submit(owner, { ...VALID, completedOn: '2026-03-02' });
      expect(today).toMatchObject({ status: 'pending', completedOn: '2026-03-02' });
      await credentials.removeOwn(contextOf(owner), today.id);
      expect(await rowsOf(owner.id)).toEqual({ files: 0, credentials: 0 });

      // A coordinator (or anyone without an expert profile) has nowhere to file one, and none to be listed.
      const filesBefore = await m.db.query(`SELECT count(*)::int AS n FROM stored_files`);
      expect(await problemOf(submit(coordinator))).toMatchObject({
        status: 404,
        code: ExpertErrorCode.ExpertNotFound,
      });
      expect(await m.db.query(`SELECT count(*)::int AS n FROM stored_files`)).toEqual(filesBefore);
      expect(await problemOf(credentials.listForExpert(asCoordinator(), coordinator.id))).toMatchObject({
        status: 404,
        code: ExpertErrorCode.ExpertNotFound,
      });
    });

    it('keeps a credential a coordinator decides while its withdrawal waits for the row: the decision stands', async () => {
      const owner = await applicant();
      const { id, fileId } = await createCredential(m.db, owner.id);
      // The coordinator's decision, uncommitted, holds the row; the withdrawal has read it still pending.
      const decision = m.db.createQueryRunner();
      await decision.connect();
      await decision.startTransaction();
      try {
        await decision.query(
          `UPDATE training_credentials SET status = 'verified', decided_by = $2, decided_at = now() WHERE id = $1`,
          [id, coordinator.id],
        );
        const withdrawal = problemOf(credentials.removeOwn(contextOf(owner), id));
        await untilAStatementWaitsForALock(m.db);
        await decision.commitTransaction();
        expect(await withdrawal).toMatchObject({ status: 409, code: CredentialErrorCode.CredentialAlreadyDecided });
      } finally {
        if (decision.isTransactionActive) await decision.rollbackTransaction();
        await decision.release();
      }
      const [row] = await m.db.query(`SELECT status, file_id FROM training_credentials WHERE id = $1`, [id]);
      expect(row).toEqual({ status: 'verified', file_id: fileId });
      expect(await rowsOf(owner.id)).toEqual({ files: 1, credentials: 1 });
      expect(await auditOf(id)).toEqual([]);
    });
  });

  describe('a coordinator’s decision', () => {
    it('verifies once: the expert may then be activated and is told in Finnish; a second decision is refused', async () => {
      const maija = await applicant(Language.Fi, 'Maija Meikäläinen');
      const { id } = await createCredential(m.db, maija.id);
      m.clock.set('2026-03-04T10:00:00Z');
      const verified = await credentials.verify(asCoordinator(), id);
      expect(verified).toMatchObject({
        id,
        status: 'verified',
        decidedBy: coordinator.id,
        decidedAt: '2026-03-04T10:00:00.000Z',
        rejectionReason: null,
      });
      await expect(hasVerified(maija.id)).resolves.toBe(true);
      expect(await mailsTo(maija.id)).toEqual([
        {
          subject: 'Koulutustodistuksesi on hyväksytty',
          language: 'fi',
          text: expect.stringContaining('Hei Maija Meikäläinen,'),
        },
      ]);
      expect((await mailsTo(maija.id))[0].text).toContain('Kokemusasiantuntijakoulutus, Vamia, suoritettu 28.5.2025.');
      expect(await auditOf(id)).toEqual([
        { action: 'credential.verified', actorId: coordinator.id, details: { expertId: maija.id } },
      ]);

      const before = await stateOf(maija.id);
      for (const again of [
        () => credentials.verify(asCoordinator(), id),
        async () => credentials.reject(asCoordinator(), id, await body(RejectCredentialDto, { reason: 'Toinen' })),
      ]) {
        expect(await problemOf(again())).toMatchObject({
          status: 409,
          code: CredentialErrorCode.CredentialAlreadyDecided,
        });
      }
      expect(await stateOf(maija.id)).toEqual(before);
      expect(await mailsTo(maija.id)).toHaveLength(1);
    });

    it('rejects with the reason as trimmed and tells a Swedish-speaking expert in Swedish, reason included; a second decision is refused', async () => {
      const anna = await applicant(Language.Sv, 'Anna Andersson');
      const created = await submit(
        anna,
        { ...VALID, type: TrainingType.Kokemustoimija, provider: 'Vamia Vasa' },
        samplePng(),
        'intyg.png',
      );
      expect(created.file.mediaType).toBe('image/png');
      const reason = 'Intyget saknar anordnarens underskrift.';
      const rejected = await credentials.reject(
        asCoordinator(),
        created.id,
        await body(RejectCredentialDto, { reason: `  ${reason} ` }),
      );
      expect(rejected).toMatchObject({
        id: created.id,
        status: 'rejected',
        rejectionReason: reason,
        decidedBy: coordinator.id,
      });
      const [mail] = await mailsTo(anna.id);
      expect(mail).toMatchObject({ subject: 'Ditt utbildningsintyg godkändes inte', language: 'sv' });
      expect(mail.text).toContain('Hej Anna Andersson,');
      expect(mail.text).toContain('Utbildning till erfarenhetsaktör, Vamia Vasa, slutförd 28.5.2025.');
      expect(mail.text).toContain(`Motivering:\n${reason}`);
      expect((await auditOf(created.id)).map((a) => [a.action, a.actorId])).toEqual([
        ['credential.submitted', anna.id],
        ['credential.rejected', coordinator.id],
      ]);

      const before = await stateOf(anna.id);
      for (const again of [
        () => credentials.verify(asCoordinator(), created.id),
        async () =>
          credentials.reject(asCoordinator(), created.id, await body(RejectCredentialDto, { reason: 'Toinen' })),
      ]) {
        expect(await problemOf(again())).toMatchObject({
          status: 409,
          code: CredentialErrorCode.CredentialAlreadyDecided,
        });
      }
      expect(await stateOf(anna.id)).toEqual(before);
      expect(await mailsTo(anna.id)).toHaveLength(1);
      await expect(hasVerified(anna.id)).resolves.toBe(false);

      const reasonDto = await body(RejectCredentialDto, { reason: 'Ei' });
      for (const unknown of [
        () => credentials.verify(asCoordinator(), randomUUID()),
        () => credentials.reject(asCoordinator(), randomUUID(), reasonDto),
      ]) {
        expect(await problemOf(unknown())).toMatchObject({
          status: 404,
          code: CredentialErrorCode.CredentialNotFound,
        });
      }
    });

    it('decides a credential once when two coordinators decide at the same moment: one mail, one audit row', async () => {
      const owner = await applicant();
      const other = await createUser(m.db, Role.Coordinator);
      const { id } = await createCredential(m.db, owner.id);
      const results = await Promise.allSettled([
        credentials.verify(asCoordinator(), id),
        credentials.reject(contextOf(other), id, await body(RejectCredentialDto, { reason: 'Epäselvä kopio' })),
        credentials.verify(contextOf(other), id),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected', 'rejected']);
      for (const lost of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')) {
        expect(await problemOf(Promise.reject(lost.reason))).toMatchObject({
          status: 409,
          code: CredentialErrorCode.CredentialAlreadyDecided,
        });
      }
      expect(await mailsTo(owner.id)).toHaveLength(1);
      const decisions = await auditOf(id);
      expect(decisions).toHaveLength(1);
      const [row] = await m.db.query(`SELECT status FROM training_credentials WHERE id = $1`, [id]);
      expect(decisions[0].action).toBe(`credential.${row.status}`);
    });
  });

  it('shows a credential to its expert and the coordinator; another expert (and the admin) is told it does not exist, each attempt audited', async () => {
    const owner = await applicant();
    const stranger = await applicant();
    const admin = await createUser(m.db, Role.Admin);
    const bytes = samplePdf();
    const created = await submit(owner, VALID, bytes);
    const before = await stateOf(owner.id);

    const refusedFile = await problemOf(credentials.file(contextOf(stranger), created.id));
    expect(refusedFile).toMatchObject({ status: 404, code: CredentialErrorCode.CredentialNotFound });
    expect(await problemOf(credentials.removeOwn(contextOf(stranger), created.id))).toMatchObject({
      status: 404,
      code: CredentialErrorCode.CredentialNotFound,
    });
    // Withdrawing is the expert's own: a coordinator cannot withdraw it for them.
    expect(await problemOf(credentials.removeOwn(asCoordinator(), created.id))).toMatchObject({
      status: 404,
      code: CredentialErrorCode.CredentialNotFound,
    });
    // The route refuses the admin (test/api/experts/credentials.ts); the service would not hand it over either.
    expect(await problemOf(credentials.file(contextOf(admin), created.id))).toMatchObject({
      status: 404,
      code: CredentialErrorCode.CredentialNotFound,
    });
    // The same answer as for an id that never existed.
    expect(await problemOf(credentials.file(contextOf(stranger), randomUUID()))).toEqual(refusedFile);

    expect(await credentials.listOwn(contextOf(stranger))).toEqual([]);
    expect((await credentials.listOwn(contextOf(owner))).map((c) => c.id)).toEqual([created.id]);
    for (const who of [contextOf(owner), asCoordinator()]) {
      const download = await credentials.file(who, created.id);
      expect(download).toMatchObject({
        fileName: 'todistus.pdf',
        mediaType: 'application/pdf',
        sha256: sha256Hex(bytes),
      });
      expect(Buffer.compare(download.bytes, bytes)).toBe(0);
    }

    const denied = (await auditOf(created.id)).filter((e) => e.action === 'authz.denied');
    expect(denied.map((e) => e.actorId)).toEqual([stranger.id, stranger.id, coordinator.id, admin.id]);
    const after = await stateOf(owner.id);
    expect({ ...after, audit: after.audit.filter((a: { action: string }) => a.action !== 'authz.denied') }).toEqual(
      before,
    );
  });
});
