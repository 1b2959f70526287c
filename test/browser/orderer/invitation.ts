import { randomUUID } from 'node:crypto';
import { Role } from '../../../src/common/auth/role.enum';
import { addMember, createUnit } from '../../factories/organisations.factory';
import { asUser } from '../../utils/as-user';
import { expectPage, mailedLink, sharedWebApp, shot, WebApp } from '../browser';
import { expectFocusOn, focusedText, tabTo } from '../keyboard';
import { PSYCHIATRY, signedIn } from '../parties';
import { TEXTS } from '../texts';

// A new orderer's first steps by keyboard alone: from the invitation mail to a password, and on to signing in.
describe('an invited orderer by keyboard', () => {
  let web: WebApp;

  beforeAll(async () => {
    web = await sharedWebApp();
  }, 120_000);

  it.each(['fi', 'sv'] as const)(
    'in %s: sets a password, the notice that it is saved takes the focus, and the next Tab is the way to sign in',
    async (language) => {
      const text = TEXTS[language];
      const { t } = web;
      const email = `tilaaja-${randomUUID().slice(0, 8)}@example.test`;
      const invited = await asUser(() => t.http)(await signedIn(t, Role.Admin))
        .post('/users', { email, name: 'Kaisa Kutsuttu', role: 'orderer', language })
        .expect(201);
      await addMember(t.db, (await createUnit(t.db, PSYCHIATRY)).id, invited.body.id as string);
      const page = await web.newPage(language, 360);
      await page.goto(await mailedLink(t, email, '/set-password'));
      await expectPage(page, text.setPassword.title);

      await page.getByLabel(text.fields.newPassword, { exact: true }).focus();
      await page.keyboard.type('Vaasan-saaristo-2027');
      await tabTo(page, page.getByLabel(text.fields.newPasswordAgain), 5);
      await page.keyboard.type('Vaasan-saaristo-2027');
      await page.keyboard.press('Enter');
      // The form is gone: the notice has the focus (it fell to the body), and Tab goes on to signing in.
      await expectFocusOn(page, text.setPassword.done);
      // The outcome alone: the intro asking for a password went with the form.
      expect(await page.getByRole('main').getByText(text.setPassword.intro).count()).toBe(0);
      await shot(page, 'set-password-done', language);
      await page.keyboard.press('Tab');
      expect(await focusedText(page)).toBe(text.nav.signIn);
      await page.keyboard.press('Enter');
      await expectPage(page, text.signIn.title);
      await page.getByLabel(text.fields.email).fill(email);
      await page.getByLabel(text.fields.password, { exact: true }).fill('Vaasan-saaristo-2027');
      await page.keyboard.press('Enter');
      await expectPage(page, text.orders.list.title);
    },
    60_000,
  );
});
