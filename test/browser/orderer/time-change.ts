import { Role } from '../../../src/common/auth/role.enum';
import { login } from '../../factories/users.factory';
import {
  expectAccessible,
  expectNoSidewaysScroll,
  expectPage,
  orderAndOffer,
  signIn,
  sharedWebApp,
  shot,
  WebApp,
} from '../browser';
import { orderParties, signedIn } from '../parties';
import { DAY, fill, helsinkiDate, signInLabels, TEXTS } from '../texts';

// The orderer proposes a new time on the order page; the expert accepts it on their home screen; the orderer sees
// the work at its new time. The coordinator's steps go through the API.
describe('a change of time in the browser', () => {
  let web: WebApp;
  let coordinator: string;
  let dayOffset = 6;

  beforeAll(async () => {
    web = await sharedWebApp();
    coordinator = await signedIn(web.t, Role.Coordinator);
  }, 120_000);

  describe.each(['fi', 'sv'] as const)('in %s', (language) => {
    const text = TEXTS[language];
    const o = text.orders;
    const h = text.expertHome.timeChanges;

    it('the orderer proposes a new time, the expert accepts it on their home screen, the order shows the new time', async () => {
      const { t } = web;
      const { orderer, unit, expertName, expert } = await orderParties(t, language);
      await t.db.query(`UPDATE users SET language = $2 WHERE id = $1`, [expert.id, language]);

      const title = language === 'fi' ? 'Asiakasraadin kokous' : 'Klientrådets möte';
      const workDate = helsinkiDate(new Date(Date.now() + dayOffset++ * DAY));
      const newDate = helsinkiDate(new Date(Date.now() + dayOffset++ * DAY));
      const offerId = await orderAndOffer(
        t,
        { ordererToken: await login(t.http, orderer), coordinatorToken: coordinator, unitId: unit.id },
        { expertId: expert.id, language, title, startsAt: new Date(`${workDate}T07:00:00Z`) },
      );
      const accepted = await t.http
        .post(`/offers/${offerId}/accept`)
        .set('authorization', `Bearer ${await login(t.http, expert)}`)
        .send({})
        .expect(201);
      const requestId = accepted.body.requestId as string;

      // The orderer: the order page, "change the time", a small form.
      const page = await web.newPage(language);
      await signIn(page, orderer, signInLabels(text));
      await expectPage(page, o.list.title);
      await page.goto(`/orders/${requestId}`);
      await expectPage(page, title);
      await page.getByRole('button', { name: o.timeChange.open }).click();
      // The form takes the focus at its first field.
      const date = page.getByLabel(o.timeChange.date);
      await date.waitFor();
      expect(await date.evaluate((el) => el === document.activeElement)).toBe(true);
      await expectAccessible(page);

      // An end before the start: the summary names the field, linked to it.
      await date.fill(newDate);
      await page.getByLabel(o.timeChange.startsAt).fill('13:00');
      await page.getByLabel(o.timeChange.endsAt).fill('12:00');
      await page.getByRole('button', { name: o.timeChange.submit }).click();
      const error = fill(o.timeChange.endBeforeStart, { field: o.timeChange.endsAt });
      await page.getByRole('link', { name: error }).waitFor();
      await expectAccessible(page);
      await shot(page, 'time-change-form-error', language);

      await page.getByLabel(o.timeChange.endsAt).fill('15:00');
      await page.getByRole('button', { name: o.timeChange.submit }).click();
      await page
        .getByRole('status')
        .filter({ hasText: fill(o.timeChange.sent, { name: expertName }) })
        .waitFor();
      const newSpan = await page.evaluate(
        ([d, lang]) =>
          new Intl.DateTimeFormat(lang === 'fi' ? 'fi-FI' : 'sv-FI', {
            timeZone: 'Europe/Helsinki',
            day: 'numeric',
            month: 'numeric',
          }).format(new Date(`${d}T12:00:00Z`)),
        [newDate, language],
      );
      await page.getByText(new RegExp(fill(o.timeChange.pending, { time: '.*', name: expertName }))).waitFor();
      await page.getByText(newSpan, { exact: false }).first().waitFor();
      expect(await page.getByRole('button', { name: o.timeChange.open }).count()).toBe(0);
      await expectAccessible(page);
      await shot(page, 'time-change-pending', language);

      // The expert is mailed in their language, and answers on their home screen.
      await t.mail.waitFor((m) => m.to === expert.email && m.text.includes(title));
      const expertPage = await web.newPage(language);
      await signIn(expertPage, expert, signInLabels(text));
      await expectPage(expertPage, text.home.title);
      await expertPage.getByRole('heading', { level: 2, name: h.heading }).waitFor();
      await expertPage.getByRole('heading', { level: 3, name: title }).waitFor();
      await expectAccessible(expertPage);
      await expectNoSidewaysScroll(expertPage);
      await shot(expertPage, 'time-change-expert-home', language);
      await expertPage.getByRole('button', { name: h.accept }).click();
      // Said where the card was, with the focus on it, and announced.
      await expertPage.getByRole('status').filter({ hasText: title }).waitFor();
      await expertPage.waitForFunction(
        (t) => document.activeElement !== document.body && document.activeElement?.textContent?.includes(t),
        title,
      );
      // The card goes once the home screen is read again: waited for, not counted at once (a loaded machine once
      // counted it before the read was back).
      await expertPage.getByRole('button', { name: h.accept }).waitFor({ state: 'detached' });
      expect(await expertPage.getByRole('button', { name: h.accept }).count()).toBe(0);
      await expectAccessible(expertPage);
      await shot(expertPage, 'time-change-expert-accepted', language);

      // The orderer sees the work at its new time, and that the expert accepted.
      await page.reload();
      await expectPage(page, title);
      await page.getByText(new RegExp(fill(o.timeChange.accepted, { name: expertName, at: '.*' }))).waitFor();
      await page.getByText(new RegExp(`${fill(o.experts.time, { time: '' })}.*${newSpan}`)).waitFor();
      await expectAccessible(page);
      await shot(page, 'time-change-accepted', language);
      const order = await t.http
        .get(`/booking-requests/${requestId}`)
        .set('authorization', `Bearer ${await login(t.http, orderer)}`)
        .expect(200);
      expect(helsinkiDate(new Date(order.body.assignments[0].startsAt))).toBe(newDate);
    }, 240_000);
  });
});
