import { Role } from '../../src/common/auth/role.enum';
import { Language } from '../../src/common/i18n/language';
import { createUser } from '../factories/users.factory';
import fi from '../../web/src/i18n/fi.json';
import sv from '../../web/src/i18n/sv.json';
import { expectAccessible, expectNoSidewaysScroll, expectPage, signIn, startWebApp, WebApp } from './browser';

const TEXTS = { fi, sv };

describe('the public pages and the shell in the browser', () => {
  let web: WebApp;

  beforeAll(async () => {
    web = await startWebApp();
  }, 120_000);
  afterAll(() => web?.close());

  describe.each(['fi', 'sv'] as const)('in %s', (language) => {
    const text = TEXTS[language];
    const labels = { email: text.fields.email, password: text.fields.password, submit: text.signIn.submit };

    it('opens the sign-in page from any screen URL, accessible and without sideways scrolling', async () => {
      const page = await web.newPage(language);
      // A bookmarked screen of a signed-out person: the app, which sends them to sign in.
      await page.goto('/offers/some-bookmarked-offer');
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
