import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { Language } from '../../../src/common/i18n/language';
import { ExpertStatus } from '../../../src/modules/experts/entities/expert.entity';
import { TOPICS_CONSENT_TEXT } from '../../../src/modules/experts/topics-consent';
import { createCredential, samplePng } from '../../factories/credentials.factory';
import { createExpert } from '../../factories/experts.factory';
import { login, TestUser } from '../../factories/users.factory';
import { until } from '../../utils/documents';
import {
  backInTabReadFails,
  expectAccessible,
  expectNoSidewaysScroll,
  expectPage,
  loseFirstAnswer,
  shot,
  signIn,
  WebApp,
} from '../browser';
import { expectRefusedAtField, focusedText } from '../keyboard';
import { viaMenu } from '../menu';
import { webAppAndCoordinator } from '../parties';
import { fill, helsinkiDateIn, signInLabels, TEXTS } from '../texts';

// The expert's own screens (my times, profile, certificates, payment details, calendar link, my data) as an
// expert uses them on a phone, in Finnish and in Swedish, against the real API.
// A browser, axe on long forms and a machine shared with others: a screen's whole task gets a minute and a half.
const SLOW = 90_000;

// A valid Finnish personal identity code, different for every test (one code belongs to one account).
let serial = 100 + Math.floor(Math.random() * 700);
function identityCode(): string {
  serial += 1;
  const birth = '150385';
  return `${birth}-${serial}${'0123456789ABCDEFHJKLMNPRSTUVWXY'[Number(`${birth}${serial}`) % 31]}`;
}

describe('the expert’s own screens in the browser', () => {
  let web: WebApp;
  let coordinator: string;

  beforeAll(async () => {
    ({ web, coordinator } = await webAppAndCoordinator());
  }, 120_000);

  describe.each(['fi', 'sv'] as const)('in %s', (language) => {
    const text = TEXTS[language];

    // Signed in, then to the screen through the main menu as a person goes (the session lives in this page's
    // memory); then phone-sized.
    async function openAs(expert: TestUser, link: string, title: string, ownContext = false): Promise<Page> {
      const page = await web.newPage(language, 1280, { ownContext });
      await signIn(page, expert, signInLabels(text));
      await expectPage(page, text.home.title);
      await viaMenu(page, text, link, title);
      await page.setViewportSize({ width: 360, height: 800 });
      return page;
    }
    // The design system draws its own box over a checkbox or radio button: a person taps the label.
    async function tick(page: Page, role: 'checkbox' | 'radio', name: string): Promise<void> {
      const control = page.getByRole(role, { name, exact: true });
      await page.locator(`label[for="${await control.getAttribute('id')}"]`).click();
      await expect(control.isChecked()).resolves.toBe(true);
    }
    // As a new expert who speaks the language, on the screen behind the main menu's link.
    async function openAsNew(link: string, title: string): Promise<{ expert: TestUser; page: Page }> {
      const expert = await createExpert(web.t.db, { language: language as Language });
      return { expert, page: await openAs(expert, link, title) };
    }
    // The screen as it is now passes axe and does not scroll sideways on a phone.
    async function checked(page: Page): Promise<void> {
      await expectAccessible(page);
      await expectNoSidewaysScroll(page);
    }
    const announced = (page: Page, message: string) => page.getByRole('status').filter({ hasText: message }).waitFor();
    const expertApi = async (expert: TestUser) => {
      const token = await login(web.t.http, expert);
      return (path: string) =>
        web.t.http
          .get(path)
          .set('authorization', `Bearer ${token}`)
          .expect(200)
          .then((r) => r.body);
    };

    it(
      'fills the profile: languages, municipalities, task types, caps, ceiling, topics with consent, pause and resume',
      async () => {
        const expert = await createExpert(web.t.db, {
          name: 'Pirjo Profiili',
          language: language as Language,
          topics: [],
          languages: ['fi'],
          taskTypes: [],
          travelMunicipalities: [],
        });
        const page = await openAs(expert, text.nav.profile, text.profile.title);
        await checked(page);

        await tick(page, 'checkbox', text.languageNames.sv);
        // Northern Sami by its name, which the browser's own list lacks.
        await page.getByRole('checkbox', { name: text.languageNames.se, exact: true }).waitFor();
        await page
          .getByLabel(text.profile.fields.homeMunicipality)
          .selectOption({ label: language === 'sv' ? 'Vasa' : 'Vaasa' });
        await tick(page, 'checkbox', language === 'sv' ? 'Korsholm' : 'Mustasaari');
        await tick(page, 'checkbox', text.profile.fields.worksRemotely);
        await tick(page, 'checkbox', text.profile.taskType.lecture);
        await page.getByLabel(text.profile.fields.maxPerWeek).fill('2');
        await page.getByLabel(text.profile.fields.maxPerMonth).fill('6');
        await page.getByLabel(text.profile.fields.yearlyEarningsCeiling).fill('4 500');
        await page.getByRole('button', { name: text.profile.details.submit }).click();
        await announced(page, text.profile.saved);

        // The topics are saved only with the consent: without it, the summary names the missing consent.
        const [topic] = (await web.t.db.query(`SELECT name_fi, name_sv FROM topics WHERE code = 'mental_health'`)) as {
          name_fi: string;
          name_sv: string;
        }[];
        await tick(page, 'checkbox', language === 'sv' ? topic.name_sv : topic.name_fi);
        // The consent text shown is the one whose version the API records.
        await page.getByText(TOPICS_CONSENT_TEXT[language], { exact: true }).waitFor();
        await page.getByRole('button', { name: text.profile.topics.submit }).click();
        await page.getByRole('link', { name: text.profile.topics.consentRequired }).waitFor();
        await expectAccessible(page);
        await tick(page, 'checkbox', text.profile.topics.consentLabel);
        await page.getByRole('button', { name: text.profile.topics.submit }).click();
        await announced(page, text.profile.topics.saved);

        const get = await expertApi(expert);
        const saved = await get('/experts/me');
        expect(saved).toMatchObject({
          languages: ['fi', 'sv'],
          homeMunicipality: '905',
          travelMunicipalities: ['499'],
          worksRemotely: true,
          taskTypes: ['lecture'],
          maxPerWeek: 2,
          maxPerMonth: 6,
          yearlyEarningsCeilingCents: 450_000,
          topics: ['mental_health'],
          topicsConsentVersion: 'topics-v1',
        });
        expect(saved.topicsConsentAt).not.toBeNull();

        // A pause with a reason, told who reads it.
        const reason = language === 'sv' ? 'Semester i juli' : 'Lomalla heinäkuun';
        await page.getByText(text.profile.pause.reasonHint).waitFor();
        await page.getByLabel(text.profile.pause.reason).fill(reason);
        await page.getByRole('button', { name: text.profile.pause.pause }).click();
        await page.getByText(text.profile.pause.status.paused).waitFor();
        await announced(page, text.profile.pause.paused);
        await page.getByText(fill(text.profile.pause.yourReason, { reason })).waitFor();
        await expectAccessible(page);
        await expect(get('/experts/me')).resolves.toMatchObject({ status: ExpertStatus.Paused, pauseReason: reason });
        await page.getByRole('button', { name: text.profile.pause.resume }).click();
        await page.getByText(text.profile.pause.status.active).waitFor();
        await expect(get('/experts/me').then((e) => e.status)).resolves.toBe(ExpertStatus.Active);
      },
      SLOW,
    );

    it(
      'uploads a certificate through the file chooser and shows each certificate’s state with the reason of a rejection',
      async () => {
        const expert = await createExpert(web.t.db, { status: ExpertStatus.Applicant, language: language as Language });
        const earlier = await createCredential(web.t.db, expert.id, { provider: 'Kansalaisopisto' });
        const reason =
          language === 'sv'
            ? 'Intyget saknar anordnarens underskrift.'
            : 'Todistuksesta puuttuu järjestäjän allekirjoitus.';
        await web.t.http
          .post(`/credentials/${earlier.id}/reject`)
          .set('authorization', `Bearer ${coordinator}`)
          .send({ reason })
          .expect(200);

        const page = await openAs(expert, text.nav.certificates, text.certificates.title);
        await page.getByText(text.certificates.status.rejected).waitFor();
        await page.getByText(fill(text.certificates.list.reason, { reason })).waitFor();
        // The limits are told before a file is chosen.
        await page.getByText(fill(text.certificates.fields.limits, { size: 5 })).waitFor();
        await checked(page);

        await page.getByLabel(text.certificates.fields.provider).fill('Vamia');
        await page.getByLabel(text.certificates.fields.completedOn).fill(helsinkiDateIn(-30));
        await page
          .getByLabel(text.certificates.fields.chooseFile)
          .setInputFiles({ name: 'todistus.png', mimeType: 'image/png', buffer: samplePng() });
        await page.getByRole('button', { name: text.certificates.upload.submit }).click();
        await announced(page, text.certificates.uploaded);
        await page.getByText(fill(text.certificates.list.file, { name: 'todistus.png' })).waitFor();
        await page.getByText(text.certificates.status.pending).waitFor();
        await expectAccessible(page);

        const get = await expertApi(expert);
        const mine = (await get('/experts/me/credentials')) as { provider: string; status: string; type: string }[];
        expect(mine.map((c) => [c.provider, c.status, c.type]).sort()).toEqual([
          ['Kansalaisopisto', 'rejected', 'kokemusasiantuntija'],
          ['Vamia', 'pending', 'kokemusasiantuntija'],
        ]);
      },
      SLOW,
    );

    it(
      'sets times: a weekly window, a single date and an absence, shown in the week; an overlap is named at its fields',
      async () => {
        const { expert, page } = await openAsNew(text.nav.availability, text.availability.title);
        await page.getByText(text.availability.weekly.empty).waitFor();
        await checked(page);

        const week = page.getByRole('region', {
          name: new RegExp(`^${text.availability.week.heading.split('{{week}}')[0]}`),
        });
        const weekly = page.getByRole('region', { name: text.availability.weekly.heading });
        await weekly.getByLabel(text.availability.fields.weekday).selectOption({
          label: new Intl.DateTimeFormat(language === 'sv' ? 'sv-FI' : 'fi-FI', {
            weekday: 'long',
            timeZone: 'UTC',
          }).format(new Date(Date.UTC(2026, 0, 7))),
        });
        await weekly.getByLabel(text.availability.fields.from).fill('09:00');
        await weekly.getByLabel(text.availability.fields.to).fill('12:00');
        await weekly.getByRole('button', { name: text.availability.weekly.submit }).click();
        await announced(page, text.availability.weekly.added);
        // Next week's Wednesday shows the hours (this week's may be past, before the hours apply).
        await page.getByRole('button', { name: text.availability.week.next }).click();
        await week
          .getByText(fill(text.availability.week.hours, { from: '9.00', to: '12.00' }))
          .first()
          .waitFor();

        // Hours overlapping these: the API refuses the overlap and the form says so at the fields, keeping what was
        // typed.
        await weekly.getByLabel(text.availability.fields.weekday).selectOption({ index: 2 });
        await weekly.getByLabel(text.availability.fields.from).fill('10:00');
        await weekly.getByLabel(text.availability.fields.to).fill('11:00');
        await weekly.getByRole('button', { name: text.availability.weekly.submit }).click();
        await page
          .getByRole('link', { name: fill(text.errors.field.overlaps, { field: text.availability.fields.from }) })
          .waitFor();
        await expect(weekly.getByLabel(text.availability.fields.from).inputValue()).resolves.toBe('10:00');
        await expectAccessible(page);

        const date = helsinkiDateIn(9);
        const oneOff = page.getByRole('region', { name: text.availability.oneOff.heading });
        await oneOff.getByLabel(text.availability.fields.date).fill(date);
        await oneOff.getByLabel(text.availability.fields.from).fill('13:00');
        await oneOff.getByLabel(text.availability.fields.to).fill('15:30');
        await oneOff.getByRole('button', { name: text.availability.oneOff.submit }).click();
        await announced(page, text.availability.oneOff.added);

        const absence = page.getByRole('region', { name: text.availability.absence.heading });
        // Sent empty: each day is named as missing, and nothing is sent.
        await absence.getByRole('button', { name: text.availability.absence.submit }).click();
        for (const field of [text.availability.fields.firstDay, text.availability.fields.lastDay])
          await page.getByRole('link', { name: fill(text.forms.required, { field }) }).waitFor();
        await absence.getByLabel(text.availability.fields.firstDay).fill(helsinkiDateIn(20));
        await absence.getByLabel(text.availability.fields.lastDay).fill(helsinkiDateIn(27));
        await absence.getByRole('button', { name: text.availability.absence.submit }).click();
        await announced(page, text.availability.absence.added);

        // Three weeks ahead: a day of the absence reads "away".
        for (let i = 0; i < 2; i += 1) await page.getByRole('button', { name: text.availability.week.next }).click();
        await week.getByText(text.availability.week.absent).first().waitFor();
        await checked(page);

        const get = await expertApi(expert);
        const mine = await get('/experts/me/availability');
        expect(mine.weekly).toMatchObject([{ weekday: 3, from: '09:00', to: '12:00', validUntil: null }]);
        expect(mine.oneOff).toMatchObject([{ date, from: '13:00', to: '15:30' }]);
        expect(mine.absences).toMatchObject([{ firstDay: helsinkiDateIn(20), lastDay: helsinkiDateIn(27) }]);

        // Removing the weekly hours, by the button that names them. Double-clicked, it is sent once: a second removal
        // would be refused as already gone.
        const removals: string[] = [];
        page.on('request', (r) => {
          if (r.method() === 'DELETE') removals.push(new URL(r.url()).pathname);
        });
        await page
          .getByRole('button', {
            name: new RegExp(`^${text.availability.removeNamed.replace('{{what}}', '')}.*9\\.00`),
          })
          .dblclick();
        await announced(page, text.availability.weekly.removed);
        expect(removals).toHaveLength(1);
        await expect(get('/experts/me/availability').then((a) => a.weekly)).resolves.toEqual([]);
      },
      SLOW,
    );

    it('keeps the screen and what was typed when a read again fails on a weak connection; reads again on request', async () => {
      const expert = await createExpert(web.t.db, { language: language as Language });
      // A browser profile of its own: the page's clock is moved, and no later test may borrow that page.
      const page = await openAs(expert, text.nav.availability, text.availability.title, true);
      const weekly = page.getByRole('region', { name: text.availability.weekly.heading });
      const from = weekly.getByLabel(text.availability.fields.from);
      await from.fill('09:00');
      // Back in the tab half a minute later, with no connection to the API: the read again fails, retried once.
      const route = '**/api/experts/me/availability';
      await page.route(route, (r) => r.abort('internetdisconnected'));
      await page.clock.install();
      await page.clock.fastForward('00:31');
      await backInTabReadFails(page, '/api/experts/me/availability');
      const notice = page.getByRole('main').getByText(text.states.refreshFailed);
      await notice.waitFor();
      // Read out as well: nothing moved the focus to it.
      await page.clock.runFor(200);
      await announced(page, text.states.refreshFailed);
      await expect(from.inputValue()).resolves.toBe('09:00');
      await expect(weekly.getByText(text.availability.weekly.empty).isVisible()).resolves.toBe(true);
      await checked(page);
      await shot(page, 'availability-refresh-failed', language, { widths: [360] });
      // The connection back: trying again reads the times, and the notice goes; the typed time stays.
      await page.unroute(route);
      await page.getByRole('button', { name: text.states.retry }).click();
      await notice.waitFor({ state: 'detached' });
      await expect(from.inputValue()).resolves.toBe('09:00');
    });

    it('a session that ends by itself locks the page and keeps what was typed; signing in again goes on from there', async () => {
      const expert = await createExpert(web.t.db, { language: language as Language, maxPerWeek: 2 });
      // A browser profile of its own: the page's clock is moved, and no later test may borrow that page.
      const page = await web.newPage(language, 1280, { ownContext: true });
      await page.clock.install();
      await signIn(page, expert, signInLabels(text));
      await expectPage(page, text.home.title);
      await viaMenu(page, text, text.nav.profile, text.profile.title);
      await page.setViewportSize({ width: 360, height: 800 });
      const perMonth = page.getByLabel(text.profile.fields.maxPerMonth);
      await perMonth.fill('5');
      // Away from the phone for half an hour: warned, then locked.
      await page.clock.fastForward('28:30');
      await page.getByRole('dialog', { name: text.session.warningTitle }).waitFor();
      await page.clock.fastForward('02:00');
      const lock = page.getByRole('dialog', { name: text.session.lockedTitle });
      await lock.getByText(text.session.lockedIdle).waitFor();
      await expect(perMonth.isVisible()).resolves.toBe(false);
      await checked(page);
      await shot(page, 'session-locked', language);
      const password = lock.getByLabel(text.fields.password, { exact: true });
      await password.fill('not-the-password-at-all');
      await lock.getByRole('button', { name: text.session.unlock }).click();
      await lock.getByText(text.errors.code.INVALID_CREDENTIALS).waitFor();
      await password.fill(expert.password);
      await lock.getByRole('button', { name: text.session.unlock }).click();
      await lock.waitFor({ state: 'hidden' });
      await announced(page, text.session.unlocked);
      // The page as it was left, with what was typed; the focus back in the page.
      await expect(perMonth.inputValue()).resolves.toBe('5');
      await expect(page.evaluate(() => document.activeElement?.closest('main') !== null)).resolves.toBe(true);
      await page.getByRole('button', { name: text.profile.details.submit }).click();
      await announced(page, text.profile.saved);
      const get = await expertApi(expert);
      await expect(get('/experts/me')).resolves.toMatchObject({ maxPerWeek: 2, maxPerMonth: 5 });
    });

    it('after a sign-out, the next person on the same page never sees what the last one saw', async () => {
      const first = await createExpert(web.t.db, { language: language as Language, maxPerWeek: 2 });
      const second = await createExpert(web.t.db, { language: language as Language, maxPerWeek: 7 });
      const page = await openAs(first, text.nav.profile, text.profile.title);
      const perWeek = page.getByLabel(text.profile.fields.maxPerWeek);
      await expect(perWeek.inputValue()).resolves.toBe('2');
      await page.getByRole('button', { name: text.app.signOut }).click();
      await expectPage(page, text.signIn.title);
      // The next person signs in in the same page, at once (no reload: the app's memory is the same).
      const labels = signInLabels(text);
      await page.getByLabel(labels.email).fill(second.email);
      await page.getByLabel(labels.password, { exact: true }).fill(second.password);
      await page.getByRole('button', { name: labels.submit }).click();
      await expectPage(page, text.home.title);
      await page.setViewportSize({ width: 1280, height: 800 });
      await viaMenu(page, text, text.nav.profile, text.profile.title);
      await until(
        () => perWeek.inputValue(),
        (value) => value !== '',
      );
      await expect(perWeek.inputValue()).resolves.toBe('7');
    });

    it('a profile change saved in another tab shows here on return, and a save here leaves it; a failed read again keeps the form', async () => {
      const expert = await createExpert(web.t.db, { language: language as Language, maxPerWeek: 2 });
      // A browser profile of its own: the page's clock is moved, and no later test may borrow that page.
      const page = await openAs(expert, text.nav.profile, text.profile.title, true);
      const perWeek = page.getByLabel(text.profile.fields.maxPerWeek);
      const ceiling = page.getByLabel(text.profile.fields.yearlyEarningsCeiling);
      await ceiling.fill('3 000');
      // Meanwhile, on the phone: at most four a week.
      const token = await login(web.t.http, expert);
      await web.t.http.patch('/experts/me').set('authorization', `Bearer ${token}`).send({ maxPerWeek: 4 }).expect(200);
      // Back in this tab half a minute later: the field not touched here shows the phone's four; the typed ceiling
      // stays.
      await page.clock.install();
      await page.clock.fastForward('00:31');
      await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
      await until(
        () => perWeek.inputValue(),
        (value) => value === '4',
      );
      await expect(ceiling.inputValue()).resolves.toBe('3 000');
      await page.getByRole('button', { name: text.profile.details.submit }).click();
      await announced(page, text.profile.saved);
      const get = await expertApi(expert);
      await expect(get('/experts/me')).resolves.toMatchObject({ maxPerWeek: 4, yearlyEarningsCeilingCents: 300_000 });
      await checked(page);
      // Back once more, with no connection: the forms stay, with what was typed, under the notice.
      const perMonth = page.getByLabel(text.profile.fields.maxPerMonth);
      await perMonth.fill('5');
      await page.route('**/api/experts/me', (r) => r.abort('internetdisconnected'));
      await page.clock.fastForward('00:31');
      await backInTabReadFails(page, '/api/experts/me');
      await page.getByRole('main').getByText(text.states.refreshFailed).waitFor();
      await expect(perMonth.inputValue()).resolves.toBe('5');
      await checked(page);
    });

    it('asks before leaving a form typed in and not saved, the tab too: staying keeps what was typed, a save leaves freely', async () => {
      const expert = await createExpert(web.t.db, { language: language as Language, maxPerWeek: 2 });
      const page = await web.newPage(language, 1280);
      await signIn(page, expert, signInLabels(text));
      await expectPage(page, text.home.title);
      await viaMenu(page, text, text.nav.profile, text.profile.title);
      const perWeek = page.getByLabel(text.profile.fields.maxPerWeek);
      await perWeek.fill('3');
      const menuLink = (name: string) =>
        page.getByRole('navigation', { name: text.app.mainNavigation }).getByRole('link', { name, exact: true });
      await menuLink(text.nav.availability).click();
      const dialog = page.getByRole('dialog', { name: text.forms.leave.title });
      await dialog.waitFor();
      await expectAccessible(page);
      await shot(page, 'leave-unsaved', language);
      // The focus is on staying, the harmless choice; staying keeps the page and what was typed.
      await expect(focusedText(page)).resolves.toBe(text.forms.leave.stay);
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      await expectPage(page, text.profile.title);
      // Back where the person was: on the link they chose.
      await expect(focusedText(page)).resolves.toBe(text.nav.availability);
      await expect(perWeek.inputValue()).resolves.toBe('3');
      // The phone's back button asks the same.
      await page.evaluate(() => history.back());
      await dialog.waitFor();
      await dialog.getByRole('button', { name: text.forms.leave.stay }).click();
      await dialog.waitFor({ state: 'detached' });
      await expectPage(page, text.profile.title);
      expect(new URL(page.url()).pathname).toBe('/profile');
      await expect(perWeek.inputValue()).resolves.toBe('3');
      // Leaving on purpose drops it.
      await menuLink(text.nav.availability).click();
      await dialog.getByRole('button', { name: text.forms.leave.leave }).click();
      await expectPage(page, text.availability.title);
      // Back, typed again and saved: the next page opens without asking.
      await viaMenu(page, text, text.nav.profile, text.profile.title);
      await expect(perWeek.inputValue()).resolves.toBe('2');
      await perWeek.fill('4');
      // Offline, the save fails at once, says why and keeps what was typed (nothing waits to be sent later).
      await page.context().setOffline(true);
      try {
        await page.getByRole('button', { name: text.profile.details.submit }).click();
        await page.getByText(text.errors.network).filter({ visible: true }).first().waitFor({ timeout: 5_000 });
        await expect(perWeek.inputValue()).resolves.toBe('4');
      } finally {
        await page.context().setOffline(false);
      }
      await page.getByRole('button', { name: text.profile.details.submit }).click();
      await announced(page, text.profile.saved);
      await viaMenu(page, text, text.nav.availability, text.availability.title);
      await expect(dialog.count()).resolves.toBe(0);
      // Closing the tab with something typed: the browser asks its own question.
      await viaMenu(page, text, text.nav.profile, text.profile.title);
      await perWeek.fill('5');
      const asked = page.waitForEvent('dialog');
      await page.close({ runBeforeUnload: true });
      const question = await asked;
      expect(question.type()).toBe('beforeunload');
      await question.accept();
    });

    it(
      'changes the payment details and shows them masked, never in clear',
      async () => {
        const { expert, page } = await openAsNew(text.nav.paymentDetails, text.paymentDetails.title);
        await page.getByText(text.paymentDetails.current.empty).waitFor();
        await checked(page);

        const code = identityCode();
        await page.getByLabel(text.paymentDetails.fields.iban).fill('FI14 1009 3000 1234 59');
        // Two faults at once are named at once: a wrong account number is not left for a second try.
        await page.getByRole('button', { name: text.paymentDetails.change.submit }).click();
        for (const name of [
          fill(text.errors.field.isIban, { field: text.paymentDetails.fields.iban }),
          fill(text.forms.required, { field: text.paymentDetails.fields.identityCode }),
        ])
          await page.getByRole('link', { name }).waitFor();
        await page.getByLabel(text.paymentDetails.fields.identityCode).fill(code);
        await page.getByLabel(text.paymentDetails.fields.taxPercent).fill('12,5');
        await page.getByLabel(text.paymentDetails.fields.taxCardYear).fill('2027');
        await page.getByRole('button', { name: text.paymentDetails.change.submit }).click();
        // A wrong check digit is named at its field, and nothing typed is lost.
        await page
          .getByRole('link', { name: fill(text.errors.field.isIban, { field: text.paymentDetails.fields.iban }) })
          .waitFor();
        await expect(page.getByLabel(text.paymentDetails.fields.identityCode).inputValue()).resolves.toBe(code);
        await page.getByLabel(text.paymentDetails.fields.iban).fill('FI14 1009 3000 1234 58');
        await page.getByRole('button', { name: text.paymentDetails.change.submit }).click();
        await announced(page, text.paymentDetails.saved);
        await page.getByText('FI** **** **** **** 58').waitFor();
        await page.getByText(`${code.slice(0, 7)}****`).waitFor();

        // The fee to an association, and the expert's own secrets kept as they were.
        await tick(page, 'radio', text.paymentDetails.payee.association);
        await page.getByLabel(text.paymentDetails.fields.associationName).fill('Mielenterveysyhdistys Vaasa ry');
        await page.getByLabel(text.paymentDetails.fields.associationBusinessId).fill('1572860-0');
        await page.getByLabel(text.paymentDetails.fields.associationIban).fill('FI55 4234 5670 0000 81');
        await page.getByRole('button', { name: text.paymentDetails.change.submit }).click();
        await announced(page, text.paymentDetails.saved);
        await page.getByText(/Mielenterveysyhdistys Vaasa ry, 1572860-0/).waitFor();
        await expectAccessible(page);

        const html = await page.content();
        for (const clear of [
          'FI1410093000123458',
          'FI14 1009 3000 1234 58',
          'FI5542345670000081',
          'FI55 4234 5670 0000 81',
        ])
          expect(html).not.toContain(clear);
        expect(html).not.toContain(code);
        const get = await expertApi(expert);
        await expect(get('/experts/me/payment-details')).resolves.toMatchObject({
          ibanMasked: 'FI** **** **** **** 58',
          association: { ibanMasked: 'FI** **** **** **** 81' },
          taxPercent: 12.5,
          taxCardYear: 2027,
          payee: 'association',
          declinesFee: false,
        });
        // The screen never asked for the clear values (each such read is audited).
        const [{ count }] = (await web.t.db.query(
          `SELECT count(*)::int AS count FROM audit_events WHERE entity_id = $1 AND action LIKE '%clear%'`,
          [expert.id],
        )) as { count: number }[];
        expect(count).toBe(0);
      },
      SLOW,
    );

    it(
      'refuses at its field an identity code already on another expert’s account, and keeps what was typed',
      async () => {
        // Another expert has given the code already (one code belongs to one account; an earlier run's expert may
        // have it in this database, which is as good).
        const code = identityCode();
        const other = await login(web.t.http, await createExpert(web.t.db));
        const given = await web.t.http
          .put('/experts/me/payment-details')
          .set('authorization', `Bearer ${other}`)
          .send({ iban: 'FI14 1009 3000 1234 58', identityCode: code, payee: 'expert' });
        expect([200, 409]).toContain(given.status);

        const { page } = await openAsNew(text.nav.paymentDetails, text.paymentDetails.title);
        await page.getByLabel(text.paymentDetails.fields.iban).fill('FI14 1009 3000 1234 58');
        await expectRefusedAtField(
          page,
          text.forms.errorSummary_one,
          {
            field: page.getByLabel(text.paymentDetails.fields.identityCode),
            value: code,
            send: page.getByRole('button', { name: text.paymentDetails.change.submit }),
          },
          fill(text.errors.atField.IDENTITY_CODE_TAKEN, { field: text.paymentDetails.fields.identityCode }),
        );
        await expect(page.getByLabel(text.paymentDetails.fields.iban).inputValue()).resolves.toBe(
          'FI14 1009 3000 1234 58',
        );
        await checked(page);
        await shot(page, 'payment-details-identity-code-taken', language);
      },
      SLOW,
    );

    it(
      'makes, copies, renews and removes the calendar link',
      async () => {
        const { page } = await openAsNew(text.nav.calendarLink, text.calendarLink.title);
        await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: web.baseUrl });
        await page.getByText(text.calendarLink.none).waitFor();
        await checked(page);

        await page.getByRole('button', { name: text.calendarLink.create }).click();
        await announced(page, text.calendarLink.created);
        const address = page.getByLabel(text.calendarLink.address);
        const first = await address.inputValue();
        expect(first).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
        await page.getByRole('button', { name: text.calendarLink.copy }).click();
        await announced(page, text.calendarLink.copied);
        await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(first);
        await checked(page);

        // A double click renews once (UI.md): a second renewal would leave the address shown already replaced.
        const sent: string[] = [];
        page.on('request', (r) => {
          if (r.method() !== 'GET' && new URL(r.url()).pathname.startsWith('/api/')) sent.push(r.method());
        });
        await page.getByRole('button', { name: text.calendarLink.renew }).dblclick();
        await announced(page, text.calendarLink.renewed);
        expect(sent).toEqual(['POST']);
        const second = await address.inputValue();
        expect(second).not.toBe(first);
        await web.t.http.get(new URL(first).pathname).expect(404);
        await web.t.http.get(new URL(second).pathname).expect(200);

        await page.getByRole('button', { name: text.calendarLink.revoke }).click();
        await page.getByRole('button', { name: text.calendarLink.revokeConfirm }).click();
        await announced(page, text.calendarLink.revoked);
        await page.getByText(text.calendarLink.none).waitFor();
        await web.t.http.get(new URL(second).pathname).expect(404);
      },
      SLOW,
    );

    it(
      'downloads the expert’s data as a JSON file and asks for erasure, telling what is kept; a double click on either does it once',
      async () => {
        const expert = await createExpert(web.t.db, { name: 'Dagny Datanen', language: language as Language });
        const page = await openAs(expert, text.nav.myData, text.myData.title);
        await page.getByText(text.myData.erasure.kept).waitFor();
        await page.getByRole('button', { name: text.myData.erasure.button }).waitFor();
        await checked(page);

        // Both buttons are BusyButtons, double-clicked: a double click never does a thing twice (UI.md), so each
        // makes one request. The requests are counted as the page sends them.
        const sent: string[] = [];
        page.on('request', (r) => {
          const path = new URL(r.url()).pathname;
          if (path === '/api/experts/me/data' || path === '/api/experts/me/erasure-request')
            sent.push(`${r.method()} ${path}`);
        });
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: text.myData.download.button }).dblclick(),
        ]);
        expect(download.suggestedFilename()).toMatch(/^kokemus-\d{4}-\d{2}-\d{2}\.json$/);
        const data = JSON.parse(await readFile((await download.path())!, 'utf8')) as unknown;
        expect(JSON.stringify(data)).toContain(expert.email);
        await announced(page, text.myData.download.done);
        expect(sent).toEqual(['GET /api/experts/me/data']);

        await page.getByRole('button', { name: text.myData.erasure.button }).click();
        await page.getByRole('button', { name: text.myData.erasure.confirm }).dblclick();
        await announced(page, text.myData.erasure.sent);
        await page.getByText(new RegExp(text.myData.erasure.requested.split('{{at}}')[0])).waitFor();
        expect(sent).toEqual(['GET /api/experts/me/data', 'POST /api/experts/me/erasure-request']);
        await expectAccessible(page);
        const get = await expertApi(expert);
        await expect(get('/experts/me').then((e) => e.erasureRequestedAt)).resolves.not.toBeNull();
      },
      SLOW,
    );
  });

  it(
    'stores one certificate when an upload’s answer was lost on the way and the expert sends the form again',
    async () => {
      const text = TEXTS.sv;
      const expert = await createExpert(web.t.db, { status: ExpertStatus.Applicant, language: Language.Sv });
      // Its own profile: its requests are routed.
      const page = await web.newPage('sv', 1280, { ownContext: true });
      await signIn(page, expert, signInLabels(text));
      await expectPage(page, text.home.title);
      await viaMenu(page, text, text.nav.certificates, text.certificates.title);
      await page.setViewportSize({ width: 360, height: 800 });
      await page.getByLabel(text.certificates.fields.provider).fill('Vamia');
      await page.getByLabel(text.certificates.fields.completedOn).fill(helsinkiDateIn(-30));
      await page
        .getByLabel(text.certificates.fields.chooseFile)
        .setInputFiles({ name: 'intyg.png', mimeType: 'image/png', buffer: samplePng() });
      // The first send reaches the API, which stores the certificate, but its answer never reaches the browser.
      const lost = await loseFirstAnswer(page, '**/api/experts/me/credentials');
      await page.getByRole('button', { name: text.certificates.upload.submit }).click();
      await page.getByText(text.errors.network).waitFor();
      // Sent again, as the page asks: the certificate the first send stored, listed once.
      await page.getByRole('button', { name: text.certificates.upload.submit }).click();
      await page.getByRole('status').filter({ hasText: text.certificates.uploaded }).waitFor();
      await expect(page.getByText(fill(text.certificates.list.file, { name: 'intyg.png' })).count()).resolves.toBe(1);
      await expectAccessible(page);
      expect(lost()).toBe(1);
      const stored = await web.t.db.query(`SELECT provider FROM training_credentials WHERE expert_id = $1`, [
        expert.id,
      ]);
      expect(stored).toEqual([{ provider: 'Vamia' }]);
      // The next certificate from the same form is a new one.
      await page.getByLabel(text.certificates.fields.provider).fill('Novia');
      await page.getByLabel(text.certificates.fields.completedOn).fill(helsinkiDateIn(-20));
      await page
        .getByLabel(text.certificates.fields.chooseFile)
        .setInputFiles({ name: 'intyg-2.png', mimeType: 'image/png', buffer: samplePng() });
      await page.getByRole('button', { name: text.certificates.upload.submit }).click();
      await page.getByText(fill(text.certificates.list.file, { name: 'intyg-2.png' })).waitFor();
      const both = await web.t.db.query(
        `SELECT provider FROM training_credentials WHERE expert_id = $1 ORDER BY provider`,
        [expert.id],
      );
      expect(both).toEqual([{ provider: 'Novia' }, { provider: 'Vamia' }]);
    },
    SLOW,
  );

  it(
    'keeps one absence when its answer was lost on the way and the expert sends the form again',
    async () => {
      const text = TEXTS.fi;
      const expert = await createExpert(web.t.db, { language: Language.Fi });
      // Its own profile: its requests are routed.
      const page = await web.newPage('fi', 1280, { ownContext: true });
      await signIn(page, expert, signInLabels(text));
      await expectPage(page, text.home.title);
      await viaMenu(page, text, text.nav.availability, text.availability.title);
      await page.setViewportSize({ width: 360, height: 800 });
      const absence = page.getByRole('region', { name: text.availability.absence.heading });
      await absence.getByLabel(text.availability.fields.firstDay).fill(helsinkiDateIn(20));
      await absence.getByLabel(text.availability.fields.lastDay).fill(helsinkiDateIn(27));
      // The first send reaches the API, which keeps the absence, but its answer never reaches the browser.
      const lost = await loseFirstAnswer(page, '**/api/experts/me/availability/absences');
      await absence.getByRole('button', { name: text.availability.absence.submit }).click();
      await page.getByText(text.errors.network).waitFor();
      // Sent again, as the page asks: no overlap with itself, the absence is listed once.
      await absence.getByRole('button', { name: text.availability.absence.submit }).click();
      await page.getByRole('status').filter({ hasText: text.availability.absence.added }).waitFor();
      const removeButtons = absence.getByRole('button', {
        name: new RegExp(`^${text.availability.removeNamed.split('{{what}}')[0]}`),
      });
      await expect(removeButtons.count()).resolves.toBe(1);
      await expectAccessible(page);
      expect(lost()).toBe(1);
      const kept = await web.t.db.query(
        `SELECT first_day::text, last_day::text FROM availability_absences WHERE expert_id = $1`,
        [expert.id],
      );
      expect(kept).toEqual([{ first_day: helsinkiDateIn(20), last_day: helsinkiDateIn(27) }]);
    },
    SLOW,
  );
});
