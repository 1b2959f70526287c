import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Role } from '../../src/common/auth/role.enum';
import { createUser } from '../factories/users.factory';
import fi from '../../web/src/i18n/fi.json';
import sv from '../../web/src/i18n/sv.json';
import { expectPage, signIn, startWebApp, WebApp } from './browser';

// Not a test: with SCREENSHOT_DIR set, a picture of every page at 1280 and 360 px in Finnish and Swedish, for
// a person to look at (SCREENSHOT_DIR=/tmp/shots npx jest test/browser/screenshots).
const dir = process.env.SCREENSHOT_DIR;
const TEXTS = { fi, sv };

(dir ? describe : describe.skip)('screenshots of the web app', () => {
  let web: WebApp;
  beforeAll(async () => {
    web = await startWebApp();
    mkdirSync(dir!, { recursive: true });
  }, 120_000);
  afterAll(() => web?.close());

  it.each(['fi', 'sv'] as const)(
    'in %s',
    async (language) => {
      const text = TEXTS[language];
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
          await page.screenshot({ path: join(dir!, `${name}-${language}-${width}.png`), fullPage: true });
        }
        await page.goto('/sign-in');
        await page.getByRole('button', { name: text.signIn.submit }).click();
        await page.getByRole('heading', { name: text.forms.errorSummary_other.replace('{{count}}', '2') }).waitFor();
        await page.screenshot({ path: join(dir!, `sign-in-errors-${language}-${width}.png`), fullPage: true });
        const user = await createUser(web.t.db, Role.Expert, { name: 'Sanna Selkämeri' });
        await signIn(page, user, {
          email: text.fields.email,
          password: text.fields.password,
          submit: text.signIn.submit,
        });
        await expectPage(page, text.home.title);
        await page.screenshot({ path: join(dir!, `home-${language}-${width}.png`), fullPage: true });
        await page
          .getByRole('button', { name: text.language.menuLabel.replace('{{current}}', text.language[language]) })
          .click();
        await page.screenshot({ path: join(dir!, `language-menu-${language}-${width}.png`) });
      }
    },
    120_000,
  );
});
