import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Role } from '../../../src/common/auth/role.enum';
import { Language } from '../../../src/common/i18n/language';
import { createBookableExpert } from '../../factories/bookable.factory';
import { giveDateOfBirth, waitForPdf } from '../../factories/contracts.factory';
import { loggedIn, login, TestUser } from '../../factories/users.factory';
import { expectAccessible, expectNoSidewaysScroll, expectPage, orderAndOffer, shot, signIn, WebApp } from '../browser';
import { webAppAndOrderer } from '../parties';
import { DAY, fill, signInLabels, TEXTS, Texts } from '../texts';
import { asUser } from '../../utils/as-user';
import { expectRefusedAtField, focusedText } from '../keyboard';

// With SCREENSHOT_DIR set, each screen is also pictured at 1280 and 360 px for a person to look at.
const SHOTS = process.env.SCREENSHOT_DIR;

// The expert's offers, assignments and contracts in the browser, against the real API and its worker. The
// coordinator's and the orderer's steps are done through the API, as they would be from their own screens.
describe('the expert’s offers, assignments and contracts in the browser', () => {
  let web: WebApp;
  let coordinator: TestUser & { token: string };
  let orderer: TestUser & { token: string };
  let unitId: string;
  let day = 10;

  beforeAll(async () => {
    ({ web, orderer, unitId } = await webAppAndOrderer());
    coordinator = await loggedIn(web.t.db, web.t.http, Role.Coordinator, { name: 'Kaisa Koordinaattori' });
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  }, 120_000);

  const as = asUser(() => web.t.http);

  async function expert(language: 'fi' | 'sv', overrides: { name?: string; yearlyEarningsCeilingCents?: number } = {}) {
    const user = await createBookableExpert(web.t.db, {
      name: overrides.name ?? 'Sanna Selkämeri',
      language: language as Language,
      languages: [language],
      yearlyEarningsCeilingCents: overrides.yearlyEarningsCeilingCents,
    });
    await giveDateOfBirth(web.t.db, user.id);
    return user;
  }

  // The orderer orders and the coordinator offers the work to this expert: 10.00–12.00 Helsinki time, a day
  // of its own for each test, answer by the day before.
  async function offerTo(user: TestUser, language: 'fi' | 'sv', title: string): Promise<string> {
    const date = new Date(Date.now() + day++ * DAY).toISOString().slice(0, 10);
    const startsAt = new Date(`${date}T08:00:00Z`);
    return orderAndOffer(
      web.t,
      { ordererToken: orderer.token, coordinatorToken: coordinator.token, unitId },
      { expertId: user.id, language, title, startsAt },
    );
  }

  // The coordinator approves the expert's one draft and the worker renders its PDF.
  async function approveContractOf(user: TestUser): Promise<string> {
    const list = await as(coordinator.token).get(`/contracts?expertId=${user.id}&status=draft`).expect(200);
    expect(list.body.items).toHaveLength(1);
    const id = list.body.items[0].id as string;
    await as(coordinator.token).post(`/contracts/${id}/approve`).expect(200);
    await waitForPdf(web.t.db, id);
    return id;
  }

  // The coordinator offers the one place of the offer's order to `other` too, who accepts first: the offer is withdrawn.
  async function takenByAnother(offerId: string, other: TestUser): Promise<void> {
    const [offer] = (await web.t.db.query('SELECT request_id, deadline FROM offers WHERE id = $1', [offerId])) as {
      request_id: string;
      deadline: Date;
    }[];
    const offered = await as(coordinator.token)
      .post(`/booking-requests/${offer.request_id}/offers`, {
        expertIds: [other.id],
        deadline: offer.deadline.toISOString(),
      })
      .expect(201);
    await as(await login(web.t.http, other))
      .post(`/offers/${offered.body[0].id}/accept`)
      .expect(201);
  }

  async function signedIn(language: 'fi' | 'sv', user: TestUser, width?: number): Promise<Page> {
    const text = TEXTS[language];
    const page = await web.newPage(language, width);
    await signIn(page, user, signInLabels(text));
    await expectPage(page, text.home.title);
    return page;
  }

  async function checked(page: Page, name: string, language: string): Promise<void> {
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    if (!SHOTS) return;
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(SHOTS, `${name}-${language}-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  // A move inside the app, as its own links make: a reload would need the session cookie, which this branch's
  // sign-in does not set yet.
  const visit = (page: Page, path: string) =>
    page.evaluate((to) => {
      window.history.pushState({}, '', to);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, path);

  const nav = (page: Page, text: Texts, name: string) =>
    page.getByRole('navigation', { name: text.app.mainNavigation }).getByRole('link', { name, exact: true }).click();

  describe.each(['fi', 'sv'] as const)('in %s', (language) => {
    const text: Texts = TEXTS[language];

    it('accepts an offer in one tap, then reads and signs its contract with the password; every page passes axe and reflows at 320 px', async () => {
      const user = await expert(language);
      const title = language === 'fi' ? 'Ajanvarauksen kehittäjäryhmä' : 'Utvecklingsgruppen för tidsbokning';
      const offerId = await offerTo(user, language, title);
      const page = await signedIn(language, user);

      // Home: the offer waits with its deadline; nothing to sign, no assignments, no returned claims yet.
      await page.getByRole('link', { name: title }).waitFor();
      await page.getByText(text.expertHome.noContracts).waitFor();
      await page.getByText(text.expertHome.noAssignments).waitFor();
      await page.getByText(text.expertHome.noClaims).waitFor();
      await checked(page, 'home', language);

      await nav(page, text, text.nav.offers);
      await expectPage(page, text.offers.title);
      await page.getByRole('link', { name: title }).waitFor();
      await checked(page, 'offers', language);

      await page.getByRole('link', { name: title }).click();
      await expectPage(page, title);
      expect(page.url()).toContain(`/offers/${offerId}`);
      await page.getByText(language === 'fi' ? 'Vaasa' : 'Vasa', { exact: false }).waitFor();
      await page.getByText(text.taskTypes.working_group).waitFor();
      await checked(page, 'offer', language);

      // A double click accepts once, and the second click does not turn the answer into an error.
      await page.getByRole('button', { name: text.offers.accept }).dblclick();
      await page.getByText(text.offers.accepted).first().waitFor();
      await expect(page.getByRole('button', { name: text.offers.accept }).count()).resolves.toBe(0);
      await expect(page.getByText(text.errors.code.OFFER_NOT_OPEN).count()).resolves.toBe(0);
      const [answers] = (await web.t.db.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE action = 'offer.accepted' AND entity_id = $1`,
        [offerId],
      )) as { n: number }[];
      expect(answers.n).toBe(1);

      // The coordinator approves the drafted contract; the worker renders the PDF.
      const contractId = await approveContractOf(user);
      await visit(page, '/');
      await expectPage(page, text.home.title);
      const { number } = (await as(coordinator.token).get(`/contracts/${contractId}`).expect(200)).body as {
        number: string;
      };
      await page.getByRole('link', { name: fill(text.expertHome.contractName, { number }) }).waitFor();
      await page.getByRole('link', { name: title }).waitFor();

      await nav(page, text, text.nav.contracts);
      await expectPage(page, text.contracts.title);
      await checked(page, 'contracts', language);
      await page.locator(`a[href="/contracts/${contractId}"]`).click();
      await page.getByRole('heading', { level: 2, name: text.contracts.keyTerms }).waitFor();
      await page.getByText(text.contracts.confidentialityText).waitFor();
      await page.getByRole('link', { name: text.contracts.download }).waitFor();
      const href = await page.getByRole('link', { name: text.contracts.download }).getAttribute('href');
      expect(href).toMatch(/^blob:/);
      await checked(page, 'contract', language);

      // A wrong password is refused at the field, as a missing one would be, and what was typed stays.
      const password = page.getByLabel(text.fields.password, { exact: true });
      await expectRefusedAtField(
        page,
        text.forms.errorSummary_one,
        {
          field: password,
          value: 'not-my-password',
          send: page.getByRole('button', { name: text.contracts.signSubmit }),
        },
        fill(text.errors.atField.SIGNING_PASSWORD_INCORRECT, { field: text.fields.password }),
      );
      await checked(page, 'contract-wrong-password', language);

      await password.fill(user.password);
      await page.getByRole('button', { name: text.contracts.signSubmit }).click();
      await page.getByText(text.contracts.signedAt.split('{{at}}')[0].trim(), { exact: false }).waitFor();
      await page.getByRole('link', { name: text.contracts.downloadSigned }).waitFor();
      await expect(page.getByRole('button', { name: text.contracts.signSubmit }).count()).resolves.toBe(0);
      const contract = await as(coordinator.token).get(`/contracts/${contractId}`).expect(200);
      expect(contract.body.status).toBe('signed');
      expect(contract.body.assignments[0].status).toBe('confirmed');

      await nav(page, text, text.nav.assignments);
      await expectPage(page, text.assignments.title);
      await page.getByText(text.assignments.status.confirmed).waitFor();
      await checked(page, 'assignments', language);
      await page.getByRole('link', { name: title }).click();
      await expectPage(page, title);
      await page.getByRole('button', { name: text.assignments.withdraw.open }).waitFor();
      await checked(page, 'assignment', language);
    }, 120_000);

    it('declines an offer with a reason that only the coordinator reads', async () => {
      const user = await expert(language);
      const title = language === 'fi' ? 'Henkilöstön koulutuspäivä' : 'Personalens utbildningsdag';
      const offerId = await offerTo(user, language, title);
      const page = await signedIn(language, user);
      await visit(page, `/offers/${offerId}`);
      await expectPage(page, title);
      await page.getByRole('button', { name: text.offers.decline.open }).click();
      await page.getByText(text.offers.decline.reasonHint).waitFor();
      await page.getByLabel(text.offers.decline.reason, { exact: false }).fill('En jaksa juuri nyt');
      await page.getByRole('button', { name: text.offers.decline.submit }).click();
      await page.getByText(text.offers.declined).first().waitFor();
      const [row] = (await web.t.db.query('SELECT status, decline_reason FROM offers WHERE id = $1', [offerId])) as {
        status: string;
        decline_reason: string;
      }[];
      expect(row).toEqual({ status: 'declined', decline_reason: 'En jaksa juuri nyt' });
      await visit(page, '/offers');
      await expectPage(page, text.offers.title);
      await page.getByText(text.offers.noneWaiting).waitFor();
      // The status alone (the announcement of the decline begins with the same words).
      await page.getByText(text.offers.status.declined, { exact: true }).waitFor();
    }, 60_000);

    it('accepts an offer another expert filled meanwhile: the refusal stays with the focus, the offer shows withdrawn', async () => {
      const user = await expert(language);
      const other = await expert(language, { name: language === 'fi' ? 'Olli Osaaja' : 'Olle Kunnig' });
      const title = language === 'fi' ? 'Potilasturvallisuuden työpaja' : 'Workshop om patientsäkerhet';
      const offerId = await offerTo(user, language, title);
      const page = await signedIn(language, user, 360);
      await visit(page, `/offers/${offerId}`);
      await expectPage(page, title);
      // Meanwhile the coordinator offers the one place to another expert too, who accepts first: this offer is
      // withdrawn.
      await takenByAnother(offerId, other);
      await page.getByRole('button', { name: text.offers.accept }).click();
      // The page shows the offer as it now is, without a reload; the refusal stays, with the focus that the gone
      // button had.
      await page.getByText(text.offers.status.withdrawn, { exact: true }).waitFor();
      await expect(page.getByText(text.errors.code.REQUEST_ALREADY_FILLED).isVisible()).resolves.toBe(true);
      await expect(page.getByRole('button', { name: text.offers.accept }).count()).resolves.toBe(0);
      await expect(focusedText(page)).resolves.toContain(text.errors.code.REQUEST_ALREADY_FILLED);
      await expectAccessible(page);
      await shot(page, 'offer-filled-elsewhere', language);
    }, 60_000);

    it('opens an offer withdrawn because the coordinator booked the expert directly, and goes from it to the work', async () => {
      const user = await expert(language);
      const title = language === 'fi' ? 'Puhelimessa sovittu työ' : 'Uppdrag överenskommet per telefon';
      const offerId = await offerTo(user, language, title);
      const [offer] = (await web.t.db.query('SELECT request_id FROM offers WHERE id = $1', [offerId])) as {
        request_id: string;
      }[];
      // Agreed by phone: the coordinator books the expert, which withdraws the offer.
      const booked = await as(coordinator.token)
        .post(`/booking-requests/${offer.request_id}/assignments`, { expertId: user.id })
        .expect(201);
      const page = await signedIn(language, user, 360);
      await visit(page, `/offers/${offerId}`);
      await expectPage(page, title);
      await page.getByText(text.offers.status.withdrawn, { exact: true }).waitFor();
      await page.getByText(text.offers.bookedDirectly).waitFor();
      await expect(page.getByRole('button', { name: text.offers.accept }).count()).resolves.toBe(0);
      await checked(page, 'offer-booked-directly', language);
      await page.getByRole('link', { name: text.offers.toAssignment }).click();
      await expectPage(page, title);
      await expect(page.url()).toContain(`/assignments/${booked.body.id}`);
    }, 60_000);

    it('accepts in a stale tab an offer already declined in another, or whose order was cancelled: the refusal says which', async () => {
      const user = await expert(language);
      const title = language === 'fi' ? 'Vertaisryhmän suunnittelu' : 'Planering av kamratgruppen';
      const offerId = await offerTo(user, language, title);
      const page = await signedIn(language, user, 360);
      await visit(page, `/offers/${offerId}`);
      await expectPage(page, title);
      // Meanwhile, in another tab, the expert declines it.
      await as(await login(web.t.http, user))
        .post(`/offers/${offerId}/decline`, {})
        .expect(200);
      await page.getByRole('button', { name: text.offers.accept }).click();
      const declined = text.errors.reason.OFFER_NOT_OPEN.declined;
      await page.getByText(text.offers.status.declined, { exact: true }).waitFor();
      await expect(focusedText(page)).resolves.toContain(declined);
      // Neither a guess at the reason nor another reason.
      await expect(page.getByText(text.errors.code.OFFER_NOT_OPEN).count()).resolves.toBe(0);
      await expectAccessible(page);
      await shot(page, 'offer-declined-elsewhere', language);

      // Another offer, whose order the orderer cancels meanwhile.
      const other = language === 'fi' ? 'Asukasillan alustus' : 'Inledning på invånarkvällen';
      const otherId = await offerTo(user, language, other);
      // A tab of its own, opened after the offer came.
      const tab = await signedIn(language, user);
      await visit(tab, `/offers/${otherId}`);
      await expectPage(tab, other);
      const [{ request_id }] = (await web.t.db.query('SELECT request_id FROM offers WHERE id = $1', [otherId])) as {
        request_id: string;
      }[];
      await as(orderer.token)
        .post(`/booking-requests/${request_id}/cancel`, { reason: 'Tilaisuus peruttiin' })
        .expect(200);
      await tab.getByRole('button', { name: text.offers.accept }).click();
      await tab.getByText(text.offers.status.withdrawn, { exact: true }).waitFor();
      await expect(focusedText(tab)).resolves.toContain(text.errors.reason.OFFER_NOT_OPEN.requestCancelled);
      await expectAccessible(tab);
      await shot(tab, 'offer-order-cancelled', language);
    }, 60_000);

    it('declines an offer closed meanwhile (filled, order cancelled, time run out, accepted in another tab): the page says it was already closed and why, and thanks for nothing', async () => {
      const user = await expert(language);
      const fi = language === 'fi';
      // Four offers, all there when the expert signs in.
      const titles = {
        filled: fi ? 'Kehittäjäasiakkaiden iltapäivä' : 'Eftermiddag för utvecklarklienter',
        cancelled: fi ? 'Omaishoitajien vertaisilta' : 'Kamratkväll för närståendevårdare',
        expired: fi ? 'Palautekyselyn suunnittelu' : 'Planering av responsenkäten',
        accepted: fi ? 'Mielenterveysviikon paneeli' : 'Panel under mentalhälsoveckan',
      };
      const ids: Record<keyof typeof titles, string> = {
        filled: await offerTo(user, language, titles.filled),
        cancelled: await offerTo(user, language, titles.cancelled),
        expired: await offerTo(user, language, titles.expired),
        accepted: await offerTo(user, language, titles.accepted),
      };
      const page = await signedIn(language, user, 360);
      // Neither the thanks of a decline that went through nor the thanks for the interest of a refused accept.
      const thanks = [text.offers.declined, text.errors.code.REQUEST_ALREADY_FILLED.split(/(?<=[.!]) /).pop()!];
      const requestOf = async (offerId: string) =>
        (
          (await web.t.db.query('SELECT request_id FROM offers WHERE id = $1', [offerId])) as { request_id: string }[]
        )[0];

      // The expert opens the offer and starts to decline it; meanwhile `close` closes it; then the decline is sent.
      async function declineClosed(
        which: keyof typeof titles,
        said: string,
        // The state the page shows, and the one stored (the expiry job may not have run yet).
        [shown, stored]: [keyof Texts['offers']['status'], string],
        close: (offerId: string) => Promise<void>,
      ): Promise<void> {
        const offerId = ids[which];
        await visit(page, `/offers/${offerId}`);
        await expectPage(page, titles[which]);
        await page.getByRole('button', { name: text.offers.decline.open }).click();
        await page.getByLabel(text.offers.decline.reason, { exact: false }).fill('Ei sovi minulle');
        await close(offerId);
        await page.getByRole('button', { name: text.offers.decline.submit }).click();
        await page.getByText(said).waitFor();
        await expect(focusedText(page)).resolves.toContain(said);
        await page.getByText(text.offers.status[shown], { exact: true }).waitFor();
        for (const words of thanks) await expect(page.getByText(words).count()).resolves.toBe(0);
        await expect(page.getByRole('button', { name: text.offers.decline.submit }).count()).resolves.toBe(0);
        await expect(page.getByRole('button', { name: text.offers.accept }).count()).resolves.toBe(0);
        const [row] = (await web.t.db.query('SELECT status FROM offers WHERE id = $1', [offerId])) as {
          status: string;
        }[];
        expect(row.status).toBe(stored);
        await expectAccessible(page);
        await shot(page, `offer-decline-${which}`, language);
      }

      // Another expert takes the one place first: this offer is withdrawn.
      const other = await expert(language, { name: fi ? 'Olli Osaaja' : 'Olle Kunnig' });
      await declineClosed('filled', text.offers.alreadyClosed.filled, ['withdrawn', 'withdrawn'], (offerId) =>
        takenByAnother(offerId, other),
      );

      // The orderer cancels the order.
      await declineClosed(
        'cancelled',
        text.offers.alreadyClosed.requestCancelled,
        ['withdrawn', 'withdrawn'],
        async (offerId) => {
          await as(orderer.token)
            .post(`/booking-requests/${(await requestOf(offerId)).request_id}/cancel`, { reason: 'Peruttiin' })
            .expect(200);
        },
      );

      // The time to answer runs out while the form is open (before the expiry job has run).
      await declineClosed('expired', text.offers.alreadyClosed.expired, ['expired', 'offered'], async (offerId) => {
        await web.t.db.query(`UPDATE offers SET deadline = now() - interval '1 minute' WHERE id = $1`, [offerId]);
      });

      // Accepted in another tab: it leads to the work, where the expert can withdraw.
      let assignmentId = '';
      await declineClosed('accepted', text.offers.alreadyClosed.accepted, ['accepted', 'accepted'], async (offerId) => {
        const accepted = await as(await login(web.t.http, user))
          .post(`/offers/${offerId}/accept`)
          .expect(201);
        assignmentId = accepted.body.id as string;
      });
      await page.getByRole('link', { name: text.offers.toAssignment }).click();
      await page.waitForURL(`**/assignments/${assignmentId}`);
      await expectPage(page, titles.accepted);
    }, 120_000);

    it('withdraws from an assignment with a reason, told first that there is no penalty', async () => {
      const user = await expert(language);
      const title = language === 'fi' ? 'Asiakasraati' : 'Klientrådet';
      const offerId = await offerTo(user, language, title);
      const accepted = await as(await login(web.t.http, user))
        .post(`/offers/${offerId}/accept`)
        .expect(201);
      const page = await signedIn(language, user);
      await visit(page, `/assignments/${accepted.body.id}`);
      await expectPage(page, title);
      await page.getByRole('button', { name: text.assignments.withdraw.open }).click();
      await page.getByText(text.assignments.withdraw.noPenalty).waitFor();
      await page.getByText(text.assignments.withdraw.reasonHint).waitFor();
      // Without a reason: the error summary names the field, and nothing is sent.
      await page.getByRole('button', { name: text.assignments.withdraw.submit }).click();
      await page.getByRole('heading', { name: text.forms.errorSummary_one }).waitFor();
      await checked(page, 'assignment-withdraw-errors', language);
      await page.getByLabel(text.assignments.withdraw.reason, { exact: true }).fill('Sairastuin');
      await page.getByRole('button', { name: text.assignments.withdraw.submit }).click();
      await page.getByText(text.assignments.withdraw.done).first().waitFor();
      const after = await as(coordinator.token).get(`/assignments/${accepted.body.id}`).expect(200);
      expect(after.body).toMatchObject({
        status: 'cancelled',
        cancelledBy: 'expert',
        cancelReason: 'Sairastuin',
        feeDue: false,
      });
    }, 60_000);

    it('withdraws from work the coordinator cancelled meanwhile: the refusal stays with the focus, the work shows cancelled', async () => {
      const user = await expert(language);
      const title = language === 'fi' ? 'Vertaisryhmän ilta' : 'Kamratgruppens kväll';
      const offerId = await offerTo(user, language, title);
      const accepted = await as(await login(web.t.http, user))
        .post(`/offers/${offerId}/accept`)
        .expect(201);
      const page = await signedIn(language, user, 360);
      await visit(page, `/assignments/${accepted.body.id}`);
      await expectPage(page, title);
      await page.getByRole('button', { name: text.assignments.withdraw.open }).click();
      await page.getByLabel(text.assignments.withdraw.reason, { exact: true }).fill('Sairastuin');
      // Meanwhile the coordinator cancels the work.
      await as(coordinator.token)
        .post(`/assignments/${accepted.body.id}/cancel`, { reason: 'Tilaisuus siirtyy' })
        .expect(200);
      await page.getByRole('button', { name: text.assignments.withdraw.submit }).click();
      // The work shows cancelled, without a reload; the form is gone, its refusal stays and has the focus.
      await page.getByText(text.assignments.status.cancelled, { exact: true }).waitFor();
      await expect(page.getByText(text.errors.code.ASSIGNMENT_STATUS_CONFLICT).isVisible()).resolves.toBe(true);
      await expect(page.getByRole('button', { name: text.assignments.withdraw.submit }).count()).resolves.toBe(0);
      await expect(focusedText(page)).resolves.toContain(text.errors.code.ASSIGNMENT_STATUS_CONFLICT);
      await expectAccessible(page);
      await shot(page, 'assignment-cancelled-elsewhere', language);
    }, 60_000);
  });

  it('warns before an offer that would cross the yearly earnings ceiling and accepts once acknowledged', async () => {
    const user = await expert('fi', { yearlyEarningsCeilingCents: 1000 });
    const title = 'Arviointikäynti';
    const offerId = await offerTo(user, 'fi', title);
    const page = await signedIn('fi', user);
    await visit(page, `/offers/${offerId}`);
    await expectPage(page, title);
    await page.getByRole('button', { name: TEXTS.fi.offers.accept }).click();
    await page.getByRole('heading', { name: TEXTS.fi.offers.ceiling.title }).waitFor();
    await page.getByText(TEXTS.fi.offers.ceiling.body).waitFor();
    const [before] = (await web.t.db.query('SELECT status FROM offers WHERE id = $1', [offerId])) as {
      status: string;
    }[];
    expect(before.status).toBe('offered');
    await checked(page, 'offer-ceiling', 'fi');
    await page.getByRole('button', { name: TEXTS.fi.offers.ceiling.accept }).click();
    await page.getByText(TEXTS.fi.offers.accepted).first().waitFor();
    const [after] = (await web.t.db.query('SELECT status, ceiling_acknowledged FROM offers WHERE id = $1', [
      offerId,
    ])) as { status: string; ceiling_acknowledged: boolean }[];
    expect(after).toEqual({ status: 'accepted', ceiling_acknowledged: true });
  }, 60_000);

  // Tab until the focus is on the control with this accessible name (its label, aria-label or text).
  async function tabTo(page: Page, name: string): Promise<void> {
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        if (!el) return '';
        return (el.getAttribute('aria-label') ?? el.labels?.[0]?.textContent ?? el.textContent ?? '').trim();
      });
      if (focused === name) return;
    }
    throw new Error(`The Tab key never reached "${name}"`);
  }

  it('accepts an offer and signs its contract with the keyboard alone', async () => {
    const text = TEXTS.fi;
    const user = await expert('fi', { name: 'Keijo Näppäimistö' });
    const title = 'Luento kokemusasiantuntijuudesta';
    const offerId = await offerTo(user, 'fi', title);
    const page = await signedIn('fi', user);
    await visit(page, `/offers/${offerId}`);
    await expectPage(page, title);
    await tabTo(page, text.offers.accept);
    await page.keyboard.press('Enter');
    await page.getByText(text.offers.accepted).first().waitFor();

    const contractId = await approveContractOf(user);
    await visit(page, `/contracts/${contractId}`);
    await page.getByRole('heading', { level: 2, name: text.contracts.keyTerms }).waitFor();
    await page.getByRole('link', { name: text.contracts.download }).waitFor();
    await tabTo(page, text.fields.password);
    await page.keyboard.type(user.password);
    await tabTo(page, text.contracts.signSubmit);
    await page.keyboard.press('Space');
    await page.getByRole('link', { name: text.contracts.downloadSigned }).waitFor();
    const contract = await as(coordinator.token).get(`/contracts/${contractId}`).expect(200);
    expect(contract.body.status).toBe('signed');
  }, 90_000);
});
