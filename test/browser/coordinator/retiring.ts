import { randomUUID } from 'node:crypto';
import type { Locator } from 'playwright-core';
import { Language } from '../../../src/common/i18n/language';
import { createOffer, createRequest } from '../../factories/booking.factory';
import { insertAssignment } from '../../factories/contracts.factory';
import { createExpert } from '../../factories/experts.factory';
import { createOrdererOfUnit } from '../../factories/organisations.factory';
import { expectAccessible, expectPage, sharedWebApp, shot, WebApp } from '../browser';
import { coordinatorOnToday } from '../parties';
import { DAY, fill, TEXTS } from '../texts';

jest.setTimeout(180_000);

// Waits until the element has the focus (it moves there after a render or an animation frame).
const focused = async (locator: Locator) =>
  locator.page().waitForFunction((el) => el === document.activeElement, await locator.elementHandle(), {
    timeout: 5_000,
  });

// Ending cooperation with an expert who is still booked: the expert's page says at the action how much work must be
// cancelled first and offers no way past it; once it is cancelled, the expert is retired and their open offer is
// withdrawn with them.
describe('the coordinator retiring an expert with work still booked in the browser', () => {
  let web: WebApp;

  beforeAll(async () => {
    web = await sharedWebApp();
  }, 120_000);

  it.each(['fi', 'sv'] as const)('in %s: the booked work first, then the retirement', async (language) => {
    const text = TEXTS[language];
    const c = text.coordinator;
    const db = web.t.db;
    const { orderer, unitId } = await createOrdererOfUnit(db);
    const name = `Eino Eläköityvä ${randomUUID().slice(0, 6)}`;
    const expert = await createExpert(db, { name, language: language as Language });
    // Ten days ahead at 09:00 UTC, two hours: booked, not yet ended. An offer for later work awaits an answer.
    const startsAt = new Date(Math.floor((Date.now() + 10 * DAY) / DAY) * DAY + 9 * 3_600_000);
    const assignmentId = await insertAssignment(db, {
      expertId: expert.id,
      organisationId: unitId,
      createdBy: orderer.id,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
    });
    const later = new Date(startsAt.getTime() + 10 * DAY);
    const request = await createRequest(db, unitId, orderer.id, {
      startsAt: later.toISOString(),
      endsAt: new Date(later.getTime() + 2 * 3_600_000).toISOString(),
    });
    const offer = await createOffer(db, request, expert.id, orderer.id, {
      deadline: new Date(later.getTime() - 5 * DAY).toISOString(),
    });
    const { page } = await coordinatorOnToday(web, language, { width: 1280 });

    await page.goto(`/coordinator/experts/${expert.id}`);
    await expectPage(page, name);
    await page.getByRole('button', { name: c.expert.retire }).click();
    await page.getByText(fill(c.expert.retireBooked_one, { name, count: 1 })).waitFor();
    expect(await page.getByRole('button', { name: c.expert.retireConfirm }).count()).toBe(0);
    await expectAccessible(page);
    await shot(page, 'retire-booked', language);

    // The coordinator cancels the work on the order's page, where the expert's page links it (its late-cancellation
    // terms shown first), then ends the cooperation.
    await page
      .getByRole('table', { name: c.expert.assignmentsCaption })
      .getByRole('link', { name: 'Kehittäjäasiakasraati' })
      .click();
    await expectPage(page, fill(c.matching.title, { title: 'Kehittäjäasiakasraati' }));
    const open = page.getByRole('button', { name: fill(c.matching.cancel.openName, { name }) });
    await shot(page, 'order-booked', language);
    await open.click();
    await page.getByText(fill(text.orders.cancel.noFee, { hours: 48 })).waitFor();
    const reason = page.getByRole('textbox', { name: text.orders.cancel.reason });
    await focused(reason);
    // Not cancelling after all: back to the button that opened the form.
    await page.getByRole('button', { name: text.orders.cancel.keep }).click();
    await focused(open);
    await open.click();
    await reason.fill('Yhteistyö päättyy');
    await expectAccessible(page);
    await shot(page, 'cancel-assignment', language);
    // A double click sends once (a second cancellation would be refused).
    await page.getByRole('button', { name: text.orders.cancel.confirm }).dblclick();
    // The outcome, in the place of the form, holds the focus (its box: the words are announced too).
    const order = page.getByRole('region', { name: c.matching.order });
    await focused(order.getByText(fill(c.matching.cancel.done, { name })).locator('..'));
    await order.getByText(`(${c.assignmentStatus.cancelled})`).waitFor();
    const [cancelled] = (await db.query(`SELECT status, cancel_reason FROM assignments WHERE id = $1`, [
      assignmentId,
    ])) as { status: string; cancel_reason: string }[];
    expect(cancelled).toEqual({ status: 'cancelled', cancel_reason: 'Yhteistyö päättyy' });
    await shot(page, 'cancelled-assignment', language);

    await page.getByRole('link', { name }).first().click();
    await expectPage(page, name);
    await page.getByRole('button', { name: c.expert.retire }).click();
    await page.getByText(`${fill(c.expert.retireQuestion, { name })} ${c.expert.retireOffers}`).waitFor();
    await page.getByRole('button', { name: c.expert.retireConfirm }).click();
    await page.getByText(fill(c.expert.statusNow, { state: c.expertStatus.retired }), { exact: true }).waitFor();
    const [row] = (await db.query(`SELECT status FROM offers WHERE id = $1`, [offer.id])) as { status: string }[];
    expect(row.status).toBe('withdrawn');
  });
});
