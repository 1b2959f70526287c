import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { Role } from '../../../src/common/auth/role.enum';
import { Language } from '../../../src/common/i18n/language';
import { TrainingType } from '../../../src/modules/credentials/entities/training-credential.entity';
import { createCredential } from '../../factories/credentials.factory';
import { createExpert } from '../../factories/experts.factory';
import { createClaim, createFinishedAssignment, settleOpenFeeRuns } from '../../factories/fees.factory';
import { createOrdererOfUnit } from '../../factories/organisations.factory';
import { asUser } from '../../utils/as-user';
import { feeRunReaches, oneApproverFeeRuns } from '../../utils/fee-runs';
import { expectAccessible, expectPage, sharedWebApp, shot, WebApp } from '../browser';
import { signedIn, coordinatorOnToday } from '../parties';
import { focusedText } from '../keyboard';
import { fill, TEXTS } from '../texts';

// The coordinator's decisions after an earlier one failed (the network, a refusal): a later success leaves no old
// failure on screen; and a fee run's refusal that outlives its button keeps the fee run's own words and the focus.
describe('the coordinator’s decisions after a failure in the browser', () => {
  let web: WebApp;
  let ordererId: string;
  let unitId: string;
  let coordinatorToken: string;

  beforeAll(async () => {
    web = await sharedWebApp();
    ({
      orderer: { id: ordererId },
      unitId,
    } = await createOrdererOfUnit(web.t.db));
    coordinatorToken = await signedIn(web.t, Role.Coordinator);
    // One approval decides a claim here, whatever an earlier spec left in the settings.
    await as(coordinatorToken).patch('/fee-settings', { claimFourEyesAboveCents: null }).expect(200);
  }, 120_000);

  const as = asUser(() => web.t.http);

  // A coordinator signed in on a phone's width, in a profile of the test's own: its requests may be cut.
  async function coordinatorPage(language: 'fi' | 'sv'): Promise<Page> {
    return (await coordinatorOnToday(web, language, { width: 360, ownContext: true })).page;
  }

  // The request to `path` fails as with no network until `run` is done.
  async function withoutNetwork(page: Page, path: string, run: () => Promise<void>): Promise<void> {
    const url = `**/api${path}`;
    await page.route(url, (route) => route.abort('internetdisconnected'));
    await run();
    await page.unroute(url);
  }

  it.each(['fi', 'sv'] as const)(
    'in %s: a claim returned after its approval failed, and one approved after its return failed, show no old failure',
    async (language) => {
      const text = TEXTS[language];
      const c = text.coordinator.claims;
      const expertName = `Kerttu Korvaus ${language}`;
      const expert = await createExpert(web.t.db, { name: expertName });
      const claimOf = async (title: string, kmTenths?: number) => {
        const work = await createFinishedAssignment(web.t.db, expert.id, {
          organisationId: unitId,
          createdBy: ordererId,
          title,
        });
        return createClaim(web.t.db, expert.id, work, { status: 'submitted', kmTenths });
      };
      const suffix = randomUUID().slice(0, 6);
      const returnTitle = `Palautus ${language} ${suffix}`;
      const approveTitle = `Hyväksyntä ${language} ${suffix}`;
      // With a trip, so that the page shows its table of trips.
      const toReturn = await claimOf(returnTitle, 245);
      const toApprove = await claimOf(approveTitle);
      const page = await coordinatorPage(language);
      const network = page.getByText(text.errors.network);
      const reason = language === 'fi' ? 'Kuitti puuttuu.' : 'Kvittot saknas.';

      // The approval fails; the claim is then returned.
      await page.goto(`/coordinator/claims/${toReturn}`);
      await expectPage(page, fill(c.claimTitle, { title: returnTitle, name: expertName }));
      // One landmark named "Trips", the section; the table's region has a name of its own (named the same, it was a
      // second landmark that a screen reader's list of landmarks cannot tell from the first).
      await expect(page.getByRole('region', { name: c.trips, exact: true }).count()).resolves.toBe(1);
      await page.getByRole('region', { name: c.tripsCaption, exact: true }).getByRole('table').waitFor();
      await withoutNetwork(page, `/claims/${toReturn}/approve`, async () => {
        await page.getByRole('button', { name: c.approve, exact: true }).click();
        await network.waitFor();
      });
      await expectAccessible(page);
      await shot(page, 'coordinator-claim-approval-failed', language, { widths: [360] });
      // Beginning the return is moving on: the approval's failure goes, before the return is sent.
      await page.getByRole('button', { name: c.return }).click();
      await network.waitFor({ state: 'detached' });
      await page.getByLabel(c.returnReason).fill(reason);
      await page.getByRole('button', { name: c.returnSubmit }).click();
      await page.getByRole('status').filter({ hasText: c.returned }).waitFor();
      await page.getByText(fill(c.decided, { state: text.coordinator.claimStatus.returned })).waitFor();
      await expect(network.count()).resolves.toBe(0);
      await expectAccessible(page);

      // The return fails; the claim is then approved.
      await page.goto(`/coordinator/claims/${toApprove}`);
      await expectPage(page, fill(c.claimTitle, { title: approveTitle, name: expertName }));
      await page.getByRole('button', { name: c.return }).click();
      await page.getByLabel(c.returnReason).fill(reason);
      await withoutNetwork(page, `/claims/${toApprove}/return`, async () => {
        await page.getByRole('button', { name: c.returnSubmit }).click();
        await network.waitFor();
      });
      await page.getByRole('button', { name: c.approve, exact: true }).click();
      await page.getByRole('status').filter({ hasText: c.approved }).waitFor();
      await page.getByText(fill(c.decided, { state: text.coordinator.claimStatus.approved })).waitFor();
      await expect(network.count()).resolves.toBe(0);
      await expectAccessible(page);
      const status = async (id: string) => (await as(coordinatorToken).get(`/claims/${id}`).expect(200)).body.status;
      await expect(status(toReturn)).resolves.toBe('returned');
      await expect(status(toApprove)).resolves.toBe('approved');
    },
    120_000,
  );

  it.each(['fi', 'sv'] as const)(
    'in %s: a certificate rejected after its verification failed, and one verified after its rejection failed, show no old failure',
    async (language) => {
      const text = TEXTS[language];
      const e = text.coordinator.expert;
      const name = `Iida Intyg ${language} ${randomUUID().slice(0, 6)}`;
      const expert = await createExpert(web.t.db, { name, language: language as Language });
      const toReject = await createCredential(web.t.db, expert.id, { type: TrainingType.Kokemusasiantuntija });
      const toVerify = await createCredential(web.t.db, expert.id, { type: TrainingType.Kokemustoimija });
      const page = await coordinatorPage(language);
      const network = page.getByText(text.errors.network);
      const rejecting = page.getByRole('article', { name: text.coordinator.trainingTypes.kokemusasiantuntija });
      const verifying = page.getByRole('article', { name: text.coordinator.trainingTypes.kokemustoimija });
      await page.goto(`/coordinator/experts/${expert.id}`);
      await expectPage(page, name);

      // The verification fails; the certificate is then rejected.
      await withoutNetwork(page, `/credentials/${toReject.id}/verify`, async () => {
        await rejecting.getByRole('button', { name: e.verify }).click();
        await rejecting.getByText(text.errors.network).waitFor();
      });
      await expectAccessible(page);
      await shot(page, 'coordinator-certificate-verification-failed', language, { widths: [360] });
      // Beginning the rejection is moving on: the verification's failure goes, before the rejection is sent.
      await rejecting.getByRole('button', { name: e.reject }).click();
      // The button goes; the focus goes on to the reason, not to the start of the page.
      await page.waitForFunction(
        (el) => el === document.activeElement,
        await rejecting.getByLabel(e.rejectReason).elementHandle(),
      );
      await rejecting.getByText(text.errors.network).waitFor({ state: 'detached' });
      await rejecting.getByLabel(e.rejectReason).fill(language === 'fi' ? 'Todistus on vanha.' : 'Intyget är gammalt.');
      await rejecting.getByRole('button', { name: e.rejectSubmit }).click();
      await page.getByRole('status').filter({ hasText: e.rejected }).waitFor();
      await rejecting.getByText(text.coordinator.credentialStates.rejected, { exact: true }).waitFor();
      await expect(network.count()).resolves.toBe(0);

      // The rejection fails; the certificate is then verified.
      await verifying.getByRole('button', { name: e.reject }).click();
      await verifying.getByLabel(e.rejectReason).fill(language === 'fi' ? 'Väärä tiedosto.' : 'Fel fil.');
      await withoutNetwork(page, `/credentials/${toVerify.id}/reject`, async () => {
        await verifying.getByRole('button', { name: e.rejectSubmit }).click();
        await verifying.getByText(text.errors.network).waitFor();
      });
      await verifying.getByRole('button', { name: e.verify }).click();
      await page.getByRole('status').filter({ hasText: e.verified }).waitFor();
      await verifying.getByText(text.coordinator.credentialStates.verified, { exact: true }).waitFor();
      await expect(network.count()).resolves.toBe(0);
      await expectAccessible(page);
      const states = (await web.t.db.query('SELECT id, status FROM training_credentials WHERE expert_id = $1', [
        expert.id,
      ])) as { id: string; status: string }[];
      expect(Object.fromEntries(states.map((s) => [s.id, s.status]))).toEqual({
        [toReject.id]: 'rejected',
        [toVerify.id]: 'verified',
      });
    },
    120_000,
  );

  describe('a fee run', () => {
    let runToken: string;
    beforeAll(async () => {
      runToken = await signedIn(web.t, Role.Coordinator);
    });
    afterAll(async () => {
      await settleOpenFeeRuns(web.t.db);
    });

    it.each(['fi', 'sv'] as const)(
      'in %s: approved meanwhile by another coordinator, its refusal stays in the fee run’s own words with the focus',
      async (language) => {
        const text = TEXTS[language];
        const a = text.feeRuns.actions;
        const own = text.feeRuns.errors.FEE_RUN_STATUS_CONFLICT;
        await oneApproverFeeRuns(web.t);
        // Up to a day long past: no claim to pay, so the worker computes it at once.
        const started = await as(runToken).post('/fee-runs', { upTo: '2001-01-31' }).expect(202);
        const runId = started.body.id as string;
        expect((await feeRunReaches(as, runToken, runId, 'computed')).status).toBe('computed');
        const page = await coordinatorPage(language);
        await page.goto(`/fee-runs/${runId}`);
        const approve = page.getByRole('button', { name: a.approve });
        await approve.waitFor();
        // The other coordinator, in their own browser.
        await as(runToken).post(`/fee-runs/${runId}/approve`).expect(200);
        await approve.click();
        // The run shows approved without a reload: the approve button gone, the export there, the refusal kept.
        await page.getByRole('button', { name: a.export }).waitFor();
        await expect(approve.count()).resolves.toBe(0);
        await page.getByText(own).waitFor();
        await expect(page.getByText(text.errors.generic).count()).resolves.toBe(0);
        await expect(focusedText(page)).resolves.toContain(own);
        await expectAccessible(page);
        await shot(page, 'fee-run-approved-elsewhere', language, { widths: [360] });
      },
      120_000,
    );
  });
});
