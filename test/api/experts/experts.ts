import { randomUUID } from 'node:crypto';
import { Role } from '../../../src/common/auth/role.enum';
import { AuditEventEntity } from '../../../src/modules/audit/entities/audit-event.entity';
import { ExpertStatus } from '../../../src/modules/experts/entities/expert.entity';
import { PaymentDetailsEntity } from '../../../src/modules/experts/entities/payment-details.entity';
import { createExpert } from '../../factories/experts.factory';
import { uniqueIdentityCode } from '../../factories/identity-code.factory';
import { login, loggedIn } from '../../factories/users.factory';
import { createTestApp, TestApp } from '../../utils/test-app';
import { asUser } from '../../utils/as-user';

const IBAN = 'FI21 1234 5600 0007 85';
const IBAN_DIGITS = '21123456000007';

// The experts' routes over HTTP: the application by mailed link, who sees what, the validation naming each field,
// one problem+json example of a state refusal, the encrypted payment details with their audited reads, and the data
// export and erasure. The rules of an expert's states (pausing, the pause reason, activation, one identity code per
// account, the directory's filters) are asserted through the services in test/medium/expert-states.ts.
describe('experts', () => {
  let t: TestApp;
  let coordinator: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { LOG_LEVEL: 'debug' } });
    coordinator = (await loggedIn(t.db, t.http, Role.Coordinator)).token;
  });
  afterAll(() => t.close());

  const as = asUser(() => t.http);

  it('takes a public application: verify the address by the mailed link, then sign in as an applicant', async () => {
    const email = `applicant-${randomUUID()}@example.test`;
    await t.http.post('/experts/applications').send({ email, name: 'Åsa Björklund', language: 'sv' }).expect(202);
    // The same answer for a known address, and no second mail.
    await t.http.post('/experts/applications').send({ email, name: 'Someone Else' }).expect(202);
    const mail = await t.mail.waitFor((m) => m.to === email);
    expect(mail.subject).toBe('Bekräfta din e-postadress – Kokemus');
    const token = /#token=([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    await t.http.post('/auth/invitations/accept').send({ token, password: 'Larsmo-skärgård-2026' }).expect(204);
    const access = await login(t.http, { email, password: 'Larsmo-skärgård-2026' });
    const me = await as(access).get('/experts/me').expect(200);
    expect(me.body).toMatchObject({ name: 'Åsa Björklund', status: 'applicant', preferredLanguage: 'sv' });
    expect(t.mail.sent.filter((m) => m.to === email)).toHaveLength(1);
  });

  it('keeps the profile and refuses values outside the vocabularies, naming the field', async () => {
    const expert = await createExpert(t.db);
    const token = await login(t.http, expert);
    const ok = await as(token)
      .patch('/experts/me', {
        languages: ['fi', 'sv', 'se'],
        homeMunicipality: '499',
        travelMunicipalities: ['905', '152'],
        worksRemotely: true,
        maxPerWeek: 2,
        maxPerMonth: 6,
        preferredLanguage: 'sv',
      })
      .expect(200);
    expect(ok.body).toMatchObject({
      languages: ['fi', 'sv', 'se'],
      homeMunicipality: '499',
      maxPerWeek: 2,
      preferredLanguage: 'sv',
    });
    // Saved as it was: the same profile, and nothing written, not even an audit row.
    const audited = async () =>
      (await t.db.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE action = 'expert.profile_updated' AND entity_id = $1`,
        [expert.id],
      )) as { n: number }[];
    const auditedBefore = await audited();
    expect((await as(token).patch('/experts/me', {}).expect(200)).body).toEqual(ok.body);
    await expect(audited()).resolves.toEqual(auditedBefore);

    const cases: [object, string][] = [
      [{ languages: ['xx'] }, 'languages'],
      [{ homeMunicipality: '999' }, 'homeMunicipality'],
      [{ travelMunicipalities: ['905', '123'] }, 'travelMunicipalities'],
      [{ taskTypes: ['juggling'] }, 'taskTypes'],
      [{ maxPerWeek: 0 }, 'maxPerWeek'],
      [{ diagnosis: 'anything' }, 'diagnosis'],
    ];
    for (const [body, field] of cases) {
      const res = await as(token).patch('/experts/me', body).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('records the consent with the topics and refuses unknown topics', async () => {
    const token = await login(t.http, await createExpert(t.db, { topics: [] }));
    const vocabulary = await as(token).get('/topics').expect(200);
    expect(vocabulary.body.consentText.sv).toContain('samtycker');
    await as(token)
      .put('/experts/me/topics', { topics: ['mental_health'], consentVersion: 'old' })
      .expect(400);
    const bad = await as(token)
      .put('/experts/me/topics', { topics: ['schizophrenia'], consentVersion: vocabulary.body.consentVersion })
      .expect(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'topics', code: 'unknownTopic' });
    const res = await as(token)
      .put('/experts/me/topics', { topics: ['family_carer', 'ageing'], consentVersion: vocabulary.body.consentVersion })
      .expect(200);
    expect(res.body).toMatchObject({ topics: ['family_carer', 'ageing'], topicsConsentVersion: 'topics-v1' });
    expect(res.body.topicsConsentAt).toEqual(expect.any(String));
  });

  it('keeps payment details encrypted, shows them masked, and audits every clear read', async () => {
    const expert = await createExpert(t.db);
    const token = await login(t.http, expert);
    const { code, dateOfBirth } = uniqueIdentityCode();
    t.logs.length = 0;
    const saved = await as(token)
      .put('/experts/me/payment-details', {
        iban: IBAN,
        identityCode: code,
        taxPercent: 12.5,
        taxCardYear: 2026,
        payee: 'expert',
      })
      .expect(200);
    expect(saved.body).toEqual({
      ibanMasked: 'FI** **** **** **** 85',
      identityCodeMasked: `${code.slice(0, 7)}****`,
      taxPercent: 12.5,
      taxCardYear: 2026,
      payee: 'expert',
      declinesFee: false,
      association: null,
    });
    const row = await t.db.getRepository(PaymentDetailsEntity).findOneOrFail({
      where: { expertId: expert.id },
      select: { expertId: true, ibanEncrypted: true, dateOfBirth: true },
    });
    expect(typeof row.ibanEncrypted).toBe('string');
    expect(row.ibanEncrypted).not.toContain(IBAN_DIGITS);
    expect(row.dateOfBirth).toBe(dateOfBirth);

    const responses = [
      await as(token).get('/experts/me/payment-details').expect(200),
      await as(token).get('/experts/me').expect(200),
      await as(coordinator).get(`/experts/${expert.id}/payment-details`).expect(200),
      await as(coordinator).get(`/experts/${expert.id}`).expect(200),
      await as(coordinator).get('/experts?limit=100').expect(200),
    ];
    for (const res of responses) expect(JSON.stringify(res.body)).not.toContain(IBAN_DIGITS);

    const clear = await as(token).get('/experts/me/payment-details/clear').expect(200);
    expect(clear.body.iban).toBe('FI2112345600000785');
    const reads = await t.db
      .getRepository(AuditEventEntity)
      .findBy({ entityId: expert.id, action: 'expert.payment_details_read_clear' });
    expect(reads).toHaveLength(1);
    expect(JSON.stringify(reads[0].details)).not.toContain(IBAN_DIGITS);
    // The coordinator's read of the masked values is audited as well (the expert's own is not).
    const maskedReads = await t.db
      .getRepository(AuditEventEntity)
      .findBy({ entityId: expert.id, action: 'expert.payment_details_read' });
    expect(maskedReads.map((r) => r.details)).toEqual([
      { fields: ['iban', 'identityCode', 'associationIban'], masked: true },
    ]);

    expect(t.logs.length).toBeGreaterThan(0);
    expect(t.logs.join('\n')).not.toContain(IBAN_DIGITS);
    expect(t.logs.join('\n')).not.toContain(code.slice(7));
  });

  it('refuses a bad IBAN, identity code and business ID, naming each', async () => {
    const token = await login(t.http, await createExpert(t.db));
    const cases: [object, string][] = [
      [{ iban: 'FI21 1234 5600 0007 86', payee: 'expert' }, 'iban'],
      [{ identityCode: '131052-308U', payee: 'expert' }, 'identityCode'],
      [{ identityCode: '300252-308T', payee: 'expert' }, 'identityCode'],
      [
        { payee: 'association', association: { name: 'Yhdistys ry', businessId: '1572860-1', iban: IBAN } },
        'association.businessId',
      ],
      [{ payee: 'association' }, 'association'],
      [{ taxPercent: 120, taxCardYear: 2026, payee: 'expert' }, 'taxPercent'],
      [{ taxPercent: 12.5, payee: 'expert' }, 'taxCardYear'],
      // A tax card year is checked even where no percentage comes with it (it once reached a smallint column: a 500).
      [{ taxPercent: null, taxCardYear: 'str', payee: 'expert' }, 'taxCardYear'],
      [{ taxPercent: null, taxCardYear: 99999999999, payee: 'expert' }, 'taxCardYear'],
      [{ taxCardYear: [2026], payee: 'expert' }, 'taxCardYear'],
      // Well-formed, but meaningless without what it belongs to: refused, not silently dropped.
      [{ taxPercent: null, taxCardYear: 2026, payee: 'expert' }, 'taxCardYear'],
      [{ taxCardYear: 2026, payee: 'expert' }, 'taxCardYear'],
      [{ payee: 'expert', association: 'Yhdistys ry' }, 'association'],
      [{ payee: 'expert', association: { name: 'Yhdistys ry', businessId: '1572860-0', iban: IBAN } }, 'association'],
    ];
    for (const [body, field] of cases) {
      const res = await as(token).put('/experts/me/payment-details', body).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    // Nothing of them was kept, and nothing was written in the audit log.
    await as(token).get('/experts/me/payment-details').expect(404);
    const { id } = (await as(token).get('/experts/me').expect(200)).body;
    await expect(
      t.db.getRepository(AuditEventEntity).countBy({ entityId: id, action: 'expert.payment_details_updated' }),
    ).resolves.toBe(0);
    // What the web app's form sends when there is no tax card still saves.
    await as(token)
      .put('/experts/me/payment-details', { taxPercent: null, taxCardYear: null, payee: 'expert', declinesFee: false })
      .expect(200);
    // The database keeps the pairing too.
    await expect(
      t.db.query('UPDATE expert_payment_details SET tax_card_year = 2026 WHERE expert_id = $1', [id]),
    ).rejects.toThrow(/payment_details_tax_card/);
  });

  it('answers a pause from the wrong state with 409 problem details', async () => {
    const token = await login(t.http, await createExpert(t.db, { status: ExpertStatus.Paused }));
    const res = await as(token).post('/experts/me/pause').expect(409);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 409, code: 'EXPERT_STATUS_CONFLICT' });
  });

  it('refuses a pause reason over 500 characters, naming the field', async () => {
    const token = await login(t.http, await createExpert(t.db));
    const res = await as(token)
      .post('/experts/me/pause', { reason: 'x'.repeat(501) })
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    await expect(
      as(token)
        .get('/experts/me')
        .then((r) => r.body.status),
    ).resolves.toBe('active');
  });

  it('answers the directory with a page, and refuses a limit over 100 and an unknown language, naming each', async () => {
    await createExpert(t.db);
    await createExpert(t.db);
    const page = await as(coordinator).get('/experts?limit=1&offset=0').expect(200);
    expect(page.body).toMatchObject({ limit: 1, offset: 0 });
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBeGreaterThan(1);
    const fields = async (query: string) =>
      (await as(coordinator).get(`/experts?${query}`).expect(400)).body.errors.map((e: { field: string }) => e.field);
    expect(await fields('limit=500')).toEqual(['limit']);
    expect(await fields('language=klingon')).toEqual(['language']);
  });

  it('keeps an expert’s profile from other experts and the admin, and the directory from orderers', async () => {
    const a = await createExpert(t.db);
    const b = await login(t.http, await createExpert(t.db));
    await as(b).get(`/experts/${a.id}`).expect(403);
    // A pause reason may be about health: the admin does not read profiles at all.
    const admin = (await loggedIn(t.db, t.http, Role.Admin)).token;
    await as(admin).get(`/experts/${a.id}`).expect(403);
    const orderer = (await loggedIn(t.db, t.http, Role.Orderer)).token;
    await as(orderer).get('/experts').expect(403);
    await as(orderer).get('/experts/me').expect(403);
  });

  it('exports the expert’s own data and anonymises on erasure, keeping nothing personal', async () => {
    const expert = await createExpert(t.db, { name: 'Erik Eraser' });
    const token = await login(t.http, expert);
    await as(token).put('/experts/me/payment-details', { iban: IBAN, payee: 'expert' }).expect(200);
    const data = await as(token).get('/experts/me/data').expect(200);
    expect(data.body.account.email).toBe(expert.email);
    expect(data.body.paymentDetails.clear.iban).toBe('FI2112345600000785');
    const asked = await Promise.all([1, 2, 3].map(() => as(token).post('/experts/me/erasure-request').expect(200)));
    // Three taps at once: one request, its one time in every answer, one audit row.
    expect(new Set(asked.map((res) => res.body.erasureRequestedAt))).toEqual(new Set([expect.any(String)]));
    expect(new Set(asked.map((res) => res.body.erasureRequestedAt)).size).toBe(1);
    await expect(
      t.db.getRepository(AuditEventEntity).countBy({ entityId: expert.id, action: 'expert.erasure_requested' }),
    ).resolves.toBe(1);

    const res = await as(coordinator)
      .post(`/experts/${expert.id}/anonymise`, { reason: 'GDPR erasure request' })
      .expect(200);
    expect(res.body).toMatchObject({
      status: 'anonymised',
      name: 'Anonymised expert',
      languages: [],
      topics: [],
      homeMunicipality: null,
    });
    expect(res.body.email).not.toContain(expert.email);
    expect(await t.db.getRepository(PaymentDetailsEntity).findOneBy({ expertId: expert.id })).toBeNull();
    await as(token).get('/experts/me').expect(401);
    await t.http.post('/auth/login').send({ email: expert.email, password: expert.password }).expect(401);
  });

  it('lets a mail the worker is handing to the mail server go before the erasure commits, never after it', async () => {
    const expert = await createExpert(t.db, { name: 'Elin Eftersänd' });
    // The mail server takes its time over the expert's password link: the send waits until the test lets it go.
    let entered!: () => void;
    const sending = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const deliver = t.mail.send.bind(t.mail);
    const events: string[] = [];
    jest.spyOn(t.mail, 'send').mockImplementation(async (mail) => {
      if (mail.to !== expert.email) return deliver(mail);
      entered();
      await released;
      await deliver(mail);
      events.push('delivered');
    });
    try {
      await t.http.post('/auth/password-reset').send({ email: expert.email }).expect(202);
      await sending;
      const erasure = as(coordinator)
        .post(`/experts/${expert.id}/anonymise`, { reason: 'GDPR erasure request' })
        .expect(200)
        .then(() => events.push('erased'));
      // The erasure waits for the mail's row: a lock wait in this database, or (were it not waiting) its answer.
      const waiting = async () =>
        (
          await t.db.query(
            `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          )
        ).length > 0;
      while (events.length === 0 && !(await waiting())) await new Promise((r) => setTimeout(r, 20));
      release();
      await erasure;
    } finally {
      jest.restoreAllMocks();
    }
    expect(events).toEqual(['delivered', 'erased']);
    // Sent once; its row kept as sent, without the address and the body.
    expect(t.mail.sent.filter((m) => m.to === expert.email)).toHaveLength(1);
    expect(
      await t.db.query(`SELECT status, to_address AS "to", text_body AS body FROM mail_messages WHERE user_id = $1`, [
        expert.id,
      ]),
    ).toEqual([{ status: 'sent', to: 'anonymised@invalid.invalid', body: null }]);
  });
});
