import type { Page } from 'playwright-core';
import { login } from '../../factories/users.factory';
import { expectAccessible, expectNoSidewaysScroll, expectPage, orderAndOffer, signIn, shot, WebApp } from '../browser';
import { viaMenuAnyWidth } from '../menu';
import { orderParties, webAppAndCoordinator } from '../parties';
import { DAY, fill, helsinkiDate, signInLabels, TEXTS } from '../texts';

// The day and month of a date as the page writes it in its language ("12.12."), to find a time by.
const dayMonth = (page: Page, date: string, language: 'fi' | 'sv') =>
  page.evaluate(
    ([d, lang]) =>
      new Intl.DateTimeFormat(lang === 'fi' ? 'fi-FI' : 'sv-FI', {
        timeZone: 'Europe/Helsinki',
        day: 'numeric',
        month: 'numeric',
      }).format(new Date(`${d}T12:00:00Z`)),
    [date, language],
  );

// The orderer proposes a new time on the order page; the expert accepts it on their home screen; the orderer sees
// the work at its new time. Proposed again, the expert answers on the assignment's own page, and a stale answer
// there is refused in plain words. The coordinator's steps go through the API.
describe('a change of time in the browser', () => {
  let web: WebApp;
  let coordinator: string;
  let dayOffset = 6;

  beforeAll(async () => {
    ({ web, coordinator } = await webAppAndCoordinator());
  }, 120_000);

  describe.each(['fi', 'sv'] as const)('in %s', (language) => {
    const text = TEXTS[language];
    const o = text.orders;
    const h = text.expertHome.timeChanges;
    const a = text.assignments.timeChange;

    it('the orderer proposes a new time, the expert accepts it on their home screen, the order shows the new time; another is answered on the assignment’s page', async () => {
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
      const newSpan = await dayMonth(page, newDate, language);
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
      await expertPage.getByRole('button', { name: a.accept }).click();
      // Said where the card was, with the focus on it, and announced.
      await expertPage.getByRole('status').filter({ hasText: title }).waitFor();
      await expertPage.waitForFunction(
        (t) => document.activeElement !== document.body && document.activeElement?.textContent?.includes(t),
        title,
      );
      // The card goes once the home screen is read again: waited for, not counted at once (a loaded machine once
      // counted it before the read was back).
      await expertPage.getByRole('button', { name: a.accept }).waitFor({ state: 'detached' });
      expect(await expertPage.getByRole('button', { name: a.accept }).count()).toBe(0);
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

      // Proposed once more, and answered on the assignment's own page, which the expert reaches from their list (a
      // mail's link and the calendar lead there too): the time the work has, the time proposed, and the answers.
      const assignmentId = order.body.assignments[0].id as string;
      const ordererToken = await login(t.http, orderer);
      const expertToken = await login(t.http, expert);
      const proposeOn = async (date: string) => {
        await t.http
          .post(`/assignments/${assignmentId}/time-change`)
          .set('authorization', `Bearer ${ordererToken}`)
          .send({ startsAt: `${date}T08:00:00Z`, endsAt: `${date}T10:00:00Z` })
          .expect(201);
        return dayMonth(expertPage, date, language);
      };
      const thirdSpan = await proposeOn(helsinkiDate(new Date(Date.now() + dayOffset++ * DAY)));
      await viaMenuAnyWidth(expertPage, text, text.nav.assignments, text.assignments.title);
      await expertPage.getByRole('link', { name: title }).click();
      await expectPage(expertPage, title);
      const proposal = expertPage.getByRole('region', { name: a.heading });
      await proposal.getByText(new RegExp(`${fill(a.now, { time: '' })}.*${newSpan}`)).waitFor();
      await proposal.getByText(new RegExp(`${fill(a.proposed, { time: '' })}.*${thirdSpan}`)).waitFor();
      await proposal.getByRole('button', { name: a.accept }).waitFor();
      await proposal.getByRole('button', { name: a.decline }).waitFor();
      // The work's own time is still the one it has until the expert accepts.
      await expertPage.getByRole('definition').filter({ hasText: newSpan }).waitFor();
      await expectAccessible(expertPage);
      await expectNoSidewaysScroll(expertPage);
      await shot(expertPage, 'time-change-assignment', language);

      // A stale tab: the proposal was answered meanwhile elsewhere (declined here through the API). The answer on
      // this page is refused in plain words, which take the focus; the buttons go with the page read again.
      await t.http
        .post(`/assignments/${assignmentId}/time-change/decline`)
        .set('authorization', `Bearer ${expertToken}`)
        .expect(200);
      await proposal.getByRole('button', { name: a.accept }).click();
      await expertPage.getByRole('button', { name: a.accept }).waitFor({ state: 'detached' });
      await expertPage.getByText(text.errors.code.TIME_CHANGE_NOT_OPEN).waitFor();
      await expertPage.waitForFunction(
        (said) => document.activeElement?.textContent?.includes(said) ?? false,
        text.errors.code.TIME_CHANGE_NOT_OPEN,
      );
      await expectAccessible(expertPage);
      await shot(expertPage, 'time-change-assignment-stale', language);

      // A new proposal, answered here: accepted in Finnish, declined in Swedish. Said where the proposal was, with
      // the focus on it, and announced; the work's time on the page is the one it now has.
      const fourthDate = helsinkiDate(new Date(Date.now() + dayOffset++ * DAY));
      const fourthSpan = await proposeOn(fourthDate);
      await expertPage.reload();
      await expectPage(expertPage, title);
      await proposal.getByText(new RegExp(`${fill(a.proposed, { time: '' })}.*${fourthSpan}`)).waitFor();
      const accepting = language === 'fi';
      await proposal.getByRole('button', { name: accepting ? a.accept : a.decline }).click();
      const said = (accepting ? a.accepted : a.declined).split('{{title}}')[0].trim();
      await expertPage.getByRole('status').filter({ hasText: said }).filter({ hasText: title }).waitFor();
      await expertPage.waitForFunction((said) => document.activeElement?.textContent?.includes(said) ?? false, said);
      await expertPage.getByRole('button', { name: a.accept }).waitFor({ state: 'detached' });
      expect(await expertPage.getByRole('button', { name: a.decline }).count()).toBe(0);
      await expertPage
        .getByRole('definition')
        .filter({ hasText: accepting ? fourthSpan : newSpan })
        .waitFor();
      await expectAccessible(expertPage);
      await shot(expertPage, 'time-change-assignment-answered', language);
      const answered = await t.http
        .get(`/assignments/${assignmentId}`)
        .set('authorization', `Bearer ${expertToken}`)
        .expect(200);
      expect(answered.body.timeChange.status).toBe(accepting ? 'accepted' : 'declined');
      expect(helsinkiDate(new Date(answered.body.startsAt))).toBe(accepting ? fourthDate : newDate);
    }, 300_000);

    it('a proposal left unanswered until the work began can no longer be answered: both sides read that the time stayed', async () => {
      const { t } = web;
      const { orderer, unit, expertName, expert } = await orderParties(t, language);
      await t.db.query(`UPDATE users SET language = $2 WHERE id = $1`, [expert.id, language]);
      const title = language === 'fi' ? 'Henkilöstön työpaja' : 'Personalens workshop';
      const startsAt = new Date(`${helsinkiDate(new Date(Date.now() + dayOffset++ * DAY))}T07:00:00Z`);
      const ordererToken = await login(t.http, orderer);
      const offerId = await orderAndOffer(
        t,
        { ordererToken, coordinatorToken: coordinator, unitId: unit.id },
        { expertId: expert.id, language, title, startsAt },
      );
      const accepted = await t.http
        .post(`/offers/${offerId}/accept`)
        .set('authorization', `Bearer ${await login(t.http, expert)}`)
        .send({})
        .expect(201);
      const laterDate = helsinkiDate(new Date(Date.now() + dayOffset++ * DAY));
      await t.http
        .post(`/assignments/${accepted.body.id}/time-change`)
        .set('authorization', `Bearer ${ordererToken}`)
        .send({ startsAt: `${laterDate}T08:00:00Z`, endsAt: `${laterDate}T10:00:00Z` })
        .expect(201);
      // The work's start passes unanswered (the API's clock and both browsers'). Signed in after it: a jump of weeks
      // would outlast a session begun before it.
      const begun = new Date(startsAt.getTime() + 30 * 60_000);
      t.clock.set(begun);
      try {
        const page = await web.newPage(language, 1280, { ownContext: true });
        await page.clock.setSystemTime(begun);
        await signIn(page, orderer, signInLabels(text));
        await expectPage(page, o.list.title);
        const expertPage = await web.newPage(language, 360, { ownContext: true });
        await expertPage.clock.setSystemTime(begun);
        await signIn(expertPage, expert, signInLabels(text));
        await expectPage(expertPage, text.home.title);
        // A template's words before and after its {{time}}, the time being the proposed one.
        const saying = (template: string) => {
          const [before, after] = fill(template, { name: expertName, time: '{{time}}' }).split('{{time}}');
          const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          return new RegExp(`${escape(before)}.+${escape(after)}`);
        };
        await expertPage.goto(`/assignments/${accepted.body.id}`);
        await expectPage(expertPage, title);
        await expertPage.getByText(saying(a.lapsed)).waitFor();
        expect(await expertPage.getByRole('button', { name: a.accept }).count()).toBe(0);
        expect(await expertPage.getByRole('button', { name: a.decline }).count()).toBe(0);
        await expectAccessible(expertPage);
        await shot(expertPage, 'time-change-lapsed-expert', language);
        await page.goto(`/orders/${accepted.body.requestId}`);
        await expectPage(page, title);
        await page.getByText(saying(o.timeChange.lapsed)).waitFor();
        expect(
          await page.getByText(new RegExp(fill(o.timeChange.pending, { time: '.*', name: expertName }))).count(),
        ).toBe(0);
        await expectAccessible(page);
        await shot(page, 'time-change-lapsed-order', language);
        // The API says the same to an answer sent anyway (a tab left open, say).
        const refused = await t.http
          .post(`/assignments/${accepted.body.id}/time-change/accept`)
          .set('authorization', `Bearer ${await login(t.http, expert)}`)
          .expect(409);
        expect(refused.body.code).toBe('TIME_CHANGE_LAPSED');
      } finally {
        t.clock.reset();
      }
    }, 120_000);
  });
});
