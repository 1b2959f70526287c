import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { createExpert } from '../../factories/experts.factory';
import { createFinishedAssignment } from '../../factories/fees.factory';
import { TestUser } from '../../factories/users.factory';
import { expectAccessible, expectNoSidewaysScroll, expectPage, shot, WebApp } from '../browser';
import { webAppAndOrderer, coordinatorOnToday } from '../parties';
import { fill, TEXTS, Texts } from '../texts';

const HOUR = 3_600_000;
// With SCREENSHOT_DIR set, Today and Reports are also pictured at 1280 and 360 px, with no chart tooltip left open
// by the pointer.
const picture = (page: Page, name: string, language: string) =>
  shot(page, `no-shows-${name}`, language, { prepare: (p) => p.mouse.move(0, 0) });

// A no-show as the orderer records it (through the API), then in the coordinator's browser: in Today's no-shows
// queue, linked to the order and the expert, marked handled there; and in the no-shows report, its chart, table
// and CSV.
describe('no-shows in the coordinator’s Today and Reports', () => {
  let web: WebApp;
  let unitId: string;
  let orderer: TestUser & { token: string };

  beforeAll(async () => {
    const code = `NS${randomUUID().slice(0, 6)}`;
    ({ web, orderer, unitId } = await webAppAndOrderer({
      code,
      nameFi: 'Kuntoutuksen yksikkö',
      nameSv: 'Enheten för rehabilitering',
    }));
  }, 120_000);

  it.each(['fi', 'sv'] as const)(
    'in %s',
    async (language) => {
      const text: Texts = TEXTS[language];
      const c = text.coordinator;
      const db = web.t.db;
      const suffix = randomUUID().slice(0, 6);
      const expertName = `${language === 'fi' ? 'Niko Poissa' : 'Nils Borta'} ${suffix}`;
      const title = `${language === 'fi' ? 'Asiakasraati' : 'Klientrådet'} ${suffix}`;
      const expert = await createExpert(db, { name: expertName, languages: [language] });
      // Work that ended an hour ago; the orderer records that the expert did not come.
      const startsAt = new Date(Date.now() - 3 * HOUR);
      const assignmentId = await createFinishedAssignment(db, expert.id, {
        organisationId: unitId,
        createdBy: orderer.id,
        title,
        status: 'accepted',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
      });
      await web.t.http
        .post(`/assignments/${assignmentId}/complete`)
        .set('authorization', `Bearer ${orderer.token}`)
        .send({ tookPlace: false })
        .expect(200);
      const [{ requestId }] = await db.query(`SELECT request_id AS "requestId" FROM assignments WHERE id = $1`, [
        assignmentId,
      ]);

      const { coordinator, page } = await coordinatorOnToday(web, language, { name: 'Kaisa Koordinaattori' });

      // Today: the count links to the queue; the row links to the order and to the expert.
      const counts = page.getByRole('navigation', { name: c.today.countsLabel });
      await counts.getByRole('link', { name: new RegExp(c.today.noShows) }).waitFor();
      const queue = page.locator('#queue-no-shows');
      await queue.getByRole('heading', { level: 2, name: new RegExp(`^${c.today.noShows} \\(\\d+\\)$`) }).waitFor();
      const table = queue.getByRole('table', { name: c.today.noShowsCaption });
      const row = table.getByRole('row').filter({ hasText: title });
      await row.waitFor();
      expect(await row.getByRole('link', { name: title }).getAttribute('href')).toBe(
        `/coordinator/orders/${requestId}`,
      );
      expect(await row.getByRole('link', { name: expertName }).getAttribute('href')).toBe(
        `/coordinator/experts/${expert.id}`,
      );
      await expect(row.innerText()).resolves.toContain(language === 'fi' ? 'Kuntoutuksen yksikkö' : 'Enheten för');
      await expectAccessible(page);
      await picture(page, 'today', language);
      await expectNoSidewaysScroll(page, '.table-region');

      // Reports: the no-show in this month's row of the unit and the expert, in the chart, the table and the CSV.
      await page.goto('/reports');
      await expectPage(page, text.reports.title);
      const report = page.getByRole('region', { name: text.reports.noShows.title, exact: true });
      await report.getByRole('img', { name: text.reports.noShows.chart }).waitFor();
      const reportRow = report.getByRole('row').filter({ hasText: expertName });
      await reportRow.waitFor();
      const cells = await reportRow.getByRole('cell').allInnerTexts();
      const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit' })
        .format(startsAt)
        .slice(0, 7);
      // The table names the month as people write it ("joulukuu 2026", "december 2026"); the CSV keeps 2026-12.
      const monthName = new Intl.DateTimeFormat(language === 'fi' ? 'fi-FI' : 'sv-FI', {
        timeZone: 'Europe/Helsinki',
        year: 'numeric',
        month: 'long',
      }).format(startsAt);
      expect(cells).toEqual([
        monthName,
        expect.stringContaining(language === 'fi' ? 'Kuntoutuksen yksikkö' : 'Enheten för rehabilitering'),
        expertName,
        '1',
      ]);
      expect(await reportRow.getByRole('link', { name: expertName }).getAttribute('href')).toBe(
        `/coordinator/experts/${expert.id}`,
      );
      const download = page.waitForEvent('download');
      await report
        .getByRole('button', { name: fill(text.reports.downloadNamed, { name: text.reports.noShows.title }) })
        .click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^no-shows-\d{4}\.csv$/);
      const csv = readFileSync(await file.path(), 'utf8').split('\r\n');
      expect(csv[0]).toBe('month,organisation_code,organisation,expert_id,expert,no_shows');
      expect(csv).toContainEqual(expect.stringMatching(new RegExp(`^${month},NS.*,${expert.id},${expertName},1$`)));
      await expectAccessible(page);
      await page.locator('#no-shows-heading').scrollIntoViewIfNeeded();
      await picture(page, 'reports', language);

      // Back in Today, the coordinator marks it handled: it leaves the queue, and the change is announced.
      await page.goto('/');
      await expectPage(page, c.today.title);
      await page
        .locator('#queue-no-shows')
        .getByRole('button', { name: fill(c.today.markHandledNamed, { title, expert: expertName }) })
        .click();
      await page
        .getByText(fill(c.today.noShowHandled, { title, expert: expertName }))
        .first()
        .waitFor({ state: 'attached' });
      await page.locator('#queue-no-shows').getByRole('row').filter({ hasText: title }).waitFor({ state: 'detached' });
      const [handled] = await db.query(`SELECT handled_by FROM no_show_reviews WHERE assignment_id = $1`, [
        assignmentId,
      ]);
      expect(handled.handled_by).toBe(coordinator.id);
      await expectAccessible(page);
    },
    180_000,
  );
});
