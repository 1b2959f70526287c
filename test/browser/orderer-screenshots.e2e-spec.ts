import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Role } from '../../src/common/auth/role.enum';
import { Language } from '../../src/common/i18n/language';
import { createBookableExpert } from '../factories/bookable.factory';
import { addMember, createUnit } from '../factories/organisations.factory';
import { createUser, login } from '../factories/users.factory';
import fi from '../../web/src/i18n/fi.json';
import sv from '../../web/src/i18n/sv.json';
import { expectPage, orderAndOffer, signIn, startWebApp, WebApp } from './browser';

// Not a test: with SCREENSHOT_DIR set, pictures of the orderer's screens at 1280 and 360 px in Finnish and
// Swedish (SCREENSHOT_DIR=/tmp/shots npx jest test/browser/orderer-screenshots).
const dir = process.env.SCREENSHOT_DIR;
const TEXTS = { fi, sv };
const DAY = 86_400_000;

(dir ? describe : describe.skip)('screenshots of the orderer’s screens', () => {
  let web: WebApp;
  beforeAll(async () => {
    web = await startWebApp();
    mkdirSync(dir!, { recursive: true });
  }, 120_000);
  afterAll(() => web?.close());

  it.each(['fi', 'sv'] as const)('in %s', async (language) => {
    const text = TEXTS[language];
    const o = text.orders;
    const { t } = web;
    const orderer = await createUser(t.db, Role.Orderer, { name: language === 'fi' ? 'Olli Tilaaja' : 'Ulla Beställare', language: language as Language });
    const unit = await createUnit(t.db, { nameFi: 'Psykiatrian poliklinikka', nameSv: 'Psykiatriska polikliniken' });
    await addMember(t.db, unit.id, orderer.id);
    const coordinator = await login(t.http, await createUser(t.db, Role.Coordinator));
    const token = await login(t.http, orderer);
    const post = (tok: string, path: string, body: object = {}) => t.http.post(path).set('authorization', `Bearer ${tok}`).send(body);
    const draft = await post(token, '/booking-requests', {
      organisationId: unit.id, taskType: 'lecture', title: language === 'fi' ? 'Luento opiskelijoille' : 'Föreläsning för studerande',
      goal: language === 'fi' ? 'Opiskelijat kuulevat, miltä palvelut näyttävät asiakkaan silmin.' : 'De studerande hör hur tjänsterna ser ut med klientens ögon.',
      audience: language === 'fi' ? 'Sosionomiopiskelijat, noin 40' : 'Socionomstuderande, cirka 40', expertRole: language === 'fi' ? 'Luento 45 min ja kysymykset' : 'Föreläsning 45 min och frågor',
      startsAt: new Date(Date.now() + 21 * DAY).toISOString(), endsAt: new Date(Date.now() + 21 * DAY + 2 * 3_600_000).toISOString(),
      remote: true, remoteTool: 'Teams', languages: [language], expertsNeeded: 1, preparationHours: 1, materialUrl: 'https://example.org/ohjelma.pdf',
    }).expect(201);
    const expertName = language === 'fi' ? 'Aino Asiantuntija' : 'Ebba Expert';
    const expert = await createBookableExpert(t.db, { name: expertName, languages: [language], topics: [] });
    const booked = language === 'fi' ? 'Asiakasraadin kokous' : 'Klientrådets möte';
    const offerId = await orderAndOffer(t, { ordererToken: token, coordinatorToken: coordinator, unitId: unit.id }, { expertId: expert.id, language, title: booked, startsAt: new Date(Date.now() + 30 * 3_600_000) });
    await post(await login(t.http, expert), `/offers/${offerId}/accept`).expect(201);
    const [{ id: bookedId }] = (await t.db.query('SELECT id FROM booking_requests WHERE title = $1 AND organisation_id = $2', [booked, unit.id])) as { id: string }[];
    const stranger = await createUser(t.db, Role.Orderer);
    const otherUnit = await createUnit(t.db);
    await addMember(t.db, otherUnit.id, stranger.id);

    for (const width of [1280, 360]) {
      const page = await web.newPage(language, width);
      await signIn(page, orderer, { email: text.fields.email, password: text.fields.password, submit: text.signIn.submit });
      await expectPage(page, o.list.title);
      const shot = async (name: string) => {
        await page.waitForLoadState('networkidle');
        await page.screenshot({ path: join(dir!, `${name}-${language}-${width}.png`), fullPage: true });
      };
      await shot('orders');
      await page.goto('/orders/new');
      await expectPage(page, o.form.title);
      await shot('new-order');
      await page.getByRole('button', { name: o.form.save }).click();
      await page.getByRole('heading', { name: new RegExp(text.forms.errorSummary_other.replace('{{count}}', '\\d+')) }).waitFor();
      await shot('new-order-errors');
      await page.goto(`/orders/${draft.body.id}`);
      await expectPage(page, draft.body.title);
      await shot('order-draft');
      await page.goto(`/orders/${bookedId}`);
      await expectPage(page, booked);
      await page.getByRole('heading', { level: 3, name: expertName }).waitFor();
      await shot('order-booked');
      await page.getByRole('button', { name: o.cancel.open }).click();
      await page.getByText(o.cancel.feeDueLabel).waitFor();
      await shot('order-cancel');
      await page.goto('/orders/00000000-0000-4000-8000-000000000000');
      await expectPage(page, o.notFound.title);
      await shot('order-not-found');
    }
  }, 240_000);
});
