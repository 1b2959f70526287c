import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Role } from '../../../src/common/auth/role.enum';
import { samplePng } from '../../factories/credentials.factory';
import { giveDateOfBirth, waitForPdf } from '../../factories/contracts.factory';
import { setPaymentDetails, settleOpenFeeRuns } from '../../factories/fees.factory';
import { loggedIn, login, TestUser } from '../../factories/users.factory';
import { until } from '../../utils/documents';
import { expectPage, mailedLink, orderAndOffer, WebApp } from '../browser';
import { viaMenuAnyWidth } from '../menu';
import { webAppAndOrderer } from '../parties';
import { DAY, fill, helsinkiDate, TEXTS, Texts } from '../texts';
import { asUser } from '../../utils/as-user';

// An expert's whole way through the service as a person does it, in the browser against the real API and its
// worker: from the invitation in the mail to the statement of the fee paid. What the coordinator and the
// orderer do in between is done through the API, as their own screens (a later issue) will do it. The clock
// of the API is moved past the work only for the steps that need it (the orderer confirming it, the fee run).
describe('an expert’s whole journey in the browser', () => {
  let web: WebApp;
  let coordinator: TestUser & { token: string };
  let orderer: TestUser & { token: string };
  let unitId: string;
  let dayOffset = 3;

  beforeAll(async () => {
    ({ web, orderer, unitId } = await webAppAndOrderer());
    await settleOpenFeeRuns(web.t.db);
    coordinator = await loggedIn(web.t.db, web.t.http, Role.Coordinator, { name: 'Kaisa Koordinaattori' });
  }, 120_000);

  const as = asUser(() => web.t.http);

  // The coordinator's and the orderer's part, between the expert's own steps.
  async function verifyAndActivate(expertId: string): Promise<void> {
    const [credential] = (await web.t.db.query('SELECT id FROM training_credentials WHERE expert_id = $1', [
      expertId,
    ])) as { id: string }[];
    expect(credential).toBeDefined();
    await as(coordinator.token).post(`/credentials/${credential.id}/verify`).expect(200);
    await as(coordinator.token).post(`/experts/${expertId}/activate`).expect(200);
  }

  async function approveContract(expertId: string): Promise<string> {
    const list = await as(coordinator.token).get(`/contracts?expertId=${expertId}&status=draft`).expect(200);
    expect(list.body.items).toHaveLength(1);
    const id = list.body.items[0].id as string;
    await as(coordinator.token).post(`/contracts/${id}/approve`).expect(200);
    await waitForPdf(web.t.db, id);
    return id;
  }

  async function payApprovedClaims(upTo: string): Promise<void> {
    const run = await as(coordinator.token).post('/fee-runs', { upTo }).expect(202);
    const now = () =>
      as(coordinator.token)
        .get(`/fee-runs/${run.body.id}`)
        .then((r) => r.body as { status: string });
    expect((await until(now, (r) => r.status === 'computed' || r.status === 'failed', 60_000)).status).toBe('computed');
    await as(coordinator.token).post(`/fee-runs/${run.body.id}/approve`).expect(200);
    await as(coordinator.token).post(`/fee-runs/${run.body.id}/export`).expect(202);
    expect((await until(now, (r) => r.status === 'exported' || r.status === 'failed', 60_000)).status).toBe('exported');
  }

  // The main menu; on a phone it opens from its button first.
  describe.each(['fi', 'sv'] as const)('in %s', (language) => {
    const text: Texts = TEXTS[language];

    it('goes from the invitation to a paid fee and its statement', async () => {
      const { t } = web;
      const email = `osaaja-${randomUUID().slice(0, 8)}@example.test`;
      const name = language === 'fi' ? 'Sanna Selkämeri' : 'Stina Strömberg';
      const password = 'Vaasan-saaristo-2027!';
      const title = language === 'fi' ? 'Ajanvarauksen kehittäjäryhmä' : 'Utvecklingsgruppen för tidsbokning';
      // The work: 10.00–12.00 Helsinki time a few days ahead, each language on a day of its own.
      const workDate = helsinkiDate(new Date(Date.now() + dayOffset++ * DAY));
      const startsAt = new Date(`${workDate}T08:00:00Z`);
      const isoWeekday = ((new Date(`${workDate}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;

      // The coordinator invites the expert; the invitation comes by mail.
      const invited = await as(coordinator.token).post('/users', { email, name, role: 'expert', language }).expect(201);
      const expertId = invited.body.id as string;
      const link = await mailedLink(t, email, '/set-password');

      // A phone-sized window: the invitation link, a password of their own, then signing in.
      const page = await web.newPage(language, 390);
      await page.goto(link);
      await expectPage(page, text.setPassword.title);
      await page.getByLabel(text.fields.newPassword, { exact: true }).fill(password);
      await page.getByLabel(text.fields.newPasswordAgain).fill(password);
      await page.getByRole('button', { name: text.setPassword.submit }).click();
      await page.getByText(text.setPassword.done).first().waitFor();
      await page.goto('/sign-in');
      await page.getByLabel(text.fields.email).fill(email);
      await page.getByLabel(text.fields.password, { exact: true }).fill(password);
      await page.getByRole('button', { name: text.signIn.submit }).click();
      await expectPage(page, text.home.title);

      // The profile: the language they work in, where they can go, what they do. All of it on the phone.
      await viaMenuAnyWidth(page, text, text.nav.profile, text.profile.title);
      await page.locator(language === 'fi' ? '#languages' : '#languages-sv').check({ force: true });
      await page
        .getByRole('checkbox', { name: language === 'fi' ? 'Vaasa' : 'Vasa', exact: true })
        .check({ force: true });
      await page
        .getByRole('checkbox', { name: text.profile.taskType.working_group, exact: true })
        .check({ force: true });
      await page.getByRole('button', { name: text.profile.details.submit }).click();
      await page.getByRole('status').filter({ hasText: text.profile.saved }).waitFor();

      // A training certificate, through the file chooser.
      await viaMenuAnyWidth(page, text, text.nav.certificates, text.certificates.title);
      await page.getByLabel(text.certificates.fields.provider).fill('Mielenterveyden keskusliitto');
      await page.getByLabel(text.certificates.fields.completedOn).fill('2025-05-20');
      const chooser = page.waitForEvent('filechooser');
      await page.getByLabel(text.certificates.fields.chooseFile).click();
      await (await chooser).setFiles({ name: 'todistus.png', mimeType: 'image/png', buffer: samplePng() });
      await page.getByRole('button', { name: text.certificates.upload.submit }).click();
      await page.getByRole('status').filter({ hasText: text.certificates.uploaded }).waitFor();
      await page.getByText(text.certificates.status.pending).waitFor();

      // My times: the weekday of the work, 9–16, from today on.
      await viaMenuAnyWidth(page, text, text.nav.availability, text.availability.title);
      await page.locator('#weekly-weekday').selectOption(String(isoWeekday));
      await page.locator('#weekly-from').fill('09:00');
      await page.locator('#weekly-to').fill('16:00');
      await page.getByRole('button', { name: text.availability.weekly.submit }).click();
      await page.getByRole('status').filter({ hasText: text.availability.weekly.added }).waitFor();

      // The coordinator checks the certificate and activates the expert; payment details and the date of
      // birth the contract needs are given as their own screens would (factories).
      await verifyAndActivate(expertId);
      await setPaymentDetails(t.db, expertId, { taxPercent: 10, taxCardYear: Number(workDate.slice(0, 4)) });
      await giveDateOfBirth(t.db, expertId);
      // An orderer orders and the coordinator offers the work to the expert.
      await orderAndOffer(
        web.t,
        { ordererToken: orderer.token, coordinatorToken: coordinator.token, unitId },
        { expertId, language, title, startsAt },
      );

      // The expert accepts the offer from the home in one tap.
      await page.goto('/');
      await expectPage(page, text.home.title);
      await page.getByRole('link', { name: title }).click();
      await expectPage(page, title);
      await page.getByRole('button', { name: text.offers.accept }).click();
      await page.getByText(text.offers.accepted).first().waitFor();

      // The coordinator approves the contract; the worker renders its PDF. The expert reads it and signs.
      const contractId = await approveContract(expertId);
      await page.goto(`/contracts/${contractId}`);
      await page.getByRole('heading', { level: 2, name: text.contracts.keyTerms }).waitFor();
      await page.getByRole('link', { name: text.contracts.download }).waitFor();
      await page.getByLabel(text.fields.password, { exact: true }).fill(password);
      await page.getByRole('button', { name: text.contracts.signSubmit }).click();
      await page.getByRole('link', { name: text.contracts.downloadSigned }).waitFor();

      // The work takes place; the orderer confirms it (the API's clock past its end for that).
      const assignments = (
        await as(await login(t.http, { email, password }))
          .get('/assignments')
          .expect(200)
      ).body as { id: string; title: string }[];
      const assignment = assignments.find((a) => a.title === title)!;
      t.clock.set(new Date(startsAt.getTime() + 3 * 3_600_000));
      await as(orderer.token).post(`/assignments/${assignment.id}/complete`, { tookPlace: true }).expect(200);
      t.clock.reset();

      // The claim: hours as booked, a car trip and a receipt photo; sent.
      await viaMenuAnyWidth(page, text, text.nav.claims, text.claims.title);
      await page.getByRole('button', { name: fill(text.claims.waiting.start, { title }) }).click();
      await expectPage(page, fill(text.claims.claim.title, { title }));
      await page.getByLabel(text.claims.work.worked).fill('2');
      await page.getByLabel(text.claims.work.preparation).fill('1');
      await page.getByRole('button', { name: text.claims.work.save }).click();
      await page.getByRole('status').filter({ hasText: text.claims.work.saved }).waitFor();
      await page.getByLabel(text.claims.trips.from).fill(language === 'fi' ? 'Mustasaari' : 'Korsholm');
      await page.getByLabel(text.claims.trips.to).fill(language === 'fi' ? 'Vaasa' : 'Vasa');
      await page.getByLabel(text.claims.trips.km).fill('12,5');
      await page.getByRole('button', { name: text.claims.trips.add }).click();
      await page.getByRole('status').filter({ hasText: text.claims.trips.added }).waitFor();
      await page.getByRole('radio', { name: text.claims.costs.kind.parking }).check({ force: true });
      await page.getByLabel(text.claims.costs.amount).fill('3,20');
      const receipt = page.waitForEvent('filechooser');
      await page.getByLabel(text.claims.costs.chooseFile).click();
      await (await receipt).setFiles({ name: 'pysakointi.png', mimeType: 'image/png', buffer: samplePng() });
      await page.getByRole('button', { name: text.claims.costs.add }).click();
      await page.getByText(fill(text.claims.costs.receipt, { name: 'pysakointi.png' })).waitFor();
      await page.getByRole('button', { name: text.claims.submit.button }).click();
      await page.getByText(fill(text.claims.progress.now, { status: text.claims.status.submitted })).waitFor();
      const claimUrl = page.url();

      // The coordinator approves the claim and pays it in a fee run, approved and exported (on a day after the work).
      const claimId = claimUrl.split('/claims/')[1];
      await as(coordinator.token).post(`/claims/${claimId}/approve`).expect(200);
      t.clock.set(new Date(startsAt.getTime() + DAY));
      try {
        await payApprovedClaims(helsinkiDate(new Date(startsAt.getTime() + DAY)));
      } finally {
        t.clock.reset();
      }

      // The expert sees it paid, then what was paid and when, and downloads the statement.
      await page.reload();
      await page.getByText(fill(text.claims.progress.now, { status: text.claims.status.paid })).waitFor();
      await viaMenuAnyWidth(page, text, text.nav.fees, text.fees.title);
      await page
        .getByRole('heading', { level: 3, name: new RegExp(fill(text.fees.lines.paidOn, { date: '' }).trim()) })
        .waitFor();
      const download = page.waitForEvent('download');
      await page
        .getByRole('button', {
          name: new RegExp(
            fill(text.fees.statements.downloadNamed, { date: 'DATE' }).replace(/[()]/g, '\\$&').replace('DATE', '.+'),
          ),
        })
        .click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/\.pdf$/);
      expect(
        readFileSync(await file.path())
          .subarray(0, 5)
          .toString('latin1'),
      ).toBe('%PDF-');
    }, 300_000);
  });
});
