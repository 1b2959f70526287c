import { Role } from '../../src/common/auth/role.enum';
import { Language } from '../../src/common/i18n/language';
import { OrganisationKind } from '../../src/modules/organisations/entities/organisation.entity';
import { createBookableExpert } from '../factories/bookable.factory';
import { createExpert } from '../factories/experts.factory';
import { seedApprovedClaims, setPaymentDetails, settleOpenFeeRuns } from '../factories/fees.factory';
import { until } from '../utils/documents';
import { addMember, createUnit } from '../factories/organisations.factory';
import { createUser, login } from '../factories/users.factory';
import { expectAccessible, expectPage, orderAndOffer, signIn, WebApp, daytimeWithin48h } from './browser';
import { signedIn } from './parties';
import { describeScreenshots } from './screenshot-specs';
import { DAY, signInLabels } from './texts';

// Not a test: with SCREENSHOT_DIR set, pictures of the orderer's screens at 1280 and 360 px in Finnish and
// Swedish (SCREENSHOT_DIR=/tmp/shots npx jest test/browser/orderer-screenshots).

// A year of paid work for a unit and its project, paid in a real fee run, for the spending page: their ids.
async function setUp(web: WebApp): Promise<string[]> {
  const spent: string[] = [];
  const { t } = web;
  await settleOpenFeeRuns(t.db);
  const coordinator = await createUser(t.db, Role.Coordinator);
  const token = await login(t.http, coordinator);
  spent.push((await createUnit(t.db, { nameFi: 'Psykososiaaliset palvelut', nameSv: 'Psykosociala tjänster' })).id);
  spent.push(
    (
      await createUnit(t.db, {
        kind: OrganisationKind.Project,
        ownerUnitId: spent[0],
        nameFi: 'Kokemustoiminnan hanke',
        nameSv: 'Projektet för erfarenhetsverksamhet',
      })
    ).id,
  );
  const experts = [await createExpert(t.db), await createExpert(t.db)];
  const year = new Date().getFullYear();
  for (const e of experts) await setPaymentDetails(t.db, e.id, { taxPercent: 10, taxCardYear: year });
  await seedApprovedClaims(t.db, {
    count: 40,
    expertIds: experts.map((e) => e.id),
    organisationIds: spent,
    createdBy: coordinator.id,
    decidedBy: coordinator.id,
    firstDay: `${year}-01-12`,
    days: 300,
  });
  const post = (path: string, body: object = {}) =>
    t.http.post(path).set('authorization', `Bearer ${token}`).send(body);
  const run = await post('/fee-runs', { upTo: `${year}-11-30` }).expect(202);
  const now = () =>
    t.http
      .get(`/fee-runs/${run.body.id}`)
      .set('authorization', `Bearer ${token}`)
      .then((r) => r.body as { status: string });
  expect((await until(now, (r) => r.status === 'computed' || r.status === 'failed', 60_000)).status).toBe('computed');
  await post(`/fee-runs/${run.body.id}/approve`).expect(200);
  await post(`/fee-runs/${run.body.id}/export`).expect(202);
  expect((await until(now, (r) => r.status === 'exported' || r.status === 'failed', 60_000)).status).toBe('exported');
  return spent;
}

describeScreenshots(
  'screenshots of the orderer’s screens',
  { timeout: 240_000, setUp, setUpTimeout: 240_000 },
  async ({ web, language, text, made: spent, picture }) => {
    const o = text.orders;
    const { t } = web;
    const orderer = await createUser(t.db, Role.Orderer, {
      name: language === 'fi' ? 'Olli Tilaaja' : 'Ulla Beställare',
      language: language as Language,
    });
    const unit = await createUnit(t.db, { nameFi: 'Psykiatrian poliklinikka', nameSv: 'Psykiatriska polikliniken' });
    await addMember(t.db, unit.id, orderer.id);
    for (const id of spent) await addMember(t.db, id, orderer.id);
    const coordinator = await signedIn(t, Role.Coordinator);
    const token = await login(t.http, orderer);
    const post = (tok: string, path: string, body: object = {}) =>
      t.http.post(path).set('authorization', `Bearer ${tok}`).send(body);
    const draft = await post(token, '/booking-requests', {
      organisationId: unit.id,
      taskType: 'lecture',
      title: language === 'fi' ? 'Luento opiskelijoille' : 'Föreläsning för studerande',
      goal:
        language === 'fi'
          ? 'Opiskelijat kuulevat, miltä palvelut näyttävät asiakkaan silmin.'
          : 'De studerande hör hur tjänsterna ser ut med klientens ögon.',
      audience: language === 'fi' ? 'Sosionomiopiskelijat, noin 40' : 'Socionomstuderande, cirka 40',
      expertRole: language === 'fi' ? 'Luento 45 min ja kysymykset' : 'Föreläsning 45 min och frågor',
      startsAt: new Date(Date.now() + 21 * DAY).toISOString(),
      endsAt: new Date(Date.now() + 21 * DAY + 2 * 3_600_000).toISOString(),
      remote: true,
      remoteTool: 'Teams',
      languages: [language],
      expertsNeeded: 1,
      preparationHours: 1,
      materialUrl: 'https://example.org/ohjelma.pdf',
    }).expect(201);
    const expertName = language === 'fi' ? 'Aino Asiantuntija' : 'Ebba Expert';
    const expert = await createBookableExpert(t.db, { name: expertName, languages: [language], topics: [] });
    const booked = language === 'fi' ? 'Asiakasraadin kokous' : 'Klientrådets möte';
    const offerId = await orderAndOffer(
      t,
      { ordererToken: token, coordinatorToken: coordinator, unitId: unit.id },
      { expertId: expert.id, language, title: booked, startsAt: daytimeWithin48h() },
    );
    await post(await login(t.http, expert), `/offers/${offerId}/accept`).expect(201);
    const [{ id: bookedId }] = (await t.db.query(
      'SELECT id FROM booking_requests WHERE title = $1 AND organisation_id = $2',
      [booked, unit.id],
    )) as { id: string }[];
    const stranger = await createUser(t.db, Role.Orderer);
    const otherUnit = await createUnit(t.db);
    await addMember(t.db, otherUnit.id, stranger.id);

    for (const width of [1280, 360]) {
      const page = await web.newPage(language, width);
      await signIn(page, orderer, signInLabels(text));
      await expectPage(page, o.list.title);
      const shot = async (name: string) => {
        await page.waitForLoadState('networkidle');
        await picture(page, name, width);
      };
      await shot('orders');
      await page.goto('/orders/new');
      await expectPage(page, o.form.title);
      await shot('new-order');
      await page.getByRole('button', { name: o.form.save }).click();
      await page
        .getByRole('heading', { name: new RegExp(text.forms.errorSummary_other.replace('{{count}}', '\\d+')) })
        .waitFor();
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
      await page.goto('/spending');
      await expectPage(page, o.spending.title);
      await page.getByRole('table').waitFor();
      await shot('spending');
      // The chart and its table pass axe too (the journey meets only the empty page).
      if (width === 1280) await expectAccessible(page);
    }
  },
);
