import { createRequest } from '../../factories/booking.factory';
import { expectAccessible, expectPage, sharedWebApp, shot, signIn, WebApp } from '../browser';
import { orderParties } from '../parties';
import { fill, signInLabels, TEXTS } from '../texts';

// The orderer's list of their unit's orders, twenty to a page: the pages are the web app's one pager (a navigation
// region that says where one is), on a phone's width.
describe('an orderer’s orders, page by page', () => {
  let web: WebApp;

  beforeAll(async () => {
    web = await sharedWebApp();
  }, 120_000);

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
    expect(
      await menu.getByRole('link', { name: text.orders.nav.newOrder, exact: true }).getAttribute('aria-current'),
    ).toBeNull();
    await expectAccessible(page);
  });
});
