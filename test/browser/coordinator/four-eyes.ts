import { randomUUID } from 'node:crypto';

import type { Locator, Page } from 'playwright-core';
import { Role } from '../../../src/common/auth/role.enum';
import { Language } from '../../../src/common/i18n/language';
import { draftedAssignment, giveDateOfBirth, waitForPdf } from '../../factories/contracts.factory';
import { createExpert } from '../../factories/experts.factory';
import { createClaim, createFinishedAssignment } from '../../factories/fees.factory';
import { createOrdererOfUnit } from '../../factories/organisations.factory';
import { DEFAULT_PASSWORD, login, TestUser } from '../../factories/users.factory';
import { asUser } from '../../utils/as-user';
import { expectAccessible, expectNoSidewaysScroll, expectPage, shot, sharedWebApp, WebApp } from '../browser';
import { expectFocusOn } from '../keyboard';
import { signedIn, coordinatorOnToday } from '../parties';
import { DAY, fill, TEXTS } from '../texts';

// suomifi's label covers its box: ticked from the keyboard, as a keyboard user would.
async function tick(box: Locator): Promise<void> {
  await box.focus();
  await box.press('Space');
  expect(await box.isChecked()).toBe(true);
}

// Four eyes on claims with two coordinators, and a draft contract's preview, series and withdrawal, in fi and sv.
describe('the coordinator’s four eyes on claims and draft contracts in the browser', () => {
  let web: WebApp;
  let ordererId: string;
  let unitId: string;
  let settingsToken: string;

  beforeAll(async () => {
    web = await sharedWebApp();
    const ofUnit = await createOrdererOfUnit(web.t.db);
    ordererId = ofUnit.orderer.id;
    unitId = ofUnit.unitId;
    settingsToken = await signedIn(web.t, Role.Coordinator);
  }, 120_000);
  afterAll(async () => {
    await as(settingsToken).patch('/fee-settings', { claimFourEyesAboveCents: null });
  });

  const as = asUser(() => web.t.http);

  async function coordinatorPage(
    language: 'fi' | 'sv',
    name: string,
  ): Promise<{ page: Page; user: TestUser & { name: string } }> {
    const { coordinator, page } = await coordinatorOnToday(web, language, { name });
    return { page, user: { ...coordinator, name } };
  }

  it.each(['fi', 'sv'] as const)(
    'in %s: a setting another coordinator saved meanwhile stays when this one saves another',
    async (language) => {
      const text = TEXTS[language];
      const s = text.feeSettings.settings;
      const before = (await as(settingsToken).get('/fee-settings').expect(200)).body.claimTimeLimitDays as number;
      await as(settingsToken).patch('/fee-settings', { claimFourEyesAboveCents: null }).expect(200);
      const { page } = await coordinatorPage(language, `Sanna Asetus ${language}`);
      try {
        await page.goto('/fee-settings');
        await expectPage(page, text.feeSettings.title);
        await tick(page.getByRole('checkbox', { name: s.claimFourEyes }));
        await page.getByLabel(s.claimFourEyesAbove).fill('80');
        // Meanwhile, another coordinator gives the experts more time to claim.
        await as(settingsToken)
          .patch('/fee-settings', { claimTimeLimitDays: before + 15 })
          .expect(200);
        await page.getByRole('button', { name: s.submit }).click();
        await page.getByText(s.saved).first().waitFor();
        expect((await as(settingsToken).get('/fee-settings').expect(200)).body).toMatchObject({
          claimTimeLimitDays: before + 15,
          claimFourEyesAboveCents: 80_00,
        });
        // The form shows what is now saved, the other coordinator's days included.
        await expect(page.getByLabel(s.claimTimeLimitDays).inputValue()).resolves.toBe(String(before + 15));
        await expectAccessible(page);
      } finally {
        await as(settingsToken).patch('/fee-settings', { claimTimeLimitDays: before, claimFourEyesAboveCents: null });
      }
    },
  );

  it.each(['fi', 'sv'] as const)(
    'in %s: the limit is set in the settings, one coordinator approves first and another second',
    async (language) => {
      const text = TEXTS[language];
      const c = text.coordinator.claims;
      const s = text.feeSettings.settings;
      await as(settingsToken).patch('/fee-settings', { claimFourEyesAboveCents: null }).expect(200);
      const first = await coordinatorPage(language, `Eeva Ensimmäinen ${language}`);

      // The setting: on, over 50 euros.
      await first.page.goto('/fee-settings');
      await expectPage(first.page, text.feeSettings.title);
      await tick(first.page.getByRole('checkbox', { name: s.claimFourEyes }));
      await first.page.getByLabel(s.claimFourEyesAbove).fill('50');
      await first.page.getByRole('button', { name: s.submit }).click();
      await first.page.getByText(s.saved).first().waitFor();
      expect((await as(settingsToken).get('/fee-settings').expect(200)).body.claimFourEyesAboveCents).toBe(50_00);
      await expectAccessible(first.page);
      await shot(first.page, 'fee-settings-claim-four-eyes', language);

      // A claim of 62.50 € (2.5 h at 25 €/h).
      const expertName = `Kalle Kaksi ${language}`;
      const expert = await createExpert(web.t.db, { name: expertName });
      // Its own title: the test database holds other specs' claims, and a retry's.
      const title = `Asiakasraati ${language} ${randomUUID().slice(0, 6)}`;
      const work = await createFinishedAssignment(web.t.db, expert.id, {
        organisationId: unitId,
        createdBy: ordererId,
        title,
      });
      const claimId = await createClaim(web.t.db, expert.id, work, { status: 'submitted' });
      const claimTitle = fill(c.claimTitle, { title, name: expertName });

      await first.page.goto(`/coordinator/claims/${claimId}`);
      await expectPage(first.page, claimTitle);
      await first.page.getByText(c.fourEyesNote).waitFor();
      await first.page.getByRole('button', { name: c.approve, exact: true }).click();
      await first.page.getByText(c.secondNeededYou).waitFor();
      // The approve button went; the focus goes on to what is now waited for.
      await expectFocusOn(first.page, c.secondNeededYou);
      expect(await first.page.getByRole('button', { name: c.approve, exact: true }).count()).toBe(0);
      await first.page.getByRole('term').filter({ hasText: c.firstApproval }).waitFor();
      await expectAccessible(first.page);
      await shot(first.page, 'coordinator-claim-first-approved', language);

      // The second coordinator sees it waiting in the queue, with the first approver's name, and approves it.
      const second = await coordinatorPage(language, `Toni Toinen ${language}`);
      await second.page.goto('/coordinator/claims');
      await expectPage(second.page, c.title);
      const row = second.page.getByRole('row').filter({ hasText: title });
      await row.getByText(fill(c.waitingSecond, { name: first.user.name })).waitFor();
      await expectAccessible(second.page);
      await shot(second.page, 'coordinator-claims-waiting-second', language);
      await row.getByRole('link', { name: title }).click();
      await expectPage(second.page, claimTitle);
      await second.page.getByText(fill(c.secondNeeded, { name: first.user.name })).waitFor();
      await second.page.getByRole('button', { name: c.approveSecond }).click();
      await second.page
        .getByText(fill(c.decided, { state: text.coordinator.claimStatus.approved }))
        .first()
        .waitFor();
      await expectFocusOn(second.page, fill(c.decided, { state: text.coordinator.claimStatus.approved }));
      expect((await as(settingsToken).get(`/claims/${claimId}`).expect(200)).body).toMatchObject({
        status: 'approved',
        firstApprovedBy: first.user.id,
      });
    },
    180_000,
  );

  it.each(['fi', 'sv'] as const)(
    'in %s: a draft contract shows its preview, becomes a series with another draft, and is withdrawn with a reason',
    async (language) => {
      const text = TEXTS[language];
      const k = text.coordinator.contracts;
      const expert = await createExpert(web.t.db, { name: `Sara Sarja ${language}`, language: language as Language });
      await giveDateOfBirth(web.t.db, expert.id);
      const at = (days: number, hour: number) => new Date(Date.now() + days * DAY + hour * 3_600_000).toISOString();
      const base = { expertId: expert.id, organisationId: unitId, createdBy: ordererId };
      const one = await draftedAssignment(web.t, {
        ...base,
        title: `Kehittäjäryhmä 1 ${language}`,
        startsAt: at(10, 0),
        endsAt: at(10, 2),
      });
      await draftedAssignment(web.t, {
        ...base,
        title: `Kehittäjäryhmä 2 ${language}`,
        startsAt: at(17, 0),
        endsAt: at(17, 2),
      });
      const [draft] = await web.t.db.query(`SELECT number, version FROM contracts WHERE id = $1`, [one.contractId]);
      const name = fill(text.coordinator.contractName, { number: draft.number, version: draft.version });

      const { page } = await coordinatorPage(language, `Sanna Sopimus ${language}`);
      await page.goto(`/coordinator/contracts/${one.contractId}`);
      await expectPage(page, name);
      // The preview: the test's browser shows no PDF in the page (browser.ts), so the draft's PDF is offered to save.
      const preview = page.getByRole('link', {
        name: fill(text.coordinator.preview.download, { name: `${draft.number}-${draft.version}-draft.pdf` }),
      });
      await preview.waitFor();
      expect(await preview.getAttribute('href')).toMatch(/^blob:/);
      await page.getByText(k.previewNote).waitFor();
      await page.getByRole('heading', { level: 2, name: k.seriesHeading }).waitFor();
      await expectAccessible(page);
      await expectNoSidewaysScroll(page);
      await shot(page, 'coordinator-contract-draft', language);

      // A series: the other draft joins this one in one new contract.
      await tick(page.getByRole('checkbox', { name: new RegExp(`Kehittäjäryhmä 2 ${language}`) }));
      await page.getByRole('button', { name: k.seriesSubmit }).click();
      await page.getByText(`Kehittäjäryhmä 2 ${language}`).first().waitFor();
      await page.waitForURL((url) => !url.pathname.endsWith(one.contractId));
      const seriesId = page.url().split('/').pop()!;
      const series = (await as(settingsToken).get(`/contracts/${seriesId}`).expect(200)).body;
      expect(series.assignments).toHaveLength(2);
      expect(series.status).toBe('draft');
      await expectPage(page, fill(text.coordinator.contractName, { number: series.number, version: series.version }));

      // Withdrawn with a reason.
      await page.getByRole('button', { name: k.withdraw }).click();
      // The button goes; the focus goes on to the reason, not to the start of the page.
      await page.waitForFunction(() => document.activeElement?.id === 'reason');
      await page.getByLabel(k.withdrawReason).fill('Tilaaja perui sarjan.');
      await page.getByRole('button', { name: k.withdraw }).click();
      await page.getByText(k.withdrawn).first().waitFor();
      const ended = (await as(settingsToken).get(`/contracts/${seriesId}`).expect(200)).body;
      expect(ended).toMatchObject({ status: 'terminated', terminationReason: 'Tilaaja perui sarjan.' });
      await page.getByText(text.coordinator.contractStatus.terminated).first().waitFor();
      await expectAccessible(page);
    },
    180_000,
  );

  it.each(['fi', 'sv'] as const)(
    'in %s: a signed contract gets a new version with a longer term',
    async (language) => {
      const text = TEXTS[language];
      const k = text.coordinator.contracts;
      const expert = await createExpert(web.t.db, { name: `Ville Versio ${language}`, language: language as Language });
      await giveDateOfBirth(web.t.db, expert.id);
      const starts = new Date(Date.now() + 20 * DAY);
      const made = await draftedAssignment(web.t, {
        expertId: expert.id,
        organisationId: unitId,
        createdBy: ordererId,
        title: `Työpaja ${language}`,
        startsAt: starts.toISOString(),
        endsAt: new Date(starts.getTime() + 2 * 3_600_000).toISOString(),
      });
      await as(settingsToken).post(`/contracts/${made.contractId}/approve`).expect(200);
      await waitForPdf(web.t.db, made.contractId);
      await as(await login(web.t.http, expert))
        .post(`/contracts/${made.contractId}/sign`, { password: DEFAULT_PASSWORD })
        .expect(200);
      const signed = (await as(settingsToken).get(`/contracts/${made.contractId}`).expect(200)).body;
      const longer = new Date(`${signed.validUntil}T12:00:00Z`);
      longer.setUTCDate(longer.getUTCDate() + 30);
      const until = longer.toISOString().slice(0, 10);

      const { page } = await coordinatorPage(language, `Veera Versio ${language}`);
      await page.goto(`/coordinator/contracts/${made.contractId}`);
      await expectPage(page, fill(text.coordinator.contractName, { number: signed.number, version: 1 }));
      await page.getByRole('heading', { level: 2, name: k.reviseHeading }).waitFor();
      await page.getByLabel(k.validUntil).fill(until);
      await expectAccessible(page);
      await shot(page, 'coordinator-contract-signed', language);
      await page.getByRole('button', { name: k.revise }).click();
      await expectPage(page, fill(text.coordinator.contractName, { number: signed.number, version: 2 }));
      const revisionId = page.url().split('/').pop()!;
      expect((await as(settingsToken).get(`/contracts/${revisionId}`).expect(200)).body).toMatchObject({
        status: 'draft',
        version: 2,
        validUntil: until,
        supersedesId: made.contractId,
      });
      await page.getByRole('link', { name: k.olderVersion }).waitFor();
    },
    180_000,
  );
});
