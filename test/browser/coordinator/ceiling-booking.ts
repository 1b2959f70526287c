import { randomUUID } from 'node:crypto';
import { RequestStatus } from '../../../src/modules/booking/entities/booking-request.entity';
import { createBookableExpert } from '../../factories/bookable.factory';
import { createRequest } from '../../factories/booking.factory';
import { createOrdererOfUnit } from '../../factories/organisations.factory';
import { expectAccessible, expectPage, sharedWebApp, shot, WebApp } from '../browser';
import { coordinatorOnToday } from '../parties';
import { DAY, fill, TEXTS } from '../texts';

jest.setTimeout(180_000);

// A direct booking past the yearly limit on fees an expert set: the matching page says so with the amounts, and books
// anyway only once the coordinator confirms that the expert agreed; by keyboard alone.
describe('the coordinator’s direct booking past an expert’s yearly limit in the browser', () => {
  let web: WebApp;

  beforeAll(async () => {
    web = await sharedWebApp();
  }, 120_000);

  it.each(['fi', 'sv'] as const)(
    'in %s: refused in words with the amounts, booked once the coordinator confirms the expert agreed',
    async (language) => {
      const text = TEXTS[language];
      const m = text.coordinator.matching;
      const { orderer, unitId } = await createOrdererOfUnit(web.t.db);
      // Two hours at 09:00 UTC twenty days ahead: inside the experts' 06:00–22:00, 2 h at 25 €/h = 50 €.
      const startsAt = new Date(Math.floor((Date.now() + 20 * DAY) / DAY) * DAY + 9 * 3_600_000);
      const order = await createRequest(web.t.db, unitId, orderer.id, {
        status: RequestStatus.Matching,
        title: `${language === 'fi' ? 'Omaishoitajien ryhmä' : 'Närståendevårdarnas grupp'} ${randomUUID().slice(0, 6)}`,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
        topics: ['family_carer'],
      });
      const name = `Eeva Raja ${randomUUID().slice(0, 6)}`;
      const expert = await createBookableExpert(web.t.db, {
        name,
        topics: ['family_carer'],
        yearlyEarningsCeilingCents: 1000,
      });
      const { page } = await coordinatorOnToday(web, language, { width: 1280 });
      await page.goto(`/coordinator/orders/${order.id}`);
      await expectPage(page, fill(m.title, { title: order.title }));

      const book = page.getByRole('button', { name: fill(m.bookName, { name }) });
      await book.focus();
      await page.keyboard.press('Enter');
      const alert = page.getByText(m.ceiling.title);
      await alert.waitFor();
      // The amounts in euros: nothing earned yet this year, 50 € for this work, a limit of 10 €.
      const euros = (n: number) =>
        new Intl.NumberFormat(language === 'fi' ? 'fi-FI' : 'sv-FI', {
          style: 'currency',
          currency: 'EUR',
          minimumFractionDigits: 2,
        }).format(n);
      await page
        .getByText(
          fill(m.ceiling.body, { name, earned: euros(0), expected: euros(50), total: euros(50), ceiling: euros(10) }),
        )
        .waitFor();
      expect(await page.getByText(m.ceiling.ask).isVisible()).toBe(true);
      await expectAccessible(page);
      await shot(page, 'matching-ceiling', language);
      expect(await web.t.db.query(`SELECT id FROM assignments WHERE request_id = $1`, [order.id])).toEqual([]);

      // Booking anyway without confirming asks for the confirmation first, and books nothing.
      const anyway = page.getByRole('button', { name: m.ceiling.book });
      await anyway.focus();
      await page.keyboard.press('Enter');
      await page.getByText(m.ceiling.agreeFirst).waitFor();
      const agreed = page.getByRole('checkbox', { name: fill(m.ceiling.agreed, { name }) });
      expect(await agreed.evaluate((element) => element === document.activeElement)).toBe(true);
      await shot(page, 'matching-ceiling-unconfirmed', language);
      expect(await web.t.db.query(`SELECT id FROM assignments WHERE request_id = $1`, [order.id])).toEqual([]);

      await page.keyboard.press('Space');
      await anyway.focus();
      await page.keyboard.press('Enter');
      await page.getByText(m.ceiling.title).waitFor({ state: 'detached' });
      expect(
        await web.t.db.query(
          `SELECT expert_id AS "expertId", ceiling_crossing_agreed AS agreed FROM assignments WHERE request_id = $1`,
          [order.id],
        ),
      ).toEqual([{ expertId: expert.id, agreed: true }]);
    },
  );
});
