import { Role } from '../../../src/common/auth/role.enum';
import { createBookableExpert } from '../../factories/bookable.factory';
import { signContractOf } from '../../factories/contracts.factory';
import { addMember, createUnit } from '../../factories/organisations.factory';
import { createUser, login } from '../../factories/users.factory';
import {
  daytimeWithin48h,
  expectAccessible,
  expectPage,
  loseFirstAnswer,
  orderAndOffer,
  shot,
  signIn,
  WebApp,
} from '../browser';
import { expectFocusOn } from '../keyboard';
import { viaMenuAnyWidth } from '../menu';
import { orderParties, webAppAndCoordinator } from '../parties';
import { asUser } from '../../utils/as-user';
import { DAY, fill, helsinkiDate, signInLabels, TEXTS, Texts } from '../texts';

// An orderer's way through an order in the browser against the real API and its worker: a new order with its
// estimate, sent; the expert's name only once they accepted; the work confirmed and rated; another order cancelled
// inside 48 hours after being told the fee falls due. The coordinator's and the expert's steps go through the API.
describe('an orderer’s journey in the browser', () => {
  let web: WebApp;
  let coordinator: string;
  let dayOffset = 4;

  beforeAll(async () => {
    ({ web, coordinator } = await webAppAndCoordinator());
  }, 120_000);

  const as = asUser(() => web.t.http);

  describe.each(['fi', 'sv'] as const)('in %s', (language) => {
    const text: Texts = TEXTS[language];
    const o = text.orders;

    it('orders, sends, sees the expert once they accept, confirms the work, rates it, and cancels another order knowing the fee', async () => {
      const { t } = web;
      const { orderer, unit, expertName, expert } = await orderParties(t, language, ['mental_health']);
      const stranger = await createUser(t.db, Role.Orderer);
      const otherUnit = await createUnit(t.db);
      await addMember(t.db, otherUnit.id, stranger.id);
      const foreign = await as(await login(t.http, stranger))
        .post('/booking-requests', {
          organisationId: otherUnit.id,
          taskType: 'lecture',
          title: 'Vieras tilaus',
          startsAt: new Date(Date.now() + 20 * DAY).toISOString(),
          endsAt: new Date(Date.now() + 20 * DAY + 3_600_000).toISOString(),
          remote: true,
          languages: ['fi'],
          expertsNeeded: 1,
        })
        .expect(201);

      const title = language === 'fi' ? 'Asiakasraadin kokous' : 'Klientrådets möte';
      const workDate = helsinkiDate(new Date(Date.now() + dayOffset++ * DAY));
      const startsAt = new Date(`${workDate}T08:00:00Z`);

      // Its own profile: later the test sets this browser's clock past the work.
      const page = await web.newPage(language, 1280, { ownContext: true });
      await signIn(page, orderer, signInLabels(text));
      await expectPage(page, o.list.title);
      // A new unit's orderer is told there are no orders yet, not that their (unset) filters found none.
      await page.getByText(o.list.none).waitFor();
      await expectAccessible(page);

      // The new order, in its sections.
      await viaMenuAnyWidth(page, text, o.nav.newOrder, o.form.title);
      await expectAccessible(page);
      await page
        .getByLabel(o.fields.organisation)
        .selectOption({ label: `${language === 'fi' ? unit.nameFi : unit.nameSv} (${unit.code})` });
      await page.getByLabel(o.fields.taskType).selectOption('working_group');
      await page.getByLabel(o.fields.title, { exact: true }).fill(title);
      await page
        .getByLabel(`${o.fields.goal} (${text.forms.optional})`, { exact: true })
        .fill(language === 'fi' ? 'Asiakkaan näkökulma ajanvaraukseen' : 'Klientens syn på tidsbokningen');
      await page
        .getByLabel(`${o.fields.audience} (${text.forms.optional})`, { exact: true })
        .fill(language === 'fi' ? 'Poliklinikan henkilökunta' : 'Poliklinikens personal');
      await page
        .getByLabel(`${o.fields.expertRole} (${text.forms.optional})`, { exact: true })
        .fill(language === 'fi' ? 'Puheenvuoro ja keskustelu' : 'Anförande och diskussion');
      await page.getByLabel(o.fields.date).fill(workDate);
      await page.getByLabel(o.fields.startsAt).fill('10:00');
      // An end before the start, slipped in: said as that, not as a day too long past midnight.
      await page.getByLabel(o.fields.endsAt).fill('09:00');
      await page.getByRole('button', { name: o.form.save }).click();
      await page
        .getByRole('link', { name: fill(text.errors.field.beforeStart, { field: o.fields.endsAt }), exact: true })
        .waitFor();
      await page.getByLabel(o.fields.endsAt).fill('12:00');
      await page.getByLabel(o.fields.preparationHours).selectOption('1');
      await page.getByLabel(o.fields.municipality).selectOption('905');
      await page.getByLabel(o.fields.address, { exact: true }).fill('Hietalahdenkatu 2–4');
      await page
        .getByLabel(`${o.fields.meetingPoint} (${text.forms.optional})`, { exact: true })
        .fill(language === 'fi' ? 'Pääovi' : 'Huvudingången');
      // The order's language starts as the orderer's own.
      expect(
        await page
          .getByRole('checkbox', {
            name: new Intl.DisplayNames([language], { type: 'language' }).of(language),
            exact: true,
          })
          .isChecked(),
      ).toBe(true);
      await page.getByRole('button', { name: o.form.save }).click();
      await expectPage(page, title);
      await page.getByRole('status').filter({ hasText: o.form.saved }).waitFor();

      // The estimate before sending, from the fee schedule: 2 h + 1 h preparation at the working groups' rate.
      const orderUrl = page.url();
      const id = orderUrl.split('/orders/')[1];
      const draft = (
        await as(await login(t.http, orderer))
          .get(`/booking-requests/${id}`)
          .expect(200)
      ).body;
      expect(draft.feeEstimateCents).toBeGreaterThan(0);
      const euros = new Intl.NumberFormat(language === 'fi' ? 'fi-FI' : 'sv-FI', {
        style: 'currency',
        currency: 'EUR',
      }).format(draft.feeEstimateCents / 100);
      await page
        .getByText(fill(o.order.estimate, { fee: euros }))
        .first()
        .waitFor();
      await expectAccessible(page);
      await page.getByRole('button', { name: o.order.send }).click();
      await page.getByRole('status').filter({ hasText: o.order.sent }).waitFor();
      // The button gone with the draft, the order's new state has the focus.
      await expectFocusOn(page, o.waiting.matching);

      // Offered, not yet accepted: no name. Accepted: the name, languages and municipality.
      const [offer] = (
        await as(coordinator)
          .post(`/booking-requests/${id}/offers`, {
            expertIds: [expert.id],
            deadline: new Date(startsAt.getTime() - DAY).toISOString(),
          })
          .expect(201)
      ).body;
      await page.reload();
      await page.getByText(o.experts.none).waitFor();
      expect(await page.getByText(expertName).count()).toBe(0);
      const assignmentId = (
        await as(await login(t.http, expert))
          .post(`/offers/${offer.id}/accept`)
          .expect(201)
      ).body.id as string;
      await page.reload();
      await page.getByRole('heading', { level: 3, name: expertName }).waitFor();
      await page
        .getByText(fill(o.experts.municipality, { municipality: language === 'fi' ? 'Vaasa' : 'Vasa' }))
        .waitFor();
      const { topics } = (
        await as(await login(t.http, orderer))
          .get('/topics')
          .expect(200)
      ).body as { topics: { code: string; nameFi: string; nameSv: string }[] };
      const mentalHealth = topics.find((x) => x.code === 'mental_health')!;
      await page
        .getByText(fill(o.experts.topics, { topics: language === 'fi' ? mentalHealth.nameFi : mentalHealth.nameSv }))
        .waitFor();
      await expectAccessible(page);

      // After the work (the API's clock and the browser's past its end): confirmed, then rated once.
      const after = new Date(startsAt.getTime() + 3 * 3_600_000);
      t.clock.set(after);
      try {
        await page.clock.setSystemTime(after);
        await page.reload();
        // Its contract not yet signed, the work cannot be confirmed as done yet; a no-show could be marked.
        await page.getByText(fill(o.confirm.notSigned, { name: expertName })).waitFor();
        expect(await page.getByRole('button', { name: o.confirm.tookPlace }).count()).toBe(0);
        // Past its end the work is confirmed or marked a no-show: the order offers no cancelling (the API refuses it).
        expect(await page.getByRole('heading', { level: 2, name: o.cancel.heading }).count()).toBe(0);
        expect(await page.getByRole('button', { name: o.cancel.open }).count()).toBe(0);
        // Asked whether the expert came, what a no-show means is read first; back, the focus is where it was.
        await page.getByRole('button', { name: o.confirm.noShow }).click();
        await expectFocusOn(page, fill(o.confirm.noShowExplain, { name: expertName }));
        await page.getByRole('button', { name: text.orders.back, exact: true }).click();
        await expectFocusOn(page, o.confirm.noShow);
        await page.getByText(o.waiting.contract, { exact: false }).first().waitFor();
        await shot(page, 'order-contract-not-signed', language);
        await signContractOf(t, assignmentId, coordinator, { ...expert, token: await login(t.http, expert) });
        await page.reload();
        await page.getByRole('button', { name: o.confirm.tookPlace }).click();
        await page.getByRole('status').filter({ hasText: o.confirm.done }).waitFor();
        await expectFocusOn(page, o.assignment.completed);
        await page.getByRole('heading', { level: 3, name: o.feedback.heading }).waitFor();
        await expectAccessible(page);
        await page.getByRole('radio', { name: o.feedback.scale['5'] }).check({ force: true });
        await page
          .getByLabel(o.feedback.comment)
          .fill(language === 'fi' ? 'Erinomainen puheenvuoro.' : 'Ett utmärkt anförande.');
        await page.getByRole('button', { name: o.feedback.submit }).click();
        await expectFocusOn(page, fill(o.feedback.given, { rating: '5' }));
      } finally {
        t.clock.reset();
      }

      // The timeline tells what happened, with times.
      await page.getByRole('heading', { level: 2, name: o.timeline.heading }).waitFor();
      await page.getByText(o.timeline.submitted).waitFor();
      await page.getByText(`${o.timeline.booked}: ${expertName}`).waitFor();

      // Another order, booked for tomorrow: cancelling is quoted first, with the fee that falls due.
      const page2 = await web.newPage(language);
      await signIn(page2, orderer, signInLabels(text));
      await expectPage(page2, o.list.title);
      // Inside the 48 hours, with a day for the offer's answer, in the daytime hours the expert is available.
      const soon = daytimeWithin48h();
      const expert2 = await createBookableExpert(t.db, { languages: [language], topics: [] });
      const soonTitle = language === 'fi' ? 'Huomisen työpaja' : 'Morgondagens workshop';
      const offerId = await orderAndOffer(
        t,
        { ordererToken: await login(t.http, orderer), coordinatorToken: coordinator, unitId: unit.id },
        { expertId: expert2.id, language, title: soonTitle, startsAt: soon },
      );
      await as(await login(t.http, expert2))
        .post(`/offers/${offerId}/accept`)
        .expect(201);
      await page2.reload();
      await page2.getByRole('link', { name: soonTitle }).click();
      await expectPage(page2, soonTitle);
      await page2.getByRole('button', { name: o.cancel.open }).click();
      await page2.getByText(o.cancel.feeDueLabel).waitFor();
      await page2.getByText(fill(o.cancel.feeDue_one, { hours: '48', total: '' }).split(':')[0]).waitFor();
      await expectAccessible(page2);
      await page2
        .getByLabel(o.cancel.reason)
        .fill(language === 'fi' ? 'Tila ei ole käytettävissä' : 'Lokalen är inte tillgänglig');
      await page2.getByRole('button', { name: o.cancel.confirmWithFee }).click();
      await page2.getByRole('status').filter({ hasText: o.cancel.done }).waitFor();
      await expectFocusOn(page2, o.waiting.cancelled);
      await page2.getByText(o.assignment.feeDue).waitFor();

      // Another unit's order by its address: a clear not-found page, and the API's 404.
      await page2.goto(`/orders/${foreign.body.id}`);
      await expectPage(page2, o.notFound.title);
      await expectAccessible(page2);
      await as(await login(t.http, orderer))
        .get(`/booking-requests/${foreign.body.id}`)
        .expect(404);

      // My units' spending: nothing paid yet for this new unit.
      await viaMenuAnyWidth(page2, text, o.nav.spending, o.spending.title);
      await page2.getByText(fill(o.spending.empty, { year: String(new Date().getFullYear()) })).waitFor();
      await expectAccessible(page2);
    }, 300_000);
  });

  it('lets the new-order form be filled by keyboard alone, its errors announced and linked to their fields', async () => {
    const { t } = web;
    const orderer = await createUser(t.db, Role.Orderer);
    const unit = await createUnit(t.db);
    await addMember(t.db, unit.id, orderer.id);
    const o = TEXTS.fi.orders;
    const page = await web.newPage('fi');
    await signIn(page, orderer, signInLabels(TEXTS.fi));
    await expectPage(page, o.list.title);
    await page.goto('/orders/new');
    await expectPage(page, o.form.title);

    // Sent empty from the keyboard: the summary takes the focus and links each error to its field.
    await page.getByLabel(o.fields.title, { exact: true }).focus();
    await page.keyboard.press('Enter');
    const summary = page.getByRole('heading', { name: /Lomakkeessa on \d+ virhettä/ });
    await summary.waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectAccessible(page);
    const titleError = page.getByRole('link', { name: fill(TEXTS.fi.forms.required, { field: o.fields.title }) });
    await titleError.focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('title');
    expect(await page.getByLabel(o.fields.title, { exact: true }).getAttribute('aria-invalid')).toBe('true');

    // Filled in with the keyboard: selects by arrows, text typed, Tab between fields, Enter to save.
    const key = async (label: string, keys: string[], exact = false) => {
      await page.getByLabel(label, { exact }).focus();
      for (const k of keys) await page.keyboard.press(k);
    };
    await key(o.fields.organisation, ['ArrowDown']);
    await key(o.fields.taskType, ['ArrowDown']);
    await page.getByLabel(o.fields.title, { exact: true }).focus();
    await page.keyboard.type('Näppäimistötilaus');
    const day = helsinkiDate(new Date(Date.now() + 30 * DAY));
    // Headless Chromium lays out its date and time controls in US order (month, day, year; AM/PM), whatever the
    // page's language: typed as a person at such a browser would.
    const [y, m, d] = day.split('-');
    await page.getByLabel(o.fields.date).focus();
    await page.keyboard.type(`${m}${d}${y}`, { delay: 20 });
    await page.getByLabel(o.fields.startsAt).focus();
    await page.keyboard.type('0900A', { delay: 20 });
    await page.getByLabel(o.fields.endsAt).focus();
    await page.keyboard.type('1000A', { delay: 20 });
    await key(o.fields.municipality, ['ArrowDown']);
    await page.getByLabel(o.fields.address, { exact: true }).focus();
    await page.keyboard.type('Sairaalantie 1');
    await page.keyboard.press('Enter');
    await expectPage(page, 'Näppäimistötilaus').catch(async (error: Error) => {
      throw new Error(`${error.message}\n${await page.locator('main').innerText()}`);
    });
  }, 120_000);

  it('makes one draft when a save’s answer was lost on the way and the orderer saves again', async () => {
    const { t } = web;
    const text = TEXTS.sv;
    const o = text.orders;
    const { orderer, unit } = await orderParties(t, 'sv');
    // Its own profile: its requests are routed.
    const page = await web.newPage('sv', 1280, { ownContext: true });
    await signIn(page, orderer, signInLabels(text));
    await expectPage(page, o.list.title);
    await page.goto('/orders/new');
    await expectPage(page, o.form.title);
    const title = 'Respons på tidsbokningen';
    await page.getByLabel(o.fields.organisation).selectOption({ label: `${unit.nameSv} (${unit.code})` });
    await page.getByLabel(o.fields.taskType).selectOption('working_group');
    await page.getByLabel(o.fields.title, { exact: true }).fill(title);
    await page.getByLabel(o.fields.date).fill(helsinkiDate(new Date(Date.now() + 30 * DAY)));
    await page.getByLabel(o.fields.startsAt).fill('10:00');
    await page.getByLabel(o.fields.endsAt).fill('12:00');
    await page.getByLabel(o.fields.municipality).selectOption('905');
    await page.getByLabel(o.fields.address, { exact: true }).fill('Sandögatan 2');

    // The first save reaches the API, which makes the draft, but its answer never reaches the browser.
    const lost = await loseFirstAnswer(page, '**/api/booking-requests');
    await page.getByRole('button', { name: o.form.save }).click();
    await page.getByText(text.errors.network).waitFor();
    await expectAccessible(page);
    // Saved again, as the page asks: the order the first save made, and no second one.
    await page.getByRole('button', { name: o.form.save }).click();
    await expectPage(page, title);
    expect(lost()).toBe(1);
    expect(await t.db.query(`SELECT title FROM booking_requests WHERE created_by = $1`, [orderer.id])).toEqual([
      { title },
    ]);
  });
});
