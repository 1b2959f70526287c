import { Role } from '../../src/common/auth/role.enum';
import { Language } from '../../src/common/i18n/language';
import { createExpert } from '../factories/experts.factory';
import { seedApprovedClaims, setPaymentDetails, settleOpenFeeRuns } from '../factories/fees.factory';
import { createUnit } from '../factories/organisations.factory';
import { createUser } from '../factories/users.factory';
import { expectPage, signIn, WebApp } from './browser';
import { describeScreenshots } from './screenshot-specs';
import { signInLabels } from './texts';

// Not a test: with SCREENSHOT_DIR set, pictures of the coordinator's fee runs and settings and the admin's
// screens at 1280 and 360 px in Finnish and Swedish (SCREENSHOT_DIR=/tmp/shots npx jest test/browser/admin-screenshots).
// The worker computes in small, slowed batches so that a run is caught half-way.

// The claims' maker, three experts with their payment details and two units, for the claims seeded before each run.
async function setUp(web: WebApp): Promise<{ experts: string[]; units: string[]; creator: string }> {
  const creator = (await createUser(web.t.db, Role.Orderer)).id;
  const experts = (
    await Promise.all(
      ['Sanna Selkämeri', 'Stina Strömberg', 'Pekka Pohjanmaa'].map((name) => createExpert(web.t.db, { name })),
    )
  ).map((e) => e.id);
  for (const id of experts)
    await setPaymentDetails(web.t.db, id, { taxPercent: 12.5, taxCardYear: new Date().getFullYear() });
  const units = [
    (await createUnit(web.t.db, { nameFi: 'Psykiatrian poliklinikka', nameSv: 'Psykiatriska polikliniken' })).id,
    (await createUnit(web.t.db)).id,
  ];
  return { experts, units, creator };
}

describeScreenshots(
  'screenshots of the coordinator’s fee runs and the admin’s screens',
  { timeout: 240_000, app: { env: { FEE_RUN_BATCH_SIZE: '2', FEE_RUN_BATCH_DELAY_MS: '400' } }, setUp },
  async ({ web, language, text, made: { experts, units, creator }, picture }) => {
    const coordinator = await createUser(web.t.db, Role.Coordinator, {
      name: 'Kaisa Koordinaattori',
      language: language as Language,
    });
    const admin = await createUser(web.t.db, Role.Admin, {
      name: 'Aino Pääkäyttäjä',
      language: language as Language,
    });
    const labels = signInLabels(text);
    for (const width of [1280, 360]) {
      const shot = (name: string) => picture(page, name, width);
      await settleOpenFeeRuns(web.t.db);
      await seedApprovedClaims(web.t.db, {
        count: 24,
        expertIds: experts,
        organisationIds: units,
        createdBy: creator,
        decidedBy: creator,
        firstDay: '2026-09-01',
      });
      const page = await web.newPage(language, width);
      await signIn(page, coordinator, labels);
      await expectPage(page, text.coordinator.today.title);
      await page.goto('/fee-runs');
      await expectPage(page, text.feeRuns.title);
      await shot('fee-runs');
      await page.getByRole('button', { name: text.feeRuns.start.submit }).click();
      await page.waitForFunction(() => {
        const value = Number(document.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow') ?? 0);
        return value >= 25 && value < 100;
      });
      await shot('fee-run-progress');
      await page.getByRole('heading', { level: 2, name: text.feeRuns.totals.heading }).waitFor({ timeout: 60_000 });
      await shot('fee-run-computed');
      await page.goto('/reports');
      await expectPage(page, text.reports.title);
      // The spend chart, or the report's empty text when no fee run of the year has been paid yet (the first
      // language's pass computes its run but does not pay it).
      await page
        .getByRole('img', { name: text.reports.spend.chart })
        .or(page.getByText(text.reports.empty).first())
        .first()
        .waitFor();
      await shot('reports');
      await page.goto('/fee-settings');
      await expectPage(page, text.feeSettings.title);
      await shot('fee-settings');

      // A garbled access token, so that the audit trail shows a refused one.
      await web.t.http.get('/me').set('authorization', 'Bearer not-a-token').expect(401);
      await page.context().clearCookies();
      await page.goto('/sign-in');
      await signIn(page, admin, labels);
      await expectPage(page, text.home.title);
      for (const [name, path, title] of [
        ['admin-home', '/', text.home.title],
        ['admin-people', '/admin/people', text.admin.people.title],
        ['admin-travel-rates', '/admin/travel-rates', text.admin.travelRates.title],
        ['admin-audit', '/admin/audit', text.admin.audit.title],
      ] as const) {
        await page.goto(path);
        await expectPage(page, title);
        await page.getByRole('heading', { level: 2 }).first().waitFor();
        await shot(name);
      }
    }
  },
);
