import { randomUUID } from 'node:crypto';
import { Role } from '../../../src/common/auth/role.enum';
import { AccessibilityFeedbackEntity } from '../../../src/modules/accessibility/entities/accessibility-feedback.entity';
import { FEEDBACK_PER_ADDRESS } from '../../../src/modules/accessibility/accessibility-feedback.controller';
import { loggedIn } from '../../factories/users.factory';
import { createTestApp, TestApp } from '../../utils/test-app';

const MAILBOX = 'saavutettavuus@pohjanmaa.example';

describe('accessibility feedback', () => {
  let t: TestApp;
  // Each test sends from its own address: the limit per address is low on purpose.
  const from = () => `192.0.2.${Math.floor(Math.random() * 250) + 1}`;

  beforeAll(async () => {
    // Each test speaks from an address of its own, through a proxy the app trusts.
    t = await createTestApp({ env: { ACCESSIBILITY_FEEDBACK_EMAIL: MAILBOX, TRUST_PROXY: '127.0.0.1' } });
  });
  afterAll(() => t.close());

  const send = (body: object, ip = from()) =>
    t.http.post('/accessibility-feedback').set('x-forwarded-for', ip).send(body);

  it('stores feedback from anyone and mails it to the configured mailbox', async () => {
    const message = `Virheilmoitus ei tule ruudunlukijalle ${randomUUID()}`;
    const res = await send({
      message,
      email: 'anna@example.fi',
      name: 'Anna Asiakas',
      page: '/offers/123',
      language: 'sv',
    }).expect(202);
    expect(res.text).toBe('');
    const row = await t.db.getRepository(AccessibilityFeedbackEntity).findOneByOrFail({ message });
    expect(row).toMatchObject({ email: 'anna@example.fi', name: 'Anna Asiakas', page: '/offers/123', language: 'sv' });
    const mail = await t.mail.waitFor((m) => m.text.includes(message));
    expect(mail.to).toBe(MAILBOX);
    expect(mail.subject).toBe('Saavutettavuuspalaute Kokemus-palvelusta');
    expect(mail.text).toContain('Sivu: /offers/123');
    expect(mail.text).toContain('Sähköposti: anna@example.fi');
    expect(mail.text).toContain(row.id);
  });

  it('takes a message alone', async () => {
    const message = `Pelkkä viesti ${randomUUID()}`;
    await send({ message }).expect(202);
    expect(await t.db.getRepository(AccessibilityFeedbackEntity).findOneByOrFail({ message })).toMatchObject({
      email: null,
      name: null,
      page: null,
    });
    expect((await t.mail.waitFor((m) => m.text.includes(message))).text).toContain('Lähettäjä: ei kerrottu');
  });

  it.each([
    ['no message', {}, 'message'],
    ['an empty message', { message: '' }, 'message'],
    ['a blank message', { message: '   \n ' }, 'message'],
    ['a message over 4000 characters', { message: 'x'.repeat(4001) }, 'message'],
    ['a bad e-mail', { message: 'm', email: 'not-mail' }, 'email'],
    ['a page that is a full URL', { message: 'm', page: 'https://evil.example/x' }, 'page'],
    ['a page with a fragment (a token could hide there)', { message: 'm', page: '/reset-password#token=abc' }, 'page'],
    ['a page with a query', { message: 'm', page: '/offers?x=1' }, 'page'],
    ['an unknown language', { message: 'm', language: 'de' }, 'language'],
    ['an unknown field', { message: 'm', userId: randomUUID() }, 'userId'],
  ])('refuses %s with 400 naming the field', async (_name, body, field) => {
    const before = await t.db.getRepository(AccessibilityFeedbackEntity).count();
    const res = await send(body).expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await t.db.getRepository(AccessibilityFeedbackEntity).count()).toBe(before);
  });

  it('takes a 4000-character message', async () => {
    await send({ message: 'ä'.repeat(4000) }).expect(202);
  });

  it('lets the coordinator list it newest first, a page at a time, and no one else', async () => {
    const first = `Ensimmäinen ${randomUUID()}`;
    const second = `Toinen ${randomUUID()}`;
    await send({ message: first }).expect(202);
    await send({ message: second, email: 'b@example.fi' }).expect(202);
    const coordinator = await loggedIn(t.db, t.http, Role.Coordinator);
    const page = await t.http
      .get('/accessibility-feedback?limit=2')
      .set('authorization', `Bearer ${coordinator.token}`)
      .expect(200);
    expect(page.body).toMatchObject({ limit: 2, offset: 0, total: expect.any(Number) });
    expect(page.body.total).toBeGreaterThanOrEqual(2);
    expect(page.body.items.map((i: { message: string }) => i.message)).toEqual([second, first]);
    expect(page.body.items[0]).toEqual({
      id: expect.any(String),
      message: second,
      email: 'b@example.fi',
      name: null,
      page: null,
      language: null,
      createdAt: expect.any(String),
    });
    const next = await t.http
      .get('/accessibility-feedback?limit=1&offset=1')
      .set('authorization', `Bearer ${coordinator.token}`)
      .expect(200);
    expect(next.body.items.map((i: { message: string }) => i.message)).toEqual([first]);
    await t.http
      .get('/accessibility-feedback?limit=101')
      .set('authorization', `Bearer ${coordinator.token}`)
      .expect(400);

    for (const role of [Role.Admin, Role.Expert, Role.Orderer]) {
      const other = await loggedIn(t.db, t.http, role);
      const res = await t.http.get('/accessibility-feedback').set('authorization', `Bearer ${other.token}`).expect(403);
      expect(res.body.code).toBe('ROLE_NOT_ALLOWED');
    }
    await t.http.get('/accessibility-feedback').expect(401);
  });

  it(`limits one address to ${FEEDBACK_PER_ADDRESS} messages in ten minutes`, async () => {
    const ip = '203.0.113.99';
    for (let i = 0; i < FEEDBACK_PER_ADDRESS; i++) await send({ message: `Viesti ${i}` }, ip).expect(202);
    const limited = await send({ message: 'Yksi liikaa' }, ip).expect(429);
    expect(limited.body.code).toBe('TOO_MANY_REQUESTS');
    await send({ message: 'Toisesta osoitteesta' }, '203.0.113.100').expect(202);
  });
});
