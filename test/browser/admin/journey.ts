import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { Role } from '../../../src/common/auth/role.enum';
import { createExpert } from '../../factories/experts.factory';
import {
  createClaim,
  createFinishedAssignment,
  setPaymentDetails,
  settleOpenFeeRuns,
} from '../../factories/fees.factory';
import { createUnit } from '../../factories/organisations.factory';
import { createUser, login, TestUser } from '../../factories/users.factory';
import { expectAccessible, expectPage, loseFirstAnswer, sharedWebApp, shot, WebApp } from '../browser';
import { parseCsv } from '../../utils/documents';
import { expectRefusedAtField } from '../keyboard';
import { viaMenu } from '../menu';
import { DAY, fill, helsinkiDate, helsinkiDateIn, TEXTS, Texts } from '../texts';

jest.setTimeout(240_000);

// An access token signed with a key that is not the API's.
const FORGED = [
  Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url'),
  Buffer.from(JSON.stringify({ sub: randomUUID(), sid: randomUUID(), iss: 'kokemus', aud: 'kokemus-api' })).toString(
    'base64url',
  ),
  Buffer.from('forged').toString('base64url'),
].join('.');

// The coordinator's fee run and the admin's people and audit trail, in the browser against the real API and its
// worker. The claim paid is made and approved as the claims' own screens would (factories, then the API).
describe('the coordinator’s fee run and the admin’s tools in the browser', () => {
  let web: WebApp;
  let coordinator: TestUser & { token: string };
  let admin: TestUser;
  let unitId: string;
  let creatorId: string;

  beforeAll(async () => {
    web = await sharedWebApp();
    const c = await createUser(web.t.db, Role.Coordinator, { name: 'Kaisa Koordinaattori' });
    coordinator = { ...c, token: await login(web.t.http, c) };
    admin = await createUser(web.t.db, Role.Admin, { name: 'Aino Pääkäyttäjä' });
    unitId = (await createUnit(web.t.db, { nameFi: 'Psykiatrian poliklinikka', nameSv: 'Psykiatriska polikliniken' }))
      .id;
    creatorId = (await createUser(web.t.db, Role.Orderer)).id;
  }, 180_000);

  // The fee run is paid tomorrow: the tax card of the payment day's year is the one that counts.
  const paymentDate = helsinkiDateIn(1);

  // A claim for work two days ago, submitted, then approved by the coordinator through the API.
  async function approvedClaim(name: string): Promise<string> {
    const expert = await createExpert(web.t.db, { name });
    await setPaymentDetails(web.t.db, expert.id, { taxPercent: 10, taxCardYear: Number(paymentDate.slice(0, 4)) });
    const workDate = helsinkiDate(new Date(Date.now() - 2 * DAY));
    const assignmentId = await createFinishedAssignment(web.t.db, expert.id, {
      organisationId: unitId,
      createdBy: creatorId,
      startsAt: `${workDate}T07:00:00Z`,
      endsAt: `${workDate}T09:00:00Z`,
    });
    const claimId = await createClaim(web.t.db, expert.id, assignmentId, {
      status: 'submitted',
      workDate,
      kmTenths: 125,
    });
    await web.t.http
      .post(`/claims/${claimId}/approve`)
      .set('authorization', `Bearer ${coordinator.token}`)
      .send({})
      .expect(200);
    return claimId;
  }

  // The account's own language is the one the app takes after signing in.
  async function signIn(
    page: Page,
    text: Texts,
    user: { id: string; email: string; password: string },
    language: 'fi' | 'sv',
    home: string,
  ): Promise<void> {
    await web.t.db.query('UPDATE users SET language = $2 WHERE id = $1', [user.id, language]);
    await page.goto('/sign-in');
    await page.getByLabel(text.fields.email).fill(user.email);
    await page.getByLabel(text.fields.password, { exact: true }).fill(user.password);
    await page.getByRole('button', { name: text.signIn.submit }).click();
    await expectPage(page, home);
  }

  describe.each(['fi', 'sv'] as const)('in %s', (language) => {
    const text: Texts = TEXTS[language];

    it('the coordinator runs the fees: progress to the end, approval, export, the payroll CSV with the claim', async () => {
      await settleOpenFeeRuns(web.t.db);
      const expertName = language === 'fi' ? 'Sanna Selkämeri' : 'Stina Strömberg';
      const claimId = await approvedClaim(expertName);
      const page = await web.newPage(language);
      // The coordinator's home is today's work queues.
      await signIn(page, text, coordinator, language, text.coordinator.today.title);
      await viaMenu(page, text, text.feeRuns.nav, text.feeRuns.title);
      await expectAccessible(page);

      // Up to today, the form's own default. The payment date comes prefilled with today: a day gone by is refused
      // at the field, and the run is paid tomorrow.
      const start = page.getByRole('region', { name: text.feeRuns.start.heading });
      const payment = start.getByLabel(text.feeRuns.start.paymentDate);
      await expect(payment.inputValue()).resolves.toBe(helsinkiDateIn(0));
      const submit = start.getByRole('button', { name: text.feeRuns.start.submit });
      await expectRefusedAtField(
        page,
        text.forms.errorSummary_one,
        { field: payment, value: helsinkiDateIn(-1), send: submit },
        fill(text.errors.field.beforeToday, { field: text.feeRuns.start.paymentDate }),
      );
      await expectAccessible(page);
      await shot(page, 'fee-run-payment-date-refused', language);
      await payment.fill(paymentDate);
      await submit.click();
      const progress = page.getByRole('progressbar', { name: text.feeRuns.progress.computed });
      await progress.waitFor({ timeout: 60_000 });
      expect(await progress.getAttribute('aria-valuenow')).toBe('100');
      await page.getByRole('heading', { level: 2, name: text.feeRuns.totals.heading }).waitFor();
      const [year, month, day] = paymentDate.split('-').map(Number);
      await page.getByRole('term').filter({ hasText: text.feeRuns.facts.paymentDate }).waitFor();
      await page
        .getByRole('definition')
        .filter({ hasText: `${day}.${month}.${year}` })
        .waitFor();
      await expectAccessible(page);
      await shot(page, 'fee-run-payment-date', language);

      await page.getByRole('button', { name: text.feeRuns.actions.approve }).click();
      await page.getByRole('status').filter({ hasText: text.feeRuns.actions.approved }).waitFor();
      await page.getByRole('button', { name: text.feeRuns.actions.export }).click();
      await page.getByRole('heading', { level: 2, name: text.feeRuns.files.heading }).waitFor({ timeout: 60_000 });
      await page.getByText(text.feeRuns.status.exported).first().waitFor();
      await expectAccessible(page);

      // Each statement is named by its expert, its button too (they were once all alike).
      const statement = fill(text.feeRuns.files.ofExpert, {
        kind: text.feeRuns.files.kind.statement,
        name: expertName,
      });
      await page.getByRole('listitem').filter({ hasText: statement }).waitFor();
      await page.getByRole('button', { name: fill(text.feeRuns.files.downloadNamed, { name: statement }) }).waitFor();
      const payroll = page.getByRole('listitem').filter({ hasText: text.feeRuns.files.kind.payroll_csv });
      const download = page.waitForEvent('download');
      await payroll.getByRole('button', { name: new RegExp(`^${text.feeRuns.files.download}`) }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/\.csv$/);
      const csv = readFileSync(await file.path(), 'utf8');
      expect(csv.split('\r\n')[0]).toContain('claim_id');
      expect(csv).toContain(claimId);
      expect(parseCsv(csv).find((row) => row.claim_id === claimId)?.payment_date).toBe(paymentDate);

      // The list of runs says when each is paid.
      await page.getByRole('link', { name: text.feeRuns.back }).click();
      await expectPage(page, text.feeRuns.title);
      await page.getByRole('columnheader', { name: text.feeRuns.columns.paymentDate }).waitFor();
      await shot(page, 'fee-runs-payment-date', language);

      // The reports: the spend the run just paid, as a chart, a table and a CSV of the same numbers.
      await viaMenu(page, text, text.reports.nav, text.reports.title);
      const spend = page.getByRole('region', { name: text.reports.spend.title, exact: true });
      await spend.getByRole('table').waitFor();
      await spend.getByRole('img', { name: text.reports.spend.chart }).waitFor();
      const report = page.waitForEvent('download');
      await spend
        .getByRole('button', { name: fill(text.reports.downloadNamed, { name: text.reports.spend.title }) })
        .click();
      const spendCsv = readFileSync(await (await report).path(), 'utf8');
      expect(spendCsv.split('\r\n')[0]).toBe(
        'organisation_code,organisation,month,claims,fees_eur,travel_and_costs_eur,total_eur',
      );
      expect(spendCsv).toContain(language === 'fi' ? 'Psykiatrian poliklinikka' : 'Psykiatriska polikliniken');
      await expectAccessible(page);

      await viaMenu(page, text, text.feeSettings.nav, text.feeSettings.title);
      await page.getByRole('table').first().waitFor();
      await page.getByRole('checkbox', { name: text.feeSettings.settings.fourEyes }).waitFor();
      await expectAccessible(page);
    });

    // The coordinator types a new rate of the task from the day on the fee settings: the day is refused with the
    // code's words at the field, and what was typed stays.
    async function newRateRefusedAtDay(
      taskType: string,
      amount: string,
      day: string,
      code: 'FEE_RATE_EXISTS' | 'FEE_RATE_IN_USE',
      picture: string,
    ) {
      const page = await web.newPage(language);
      await signIn(page, text, coordinator, language, text.coordinator.today.title);
      await viaMenu(page, text, text.feeSettings.nav, text.feeSettings.title);
      const r = text.feeSettings.newRate;
      const form = page.getByRole('region', { name: r.heading });
      await form.getByLabel(r.taskType).selectOption(taskType);
      await form.getByLabel(r.amount).fill(amount);
      await expectRefusedAtField(
        page,
        text.forms.errorSummary_one,
        { field: form.getByLabel(r.validFrom), value: day, send: form.getByRole('button', { name: r.submit }) },
        fill(text.errors.atField[code], { field: r.validFrom }),
      );
      await expect(form.getByLabel(r.amount).inputValue()).resolves.toBe(amount);
      await expect(form.getByLabel(r.taskType).inputValue()).resolves.toBe(taskType);
      await expectAccessible(page);
      await shot(page, picture, language);
    }

    it('the coordinator adds a fee rate on a day its task already has one: refused at the day, what was typed kept', async () => {
      // A lecture rate from a day of its own, far ahead, already there.
      const day = `${2040 + Math.floor(Math.random() * 50)}-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`;
      const added = await web.t.http
        .post('/fee-schedule')
        .set('authorization', `Bearer ${coordinator.token}`)
        .send({ taskType: 'lecture', basis: 'hourly', rateCents: 3100, validFrom: day });
      expect([201, 409]).toContain(added.status);

      await newRateRefusedAtDay('lecture', '32,00', day, 'FEE_RATE_EXISTS', 'fee-rate-exists');
      // The far day's row goes, so that the schedule other tests picture stays as it was.
      await web.t.db.query(`DELETE FROM fee_schedule WHERE task_type = 'lecture' AND valid_from = $1`, [day]);
    });

    it('the coordinator adds a fee rate from a day whose work of the task is already approved: refused at the day', async () => {
      // A workshop on a far day of its own, approved at the rate in force: a row from that day would pay it at another.
      const day = `${2040 + Math.floor(Math.random() * 50)}-1${Math.floor(Math.random() * 3)}-0${1 + Math.floor(Math.random() * 9)}`;
      const expert = await createExpert(web.t.db);
      const assignmentId = await createFinishedAssignment(web.t.db, expert.id, {
        organisationId: unitId,
        createdBy: creatorId,
        taskType: 'workshop_event',
        startsAt: `${day}T07:00:00Z`,
        endsAt: `${day}T09:00:00Z`,
      });
      const claimId = await createClaim(web.t.db, expert.id, assignmentId, {
        status: 'approved',
        workDate: day,
        decidedBy: coordinator.id,
      });
      try {
        await newRateRefusedAtDay('workshop_event', '33,00', day, 'FEE_RATE_IN_USE', 'fee-rate-in-use');
      } finally {
        // The far day's work goes, so that no other test meets it.
        const [{ requestId }] = await web.t.db.query(
          `SELECT request_id AS "requestId" FROM assignments WHERE id = $1`,
          [assignmentId],
        );
        await web.t.db.query(`DELETE FROM claims WHERE id = $1`, [claimId]);
        await web.t.db.query(`DELETE FROM assignments WHERE id = $1`, [assignmentId]);
        await web.t.db.query(`DELETE FROM booking_requests WHERE id = $1`, [requestId]);
      }
    });

    it('the admin invites a person and finds the invitation in the audit trail', async () => {
      const page = await web.newPage(language);
      await signIn(page, text, admin, language, text.home.title);
      // The home lists the admin's tasks, each a link with a line on what it is for (it once said they were being built).
      const tasks = page.getByRole('list', { name: text.home.admin.heading });
      expect(await tasks.getByRole('link').allTextContents()).toEqual([
        text.admin.nav.people,
        text.admin.nav.organisations,
        text.admin.nav.travelRates,
        text.admin.nav.audit,
      ]);
      await tasks.getByText(text.home.admin.audit).waitFor();
      await expectAccessible(page);
      await tasks.getByRole('link', { name: text.admin.nav.people }).click();
      await expectPage(page, text.admin.people.title);
      await expectAccessible(page);

      const email = `kutsuttu-${randomUUID().slice(0, 8)}@example.test`;
      const name = `${language === 'fi' ? 'Kalle Kutsuttu' : 'Kim Inbjuden'} ${randomUUID().slice(0, 4)}`;
      const invite = page.getByRole('region', { name: text.admin.people.invite.heading });
      await invite.getByLabel(text.admin.people.invite.name).fill(name);
      await invite.getByLabel(text.admin.people.invite.email).fill(email);
      await invite.getByLabel(text.admin.people.invite.role).selectOption('orderer');
      await invite.getByRole('button', { name: text.admin.people.invite.submit }).click();
      await page
        .getByRole('status')
        .filter({ hasText: fill(text.admin.people.invite.done, { email }) })
        .waitFor();
      await page.getByRole('cell', { name: email }).waitFor();

      await viaMenu(page, text, text.admin.nav.travelRates, text.admin.travelRates.title);
      await page.getByRole('table').waitFor();
      await expectAccessible(page);

      await viaMenu(page, text, text.admin.nav.audit, text.admin.audit.title);
      await page.getByRole('textbox', { name: text.admin.audit.filters.action }).fill('user.invited');
      await page.getByRole('textbox', { name: text.admin.audit.filters.actorEmail }).fill(admin.email);
      await page.getByRole('button', { name: text.admin.audit.filters.search }).click();
      // The filtered page replaces the unfiltered one: only this admin's invitations are left.
      await page.waitForFunction(() => {
        const rows = [...document.querySelectorAll('tbody tr')];
        return rows.length > 0 && rows.every((r) => r.textContent?.includes('user.invited'));
      });
      const row = page.getByRole('row').filter({ hasText: name });
      await row.waitFor();
      await row.getByText('user.invited').waitFor();
      expect(await row.textContent()).toContain('Aino Pääkäyttäjä');
      await expectAccessible(page);
      // A forged access token: refused, and in the trail from an unidentified user at the address it came from.
      await web.t.http.get('/me').set('authorization', `Bearer ${FORGED}`).expect(401);
      await page.getByRole('textbox', { name: text.admin.audit.filters.action }).fill('auth.token_rejected');
      await page.getByRole('textbox', { name: text.admin.audit.filters.actorEmail }).fill('');
      await page.getByRole('button', { name: text.admin.audit.filters.search }).click();
      const refused = page
        .getByRole('row')
        .filter({ hasText: text.admin.audit.tokenRejected })
        .filter({ hasText: text.admin.audit.rejection.reasons.bad_signature })
        .first();
      await refused.waitFor();
      // The reason in words, first, not the stored details' keys.
      expect(await refused.getByRole('cell').last().textContent()).toMatch(
        new RegExp(`^${text.admin.audit.rejection.reasons.bad_signature}, `),
      );
      expect(await refused.textContent()).toContain(text.admin.audit.unidentified);
      expect(await refused.textContent()).toMatch(/127\.0\.0\.1|::1/);
      await expectAccessible(page);
      // At 320 px the page itself never scrolls sideways; a wide table scrolls in its own region (WCAG 1.4.10 allows it).
      await page.setViewportSize({ width: 320, height: 800 });
      const widths = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      expect(widths.scroll).toBe(widths.client);
      // The table's region is named by its caption, which ends in the number of events.
      await page.getByRole('region', { name: text.admin.audit.caption.split(' ({{')[0] }).focus();
      await expectAccessible(page);
    });
  });

  it('invites a person once when the answer was lost on the way and the admin sends the form again', async () => {
    const text = TEXTS.sv;
    // Its own profile: its requests are routed.
    const page = await web.newPage('sv', 1280, { ownContext: true });
    await signIn(page, text, admin, 'sv', text.home.title);
    await viaMenu(page, text, text.admin.nav.people, text.admin.people.title);
    await page.setViewportSize({ width: 360, height: 800 });
    const invite = page.getByRole('region', { name: text.admin.people.invite.heading });
    const inviteAs = async (name: string, email: string) => {
      await invite.getByLabel(text.admin.people.invite.name).fill(name);
      await invite.getByLabel(text.admin.people.invite.email).fill(email);
      await invite.getByRole('button', { name: text.admin.people.invite.submit }).click();
    };
    const done = (email: string) =>
      page
        .getByRole('status')
        .filter({ hasText: fill(text.admin.people.invite.done, { email }) })
        .waitFor();
    const email = `inbjuden-${randomUUID().slice(0, 8)}@example.test`;
    // The first send reaches the API, which invites the person, but its answer never reaches the browser.
    const lost = await loseFirstAnswer(page, '**/api/users');
    await inviteAs('Kim Inbjuden', email);
    await page.getByText(text.errors.network).waitFor();
    // Sent again, as the page asks: the person the first send invited, not an address in use.
    await invite.getByRole('button', { name: text.admin.people.invite.submit }).click();
    await done(email);
    await expect(page.getByRole('cell', { name: email }).count()).resolves.toBe(1);
    await expectAccessible(page);
    expect(lost()).toBe(1);
    const counts = async (address: string) =>
      (
        await web.t.db.query(
          `SELECT (SELECT count(*)::int FROM users WHERE email = $1) AS users,
                  (SELECT count(*)::int FROM mail_messages WHERE to_address = $1) AS mails`,
          [address],
        )
      )[0];
    expect(await counts(email)).toEqual({ users: 1, mails: 1 });
    // The next person from the same form is invited too.
    const next = `inbjuden-${randomUUID().slice(0, 8)}@example.test`;
    await inviteAs('Kajsa Inbjuden', next);
    await done(next);
    expect(await counts(next)).toEqual({ users: 1, mails: 1 });
  });
});
