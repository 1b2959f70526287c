import { randomUUID } from 'node:crypto';
import { Role } from '../../../src/common/auth/role.enum';
import { Language } from '../../../src/common/i18n/language';
import { createOffer, createRequest } from '../../factories/booking.factory';
import { insertAssignment } from '../../factories/contracts.factory';
import { createExpert } from '../../factories/experts.factory';
import { createOrdererOfUnit } from '../../factories/organisations.factory';
import { createUser, login } from '../../factories/users.factory';
import { asUser } from '../../utils/as-user';
import { expectAccessible, expectPage, sharedWebApp, shot, signIn, WebApp } from '../browser';
import { DAY, fill, signInLabels, TEXTS } from '../texts';

jest.setTimeout(180_000);

// Ending cooperation with an expert who is still booked: the expert's page says at the action how much work must be
// cancelled first and offers no way past it; once it is cancelled, the expert is retired and their open offer is
// withdrawn with them.
describe('the coordinator retiring an expert with work still booked in the browser', () => {
  let web: WebApp;
  const as = asUser(() => web.t.http);

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
    const coordinator = await createUser(db, Role.Coordinator, { language: language as Language });
    const page = await web.newPage(language, 1280);
    await signIn(page, coordinator, signInLabels(text));
    await expectPage(page, c.today.title);

    await page.goto(`/coordinator/experts/${expert.id}`);
    await expectPage(page, name);
    await page.getByRole('button', { name: c.expert.retire }).click();
    await page.getByText(fill(c.expert.retireBooked_one, { name, count: 1 })).waitFor();
    expect(await page.getByRole('button', { name: c.expert.retireConfirm }).count()).toBe(0);
    await expectAccessible(page);
    await shot(page, 'retire-booked', language);

    // The coordinator cancels the work (its late-cancellation terms apply there), then ends the cooperation.
    const token = await login(web.t.http, coordinator);
    await as(token).post(`/assignments/${assignmentId}/cancel`, { reason: 'Yhteistyö päättyy' }).expect(200);
    await page.reload();
    await expectPage(page, name);
    await page.getByRole('button', { name: c.expert.retire }).click();
    await page.getByText(`${fill(c.expert.retireQuestion, { name })} ${c.expert.retireOffers}`).waitFor();
    await page.getByRole('button', { name: c.expert.retireConfirm }).click();
    await page.getByText(fill(c.expert.statusNow, { state: c.expertStatus.retired }), { exact: true }).waitFor();
    const [row] = (await db.query(`SELECT status FROM offers WHERE id = $1`, [offer.id])) as { status: string }[];
    expect(row.status).toBe('withdrawn');
  });
});
