import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { Language } from '../../../src/common/i18n/language';
import { ExpertStatus } from '../../../src/modules/experts/entities/expert.entity';
import { addWeeklyWindow } from '../../factories/availability.factory';
import { createBookableExpert } from '../../factories/bookable.factory';
import { giveDateOfBirth } from '../../factories/contracts.factory';
import { createCredential } from '../../factories/credentials.factory';
import { createExpert } from '../../factories/experts.factory';
import { createClaim, createFinishedAssignment } from '../../factories/fees.factory';
import { login, TestUser } from '../../factories/users.factory';
import { expectAccessible, expectNoSidewaysScroll, expectPage, WebApp } from '../browser';
import { expectFocusOn, tabTo } from '../keyboard';
import { webAppAndOrderer, coordinatorOnToday } from '../parties';
import { asUser } from '../../utils/as-user';
import { DAY, fill, TEXTS, Texts } from '../texts';

// The coordinator's data tables scroll inside their own box on a narrow screen; the page itself never does.
const TABLE_BOX = '.table-region';

// The coordinator's part of the journey in the browser against the real API and its worker: a certificate
// checked in its preview, the expert activated, an order matched by keyboard with offers to two, the contract
// approved once the expert accepted, one claim returned with a reason and another approved. The expert's and
// the orderer's steps go through the API.
describe('the coordinator’s working day in the browser', () => {
  let web: WebApp;
  let unitId: string;
  let orderer: TestUser & { token: string };

  beforeAll(async () => {
    ({ web, orderer, unitId } = await webAppAndOrderer());
  }, 120_000);

  const as = asUser(() => web.t.http);

  async function checked(page: Page): Promise<void> {
    await expectAccessible(page);
  }

  it.each(['fi', 'sv'] as const)(
    'in %s',
    async (language) => {
      const text: Texts = TEXTS[language];
      const c = text.coordinator;
      const db = web.t.db;
      // A tag of this run: the test database may hold earlier runs' people and work.
      const suffix = `${language === 'fi' ? 'Suomi' : 'Svenska'} ${randomUUID().slice(0, 6)}`;

      // The county's side, made beforehand: an applicant with a certificate waiting, another bookable expert, an order.
      const names = {
        applicant: `Aino Hakija ${suffix}`,
        other: `Bertil Valmis ${suffix}`,
        worker: `Cecilia Korvaus ${suffix}`,
      };
      const applicant = await createExpert(db, {
        name: names.applicant,
        status: ExpertStatus.Applicant,
        languages: [language],
        language: language as Language,
      });
      const credential = await createCredential(db, applicant.id);
      // Today lists the oldest certificates first, and the test database may hold other specs' ones: this one has
      // waited longest.
      await db.query(`UPDATE training_credentials SET created_at = '2001-01-01' WHERE id = $1`, [credential.id]);
      for (const weekday of [1, 2, 3, 4, 5, 6, 7])
        await addWeeklyWindow(db, applicant.id, { weekday, from: '06:00', to: '22:00' });
      await giveDateOfBirth(db, applicant.id);
      await createBookableExpert(db, { name: names.other, languages: [language] });
      // Ten days ahead at 09:00 UTC (11:00 or 12:00 in Helsinki), inside the experts' 06:00–22:00 whatever the time
      // the suite runs (the next whole hour ten days ahead fell outside it in the evening).
      const startsAt = new Date(Math.floor((Date.now() + 10 * DAY) / DAY) * DAY + 9 * 3_600_000);
      const title = `${language === 'fi' ? 'Asiakasraadin kokous' : 'Klientrådets möte'} ${suffix}`;
      const order = await as(orderer.token)
        .post('/booking-requests', {
          organisationId: unitId,
          taskType: 'working_group',
          title,
          description: '',
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
          remote: false,
          municipality: '905',
          address: 'Hietalahdenkatu 2',
          languages: [language],
          topics: [],
          expertsNeeded: 1,
          preparationHours: 1,
        })
        .expect(201);
      await as(orderer.token).post(`/booking-requests/${order.body.id}/submit`).expect(200);

      // Two claims waiting for a decision.
      const worker = await createExpert(db, { name: names.worker });
      const claimFor = async (workTitle: string, day: string) => {
        const work = await createFinishedAssignment(db, worker.id, {
          organisationId: unitId,
          createdBy: orderer.id,
          title: workTitle,
          startsAt: `${day}T07:00:00Z`,
          endsAt: `${day}T09:00:00Z`,
        });
        return createClaim(db, worker.id, work, { status: 'submitted', workDate: day });
      };
      const toReturn = await claimFor(`Palautettava ${suffix}`, '2026-11-10');
      const toApprove = await claimFor(`Hyväksyttävä ${suffix}`, '2026-11-11');

      const { page } = await coordinatorOnToday(web, language, { name: 'Kaisa Koordinaattori' });

      // Today: the queues, each linking to its work.
      await checked(page);
      await expectNoSidewaysScroll(page, TABLE_BOX);
      const credentials = page.getByRole('region', { name: c.today.credentialsCaption });
      await credentials.getByRole('link', { name: names.applicant }).click();

      // The expert: the certificate in the page, verified, then the expert activated.
      await expectPage(page, names.applicant);
      // The test's browser shows no PDF in the page (browser.ts): the certificate's PDF is offered from its blob.
      await page.getByText(c.preview.noPdfViewer).waitFor();
      const preview = page.getByRole('link').and(page.locator('[href^="blob:"]'));
      await preview.waitFor();
      await checked(page);
      await expectNoSidewaysScroll(page, TABLE_BOX);
      await page.getByRole('button', { name: c.expert.verify }).click();
      await page.getByRole('status').filter({ hasText: c.expert.verified }).waitFor();
      await page.getByRole('button', { name: c.expert.activate }).click();
      await page.getByText(fill(c.expert.statusNow, { state: c.expertStatus.active }), { exact: true }).waitFor();
      expect((await db.query('SELECT status FROM experts WHERE user_id = $1', [applicant.id]))[0].status).toBe(
        'active',
      );
      // Pausing and retiring begun and cancelled: the focus goes to the step's first control and back to its button,
      // not to the start of the page.
      const hasFocus = async (target: Locator) =>
        page.waitForFunction((el) => el === document.activeElement, await target.elementHandle());
      await page.getByRole('button', { name: c.expert.pause }).click();
      await hasFocus(page.getByLabel(c.expert.pauseReasonLabel));
      await page.getByRole('button', { name: c.cancel }).click();
      await hasFocus(page.getByRole('button', { name: c.expert.pause }));
      await page.getByRole('button', { name: c.expert.retire }).click();
      await hasFocus(page.getByRole('button', { name: c.cancel }));
      await page.getByRole('button', { name: c.cancel }).click();
      await hasFocus(page.getByRole('button', { name: c.expert.retire }));

      // Matching, by keyboard alone: choose both experts, keep the proposed deadline, send.
      // Today lists the ten oldest orders; the test database may hold older ones, so the order is opened by its address.
      await page.goto(`/coordinator/orders/${order.body.id}`);
      await expectPage(page, fill(c.matching.title, { title }));
      const chooseApplicant = page.getByRole('checkbox', {
        name: fill(c.matching.chooseName, { name: names.applicant }),
      });
      await chooseApplicant.waitFor();
      await checked(page);
      // At 1280 px the candidates fit beside the order: every column, the direct booking too, without scrolling
      // the table sideways. (At 320 px the table scrolls in its region, the page itself not.)
      const candidates = page.getByRole('region', { name: c.matching.candidatesCaption });
      const fits = await candidates.evaluate((region) => ({
        scrollWidth: region.scrollWidth,
        clientWidth: region.clientWidth,
      }));
      expect(fits.scrollWidth).toBeLessThanOrEqual(fits.clientWidth);
      await expectNoSidewaysScroll(page, TABLE_BOX);
      await chooseApplicant.focus();
      await page.keyboard.press('Space');
      const chooseOther = page.getByRole('checkbox', { name: fill(c.matching.chooseName, { name: names.other }) });
      // From one candidate's checkbox to the next by Tab: the expert's link, and the direct booking button between.
      await tabTo(page, chooseOther, 300);
      await page.keyboard.press('Space');
      expect(await chooseApplicant.isChecked()).toBe(true);
      expect(await chooseOther.isChecked()).toBe(true);
      const send = page.getByRole('button', { name: fill(c.matching.send_other, { count: 2 }) });
      await tabTo(page, send, 300);
      // Pressed twice in a hurry: sent once, and the page still follows what was sent.
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await page
        .getByRole('status')
        .filter({ hasText: fill(c.matching.sent_other, { count: 2 }) })
        .waitFor();
      const offers = page.getByRole('region', { name: c.matching.offersCaption });
      await offers
        .getByRole('row', { name: new RegExp(names.applicant) })
        .getByText(c.offerStatus.offered)
        .waitFor();
      await offers
        .getByRole('row', { name: new RegExp(names.other) })
        .getByText(c.offerStatus.offered)
        .waitFor();

      // The expert accepts through the API; the contract drafted with the assignment waits for the coordinator.
      const expertToken = await login(web.t.http, applicant);
      const mine = (await as(expertToken).get('/offers').expect(200)).body as { id: string; requestId: string }[];
      const offer = mine.find((o) => o.requestId === order.body.id)!;
      await as(expertToken).post(`/offers/${offer.id}/accept`).expect(201);
      const [draft] = (await db.query(
        `SELECT c.id, c.number FROM contracts c WHERE c.expert_id = $1 AND c.status = 'draft'`,
        [applicant.id],
      )) as { id: string; number: string }[];
      await page.getByRole('link', { name: c.nav.contracts, exact: true }).click();
      await expectPage(page, c.contracts.title);
      await checked(page);
      // The list holds earlier runs' drafts too: this one is opened by its address.
      await page.goto(`/coordinator/contracts/${draft.id}`);
      await expectPage(page, fill(c.contractName, { number: draft.number, version: 1 }));
      await checked(page);
      await page.getByRole('button', { name: c.contracts.approve }).click();
      await page.getByRole('status').filter({ hasText: c.contracts.approved }).waitFor();
      // The worker renders the PDF; the page offers it once it is there.
      await page.getByRole('link').and(page.locator('[href^="blob:"]')).waitFor({ timeout: 30_000 });
      expect((await db.query('SELECT status FROM contracts WHERE id = $1', [draft.id]))[0].status).toBe('approved');

      // Claims: one returned with a reason the expert reads, the other approved.
      await page.getByRole('link', { name: c.nav.claims, exact: true }).click();
      await expectPage(page, c.claims.title);
      await checked(page);
      await expectNoSidewaysScroll(page, TABLE_BOX);
      await page.goto(`/coordinator/claims/${toReturn}`);
      await expectPage(page, fill(c.claims.claimTitle, { title: `Palautettava ${suffix}`, name: names.worker }));
      await checked(page);
      await page.getByRole('button', { name: c.claims.return }).click();
      // The button goes; the focus goes on to the reason, not to the start of the page.
      await page.waitForFunction(() => document.activeElement?.id === 'reason');
      const reason = language === 'fi' ? 'Matkan pituus puuttuu, lisää se.' : 'Resans längd saknas, lägg till den.';
      await page.getByLabel(c.claims.returnReason).fill(reason);
      await page.getByRole('button', { name: c.claims.returnSubmit }).click();
      await page.getByRole('status').filter({ hasText: c.claims.returned }).waitFor();
      // The decision's buttons went; the focus goes on to the claim's new state, not to the start of the page.
      await expectFocusOn(page, fill(c.claims.decided, { state: c.claimStatus.returned }));
      const workerToken = await login(web.t.http, worker);
      const returned = (await as(workerToken).get(`/claims/${toReturn}`).expect(200)).body;
      expect(returned).toMatchObject({ status: 'returned', returnReason: reason });

      await page.goto(`/coordinator/claims/${toApprove}`);
      await expectPage(page, fill(c.claims.claimTitle, { title: `Hyväksyttävä ${suffix}`, name: names.worker }));
      await page.getByRole('button', { name: c.claims.approve, exact: true }).click();
      await page.getByRole('status').filter({ hasText: c.claims.approved }).waitFor();
      await expectFocusOn(page, fill(c.claims.decided, { state: c.claimStatus.approved }));
      expect((await as(workerToken).get(`/claims/${toApprove}`).expect(200)).body.status).toBe('approved');

      // The experts table, filtered on the server.
      await page.getByRole('link', { name: c.nav.experts, exact: true }).click();
      await expectPage(page, c.experts.title);
      await page.getByLabel(c.experts.search).fill(names.applicant);
      await page.getByRole('button', { name: c.experts.apply }).click();
      await page
        .getByRole('status')
        .filter({ hasText: fill(c.experts.found_one, { count: 1 }) })
        .waitFor();
      await page
        .getByRole('region', { name: fill(c.experts.caption, { from: 1, to: 1, total: 1 }) })
        .getByRole('link', { name: names.applicant })
        .waitFor();
      await checked(page);
      await expectNoSidewaysScroll(page, TABLE_BOX);
      // Sorted by keyboard: Enter on a column's header sorts by it and says so, and the focus stays on the header's
      // button, so that a second Enter turns the order.
      const state = page.getByRole('columnheader', { name: c.columns.state });
      const sortByState = state.getByRole('button', { name: c.columns.state });
      await sortByState.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        () => document.activeElement?.closest('th')?.getAttribute('aria-sort') === 'ascending',
      );
      await expect(
        page.getByRole('columnheader', { name: c.columns.name }).getAttribute('aria-sort'),
      ).resolves.toBeNull();
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        () => document.activeElement?.closest('th')?.getAttribute('aria-sort') === 'descending',
      );
      await expect(sortByState.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    },
    240_000,
  );
});
