import { Role } from '../../src/common/auth/role.enum';
import { Language } from '../../src/common/i18n/language';
import { createUser } from '../factories/users.factory';
import { expectPage, signIn } from './browser';
import { describeScreenshots } from './screenshot-specs';
import { signInLabels } from './texts';

// Not a test: with SCREENSHOT_DIR set, a picture of every page at 1280 and 360 px in Finnish and Swedish, for
// a person to look at (SCREENSHOT_DIR=/tmp/shots npx jest test/browser/screenshots).
describeScreenshots('screenshots of the web app', { timeout: 120_000 }, async ({ web, language, text, picture }) => {
  const pages: [string, string, string][] = [
    ['sign-in', '/sign-in', text.signIn.title],
    ['forgotten-password', '/forgotten-password', text.forgotPassword.title],
    ['reset-password', `/reset-password#token=${'a'.repeat(43)}`, text.resetPassword.title],
    ['set-password', `/set-password#token=${'a'.repeat(43)}`, text.setPassword.title],
    ['apply', '/apply', text.apply.title],
    ['accessibility', '/accessibility', text.accessibility.title],
    ['not-found', '/no-such-page', text.notFound.title],
  ];
  for (const width of [1280, 360]) {
    const page = await web.newPage(language, width);
    for (const [name, path, title] of pages) {
      await page.goto(path);
      await expectPage(page, title);
      await picture(page, name, width);
    }
    await page.goto('/sign-in');
    await page.getByRole('button', { name: text.signIn.submit }).click();
    await page.getByRole('heading', { name: text.forms.errorSummary_other.replace('{{count}}', '2') }).waitFor();
    await picture(page, 'sign-in-errors', width);
    // Signed in, the app speaks the person's own language: the same as the page's.
    const user = await createUser(web.t.db, Role.Expert, { name: 'Sanna Selkämeri', language: language as Language });
    await signIn(page, user, signInLabels(text));
    await expectPage(page, text.home.title);
    await picture(page, 'home', width);
    await page
      .getByRole('button', { name: text.language.menuLabel.replace('{{current}}', text.language[language]) })
      .click();
    await picture(page, 'language-menu', width, { fullPage: false });
  }
});
