import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { Role } from '../../src/common/auth/role.enum';
import { Language } from '../../src/common/i18n/language';
import { samplePdf } from '../factories/credentials.factory';
import { createUser } from '../factories/users.factory';
import {
  expectAccessible,
  expectNoSidewaysScroll,
  expectPage,
  mailedLink,
  signIn,
  sharedWebApp,
  WebApp,
} from './browser';
import { signedIn } from './parties';
import { signInLabels, TEXTS } from './texts';
import { until } from '../utils/documents';

describe('the public pages and the shell in the browser', () => {
  let web: WebApp;

  beforeAll(async () => {
    web = await sharedWebApp();
  }, 120_000);

  // The specs' pages see no PDF viewer (browser.ts); here Chromium's own viewer opens a PDF from a blob, as the
  // contract and the coordinator's previews do, under the app's content security policy.
  it("lets Chromium's PDF viewer show a PDF from a blob under the app's content security policy", async () => {
    const context = await web.browser.newContext({ baseURL: web.baseUrl });
    try {
      const page = await context.newPage();
      const refused: string[] = [];
      page.on('console', (message) => {
        if (message.text().includes('Content Security Policy')) refused.push(message.text());
      });
      await page.goto('/sign-in');
      await expect(page.evaluate(() => navigator.pdfViewerEnabled)).resolves.toBe(true);
      await page.evaluate((base64) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const preview = document.createElement('object');
        preview.data = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
        preview.type = 'application/pdf';
        document.body.append(preview);
      }, samplePdf().toString('base64'));
      // The viewer is an extension's page framed in the object.
      await until(
        async () => page.frames().map((frame) => frame.url()),
        (urls) => urls.some((url) => url.startsWith('chrome-extension://')) || refused.length > 0,
      );
      expect(refused).toEqual([]);
    } finally {
      await context.close();
    }
  });

  describe.each(['fi', 'sv'] as const)('in %s', (language) => {
    const text = TEXTS[language];
    const labels = signInLabels(text);

    it('opens the sign-in page from any screen URL, accessible and without sideways scrolling', async () => {
      const page = await web.newPage(language);
      // A bookmarked screen of a signed-out person: the app, which sends them to sign in.
      await page.goto('/offers/some-bookmarked-offer');
      await expectPage(page, text.signIn.title);
      await page.goto('/no-such-screen');
      await expectPage(page, text.notFound.title);
      await page.goto('/');
      await expectPage(page, text.signIn.title);
      await expect(page.title()).resolves.toBe(`${text.signIn.title} – ${text.app.serviceName}`);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe(language);
      await expectAccessible(page);
      await expectNoSidewaysScroll(page);
    });

    it('signs a person in, shows them by name with their role home, and signs them out', async () => {
      const user = await createUser(web.t.db, Role.Expert, { name: 'Sanna Selkämeri', language: language as Language });
      const page = await web.newPage(language);
      await signIn(page, user, labels);
      await expectPage(page, text.home.title);
      await page.getByText(text.app.signedInAs.replace('{{name}}', 'Sanna Selkämeri')).waitFor();
      await page.getByRole('navigation', { name: text.app.mainNavigation }).waitFor();
      await expectAccessible(page);
      await expectNoSidewaysScroll(page);
      await page.getByRole('button', { name: text.app.signOut }).click();
      await expectPage(page, text.signIn.title);
    });

    it('reaches the main content from the skip link with the keyboard', async () => {
      const page = await web.newPage(language);
      await page.goto('/sign-in');
      await expectPage(page, text.signIn.title);
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: text.app.skipToContent });
      await expect(skip.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      // Shown, it reads as a line of words, on a desktop and on a phone (its words were once broken letter by
      // letter into a column as tall as the page).
      for (const width of [1280, 320]) {
        await page.setViewportSize({ width, height: 800 });
        const box = (await skip.boundingBox())!;
        expect({ width, wide: box.width > 2 * box.height, inWindow: box.x + box.width <= width }).toEqual({
          width,
          wide: true,
          inWindow: true,
        });
      }
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.keyboard.press('Enter');
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
      // The next Tab lands in the page, not back in the header.
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.closest('main') !== null)).resolves.toBe(true);
    });

    it('keeps the session over a reload through the cookie, and ends it on sign-out', async () => {
      const user = await createUser(web.t.db, Role.Coordinator, { language: language as Language });
      const page = await web.newPage(language);
      await signIn(page, user, labels);
      // The coordinator's home is today's work queues.
      await expectPage(page, text.coordinator.today.title);
      await page.reload();
      await expectPage(page, text.coordinator.today.title);
      // The refresh token is nowhere a script can read it.
      await expect(page.evaluate(() => document.cookie)).resolves.not.toContain('kokemus_refresh');
      await expect(
        page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })),
      ).resolves.not.toMatch(/ey[A-Za-z0-9_-]{20,}/);
      await page.getByRole('button', { name: text.app.signOut }).click();
      await expectPage(page, text.signIn.title);
      await page.reload();
      await expectPage(page, text.signIn.title);
    });

    // An expert signed in on a page whose clock the test moves, then idle for 28½ minutes.
    async function idleForHalfAnHour(): Promise<Page> {
      const user = await createUser(web.t.db, Role.Expert, { language: language as Language });
      const page = await web.newPage(language, 1280, { ownContext: true });
      await page.clock.install();
      await signIn(page, user, labels);
      await expectPage(page, text.home.title);
      await page.clock.fastForward('28:30');
      return page;
    }

    it('warns before an idle session ends, locks the page when nobody answers, and signs out from the lock', async () => {
      const page = await idleForHalfAnHour();
      const dialog = page.getByRole('dialog', { name: text.session.warningTitle });
      await dialog.waitFor();
      // Counted from when it opens: a minute and a half left reads "about 2 minutes" at once, never the half hour.
      await dialog.getByText(text.session.warningBody_other.replace('{{count}}', '2')).waitFor({ timeout: 1000 });
      await page.getByRole('button', { name: text.session.continue }).waitFor();
      await expectAccessible(page);
      await page.clock.fastForward('02:00');
      // Signed out on the server; the page waits, out of sight, behind a dialog to sign in again.
      const lock = page.getByRole('dialog', { name: text.session.lockedTitle });
      await lock.getByText(text.session.lockedIdle).waitFor();
      await expect(page.getByRole('heading', { name: text.home.title, level: 1 }).isVisible()).resolves.toBe(false);
      await expectAccessible(page);
      await lock.getByRole('button', { name: text.session.signOut }).click();
      await expectPage(page, text.signIn.title);
      await page.getByRole('main').getByText(text.app.signedOut).waitFor();
      // Nothing brings the session back: the server ended it when the page locked.
      await page.reload();
      await expectPage(page, text.signIn.title);
    });

    it('shares the session between tabs: work in one keeps the other open, a sign-out locks the other, a sign-in opens it', async () => {
      const user = await createUser(web.t.db, Role.Expert, { language: language as Language });
      const first = await web.newPage(language, 1280, { ownContext: true });
      await first.clock.install();
      await signIn(first, user, labels);
      await expectPage(first, text.home.title);
      // A second tab of the same browser: the session comes from the cookie.
      const second = await first.context().newPage();
      await second.goto('/');
      await expectPage(second, text.home.title);
      // Twenty minutes on, the person works in the second tab; ten minutes later the first, untouched for half an
      // hour, is still open: neither warned nor locked.
      await first.clock.fastForward('20:00');
      await second.getByRole('heading', { name: text.home.title, level: 1 }).click();
      await new Promise((resolve) => setTimeout(resolve, 500));
      await first.clock.fastForward('10:00');
      await expect(first.getByRole('dialog').count()).resolves.toBe(0);
      await expect(first.getByRole('heading', { name: text.home.title, level: 1 }).isVisible()).resolves.toBe(true);
      // Signed out in the second tab: the first locks at once.
      await second.getByRole('button', { name: text.app.signOut }).click();
      await expectPage(second, text.signIn.title);
      const lock = first.getByRole('dialog', { name: text.session.lockedTitle });
      await lock.getByText(text.session.lockedExpired).waitFor();
      // Signed in again in the second tab: the first opens by itself, as it was.
      await second.getByLabel(labels.email).fill(user.email);
      await second.getByLabel(labels.password, { exact: true }).fill(user.password);
      await second.getByRole('button', { name: labels.submit }).click();
      await expectPage(second, text.home.title);
      await lock.waitFor({ state: 'hidden' });
      await expect(first.getByRole('heading', { name: text.home.title, level: 1 }).isVisible()).resolves.toBe(true);
    });

    it('lets the person continue an idle session from the warning', async () => {
      const page = await idleForHalfAnHour();
      const dialog = page.getByRole('dialog', { name: text.session.warningTitle });
      await dialog.waitFor();
      await page.getByRole('button', { name: text.session.continue }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.clock.fastForward('20:00');
      await expectPage(page, text.home.title);
      await expect(page.getByRole('button', { name: text.app.signOut }).isVisible()).resolves.toBe(true);
    });

    it('keeps what was typed and names the problem when the password is wrong', async () => {
      const user = await createUser(web.t.db, Role.Orderer);
      const page = await web.newPage(language);
      await signIn(page, { email: user.email, password: 'not-the-password-at-all' }, labels);
      await page.getByText(text.errors.code.INVALID_CREDENTIALS).waitFor();
      await expect(page.getByLabel(labels.email).inputValue()).resolves.toBe(user.email);
      await expectAccessible(page);
    });

    it('lists every missing field in an error summary that takes the focus', async () => {
      const page = await web.newPage(language);
      await page.goto('/sign-in');
      await page.getByRole('button', { name: labels.submit }).click();
      const summary = page.getByRole('heading', { name: text.forms.errorSummary_other.replace('{{count}}', '2') });
      await summary.waitFor();
      await expect(summary.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      await expectAccessible(page);
    });
  });
});

describe('the account pages, the application and the accessibility statement in the browser', () => {
  let web: WebApp;
  let admin: string;

  beforeAll(async () => {
    web = await sharedWebApp();
    admin = await signedIn(web.t, Role.Admin);
  }, 120_000);

  it('switches the language on every page before sign-in and keeps the choice in this browser', async () => {
    const { fi, sv } = TEXTS;
    const page = await web.newPage('fi');
    await page.goto('/sign-in');
    await expectPage(page, fi.signIn.title);
    await page.getByRole('button', { name: fi.language.menuLabel.replace('{{current}}', fi.language.fi) }).click();
    await page.getByRole('menuitem', { name: sv.language.sv }).click();
    await expectPage(page, sv.signIn.title);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('sv');
    await page.getByRole('link', { name: sv.nav.accessibility }).click();
    await expectPage(page, sv.accessibility.title);
    await page.reload();
    await expectPage(page, sv.accessibility.title);
    await expectAccessible(page);
  });

  describe.each(['fi', 'sv'] as const)('in %s', (language) => {
    const text = TEXTS[language];

    it('sets a password from the invitation link in the mail, then signs in with it', async () => {
      const email = `kutsuttu-${randomUUID().slice(0, 8)}@example.test`;
      await web.t.http
        .post('/users')
        .set('authorization', `Bearer ${admin}`)
        .send({ email, name: 'Kaisa Kutsuttu', role: 'orderer', language })
        .expect(201);
      const link = await mailedLink(web.t, email, '/set-password');
      const page = await web.newPage(language, 360);
      await page.goto(link);
      await expectPage(page, text.setPassword.title);
      // The token stays out of the address bar and the history once read.
      expect(page.url()).not.toContain('token');
      await expectAccessible(page);
      await expectNoSidewaysScroll(page);
      await page.getByLabel(text.fields.newPassword, { exact: true }).fill('Vaasan-saaristo-2027');
      await page.getByLabel(text.fields.newPasswordAgain).fill('Vaasan-saaristo-2026');
      await page.getByRole('button', { name: text.setPassword.submit }).click();
      await page.getByRole('link', { name: text.forms.mismatch }).waitFor();
      await page.getByLabel(text.fields.newPasswordAgain).fill('Vaasan-saaristo-2027');
      await page.getByRole('button', { name: text.setPassword.submit }).click();
      await page.getByRole('main').getByText(text.setPassword.done).waitFor();
      await page.getByRole('link', { name: text.nav.signIn }).first().click();
      await signIn(
        page,
        { email, password: 'Vaasan-saaristo-2027' },
        { email: text.fields.email, password: text.fields.password, submit: text.signIn.submit },
      );
      // An orderer's first screen is their orders.
      await expectPage(page, text.orders.list.title);
      await expect(page.evaluate(() => location.pathname)).resolves.toBe('/orders');
    });

    it('tells that an invitation link was already used', async () => {
      const page = await web.newPage(language);
      await page.goto(`/set-password#token=${'x'.repeat(43)}`);
      await page.getByLabel(text.fields.newPassword, { exact: true }).fill('Vaasan-saaristo-2027');
      await page.getByLabel(text.fields.newPasswordAgain).fill('Vaasan-saaristo-2027');
      await page.getByRole('button', { name: text.setPassword.submit }).click();
      await page.getByText(text.errors.code.INVALID_INVITATION).waitFor();
      await expectAccessible(page);
    });

    it('takes an application as an expert by experience, which mails a link to set a password', async () => {
      const email = `hakija-${randomUUID().slice(0, 8)}@example.test`;
      const page = await web.newPage(language, 360);
      await page.goto('/apply');
      await expectPage(page, text.apply.title);
      await expectAccessible(page);
      await expectNoSidewaysScroll(page);
      await page.getByLabel(text.fields.name).fill('Henrik Hakija');
      await page.getByLabel(text.fields.email).fill(email);
      const sent: string[] = [];
      page.on('request', (r) => r.method() === 'POST' && sent.push(new URL(r.url()).pathname));
      // A double click sends once.
      await page.getByRole('button', { name: text.apply.submit }).dblclick();
      await page.getByRole('main').getByText(text.apply.sent).waitFor();
      expect(sent).toEqual(['/api/experts/applications']);
      // Said in the live region too, for a screen reader.
      await page.getByRole('status').filter({ hasText: text.apply.sent }).waitFor();
      await expect(mailedLink(web.t, email, '/set-password')).resolves.toMatch(/^\/set-password#token=/);
      const mail = web.t.mail.sent.find((m) => m.to === email)!;
      // The application's language is the page's.
      expect(mail.text).toContain(language === 'sv' ? 'lösenord' : 'salasana');
    });

    it('shows the accessibility statement with the enforcement body, accessible at 320 px', async () => {
      const page = await web.newPage(language, 360);
      await page.goto('/accessibility');
      await expectPage(page, text.accessibility.title);
      await page.getByRole('heading', { level: 2, name: text.accessibility.enforcementHeading }).waitFor();
      await page.getByText(text.accessibility.enforcementContact).waitFor();
      await expectAccessible(page);
      await expectNoSidewaysScroll(page);
    });

    it('sends accessibility feedback', async () => {
      const page = await web.newPage(language);
      await page.goto('/accessibility');
      await page
        .getByRole('textbox', { name: text.accessibility.message, exact: true })
        .fill('Lomakkeen virheilmoitus ei näy ruudunlukijalla.');
      await page.getByLabel(new RegExp(`^${text.fields.email}`)).fill('palaute@example.test');
      await page.getByRole('button', { name: text.accessibility.submit }).click();
      await page.getByRole('main').getByText(text.accessibility.sent).waitFor();
      await expectAccessible(page);
    });

    it('asks for a password reset link and sets a new password with it', async () => {
      const user = await createUser(web.t.db, Role.Expert, { language: language as Language });
      const page = await web.newPage(language, 360);
      await page.goto('/sign-in');
      await page.getByRole('link', { name: text.signIn.forgot }).click();
      await expectPage(page, text.forgotPassword.title);
      await expectAccessible(page);
      await page.getByLabel(text.fields.email).fill(user.email);
      await page.getByRole('button', { name: text.forgotPassword.submit }).click();
      await page.getByRole('main').getByText(text.forgotPassword.sent).waitFor();
      const link = await mailedLink(web.t, user.email, '/reset-password');
      await page.goto(link);
      await expectPage(page, text.resetPassword.title);
      await expectAccessible(page);
      await expectNoSidewaysScroll(page);
      await page.getByLabel(text.fields.newPassword, { exact: true }).fill('Korsholm-kust-2027');
      await page.getByLabel(text.fields.newPasswordAgain).fill('Korsholm-kust-2027');
      await page.getByRole('button', { name: text.resetPassword.submit }).click();
      await page.getByRole('main').getByText(text.resetPassword.done).waitFor();
      // The outcome alone: the intro asking for a password went with the form.
      expect(await page.getByRole('main').getByText(text.resetPassword.intro).count()).toBe(0);
      await signIn(
        page,
        { email: user.email, password: 'Korsholm-kust-2027' },
        { email: text.fields.email, password: text.fields.password, submit: text.signIn.submit },
      );
      await expectPage(page, text.home.title);
    });
  });

  it('draws text in Source Sans 3 from its own origin, a name in Cyrillic too', async () => {
    const user = await createUser(web.t.db, Role.Expert, { name: 'Олена Коваленко', language: Language.Fi });
    const page = await web.newPage('fi');
    const fontOrigins = new Set<string>();
    page.on('request', (r) => void (r.resourceType() === 'font' && fontOrigins.add(new URL(r.url()).origin)));
    await signIn(page, user, signInLabels(TEXTS.fi));
    await page.getByText(TEXTS.fi.app.signedInAs.replace('{{name}}', 'Олена Коваленко')).waitFor();
    const loaded = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family} ${f.unicodeRange}`);
    });
    // The Latin face and the Cyrillic one (its range begins at U+0400) were both fetched and used.
    expect(loaded).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^"?Source Sans 3"? U\+0-FF\b/),
        expect.stringMatching(/^"?Source Sans 3"? U\+301, U\+400-45F\b/),
      ]),
    );
    expect([...fontOrigins]).toEqual([new URL(page.url()).origin]);
  });
});
