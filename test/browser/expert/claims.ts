import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { Role } from '../../../src/common/auth/role.enum';
import { Language } from '../../../src/common/i18n/language';
import { samplePng } from '../../factories/credentials.factory';
import { createExpert } from '../../factories/experts.factory';
import {
  addCost,
  createClaim,
  createFinishedAssignment,
  setPaymentDetails,
  settleOpenFeeRuns,
  WorkOverrides,
} from '../../factories/fees.factory';
import { createOrdererOfUnit } from '../../factories/organisations.factory';
import { loggedIn, login, TestUser } from '../../factories/users.factory';
import { until } from '../../utils/documents';
import {
  expectAccessible,
  expectNoSidewaysScroll,
  expectPage,
  loseFirstAnswer,
  shot,
  signIn,
  sharedWebApp,
  WebApp,
} from '../browser';
import { focusedText } from '../keyboard';
import { fill, signInLabels, TEXTS } from '../texts';
import { asUser } from '../../utils/as-user';

// Yesterday's work, two hours from 10 to 12 Helsinki time: within the time limit for claiming, payable today.
function yesterday(): { startsAt: string; endsAt: string; date: string } {
  const day = new Date(Date.now() - 24 * 3_600_000).toISOString().slice(0, 10);
  return { startsAt: `${day}T08:00:00Z`, endsAt: `${day}T10:00:00Z`, date: day };
}

describe('the expert’s claims and paid fees in the browser', () => {
  let web: WebApp;
  let coordinator: TestUser & { token: string };
  let orderer: TestUser;
  let unitId: string;

  beforeAll(async () => {
    web = await sharedWebApp();
    await settleOpenFeeRuns(web.t.db);
    coordinator = await loggedIn(web.t.db, web.t.http, Role.Coordinator);
    ({ orderer, unitId } = await createOrdererOfUnit(web.t.db));
  }, 120_000);

  const as = asUser(() => web.t.http);

  // The expert's work of yesterday for the unit, straight in the tables.
  async function yesterdaysWork(
    expertId: string,
    title: string,
    o: Pick<WorkOverrides, 'preparationMinutes' | 'status'>,
  ) {
    const work = yesterday();
    const assignmentId = await createFinishedAssignment(web.t.db, expertId, {
      organisationId: unitId,
      createdBy: orderer.id,
      title,
      startsAt: work.startsAt,
      endsAt: work.endsAt,
      ...o,
    });
    return { assignmentId, work };
  }

  async function expertWithWork(language: 'fi' | 'sv', title: string) {
    const expert = await createExpert(web.t.db, { language: language as Language });
    await setPaymentDetails(web.t.db, expert.id, { taxPercent: 10, taxCardYear: new Date().getFullYear() });
    const { assignmentId, work } = await yesterdaysWork(expert.id, title, { preparationMinutes: 30 });
    return { expert, assignmentId, work };
  }

  // A draft claim for the expert's work of yesterday: a car trip Koti – Vaasa and a parking receipt.
  async function draftClaim(expertId: string, title: string) {
    const { assignmentId, work } = await yesterdaysWork(expertId, title, { preparationMinutes: 30 });
    const claimId = await createClaim(web.t.db, expertId, assignmentId, {
      status: 'draft',
      workDate: work.date,
      kmTenths: 245,
    });
    await addCost(web.t.db, claimId, expertId);
    return { claimId, work };
  }

  describe.each(['fi', 'sv'] as const)('in %s', (language) => {
    const text = TEXTS[language];
    const labels = signInLabels(text);
    // A draft claim open on the expert's phone, and the expert's token for what another tab does.
    async function openDraftClaim(title: string) {
      const expert = await createExpert(web.t.db, { language: language as Language });
      const { claimId, work } = await draftClaim(expert.id, title);
      const token = await login(web.t.http, expert);
      const page = await web.newPage(language, 360);
      await signIn(page, expert, labels);
      await expectPage(page, text.home.title);
      await page.goto(`/claims/${claimId}`);
      await expectPage(page, fill(text.claims.claim.title, { title }));
      return { claimId, work, token, page };
    }
    // The expert signed in, on their home, then on a page of theirs by the main navigation's link.
    async function signedInAt(expert: TestUser, link: string, title: string): Promise<Page> {
      const page = await web.newPage(language);
      await signIn(page, expert, labels);
      await expectPage(page, text.home.title);
      await page.getByRole('navigation', { name: text.app.mainNavigation }).getByRole('link', { name: link }).click();
      await expectPage(page, title);
      return page;
    }

    it('makes a claim from completed work: hours, a car trip and a receipt photo, then sends it', async () => {
      const title = `Asiakasraati ${language}`;
      const { expert, work } = await expertWithWork(language, title);
      const page = await signedInAt(expert, text.nav.claims, text.claims.title);
      await page.getByRole('heading', { level: 3, name: title }).waitFor();
      await shot(page, 'claims', language);
      await expectAccessible(page);
      await expectNoSidewaysScroll(page);

      await page.getByRole('button', { name: fill(text.claims.waiting.start, { title }) }).click();
      await expectPage(page, fill(text.claims.claim.title, { title }));
      await page.getByRole('status').filter({ hasText: text.claims.started }).waitFor();
      await expectAccessible(page);
      await expectNoSidewaysScroll(page);

      // A wrong number is refused beside its field and in the summary; what was typed stays.
      await page.getByLabel(text.claims.work.worked).fill('kaksi');
      await page.getByRole('button', { name: text.claims.work.save }).click();
      await page
        .getByRole('link', { name: fill(text.claims.errors.hours, { field: text.claims.work.worked, max: '24' }) })
        .waitFor();
      await expect(page.getByLabel(text.claims.work.worked).inputValue()).resolves.toBe('kaksi');
      await page.getByLabel(text.claims.work.worked).fill('2,25');
      await page.getByLabel(text.claims.work.preparation).fill('0,5');
      await page.getByRole('button', { name: text.claims.work.save }).click();
      await page.getByRole('status').filter({ hasText: text.claims.work.saved }).waitFor();

      await page.getByLabel(text.claims.trips.from).fill('Mustasaari');
      await page.getByLabel(text.claims.trips.to).fill('Vaasa');
      await page.getByLabel(text.claims.trips.km).fill('24,5');
      await page.getByRole('button', { name: text.claims.trips.add }).click();
      await page.getByText(fill(text.claims.trips.route, { from: 'Mustasaari', to: 'Vaasa' })).waitFor();

      await page.getByRole('radio', { name: text.claims.costs.kind.parking }).check({ force: true });
      await page.getByLabel(text.claims.costs.amount).fill('3,50');
      const chooser = page.waitForEvent('filechooser');
      await page.getByLabel(text.claims.costs.chooseFile).click();
      await (await chooser).setFiles({ name: 'kuitti.png', mimeType: 'image/png', buffer: samplePng() });
      await page.getByRole('button', { name: text.claims.costs.add }).click();
      await page.getByText(fill(text.claims.costs.receipt, { name: 'kuitti.png' })).waitFor();
      await page.getByRole('heading', { level: 2, name: text.claims.amounts.heading }).waitFor();
      await shot(page, 'claim-draft', language);
      await expectAccessible(page);

      // A second trip begun and not added: sending first says so, and waits; the person may send without it.
      await page.getByLabel(text.claims.trips.from).fill('Vaasa');
      await page.getByRole('button', { name: text.claims.submit.button }).click();
      await page.getByRole('status').filter({ hasText: text.claims.submit.unsavedFirst }).waitFor();
      await page.getByRole('button', { name: text.claims.submit.withoutUnsaved }).waitFor();
      await shot(page, 'claim-unsaved-first', language);
      await expectAccessible(page);
      expect(
        (
          await as(await login(web.t.http, expert))
            .get('/claims')
            .expect(200)
        ).body.items[0].status,
      ).toBe('draft');
      await page.getByRole('button', { name: text.claims.submit.withoutUnsaved }).click();
      await page.getByRole('status').filter({ hasText: text.claims.submit.done }).waitFor();
      await page.getByText(fill(text.claims.progress.now, { status: text.claims.status.submitted })).waitFor();
      // Sent: nothing left to change.
      await expect(page.getByRole('button', { name: text.claims.trips.add }).count()).resolves.toBe(0);
      await expectAccessible(page);
      await expectNoSidewaysScroll(page);

      const token = await login(web.t.http, expert);
      const mine = (await as(token).get('/claims').expect(200)).body.items;
      expect(mine).toEqual([
        expect.objectContaining({
          status: 'submitted',
          workedMinutes: 135,
          preparationMinutes: 30,
          trips: [{ from: 'Mustasaari', to: 'Vaasa', km: 24.5, date: work.date }],
          costs: [expect.objectContaining({ kind: 'parking', amountCents: 350 })],
        }),
      ]);
    }, 120_000);

    it('shows a returned claim with the coordinator’s reason and sends it again once fixed', async () => {
      const title = `Työpaja ${language}`;
      const { expert, assignmentId, work } = await expertWithWork(language, title);
      const claimId = await createClaim(web.t.db, expert.id, assignmentId, {
        status: 'submitted',
        workDate: work.date,
        workedMinutes: 120,
        preparationMinutes: 30,
      });
      const reason = language === 'fi' ? 'Pysäköintikuitti puuttuu.' : 'Parkeringskvittot saknas.';
      await as(coordinator.token).post(`/claims/${claimId}/return`, { reason }).expect(200);

      const page = await web.newPage(language);
      await signIn(page, expert, labels);
      await expectPage(page, text.home.title);
      await page.goto('/claims');
      await page.getByText(text.claims.returnedFix).waitFor();
      await page.getByRole('link', { name: title }).click();
      await expectPage(page, fill(text.claims.claim.title, { title }));
      await page.getByText(reason).waitFor();
      await page.getByText(text.claims.returned.heading).waitFor();
      await shot(page, 'claim-returned', language);
      await expectAccessible(page);
      await expectNoSidewaysScroll(page);

      const chooser = page.waitForEvent('filechooser');
      await page.getByLabel(text.claims.costs.chooseFile).click();
      await (await chooser).setFiles({ name: 'parkki.png', mimeType: 'image/png', buffer: samplePng() });
      await page.getByRole('radio', { name: text.claims.costs.kind.parking }).check({ force: true });
      await page.getByLabel(text.claims.costs.amount).fill('2');
      await page.getByRole('button', { name: text.claims.costs.add }).click();
      await page.getByText(fill(text.claims.costs.receipt, { name: 'parkki.png' })).waitFor();
      await page.getByRole('button', { name: text.claims.submit.again }).click();
      await page.getByText(fill(text.claims.progress.now, { status: text.claims.status.submitted })).waitFor();
    }, 120_000);

    it('removes a trip and a receipt from claims sent meanwhile from another tab: the refusal stays with the focus', async () => {
      const suffix = randomUUID().slice(0, 6);
      const expert = await createExpert(web.t.db, { language: language as Language });
      await setPaymentDetails(web.t.db, expert.id, { taxPercent: 10, taxCardYear: new Date().getFullYear() });
      const draftOf = async (title: string) => (await draftClaim(expert.id, title)).claimId;
      const tripTitle = `Matka ${language} ${suffix}`;
      const costTitle = `Kuitti ${language} ${suffix}`;
      const withTrip = await draftOf(tripTitle);
      const withCost = await draftOf(costTitle);
      const token = await login(web.t.http, expert);
      const page = await web.newPage(language, 360);
      await signIn(page, expert, labels);
      await expectPage(page, text.home.title);
      const refusal = text.errors.code.CLAIM_STATUS_CONFLICT;
      const sent = fill(text.claims.progress.now, { status: text.claims.status.submitted });
      const removeTrip = page.getByRole('button', {
        name: fill(text.claims.trips.removeNamed, {
          name: fill(text.claims.trips.route, { from: 'Koti', to: 'Vaasa' }),
        }),
      });
      const removeCost = page.getByRole('button', {
        name: new RegExp(`^${fill(text.claims.costs.removeNamed, { name: text.claims.costs.kind.parking })}`),
      });

      for (const [claimId, title, remove] of [
        [withTrip, tripTitle, removeTrip],
        [withCost, costTitle, removeCost],
      ] as const) {
        await page.goto(`/claims/${claimId}`);
        await expectPage(page, fill(text.claims.claim.title, { title }));
        await remove.waitFor();
        // The other tab sends the claim.
        await as(token).post(`/claims/${claimId}/submit`).expect(200);
        await remove.click();
        // The claim shows sent without a reload; the remove button is gone, its refusal stays and has the focus.
        await page.getByText(sent).waitFor();
        await page.getByText(refusal).waitFor();
        await expect(remove.count()).resolves.toBe(0);
        await expect(focusedText(page)).resolves.toContain(refusal);
        await expectAccessible(page);
      }
      await shot(page, 'claim-cost-removal-refused', language, { widths: [360] });
      const claim = (await as(token).get(`/claims/${withCost}`).expect(200)).body;
      expect(claim).toMatchObject({ status: 'submitted', costs: [expect.objectContaining({ kind: 'parking' })] });
    }, 120_000);

    it('keeps a trip added in another tab: a removal made on the claim as read is refused, then made again', async () => {
      const title = `Kaksi välilehteä ${language} ${randomUUID().slice(0, 6)}`;
      const { claimId, work, token, page } = await openDraftClaim(title);
      const removeButton = (from: string) =>
        page.getByRole('button', {
          name: fill(text.claims.trips.removeNamed, { name: fill(text.claims.trips.route, { from, to: 'Vaasa' }) }),
        });
      await removeButton('Koti').waitFor();
      // The other tab adds a trip.
      const read = (await as(token).get(`/claims/${claimId}`).expect(200)).body as { trips: object[] };
      const laihia = { from: 'Laihia', to: 'Vaasa', km: 20, date: work.date };
      await as(token)
        .patch(`/claims/${claimId}`)
        .send({ trips: [...read.trips, laihia] })
        .expect(200);
      // This tab removes the one trip it shows: refused, and the page shows both trips without a reload.
      await removeButton('Koti').click();
      await page.getByText(text.errors.code.CLAIM_CHANGED).waitFor();
      await removeButton('Laihia').waitFor();
      await expect(removeButton('Koti').count()).resolves.toBe(1);
      await expectAccessible(page);
      await shot(page, 'claim-changed-elsewhere', language, { widths: [360] });
      // Made again on the claim as it now is, the removal goes through and the other tab's trip stays.
      await removeButton('Koti').click();
      await removeButton('Koti').waitFor({ state: 'detached' });
      const after = await until(
        async () => (await as(token).get(`/claims/${claimId}`).expect(200)).body as { trips: object[] },
        (claim) => claim.trips.length === 1,
      );
      expect(after.trips).toEqual([laihia]);
    }, 120_000);

    it('keeps a note written in another tab: after the refusal the note shows, and the hours typed here save alone', async () => {
      const title = `Muistiinpano ${language} ${randomUUID().slice(0, 6)}`;
      const { claimId, token, page } = await openDraftClaim(title);
      const worked = page.getByLabel(text.claims.work.worked);
      const note = page.getByLabel(text.claims.work.note);
      await worked.fill('1,5');
      // The other tab (the phone) writes a note for the coordinator.
      const phoneNote = language === 'fi' ? 'Kokous venyi puolella tunnilla.' : 'Mötet drog ut en halvtimme.';
      const read = (await as(token).get(`/claims/${claimId}`).expect(200)).body as { version: number };
      await as(token).patch(`/claims/${claimId}`).send({ note: phoneNote, version: read.version }).expect(200);
      // This tab saves the hours on the claim as it read it: refused; the page reads again and shows the note.
      const save = page.getByRole('button', { name: text.claims.work.save });
      await save.click();
      await page.getByText(text.errors.code.CLAIM_CHANGED).waitFor();
      await until(
        () => note.inputValue(),
        (value) => value === phoneNote,
      );
      await expect(worked.inputValue()).resolves.toBe('1,5');
      await expectAccessible(page);
      // Saved again: the hours go in, and the phone's note stays.
      await save.click();
      await page.getByRole('status').filter({ hasText: text.claims.work.saved }).waitFor();
      const after = (await as(token).get(`/claims/${claimId}`).expect(200)).body as {
        workedMinutes: number;
        note: string;
      };
      expect(after).toMatchObject({ workedMinutes: 90, note: phoneNote });
    }, 120_000);

    it('removes a trip and a receipt already removed in another tab: the refusal takes the button’s focus', async () => {
      const title = `Jo poistettu ${language} ${randomUUID().slice(0, 6)}`;
      const { claimId, token, page } = await openDraftClaim(title);
      const removeTrip = page.getByRole('button', {
        name: fill(text.claims.trips.removeNamed, {
          name: fill(text.claims.trips.route, { from: 'Koti', to: 'Vaasa' }),
        }),
      });
      const removeCost = page.getByRole('button', {
        name: new RegExp(`^${fill(text.claims.costs.removeNamed, { name: text.claims.costs.kind.parking })}`),
      });
      await removeCost.waitFor();
      const read = (await as(token).get(`/claims/${claimId}`).expect(200)).body as { costs: { id: string }[] };

      for (const [remove, elsewhere, refusal] of [
        [removeTrip, () => as(token).patch(`/claims/${claimId}`).send({ trips: [] }).expect(200), 'CLAIM_CHANGED'],
        [
          removeCost,
          () => as(token).delete(`/claims/${claimId}/costs/${read.costs[0].id}`).expect(204),
          'CLAIM_COST_NOT_FOUND',
        ],
      ] as const) {
        await elsewhere();
        await remove.click();
        // The row is gone without a reload; its refusal stays where it was, with the focus.
        await page.getByText(text.errors.code[refusal]).waitFor();
        await remove.waitFor({ state: 'detached' });
        await expect(focusedText(page)).resolves.toContain(text.errors.code[refusal]);
        await expectAccessible(page);
      }
    }, 120_000);

    it('shows a late cancellation’s claim as filed for the expert and still open for travel', async () => {
      const title = `Luento ${language}`;
      const expert = await createExpert(web.t.db, { language: language as Language });
      const { assignmentId, work } = await yesterdaysWork(expert.id, title, { status: 'late_cancelled' });
      const claimId = await createClaim(web.t.db, expert.id, assignmentId, {
        status: 'submitted',
        workDate: work.date,
      });
      // The factory has no switch for it: the claim the late cancellation files is marked so.
      await web.t.db.query('UPDATE claims SET late_cancellation = true WHERE id = $1', [claimId]);

      const page = await web.newPage(language);
      await signIn(page, expert, labels);
      await expectPage(page, text.home.title);
      await page.goto(`/claims/${claimId}`);
      await expectPage(page, fill(text.claims.claim.title, { title }));
      await page.getByText(text.claims.lateCancellation.editable).waitFor();
      // Its time is the booked time (no hours form), its trips can still be added, and it is sent already.
      await expect(page.getByRole('button', { name: text.claims.work.save }).count()).resolves.toBe(0);
      await expect(page.getByRole('button', { name: text.claims.submit.button }).count()).resolves.toBe(0);
      await page.getByLabel(text.claims.trips.from).fill('Kristinestad');
      await page.getByLabel(text.claims.trips.to).fill('Vasa');
      await page.getByLabel(text.claims.trips.km).fill('98');
      await page.getByRole('button', { name: text.claims.trips.add }).click();
      await page.getByText(fill(text.claims.trips.route, { from: 'Kristinestad', to: 'Vasa' })).waitFor();
      await shot(page, 'claim-late-cancellation', language);
      await expectAccessible(page);
      await expectNoSidewaysScroll(page);
    }, 120_000);

    it('shows what was paid and when, and downloads the statement PDF', async () => {
      const { expert, assignmentId, work } = await expertWithWork(language, `Arviointi ${language}`);
      await createClaim(web.t.db, expert.id, assignmentId, {
        status: 'approved',
        workDate: work.date,
        decidedBy: coordinator.id,
        kmTenths: 245,
      });
      const run = await as(coordinator.token)
        .post('/fee-runs', { upTo: new Date().toISOString().slice(0, 10) })
        .expect(202);
      const runNow = () =>
        as(coordinator.token)
          .get(`/fee-runs/${run.body.id}`)
          .then((r) => r.body as { status: string });
      expect((await until(runNow, (r) => r.status === 'computed' || r.status === 'failed')).status).toBe('computed');
      await as(coordinator.token).post(`/fee-runs/${run.body.id}/approve`).expect(200);
      await as(coordinator.token).post(`/fee-runs/${run.body.id}/export`).expect(202);
      // The export renders every statement PDF on the worker: on a busy machine it takes longer than a computation.
      expect((await until(runNow, (r) => r.status === 'exported' || r.status === 'failed', 60_000)).status).toBe(
        'exported',
      );

      const page = await signedInAt(expert, text.nav.fees, text.fees.title);
      await page
        .getByRole('heading', { level: 3, name: new RegExp(fill(text.fees.lines.paidOn, { date: '' }).trim()) })
        .waitFor();
      const button = page.getByRole('button', {
        name: new RegExp(
          `^${fill(text.fees.statements.downloadNamed, { date: 'DATE' }).replace(/[()]/g, '\\$&').replace('DATE', '.+')}$`,
        ),
      });
      await button.waitFor();
      await shot(page, 'fees', language);
      await expectAccessible(page);
      await expectNoSidewaysScroll(page);
      const download = page.waitForEvent('download');
      await button.click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/\.pdf$/);
      const path = await file.path();
      const { readFileSync } = await import('node:fs');
      expect(readFileSync(path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await page.getByRole('status').filter({ hasText: text.fees.statements.downloaded }).waitFor();
    }, 120_000);
  });

  it('opens the claim a first press made, and adds a receipt once, when their answers were lost on the way', async () => {
    const text = TEXTS.fi;
    const title = 'Asiakasraati, yhteys katkesi';
    const { expert } = await expertWithWork('fi', title);
    // Its own profile: its requests are routed.
    const page = await web.newPage('fi', 360, { ownContext: true });
    await signIn(page, expert, signInLabels(text));
    await expectPage(page, text.home.title);
    await page.goto('/claims');
    await expectPage(page, text.claims.title);
    // The first press reaches the API, which makes the draft, but its answer never reaches the browser.
    const lost = await loseFirstAnswer(page, '**/api/claims');
    const start = page.getByRole('button', { name: fill(text.claims.waiting.start, { title }) });
    await start.click();
    await page.getByText(text.errors.network).waitFor();
    // Pressed again, as the page asks: the claim the first press made opens, and there is no second one.
    await start.click();
    await expectPage(page, fill(text.claims.claim.title, { title }));
    await page.getByRole('status').filter({ hasText: text.claims.alreadyStarted }).waitFor();
    await expectAccessible(page);
    expect(lost()).toBe(1);
    const claims = await web.t.db.query(`SELECT status FROM claims WHERE expert_id = $1`, [expert.id]);
    expect(claims).toEqual([{ status: 'draft' }]);

    // A receipt sent, its answer lost, sent again: the claim has it once.
    const lostCost = await loseFirstAnswer(page, '**/api/claims/*/costs');
    await page.getByRole('radio', { name: text.claims.costs.kind.parking }).check({ force: true });
    await page.getByLabel(text.claims.costs.amount).fill('3,50');
    await page
      .getByLabel(text.claims.costs.chooseFile)
      .setInputFiles({ name: 'kuitti.png', mimeType: 'image/png', buffer: samplePng() });
    await page.getByRole('button', { name: text.claims.costs.add }).click();
    await page.getByText(text.errors.network).waitFor();
    await page.getByRole('button', { name: text.claims.costs.add }).click();
    await page.getByRole('status').filter({ hasText: text.claims.costs.added }).waitFor();
    await expect(page.getByText(fill(text.claims.costs.receipt, { name: 'kuitti.png' })).count()).resolves.toBe(1);
    expect(lostCost()).toBe(1);
    const costs = await web.t.db.query(
      `SELECT amount_cents FROM claim_costs WHERE claim_id = (SELECT id FROM claims WHERE expert_id = $1)`,
      [expert.id],
    );
    expect(costs).toEqual([{ amount_cents: 350 }]);
    // The next receipt from the same form is a new one.
    await page.getByLabel(text.claims.costs.amount).fill('2,00');
    await page
      .getByLabel(text.claims.costs.chooseFile)
      .setInputFiles({ name: 'kuitti-2.png', mimeType: 'image/png', buffer: samplePng() });
    await page.getByRole('button', { name: text.claims.costs.add }).click();
    await page.getByText(fill(text.claims.costs.receipt, { name: 'kuitti-2.png' })).waitFor();
    await expectAccessible(page);
  }, 120_000);
});
