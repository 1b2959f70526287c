import pdfParse from 'pdf-parse';
import { Role } from '../../../src/common/auth/role.enum';
import { Language } from '../../../src/common/i18n/language';
import { ContractEntity } from '../../../src/modules/contracts/entities/contract.entity';
import { draftedAssignment, giveDateOfBirth } from '../../factories/contracts.factory';
import { createExpert } from '../../factories/experts.factory';
import { createUnit } from '../../factories/organisations.factory';
import { createUser, login } from '../../factories/users.factory';
import { asUser } from '../../utils/as-user';
import { createTestApp, TestApp } from '../../utils/test-app';

const DAY = 24 * 3_600_000;
const textOf = async (pdf: Buffer) => (await pdfParse(pdf)).text.replace(/\s+/g, ' ');

// A draft contract's preview: the document as it would read if approved now, marked a draft, never stored.
describe('a draft contract’s preview PDF', () => {
  let t: TestApp;
  let coordinator: string;
  let ordererId: string;
  let unitId: string;

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await login(t.http, await createUser(t.db, Role.Coordinator));
    ordererId = (await createUser(t.db, Role.Orderer)).id;
    unitId = (await createUnit(t.db)).id;
  });
  afterAll(() => t.close());

  const as = asUser(() => t.http);
  const preview = (token: string, id: string, query = '') =>
    t.http.get(`/contracts/${id}/preview-pdf${query}`).set('authorization', `Bearer ${token}`).responseType('blob');

  async function draft(language: Language, dateOfBirth = true) {
    const expert = await createExpert(t.db, { language });
    if (dateOfBirth) await giveDateOfBirth(t.db, expert.id);
    const startsAt = new Date(Date.now() + 10 * DAY).toISOString();
    const endsAt = new Date(Date.now() + 10 * DAY + 2 * 3_600_000).toISOString();
    const made = await draftedAssignment(t, {
      expertId: expert.id,
      organisationId: unitId,
      createdBy: ordererId,
      startsAt,
      endsAt,
      title: 'Kehittäjäasiakasraati',
    });
    return { expert, ...made };
  }

  it('renders the draft in its binding language, marked a draft on every page, and stores nothing', async () => {
    const d = await draft(Language.Sv);
    const res = await preview(coordinator, d.contractId).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = await textOf(res.body as Buffer);
    expect(text).toContain('UTKAST – INTE ETT GÄLLANDE AVTAL');
    expect(text).toContain('Visstidsavtal om uppdrag');
    expect(text).toContain('Kehittäjäasiakasraati');
    const en = await preview(coordinator, d.contractId, '?language=en').expect(200);
    expect(await textOf(en.body as Buffer)).toContain('DRAFT – NOT A CONTRACT IN FORCE');
    const row = await t.db.getRepository(ContractEntity).findOneByOrFail({ id: d.contractId });
    expect(row).toMatchObject({ status: 'draft', pdfSha256: null, snapshot: null });
  });

  it('is the coordinator’s alone, and only of a draft that could be approved', async () => {
    const d = await draft(Language.Fi);
    await preview(await login(t.http, d.expert), d.contractId).expect(403);
    await preview(await login(t.http, await createUser(t.db, Role.Admin)), d.contractId).expect(403);
    await as(coordinator).post(`/contracts/${d.contractId}/approve`).expect(200);
    const approved = await preview(coordinator, d.contractId).expect(409);
    expect(JSON.parse((approved.body as Buffer).toString()).code).toBe('CONTRACT_ALREADY_APPROVED');

    const undated = await draft(Language.Fi, false);
    const missing = await preview(coordinator, undated.contractId).expect(409);
    expect(JSON.parse((missing.body as Buffer).toString()).code).toBe('EXPERT_DATE_OF_BIRTH_MISSING');
  });
});
