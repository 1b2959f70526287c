import { randomUUID } from 'node:crypto';
import { Role } from '../../src/common/auth/role.enum';
import { CredentialStatus } from '../../src/modules/credentials/entities/training-credential.entity';
import { DirectoryQuery } from '../../src/modules/experts/dto/directory.query';
import { PauseDto } from '../../src/modules/experts/dto/pause.dto';
import { PaymentDetailsDto } from '../../src/modules/experts/dto/payment-details.dto';
import { ExpertStatus } from '../../src/modules/experts/entities/expert.entity';
import { ExpertLifecycleService } from '../../src/modules/experts/expert-lifecycle.service';
import { ExpertErrorCode } from '../../src/modules/experts/experts.errors';
import { ExpertsService } from '../../src/modules/experts/experts.service';
import { PaymentDetailsService } from '../../src/modules/experts/payment-details.service';
import { createCredential } from '../factories/credentials.factory';
import { createExpert } from '../factories/experts.factory';
import { uniqueIdentityCode } from '../factories/identity-code.factory';
import { createUser, TestUser } from '../factories/users.factory';
import { body, contextOf, createMediumApp, MediumApp, problemOf } from './medium-app';

const IBAN = 'FI21 1234 5600 0007 85';

// An expert's states through the services on the real database: pausing and resuming with the reason that goes
// with a pause, activation only with a verified credential, one identity code per expert account, and the
// directory's filters, order and pages (the routes, who may call them, the validation of the bodies, the
// application by mail, the payment details' encryption and the data rights are test/api/experts/'s).
describe('expert states (service and database)', () => {
  let m: MediumApp;
  let experts: ExpertsService;
  let lifecycle: ExpertLifecycleService;
  let payment: PaymentDetailsService;
  let coordinator: TestUser;

  beforeAll(async () => {
    m = await createMediumApp();
    experts = m.get(ExpertsService);
    lifecycle = m.get(ExpertLifecycleService);
    payment = m.get(PaymentDetailsService);
    coordinator = await createUser(m.db, Role.Coordinator);
  });
  afterAll(() => m.close());

  const asCoordinator = () => contextOf(coordinator);
  const expertRow = async (id: string) =>
    ((await m.db.query(`SELECT * FROM experts WHERE user_id = $1`, [id])) as Record<string, unknown>[])[0];
  const paymentRow = async (id: string) =>
    ((await m.db.query(`SELECT * FROM expert_payment_details WHERE expert_id = $1`, [id])) as object[])[0];
  const auditOf = async (id: string) =>
    (await m.db.query(`SELECT action, details FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at, id`, [
      id,
    ])) as { action: string; details: object }[];

  // The call refused with its code, leaving the expert's row and audit trail exactly as they were.
  async function refusedWithoutWrites(id: string, call: () => Promise<unknown>, code: ExpertErrorCode) {
    const row = await expertRow(id);
    const audit = await auditOf(id);
    expect(await problemOf(call())).toMatchObject({ status: 409, code });
    expect(await expertRow(id)).toEqual(row);
    expect(await auditOf(id)).toEqual(audit);
  }

  describe('pausing and resuming', () => {
    it('lets the expert pause and resume, and refuses a pause from the wrong state without a write', async () => {
      const expert = await createExpert(m.db);
      const pause = () => lifecycle.pause(contextOf(expert));
      const resume = () => lifecycle.resume(contextOf(expert));
      expect((await pause()).status).toBe(ExpertStatus.Paused);
      expect((await expertRow(expert.id)).status).toBe(ExpertStatus.Paused);
      await refusedWithoutWrites(expert.id, pause, ExpertErrorCode.ExpertStatusConflict);
      expect((await resume()).status).toBe(ExpertStatus.Active);
      expect((await expertRow(expert.id)).status).toBe(ExpertStatus.Active);
      // Resuming an expert who is not paused is refused the same way.
      await refusedWithoutWrites(expert.id, resume, ExpertErrorCode.ExpertStatusConflict);
      expect((await auditOf(expert.id)).map((a) => a.action)).toEqual(['expert.pause', 'expert.resume']);
    });

    it('lets one of two simultaneous pauses through and refuses the other', async () => {
      const expert = await createExpert(m.db);
      const results = await Promise.allSettled([
        lifecycle.pause(contextOf(expert)),
        lifecycle.pause(contextOf(expert)),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
      expect(await problemOf(Promise.reject(lost.reason))).toMatchObject({
        status: 409,
        code: ExpertErrorCode.ExpertStatusConflict,
      });
      expect((await auditOf(expert.id)).map((a) => a.action)).toEqual(['expert.pause']);
    });

    it('keeps a pause reason for the expert and the coordinator only, out of the audit log, and forgets it on resume', async () => {
      const expert = await createExpert(m.db);
      const admin = await createUser(m.db, Role.Admin);
      const reason = 'Sairaalahoidossa kesäkuun loppuun';
      // Through the app's validation pipe, which trims the reason.
      const paused = await lifecycle.pause(contextOf(expert), await body(PauseDto, { reason: `  ${reason} ` }));
      expect(paused).toMatchObject({ status: ExpertStatus.Paused, pauseReason: reason });
      expect((await expertRow(expert.id)).pause_reason).toBe(reason);
      expect((await experts.me(contextOf(expert))).pauseReason).toBe(reason);
      expect((await experts.get(asCoordinator(), expert.id)).pauseReason).toBe(reason);
      // The route refuses the admin (test/api/experts/experts.ts); the service would not tell them either.
      expect((await experts.get(contextOf(admin), expert.id)).pauseReason).toBeNull();
      expect(await auditOf(expert.id)).toEqual([
        { action: 'expert.pause', details: { from: ExpertStatus.Active, to: ExpertStatus.Paused } },
      ]);
      const [{ count }] = (await m.db.query(
        `SELECT count(*)::int AS count FROM audit_events WHERE details::text LIKE '%Sairaala%'`,
      )) as { count: number }[];
      expect(count).toBe(0);

      expect((await lifecycle.resume(contextOf(expert))).pauseReason).toBeNull();
      expect((await experts.me(contextOf(expert))).pauseReason).toBeNull();
      expect((await expertRow(expert.id)).pause_reason).toBeNull();
    });
  });

  it('activates an applicant only with a verified credential: none, a pending or a rejected one is refused', async () => {
    const applicant = await createExpert(m.db, { status: ExpertStatus.Applicant });
    const activate = () => lifecycle.activate(asCoordinator(), applicant.id);
    await refusedWithoutWrites(applicant.id, activate, ExpertErrorCode.ExpertNoVerifiedCredential);
    await createCredential(m.db, applicant.id, { status: CredentialStatus.Pending });
    await createCredential(m.db, applicant.id, { status: CredentialStatus.Rejected, decidedBy: coordinator.id });
    await refusedWithoutWrites(applicant.id, activate, ExpertErrorCode.ExpertNoVerifiedCredential);
    expect((await expertRow(applicant.id)).status).toBe(ExpertStatus.Applicant);

    await createCredential(m.db, applicant.id, { status: CredentialStatus.Verified, decidedBy: coordinator.id });
    expect((await activate()).status).toBe(ExpertStatus.Active);
    const row = await expertRow(applicant.id);
    expect(row).toMatchObject({ status: ExpertStatus.Active, activated_at: expect.any(Date) });
    expect((await auditOf(applicant.id)).map((a) => a.action)).toEqual(['expert.activate']);
  });

  it('refuses the same identity code on a second expert account, changing neither account’s details', async () => {
    const a = await createExpert(m.db);
    const b = await createExpert(m.db);
    const { code } = uniqueIdentityCode('Y');
    const put = async (who: TestUser, plain: object) =>
      payment.put(contextOf(who), await body(PaymentDetailsDto, plain));
    await put(a, { identityCode: code, payee: 'expert' });
    await put(b, { iban: IBAN, payee: 'expert' });
    const before = [await paymentRow(a.id), await paymentRow(b.id), await auditOf(b.id)];
    expect(await problemOf(put(b, { identityCode: code, payee: 'expert' }))).toMatchObject({
      status: 409,
      code: ExpertErrorCode.IdentityCodeTaken,
    });
    expect([await paymentRow(a.id), await paymentRow(b.id), await auditOf(b.id)]).toEqual(before);
  });

  it('filters the directory by municipality (home or travel), language, topic and status, sorts by name and pages', async () => {
    // A name of its own, searched for, keeps the other experts of the database out of the pages.
    const tag = randomUUID().slice(0, 8);
    await createExpert(m.db, { name: `A ${tag}`, languages: ['sv'], homeMunicipality: '905', topics: ['ageing'] });
    await createExpert(m.db, {
      name: `B ${tag}`,
      languages: ['fi'],
      homeMunicipality: '152',
      travelMunicipalities: ['905'],
      topics: ['ageing'],
    });
    await createExpert(m.db, {
      name: `C ${tag}`,
      languages: ['fi'],
      homeMunicipality: '440',
      topics: ['disability'],
      status: ExpertStatus.Paused,
    });
    const page = async (query: object) =>
      experts.directory(asCoordinator(), await body(DirectoryQuery, { search: tag, limit: 100, ...query }));
    const names = async (query: object) => (await page(query)).items.map((e) => e.name);
    expect(await names({ municipality: '905' })).toEqual([`A ${tag}`, `B ${tag}`]);
    expect(await names({ language: 'sv' })).toEqual([`A ${tag}`]);
    expect(await names({ topic: 'ageing', sort: 'name', order: 'desc' })).toEqual([`B ${tag}`, `A ${tag}`]);
    expect(await names({ status: ExpertStatus.Paused })).toEqual([`C ${tag}`]);
    expect(await page({ limit: 1, offset: 0 })).toMatchObject({ items: [{ name: `A ${tag}` }], total: 3 });
    expect(await page({ limit: 1, offset: 1 })).toMatchObject({ items: [{ name: `B ${tag}` }], total: 3, offset: 1 });
    // Without the search, too: one item on a page of one, and more than one in all.
    const unfiltered = await experts.directory(asCoordinator(), await body(DirectoryQuery, { limit: 1, offset: 0 }));
    expect(unfiltered.items).toHaveLength(1);
    expect(unfiltered.total).toBeGreaterThan(1);
  });
});
