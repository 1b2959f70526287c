import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Role } from '../../src/common/auth/role.enum';
import { Language } from '../../src/common/i18n/language';
import { createExpert } from '../factories/experts.factory';
import { seedApprovedClaims, setPaymentDetails, settleOpenFeeRuns } from '../factories/fees.factory';
import { createUnit } from '../factories/organisations.factory';
import { createUser } from '../factories/users.factory';
import fi from '../../web/src/i18n/fi.json';
import sv from '../../web/src/i18n/sv.json';
import { expectPage, signIn, startWebApp, WebApp } from './browser';

// Not a test: with SCREENSHOT_DIR set, pictures of the coordinator's fee runs and settings and the admin's
// screens at 1280 and 360 px in Finnish and Swedish (SCREENSHOT_DIR=/tmp/shots npx jest test/browser/admin-screenshots).
// The worker computes in small, slowed batches so that a run is caught half-way.
const dir = process.env.SCREENSHOT_DIR;
const TEXTS = { fi, sv };

(dir ? describe : describe.skip)('screenshots of the coordinator’s fee runs and the admin’s screens', () => {
  let web: WebApp;
  let experts: string[];
  let units: string[];
  let creator: string;
  beforeAll(async () => {
    web = await startWebApp({ env: { FEE_RUN_BATCH_SIZE: '2', FEE_RUN_BATCH_DELAY_MS: '400' } });
    mkdirSync(dir!, { recursive: true });
    creator = (await createUser(web.t.db, Role.Orderer)).id;
    experts = (
      await Promise.all(
        ['Sanna Selkämeri', 'Stina Strömberg', 'Pekka Pohjanmaa'].map((name) => createExpert(web.t.db, { name })),
      )
    ).map((e) => e.id);
    for (const id of experts)
      await setPaymentDetails(web.t.db, id, { taxPercent: 12.5, taxCardYear: new Date().getFullYear() });
    units = [
      (await createUnit(web.t.db, { nameFi: 'Psykiatrian poliklinikka', nameSv: 'Psykiatriska polikliniken' })).id,
      (await createUnit(web.t.db)).id,
    ];
  }, 120_000);
  afterAll(() => web?.close());

  it.each(['fi', 'sv'] as const)(
    'in %s',
    async (language) => {
      const text = TEXTS[language];
      const coordinator = await createUser(web.t.db, Role.Coordinator, {
        name: 'Kaisa Koordinaattori',
        language: language as Language,
      });
      const admin = await createUser(web.t.db, Role.Admin, {
        name: 'Aino Pääkäyttäjä',
        language: language as Language,
      });
      const labels = { email: text.fields.email, password: text.fields.password, submit: text.signIn.submit };
      for (const width of [1280, 360]) {
        const shot = (name: string) =>
          page.screenshot({ path: join(dir!, `${name}-${language}-${width}.png`), fullPage: true });
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

        await page.context().clearCookies();
        await page.goto('/sign-in');
        await signIn(page, admin, labels);
        await expectPage(page, text.home.title);
        for (const [name, path, title] of [
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
    240_000,
  );
});
