import { RequestStatus } from '../../../src/modules/booking/entities/booking-request.entity';
import { createBookableExpert } from '../../factories/bookable.factory';
import { createRequest } from '../../factories/booking.factory';
import { createOrdererOfUnit } from '../../factories/organisations.factory';
import { expectAccessible, expectPage, sharedWebApp, shot, WebApp } from '../browser';
import { coordinatorOnToday } from '../parties';
import { DAY, fill, TEXTS } from '../texts';

jest.setTimeout(180_000);

// An order nobody fits: the matching page says which condition left nobody, instead of a dead end.
describe('the coordinator’s matching page with no candidates in the browser', () => {
  let web: WebApp;

  beforeAll(async () => {
    web = await sharedWebApp();
  }, 120_000);

  it.each(['fi', 'sv'] as const)(
    'in %s: the conditions one at a time, with the experts each leaves, and the topic the order asks for',
    async (language) => {
      const text = TEXTS[language];
      const m = text.coordinator.matching;
      const { orderer, unitId } = await createOrdererOfUnit(web.t.db);
      // At night: the factories' experts set their times from 06:00 to 22:00, so nobody is available.
      const night = new Date(Date.now() + 20 * DAY);
      night.setUTCHours(0, 0, 0, 0);
      const order = await createRequest(web.t.db, unitId, orderer.id, {
        status: RequestStatus.Matching,
        title: language === 'fi' ? 'Yöpäivystyksen kehittäminen' : 'Utveckling av nattjouren',
        startsAt: night.toISOString(),
        endsAt: new Date(night.getTime() + 3_600_000).toISOString(),
        topics: ['long_term_illness'],
      });
      // One who fits in every way but the hour.
      await createBookableExpert(web.t.db, { topics: ['long_term_illness'] });
      const { page } = await coordinatorOnToday(web, language, { width: 360 });
      await page.goto(`/coordinator/orders/${order.id}`);
      await expectPage(page, fill(m.title, { title: order.title }));
      await page.getByText(m.noCandidates).waitFor();
      const steps = page.getByRole('list', { name: m.funnel.heading });
      // The funnel comes with its own read, at times after the notice: read once it shows (allInnerTexts waits for
      // nothing, and read before, it was empty).
      await steps.getByRole('listitem').first().waitFor();
      const items = await steps.getByRole('listitem').allInnerTexts();
      expect(items.map((item) => item.split(':')[0])).toEqual(
        ['verified', 'language', 'topic', 'taskType', 'place', 'available', 'free', 'load'].map(
          (step) => m.funnel.step[step as keyof typeof m.funnel.step],
        ),
      );
      // The list empties at the times, not before: the one expert made above is counted up to the place.
      const count = (i: number) => Number(items[i].split(':').at(-1)!.trim());
      expect(count(4)).toBeGreaterThanOrEqual(1);
      expect(count(5)).toBe(0);
      expect(count(7)).toBe(0);
      // The order's own topic is among its details.
      await page
        .getByText(language === 'fi' ? 'Pitkäaikaissairaus' : 'Långvarig sjukdom')
        .first()
        .waitFor();
      await expectAccessible(page);
      await shot(page, 'matching-funnel', language);
    },
  );
});
