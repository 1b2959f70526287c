import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { Role } from '../../../src/common/auth/role.enum';
import { Language } from '../../../src/common/i18n/language';
import { createUnit } from '../../factories/organisations.factory';
import { createUser, TestUser } from '../../factories/users.factory';
import { expectAccessible, expectNoSidewaysScroll, expectPage, shot, signIn, sharedWebApp, WebApp } from '../browser';
import { asUser } from '../../utils/as-user';
import { viaMenu } from '../menu';
import { signedIn } from '../parties';
import { expectRefusedAtField } from '../keyboard';
import { fill, TEXTS, Texts } from '../texts';

jest.setTimeout(240_000);

// The admin's units and projects and people screens against the real API: a project made, an orderer added to it,
// a role corrected (and one refused), an account disabled and enabled again.
describe('the admin’s units, projects and people in the browser', () => {
  let web: WebApp;
  let unitName: { fi: string; sv: string };
  let unitCode: string;

  beforeAll(async () => {
    web = await sharedWebApp();
    const suffix = randomUUID().slice(0, 4);
    unitName = { fi: `Aikuissosiaalityö ${suffix}`, sv: `Socialt arbete för vuxna ${suffix}` };
    unitCode = `4120-${suffix}`;
    await createUnit(web.t.db, { nameFi: unitName.fi, nameSv: unitName.sv, code: unitCode });
  }, 180_000);

  async function signedInAdmin(text: Texts, language: 'fi' | 'sv', width = 1280): Promise<Page> {
    const admin = await createUser(web.t.db, Role.Admin, {
      name: 'Aino Pääkäyttäjä',
      language: language as Language,
    });
    const page = await web.newPage(language, width);
    await signIn(page, admin, { email: text.fields.email, password: text.fields.password, submit: text.signIn.submit });
    await expectPage(page, text.home.title);
    return page;
  }

  const announced = (page: Page, message: string) => page.getByRole('status').filter({ hasText: message }).waitFor();

  describe.each(['fi', 'sv'] as const)('in %s', (language) => {
    const text: Texts = TEXTS[language];
    const o = text.admin.organisations;
    const p = text.admin.people;
    const suffix = randomUUID().slice(0, 6);
    const project = {
      fi: `Nuorten mielenterveyshanke ${suffix}`,
      sv: `Projekt för ungas psykiska hälsa ${suffix}`,
      code: `H-${suffix}`,
    };
    let member: TestUser & { name: string };
    let changer: TestUser & { name: string };
    let projectPath = '';

    beforeAll(async () => {
      const named = async (name: string) => ({ ...(await createUser(web.t.db, Role.Orderer, { name })), name });
      member = await named(`${language === 'fi' ? 'Olli Tilaaja' : 'Oskar Beställare'} ${suffix}`);
      changer = await named(`${language === 'fi' ? 'Riikka Roolinvaihto' : 'Rut Rollbyte'} ${suffix}`);
    });

    it('the admin creates a project, adds a member, changes a role, disables and enables a person', async () => {
      const page = await signedInAdmin(text, language);
      await viaMenu(page, text, text.admin.nav.organisations, o.title);
      await page.getByRole('table', { name: new RegExp(`^${o.units}`) }).waitFor();
      await expectAccessible(page);
      await shot(page, 'admin-organisations', language);

      // Sent empty, the form lists what is missing in its error summary, linked to the fields.
      const create = page.getByRole('region', { name: o.create.heading });
      await create.getByRole('button', { name: o.create.submit }).click();
      await create.getByRole('link', { name: fill(text.forms.required, { field: o.fields.nameFi }) }).waitFor();
      await expectAccessible(page);

      await create.getByLabel(o.fields.kind).selectOption('project');
      await create.getByLabel(o.fields.nameFi).fill(project.fi);
      await create.getByLabel(o.fields.nameSv).fill(project.sv);
      await create.getByLabel(o.fields.code).fill(project.code);
      await create.getByLabel(o.fields.ownerUnitId).selectOption({ label: `${unitName[language]} (${unitCode})` });
      await create.getByLabel(o.fields.activeUntil).fill('2028-12-31');
      // The unit's cost centre, taken: refused at the field, everything typed kept.
      const code = create.getByRole('textbox', { name: o.fields.code });
      await expectRefusedAtField(
        page,
        text.forms.errorSummary_one,
        { field: code, value: unitCode, send: create.getByRole('button', { name: o.create.submit }) },
        fill(text.errors.atField.ORGANISATION_CODE_TAKEN, { field: o.fields.code }),
      );
      await expect(create.getByLabel(o.fields.nameFi).inputValue()).resolves.toBe(project.fi);
      await expectAccessible(page);
      await shot(page, 'admin-organisation-code-taken', language);
      await code.fill(project.code);
      await create.getByRole('button', { name: o.create.submit }).click();
      await expectPage(page, project[language]);
      projectPath = new URL(page.url()).pathname;
      await page.getByText(fill(o.period.closed, { from: '', until: '31.12.2028' }).trim(), { exact: false }).waitFor();
      await expectAccessible(page);

      const members = page.getByRole('region', { name: o.members.heading });
      await members.getByLabel(o.members.orderer).selectOption({ label: `${member.name} (${member.email})` });
      await members.getByRole('button', { name: o.members.submit }).click();
      await announced(page, fill(o.members.added, { name: member.name }));
      await members.getByRole('row', { name: new RegExp(member.name) }).waitFor();
      await expectAccessible(page);
      await shot(page, 'admin-organisation', language);

      await page.getByRole('link', { name: o.back }).click();
      await expectPage(page, o.title);
      const projects = page.getByRole('table', { name: new RegExp(`^${o.projects}`) });
      await projects.getByRole('link', { name: project[language] }).waitFor();

      await viaMenu(page, text, text.admin.nav.people, p.title);
      // Found by a part of the name, with Enter: only they are left in the list.
      await page.getByRole('textbox', { name: p.list.search }).fill(suffix);
      await page.keyboard.press('Enter');
      await page.getByRole('table', { name: fill(p.list.caption, { total: '2' }) }).waitFor();
      for (const person of [member, changer]) await page.getByRole('row').filter({ hasText: person.email }).waitFor();
      await expectAccessible(page);
      // Inviting someone whose address already has an account: refused at the e-mail field.
      const invite = page.getByRole('region', { name: p.invite.heading });
      await invite.getByRole('textbox', { name: p.invite.name }).fill(member.name);
      const email = invite.getByRole('textbox', { name: p.invite.email });
      await expectRefusedAtField(
        page,
        text.forms.errorSummary_one,
        { field: email, value: member.email, send: invite.getByRole('button', { name: p.invite.submit }) },
        fill(text.errors.atField.EMAIL_TAKEN, { field: p.invite.email }),
      );
      await expectAccessible(page);
      await shot(page, 'admin-people-email-taken', language);
      // An orderer who belongs to a project keeps the role: the refusal says why.
      const memberRow = page.getByRole('row').filter({ hasText: member.email });
      await memberRow.getByRole('button', { name: fill(p.role.changeNamed, { name: member.name }) }).click();
      await memberRow.getByLabel(fill(p.role.label, { name: member.name })).selectOption('coordinator');
      await memberRow.getByRole('button', { name: p.role.submit }).click();
      await memberRow.getByText(text.errors.code.ORDERER_HAS_MEMBERSHIPS).waitFor();
      await expectAccessible(page);
      await memberRow.getByRole('button', { name: p.role.cancel }).click();

      const row = page.getByRole('row').filter({ hasText: changer.email });
      await row.getByRole('button', { name: fill(p.role.changeNamed, { name: changer.name }) }).click();
      await row.getByLabel(fill(p.role.label, { name: changer.name })).selectOption('coordinator');
      await expectAccessible(page);
      await shot(page, 'admin-people-role', language);
      await row.getByRole('button', { name: p.role.submit }).click();
      await announced(page, fill(p.role.done, { name: changer.name, role: text.roles.coordinator }));
      await row.getByRole('cell', { name: text.roles.coordinator, exact: true }).waitFor();

      await row.getByRole('button', { name: fill(p.actions.disableNamed, { name: changer.name }) }).click();
      await announced(page, fill(p.actions.disableDone, { name: changer.name }));
      await row.getByRole('cell', { name: p.status.disabled, exact: true }).waitFor();
      await row.getByRole('button', { name: fill(p.actions.enableNamed, { name: changer.name }) }).click();
      await announced(page, fill(p.actions.enableDone, { name: changer.name }));
      await row.getByRole('cell', { name: p.status.active, exact: true }).waitFor();
      await expectAccessible(page);
    });

    it('a change another admin saved meanwhile stays when this one saves another field', async () => {
      const unit = await createUnit(web.t.db);
      const page = await signedInAdmin(text, language);
      await page.goto(`/admin/organisations/${unit.id}`);
      await expectPage(page, language === 'sv' ? unit.nameSv : unit.nameFi);
      await page.getByLabel(o.fields.nameSv).fill(`${unit.nameSv} i Vasa`);
      // Meanwhile, another admin corrects the cost centre.
      const code = `K${randomUUID().slice(0, 8)}`;
      await asUser(() => web.t.http)(await signedIn(web.t, Role.Admin))
        .patch(`/units/${unit.id}`, { code })
        .expect(200);
      await page.getByRole('button', { name: o.edit.submit }).click();
      await announced(page, o.edit.done);
      const [saved] = (await web.t.db.query('SELECT code, name_sv FROM organisations WHERE id = $1', [unit.id])) as {
        code: string;
        name_sv: string;
      }[];
      expect(saved).toEqual({ code, name_sv: `${unit.nameSv} i Vasa` });
      await expectAccessible(page);
    });

    it('the screens reflow at 320 px and picture at 360 px', async () => {
      const page = await signedInAdmin(text, language, 360);
      for (const [name, path, title] of [
        ['admin-organisations', '/admin/organisations', o.title],
        ['admin-organisation', projectPath, project[language]],
        ['admin-people', '/admin/people', p.title],
      ] as const) {
        await page.goto(path);
        await expectPage(page, title);
        await page.getByRole('heading', { level: 2 }).first().waitFor();
        await page.getByRole('table').first().waitFor();
        await shot(page, name, language, { widths: [360] });
        await expectNoSidewaysScroll(page, '.table-region');
        await expectAccessible(page);
      }
    });
  });
});
