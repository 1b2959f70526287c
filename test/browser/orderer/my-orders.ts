import { AssignmentStatus } from '../../../src/modules/booking/entities/assignment.entity';
import { RequestStatus } from '../../../src/modules/booking/entities/booking-request.entity';
import { createAssignment, createRequest } from '../../factories/booking.factory';
import { createExpert } from '../../factories/experts.factory';
import { createFinishedAssignment, setPaymentDetails } from '../../factories/fees.factory';
import { login } from '../../factories/users.factory';
import { asUser } from '../../utils/as-user';
import { until } from '../../utils/documents';
import {
  backInTabReadFails,
  daytimeWithin48h,
  expectAccessible,
  expectPage,
  sharedWebApp,
  shot,
  signIn,
  WebApp,
} from '../browser';
import { expectFocusOn, focusRing, tabTo, focusedText } from '../keyboard';
import { orderParties } from '../parties';
import { DAY, fill, signInLabels, TEXTS } from '../texts';

// A filled order of a new orderer's unit, its one expert booked (accepted unless told) from `startsAt` for `hours`.
async function bookedOrder(
  web: WebApp,
  language: 'fi' | 'sv',
  work: { title: string; startsAt: number; hours: number; status?: AssignmentStatus },
) {
  const parties = await orderParties(web.t, language);
  const order = await createRequest(web.t.db, parties.unit.id, parties.orderer.id, {
    status: RequestStatus.Filled,
    title: work.title,
    startsAt: new Date(work.startsAt).toISOString(),
    endsAt: new Date(work.startsAt + work.hours * 3600_000).toISOString(),
  });
  const assignment = await createAssignment(web.t.db, order, parties.expert.id, { status: work.status });
  return { ...parties, order, assignment };
}

// The orderer's list of their unit's orders, twenty to a page: the pages are the web app's one pager (a navigation
// region that says where one is), on a phone's width.
describe('an orderer’s orders, page by page', () => {
  let web: WebApp;

  beforeAll(async () => {
    web = await sharedWebApp();
  }, 120_000);

  // An order of the orderer's unit a month ahead, on its page, with the orderer signed in at a phone's width.
  async function orderOpened(language: 'fi' | 'sv', status: RequestStatus, title: string) {
    const text = TEXTS[language];
    const { orderer, unit } = await orderParties(web.t, language);
    const order = await createRequest(web.t.db, unit.id, orderer.id, {
      status,
      title,
      startsAt: new Date(Date.now() + 30 * DAY).toISOString(),
      endsAt: new Date(Date.now() + 30 * DAY + 2 * 3600_000).toISOString(),
    });
    const page = await web.newPage(language, 360);
    await signIn(page, orderer, signInLabels(text));
    await expectPage(page, text.orders.list.title);
    await page.goto(`/orders/${order.id}`);
    await expectPage(page, order.title);
    return { orderer, order, page };
  }

  it.each(['fi', 'sv'] as const)(
    'in %s: from the first twenty orders to the twenty-first and back',
    async (language) => {
      const text = TEXTS[language];
      const { t } = web;
      const { orderer, unit } = await orderParties(t, language);
      for (let i = 1; i <= 21; i++) {
        await createRequest(t.db, unit.id, orderer.id, {
          title: `${language === 'fi' ? 'Tilaus' : 'Beställning'} ${i}`,
        });
      }
      const page = await web.newPage(language, 360);
      // Signed in, an orderer lands on their orders.
      await signIn(page, orderer, signInLabels(text));
      await expectPage(page, text.orders.list.title);
      const pages = page.getByRole('navigation', { name: text.pager.label });
      await pages.getByText(fill(text.pager.position, { from: 1, to: 20, total: 21 })).waitFor();
      expect(await pages.getByRole('button', { name: text.pager.previous }).isDisabled()).toBe(true);
      await expectAccessible(page);
      await shot(page, 'my-orders-pager', language);

      await pages.getByRole('button', { name: text.pager.next }).click();
      await pages.getByText(fill(text.pager.position, { from: 21, to: 21, total: 21 })).waitFor();
      expect(await pages.getByRole('button', { name: text.pager.next }).isDisabled()).toBe(true);
      await pages.getByRole('button', { name: text.pager.previous }).click();
      await pages.getByText(fill(text.pager.position, { from: 1, to: 20, total: 21 })).waitFor();
    },
  );

  it('at a desktop’s width the menu stands beside the page and marks the section an order’s page is in', async () => {
    const text = TEXTS.fi;
    const { orderer, unit } = await orderParties(web.t, 'fi');
    const order = await createRequest(web.t.db, unit.id, orderer.id, { title: 'Sivuvalikon tilaus' });
    const page = await web.newPage('fi', 1280);
    await signIn(page, orderer, signInLabels(text));
    await expectPage(page, text.orders.list.title);
    const menu = page.getByRole('navigation', { name: text.app.mainNavigation });
    const myOrders = menu.getByRole('link', { name: text.orders.nav.orders, exact: true });
    expect(await myOrders.getAttribute('aria-current')).toBe('page');
    expect(await page.getByRole('button', { name: text.app.navigationExpand }).count()).toBe(0);
    const [side, title] = await Promise.all([
      menu.boundingBox(),
      page.getByRole('heading', { level: 1, name: text.orders.list.title }).boundingBox(),
    ]);
    expect(side!.x + side!.width).toBeLessThanOrEqual(title!.x);
    expect(side!.y).toBeLessThan(title!.y + title!.height);

    await page.goto(`/orders/${order.id}`);
    await expectPage(page, 'Sivuvalikon tilaus');
    expect(await myOrders.getAttribute('aria-current')).toBe('true');
    const newOrder = menu.getByRole('link', { name: text.orders.nav.newOrder, exact: true });
    expect(await newOrder.getAttribute('aria-current')).toBeNull();
    await expectAccessible(page);

    // By keyboard from the top of the page: past the skip link and the header to the menu, and on to a page.
    await page.goto(`/orders/${order.id}`);
    await expectPage(page, 'Sivuvalikon tilaus');
    await tabTo(page, newOrder);
    expect(await focusRing(newOrder)).not.toBe('none');
    await shot(page, 'side-menu-focus', 'fi', { widths: [1280] });
    // The window narrowed past 64 rem (a zoom, a window made smaller) and widened again: the menu is built anew
    // each time, and the focus stays with it instead of falling to the body. Folded, the menu's button has it.
    // The focus on the menu's control of this tag and text (found anew: the menu is built anew at the switch).
    const focused = (tag: 'A' | 'BUTTON', words: string) =>
      page.waitForFunction(
        ([t, w]) => {
          const el = document.activeElement;
          return el?.tagName === t && !!el.closest('.app-nav') && (el.textContent ?? '').includes(w);
        },
        [tag, words] as const,
        { timeout: 5_000 },
      );
    await page.setViewportSize({ width: 800, height: 800 });
    await focused('BUTTON', text.app.navigationExpand);
    await page.setViewportSize({ width: 1280, height: 800 });
    await focused('A', text.orders.nav.orders);
    await page.setViewportSize({ width: 800, height: 800 });
    await focused('BUTTON', text.app.navigationExpand);
    await page.keyboard.press('Enter');
    await tabTo(page, newOrder);
    await page.setViewportSize({ width: 1280, height: 800 });
    await focused('A', text.orders.nav.newOrder);
    await page.keyboard.press('Enter');
    await expectPage(page, text.orders.form.title);
  });

  it('on a phone the menu opens from its button by keyboard, and its links are reached by Tab', async () => {
    const text = TEXTS.sv;
    const { orderer } = await orderParties(web.t, 'sv');
    const page = await web.newPage('sv', 360);
    await signIn(page, orderer, signInLabels(text));
    await expectPage(page, text.orders.list.title);
    const expand = page.getByRole('button', { name: text.app.navigationExpand });
    await tabTo(page, expand);
    expect(await focusRing(expand)).not.toBe('none');
    await shot(page, 'menu-button-focus', 'sv', { widths: [360] });
    await page.keyboard.press('Enter');
    const spending = page
      .getByRole('navigation', { name: text.app.mainNavigation })
      .getByRole('link', { name: text.orders.nav.spending, exact: true });
    await tabTo(page, spending);
    expect(await focusRing(spending)).not.toBe('none');
    await shot(page, 'menu-open-focus', 'sv', { widths: [360] });
    await page.keyboard.press('Enter');
    await expectPage(page, text.orders.spending.title);
    // The menu folds again, and the new page's h1, with the focus, is in sight (the open menu once pushed it below
    // the window).
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect(await expand.getAttribute('aria-expanded')).toBe('false');
    const h1 = (await page.getByRole('heading', { level: 1, name: text.orders.spending.title }).boundingBox())!;
    expect(h1.y + h1.height).toBeLessThanOrEqual(page.viewportSize()!.height);
  });

  it.each(['fi', 'sv'] as const)(
    'in %s: a draft sent meanwhile from another tab is not sent twice; the page says why and shows it sent',
    async (language) => {
      const text = TEXTS[language];
      const {
        orderer,
        order: draft,
        page,
      } = await orderOpened(
        language,
        RequestStatus.Draft,
        language === 'fi' ? 'Toisen välilehden tilaus' : 'Beställning från en annan flik',
      );
      // The other tab.
      await asUser(() => web.t.http)(await login(web.t.http, orderer))
        .post(`/booking-requests/${draft.id}/submit`)
        .expect(200);
      await page.getByRole('button', { name: text.orders.order.send }).click();
      // The page shows the order as it now is, without a reload: sent, nothing left to send; the refusal stays,
      // and has the focus that the gone button had.
      const refusal = page.getByText(text.errors.code.REQUEST_STATUS_CONFLICT);
      await refusal.waitFor();
      await page.getByText(text.orders.status.submitted, { exact: true }).waitFor();
      await expect(page.getByRole('button', { name: text.orders.order.send }).count()).resolves.toBe(0);
      await expect(focusedText(page)).resolves.toContain(text.errors.code.REQUEST_STATUS_CONFLICT);
      await expectAccessible(page);
      await shot(page, 'order-sent-elsewhere', language);
    },
  );

  it.each(['fi', 'sv'] as const)(
    'in %s: cancelling late the work of an expert paid no fee quotes nothing to pay, and says only that no fee is paid',
    async (language) => {
      const text = TEXTS[language];
      const o = text.orders;
      const { orderer, unit } = await orderParties(web.t, language);
      // Inside the 48 hours: by the rule the full fee would fall due.
      const startsAt = daytimeWithin48h();
      const order = await createRequest(web.t.db, unit.id, orderer.id, {
        status: RequestStatus.Filled,
        title: language === 'fi' ? 'Huomisen kehittämisryhmä' : 'Morgondagens utvecklingsgrupp',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
      });
      const expert = await createExpert(web.t.db);
      await setPaymentDetails(web.t.db, expert.id, { declinesFee: true });
      await createAssignment(web.t.db, order, expert.id);
      const page = await web.newPage(language, 1280);
      await signIn(page, orderer, signInLabels(text));
      await expectPage(page, o.list.title);
      await page.goto(`/orders/${order.id}`);
      await expectPage(page, order.title);
      await page.getByRole('button', { name: o.cancel.open }).focus();
      await page.keyboard.press('Enter');
      const said = fill(o.cancel.noFeePaid_one, { hours: 48 });
      await until(
        () => focusedText(page),
        (focused) => focused === said,
      );
      await expect(page.getByText(o.cancel.feeDueLabel).count()).resolves.toBe(0);
      await page.getByRole('button', { name: o.cancel.confirm }).waitFor();
      await expectAccessible(page);
      await shot(page, 'cancel-no-fee-paid', language);
    },
  );

  it.each(['fi', 'sv'] as const)(
    'in %s: cancelling by keyboard reads the cost first, can be left, and a cancelled order with nobody booked says so',
    async (language) => {
      const text = TEXTS[language];
      const o = text.orders;
      const { page } = await orderOpened(
        language,
        RequestStatus.Matching,
        language === 'fi' ? 'Peruttava tilaus' : 'Beställning som avbokas',
      );
      await page.getByRole('button', { name: o.cancel.open }).focus();
      await page.keyboard.press('Enter');
      // The button is gone: the focus is on what cancelling would cost (it was once left on the page's body).
      await until(
        () => focusedText(page),
        (focused) => focused === o.cancel.nobodyBooked,
      );
      await expectAccessible(page);
      await page.getByRole('button', { name: o.cancel.keep }).focus();
      await page.keyboard.press('Enter');
      await until(
        () => focusedText(page),
        (focused) => focused === o.cancel.open,
      );
      await expect(page.getByLabel(o.cancel.reason).count()).resolves.toBe(0);

      await page.keyboard.press('Enter');
      await page.getByLabel(o.cancel.reason).fill(language === 'fi' ? 'Tarve poistui' : 'Behovet försvann');
      await page.getByRole('button', { name: o.cancel.confirm }).click();
      await page.getByRole('status').filter({ hasText: o.cancel.done }).waitFor();
      await page.getByText(o.experts.noneCancelled).waitFor();
      // Neither a wait for an answer nor an estimate of a fee that will never be paid.
      await expect(page.getByText(o.experts.none, { exact: true }).count()).resolves.toBe(0);
      await expect(page.getByText(o.order.estimateNote).count()).resolves.toBe(0);
      await expectAccessible(page);
    },
  );

  it.each(['fi', 'sv'] as const)(
    'in %s: a stale tab’s cancellation quote, refused as the order was cancelled meanwhile, refreshes the page as it says',
    async (language) => {
      const text = TEXTS[language];
      const o = text.orders;
      const { orderer, order, page } = await orderOpened(
        language,
        RequestStatus.Matching,
        language === 'fi' ? 'Toisaalla peruttu tilaus' : 'Beställning avbokad på annat håll',
      );
      // Meanwhile, in another tab, the order is cancelled.
      await asUser(() => web.t.http)(await login(web.t.http, orderer))
        .post(`/booking-requests/${order.id}/cancel`, { reason: 'Toisessa välilehdessä' })
        .expect(200);
      await page.getByRole('button', { name: o.cancel.open }).click();
      // The quote is refused; the page is read again, as the refusal says: the order shows cancelled, the cancel
      // button is gone, and the refusal keeps the focus.
      const refusal = text.errors.code.REQUEST_STATUS_CONFLICT;
      await page.getByText(o.experts.noneCancelled).waitFor();
      await page.getByText(refusal).waitFor();
      await expect(page.getByRole('button', { name: o.cancel.open }).count()).resolves.toBe(0);
      await expect(page.getByRole('button', { name: text.states.retry }).count()).resolves.toBe(0);
      await until(
        () => focusedText(page),
        (focused) => focused.includes(refusal),
      );
      await expectAccessible(page);
      await shot(page, 'order-quote-refused', language);
    },
  );

  it.each(['fi', 'sv'] as const)(
    'in %s: a cancellation sent after the work ended, from a form opened before, is refused in plain words, and the page asks whether the work took place',
    async (language) => {
      const text = TEXTS[language];
      const o = text.orders;
      // Booked work, its contract signed, that ends in an hour.
      const { orderer, expertName, order } = await bookedOrder(web, language, {
        title: language === 'fi' ? 'Päättyvä työryhmä' : 'Arbetsgrupp som slutar',
        startsAt: Date.now() - 3600_000,
        hours: 2,
        status: AssignmentStatus.Confirmed,
      });
      // Its own browser profile: the page's clock is moved, and no later test may borrow that page.
      const page = await web.newPage(language, 1280, { ownContext: true });
      await signIn(page, orderer, signInLabels(text));
      await expectPage(page, o.list.title);
      await page.goto(`/orders/${order.id}`);
      await expectPage(page, order.title);
      await page.getByRole('button', { name: o.cancel.open }).click();
      await page
        .getByLabel(o.cancel.reason)
        .fill(language === 'fi' ? 'Tila ei ole käytettävissä' : 'Lokalen är upptagen');
      // The work's end passes with the form open (the API's clock and the page's).
      const after = new Date(order.endsAt.getTime() + 60_000);
      web.t.clock.set(after);
      try {
        await page.clock.setSystemTime(after);
        await page.getByRole('button', { name: o.cancel.confirmWithFee }).click();
        const refusal = text.errors.code.WORK_ENDED;
        await page.getByText(refusal).waitFor();
        // Read again: the order is not cancelled, the cancelling is gone, and the question of the work is there.
        await page.getByRole('button', { name: o.confirm.tookPlace }).waitFor();
        await expect(page.getByRole('button', { name: o.cancel.open }).count()).resolves.toBe(0);
        await expect(page.getByLabel(o.cancel.reason).count()).resolves.toBe(0);
        await page.getByText(fill(o.confirm.question, { name: expertName })).waitFor();
        // The focus is on the refusal, where a screen reader reads it out, not lost with the form that went.
        const focused = await page.evaluate(() => {
          const active = document.activeElement;
          return !active || active === document.body || active.querySelector('h1') ? null : active.textContent;
        });
        expect(focused).toContain(refusal);
        const [{ status }] = (await web.t.db.query('SELECT status FROM booking_requests WHERE id = $1', [
          order.id,
        ])) as { status: string }[];
        expect(status).toBe(RequestStatus.Filled);
        await expectAccessible(page);
        await shot(page, 'order-cancel-refused-work-ended', language);
      } finally {
        web.t.clock.reset();
      }
    },
  );

  it.each(['fi', 'sv'] as const)(
    'in %s: a tab come back to after a while shows the order as it now is, before anything is clicked',
    async (language) => {
      const text = TEXTS[language];
      const { orderer, unit } = await orderParties(web.t, language);
      const draft = await createRequest(web.t.db, unit.id, orderer.id, {
        status: RequestStatus.Draft,
        title: language === 'fi' ? 'Palattu välilehti' : 'Fliken man återvände till',
        startsAt: new Date(Date.now() + 30 * DAY).toISOString(),
        endsAt: new Date(Date.now() + 30 * DAY + 2 * 3600_000).toISOString(),
      });
      // Its own browser profile: the page's clock is moved, and no later test may borrow that page.
      const page = await web.newPage(language, 360, { ownContext: true });
      await signIn(page, orderer, signInLabels(text));
      await expectPage(page, text.orders.list.title);
      await page.goto(`/orders/${draft.id}`);
      await expectPage(page, draft.title);
      // A reason half written when the person left the tab.
      await page.getByRole('button', { name: text.orders.cancel.open }).click();
      await page.getByLabel(text.orders.cancel.reason).fill('Tila on varattu');
      await asUser(() => web.t.http)(await login(web.t.http, orderer))
        .post(`/booking-requests/${draft.id}/submit`)
        .expect(200);
      // Half a minute in another tab, then back to this one.
      await page.clock.install();
      await page.clock.fastForward('00:31');
      await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
      await page.getByText(text.orders.status.submitted, { exact: true }).waitFor();
      await expect(page.getByRole('button', { name: text.orders.order.send }).count()).resolves.toBe(0);
      await expect(page.getByLabel(text.orders.cancel.reason).inputValue()).resolves.toBe('Tila on varattu');
      await expectAccessible(page);
    },
  );

  it.each(['fi', 'sv'] as const)(
    'in %s: a list read again without a connection keeps the orders under a notice, not an error in their place',
    async (language) => {
      const text = TEXTS[language];
      const { orderer, unit } = await orderParties(web.t, language);
      const title = language === 'fi' ? 'Heikko yhteys' : 'Svag förbindelse';
      await createRequest(web.t.db, unit.id, orderer.id, {
        status: RequestStatus.Draft,
        title,
        startsAt: new Date(Date.now() + 30 * DAY).toISOString(),
        endsAt: new Date(Date.now() + 30 * DAY + 2 * 3600_000).toISOString(),
      });
      // Its own browser profile: the page's clock is moved, and no later test may borrow that page.
      const page = await web.newPage(language, 360, { ownContext: true });
      await signIn(page, orderer, signInLabels(text));
      await expectPage(page, text.orders.list.title);
      await page.getByRole('link', { name: title }).waitFor();
      // Back in the tab half a minute later, with no connection to the API: the read again fails, retried once.
      await page.route('**/api/booking-requests?**', (r) => r.abort('internetdisconnected'));
      await page.clock.install();
      await page.clock.fastForward('00:31');
      await backInTabReadFails(page, '/api/booking-requests');
      await page.getByRole('main').getByText(text.states.refreshFailed).waitFor();
      await expect(page.getByRole('link', { name: title }).isVisible()).resolves.toBe(true);
      await expect(page.getByText(text.states.errorTitle).count()).resolves.toBe(0);
      await expectAccessible(page);
    },
  );
});

// Two experts' work done: the order's page asks feedback for each, in two forms whose fields are their own.
describe('feedback for two experts on one order', () => {
  let web: WebApp;

  beforeAll(async () => {
    web = await sharedWebApp();
  }, 120_000);

  it.each(['fi', 'sv'] as const)('in %s: two forms, no id twice, each answered on its own', async (language) => {
    const text = TEXTS[language];
    const o = text.orders;
    const { orderer, unit, expert } = await orderParties(web.t, language);
    const other = await createExpert(web.t.db, { name: language === 'fi' ? 'Veera Vertainen' : 'Vera Kamrat' });
    const first = await createFinishedAssignment(web.t.db, expert.id, {
      organisationId: unit.id,
      createdBy: orderer.id,
      title: language === 'fi' ? 'Kahden palaute' : 'Två experters respons',
    });
    const [{ request_id: orderId }] = (await web.t.db.query('SELECT request_id FROM assignments WHERE id = $1', [
      first,
    ])) as { request_id: string }[];
    await web.t.db.query('UPDATE booking_requests SET experts_needed = 2 WHERE id = $1', [orderId]);
    const [{ id: second }] = (await web.t.db.query(
      `INSERT INTO assignments (request_id, expert_id, status, starts_at, ends_at, completed_at)
       SELECT request_id, $2, status, starts_at, ends_at, completed_at FROM assignments WHERE id = $1 RETURNING id`,
      [first, other.id],
    )) as { id: string }[];

    const page = await web.newPage(language, 360);
    await signIn(page, orderer, signInLabels(text));
    await expectPage(page, o.list.title);
    await page.goto(`/orders/${orderId}`);
    const headings = page.getByRole('heading', { level: 3, name: o.feedback.heading });
    await headings.nth(1).waitFor();
    await expect(headings.count()).resolves.toBe(2);
    const twice = await page.evaluate(() => {
      const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
      return ids.filter((id, i) => ids.indexOf(id) !== i);
    });
    expect(twice).toEqual([]);
    await expectAccessible(page);

    // The second form, sent without a rating: its own error, which leads to its own rating.
    const secondForm = page.locator(`#feedback-${second}`);
    await secondForm.getByLabel(o.feedback.comment).fill(language === 'fi' ? 'Hyvä.' : 'Bra.');
    await secondForm.getByRole('button', { name: o.feedback.submit }).click();
    await page.getByRole('link', { name: fill(text.forms.required, { field: o.feedback.rating }) }).click();
    await expect(page.evaluate(() => document.activeElement?.closest('form')?.id)).resolves.toBe(`feedback-${second}`);
    await secondForm.getByRole('radio', { name: o.feedback.scale['4'] }).check({ force: true });
    await secondForm.getByRole('button', { name: o.feedback.submit }).click();
    await page.getByText(fill(o.feedback.given, { rating: '4' })).waitFor();
    // The first expert's form is still there to answer.
    await page.locator(`#feedback-${first}`).getByRole('button', { name: o.feedback.submit }).waitFor();
    await shot(page, 'order-two-feedback-forms', language);
  });
});

describe('a no-show by keyboard', () => {
  let web: WebApp;

  beforeAll(async () => {
    web = await sharedWebApp();
  }, 120_000);

  it.each(['fi', 'sv'] as const)(
    'in %s: the question reads its consequence first, and once confirmed the booking’s state has the focus',
    async (language) => {
      const text = TEXTS[language];
      const o = text.orders;
      // Yesterday's work, its contract not yet signed: only a no-show can be marked.
      const { orderer, expertName, order, assignment } = await bookedOrder(web, language, {
        title: language === 'fi' ? 'Eilinen työryhmä' : 'Gårdagens arbetsgrupp',
        startsAt: Date.now() - DAY,
        hours: 2,
      });
      const page = await web.newPage(language, 1280);
      await signIn(page, orderer, signInLabels(text));
      await expectPage(page, o.list.title);
      await page.goto(`/orders/${order.id}`);
      await expectPage(page, order.title);

      await tabTo(page, page.getByRole('button', { name: o.confirm.noShow }), 40);
      await page.keyboard.press('Enter');
      await expectFocusOn(page, fill(o.confirm.noShowExplain, { name: expertName }));
      await page.keyboard.press('Tab');
      expect(await focusedText(page)).toBe(o.confirm.noShowConfirm);
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: o.confirm.noShowDone }).waitFor();
      // The question is gone with its buttons: the line that says what became of the booking has the focus.
      await expectFocusOn(page, o.assignment.not_held);
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('DIV');
      await expectAccessible(page);
      const [{ status }] = (await web.t.db.query('SELECT status FROM assignments WHERE id = $1', [assignment.id])) as {
        status: string;
      }[];
      expect(status).toBe('not_held');
    },
  );
});
